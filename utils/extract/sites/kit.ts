/**
 * The site rules' kit: what rules declare as data is done here, once (clutter text), and the DOM steps that several
 * rules need (the Trans Media CMS family: detik, CNN Indonesia §4, CNBC Indonesia §13 share parallax ads, .linksisip
 * tables, [Gambas:…] placeholders, bare <strong> datelines and desk codes; shared/notes/id-news-sites.md). Rules
 * import from here, never from one another.
 */

/**
 * Removes the blocks (p, li, h2–h4, and divs with no block inside) whose whole text, spaces collapsed, matches one
 * of `patterns`: a site's own labels and lines ("Pilihan Editor: …", "Halaman 2", "Baca juga …"). A block is
 * taken whole or not at all, so no word inside a sentence goes.
 */
export function removeClutterLines(body: Element, patterns: readonly RegExp[] | undefined): Element[] {
  if (!patterns?.length) return [];
  const removed: Element[] = [];
  for (const el of Array.from(body.querySelectorAll('p, li, h2, h3, h4, div'))) {
    if (!body.contains(el) || el.querySelector('p, div, li, h2, h3, h4, table, figure')) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text && patterns.some((re) => re.test(text))) {
      removed.push(el);
      el.remove();
    }
  }
  return removed;
}

/** Block elements that end the run of inline nodes a dateline may sit in. */
const BLOCK = /^(P|DIV|TABLE|FIGURE|H[1-6]|UL|OL|DL|BLOCKQUOTE|SECTION|ASIDE|ARTICLE|HEADER|FOOTER|NAV|PRE|IFRAME|FORM|CENTER|DETAILS|HR)$/;

/**
 * Detik and CNN print the dateline as a bare `<strong>Jakarta</strong> -` (CNN: `<strong>Jakarta, CNN
 * Indonesia</strong> --`) *before* the first <p>, and style that <p> `display: inline` so it reads as one line
 * (detik's CSS `.detail__body-text>p:nth-of-type(1){display:inline}`; S1 folds it the same way). Without this,
 * the dateline becomes a paragraph of its own. Datelines stay (notes §0.2): they move into paragraph 1.
 */
export function foldLeadingDateline(body: Element): void {
  const lead: ChildNode[] = [];
  let first: Element | null = null;
  for (const node of Array.from(body.childNodes)) {
    if (node.nodeType === 8) continue; // comments such as <!--s:parallaxindetail-->
    if (node.nodeType === 1 && BLOCK.test((node as Element).tagName)) {
      first = node as Element;
      break;
    }
    if (node.nodeType === 1 && /^(SCRIPT|STYLE|BR)$/.test((node as Element).tagName)) continue;
    lead.push(node);
  }
  const text = lead.map((n) => n.textContent ?? '').join('').replace(/\s+/g, ' ').trim();
  if (!text || !first || first.tagName !== 'P' || text.split(' ').length > 8) return;
  const doc = body.ownerDocument;
  first.prepend(...lead, doc.createTextNode(' '));
}

/**
 * Runs of loose inline content between blocks become paragraphs: the bare `<strong>(wnv/aud)</strong>` desk code
 * closing detik and CNN bodies (notes §2/§4), and the old templates' plain text split by `<br><br>` (detik
 * #detikdetailtext, CNN div.detail_text). The narrowed body is no <div> Readability would convert, so without
 * this the desk code is no paragraph and cannot be the last line.
 */
export function wrapLooseInline(body: Element): void {
  const doc = body.ownerDocument;
  let run: ChildNode[] = [];
  const flush = (before: ChildNode | null) => {
    const text = run.map((n) => n.textContent ?? '').join('').trim();
    if (text) {
      const p = doc.createElement('p');
      body.insertBefore(p, before);
      p.append(...run);
    }
    run = [];
  };
  for (const node of Array.from(body.childNodes)) {
    const isBlock = node.nodeType === 1 && (BLOCK.test((node as Element).tagName) || /^(SCRIPT|STYLE|BR|HR|IMG|PICTURE|VIDEO)$/.test((node as Element).tagName));
    if (isBlock) flush(node);
    else if (node.nodeType === 1 || node.nodeType === 3) run.push(node);
  }
  flush(null);
}

/**
 * Text the CMS leaves for client-side embeds and video promos (notes §0.2, S7 CSVs): "[Gambas:Video 20detik]",
 * "[Gambas:Video CNN]", "[Gambas:Youtube]"…, and the tails "Simak juga Video: '…'", "Lihat juga Video …",
 * "Tonton juga …", "Saksikan Video …". Also the "BACA JUGA: …" one-liners CNN puts in a bare <p>.
 */
const PLACEHOLDER = /^\[gambas:[^\]]*\]$/i;
const VIDEO_TAIL = /^(?:(simak|lihat|tonton|saksikan)\s+juga\s*(:|video\b)|(simak|tonton|saksikan)\s+video(nya)?\s*[:'"“‘])/i;
const READ_ALSO = /^(baca|lihat) juga\s*:/i;

export function removeEmbedLeftovers(body: Element): void {
  for (const el of Array.from(body.querySelectorAll('p, div, strong, b, h2, h3, h4, h5'))) {
    if (!body.contains(el)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const words = text.split(' ').length;
    const isPlaceholder = PLACEHOLDER.test(text);
    const isTail = words <= 30 && (VIDEO_TAIL.test(text) || READ_ALSO.test(text));
    if (!isPlaceholder && !isTail) continue;
    // A <strong> line goes with the paragraph it fills.
    const block = el.closest('p') && body.contains(el.closest('p')) ? el.closest('p')! : el;
    if ((block.textContent ?? '').replace(/\s+/g, ' ').trim() === text) block.remove();
  }
  // A placeholder left inline at the end of a real paragraph.
  for (const p of Array.from(body.querySelectorAll('p'))) {
    for (const node of Array.from(p.childNodes)) {
      if (node.nodeType === 3 && /\[gambas:[^\]]*\]/i.test(node.textContent ?? '')) {
        node.textContent = (node.textContent ?? '').replace(/\s*\[gambas:[^\]]*\]\s*/gi, ' ');
      }
    }
  }
}

/**
 * Inline photos: `table.pic_artikel_sisip_table > … div.pic_artikel_sisip > div.pic > img + span(caption)`.
 * Some noise lists drop the whole table, but it is the article's own photo; it becomes a real
 * <figure><img><figcaption>, so the caption is read with it (and generic clutter rules, which read "sisip" in
 * the class as an insert, leave it alone).
 */
export function materializeInlinePhotos(body: Element): void {
  const doc = body.ownerDocument;
  const boxes = body.querySelectorAll('table.pic_artikel_sisip_table, div.pic_artikel_sisip, .pic_artikel');
  for (const box of Array.from(boxes)) {
    if (!body.contains(box)) continue;
    const img = box.querySelector('img');
    if (!img) {
      box.remove();
      continue;
    }
    // (The engine may have turned div.pic into <figure> already: its figcaption is the caption then.)
    const captionEl = box.querySelector('figcaption') ?? box.querySelector('.pic > span, span, .caption, p');
    const caption = (captionEl?.textContent ?? img.getAttribute('title') ?? '').replace(/\s+/g, ' ').trim();
    const figure = doc.createElement('figure');
    const clone = doc.createElement('img');
    for (const attr of ['src', 'alt', 'width', 'height']) {
      const v = img.getAttribute(attr);
      if (v) clone.setAttribute(attr, v);
    }
    figure.append(clone);
    if (caption) {
      const figcaption = doc.createElement('figcaption');
      figcaption.textContent = caption;
      figure.append(figcaption);
    }
    box.replaceWith(figure);
  }
}

