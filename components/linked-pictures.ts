/**
 * Links in an article that wrap only a picture with no name (news sites link their photos to a full-size copy or a
 * gallery, often with alt=""): as they come, each is a tab stop a screen reader announces as "link" and nothing
 * more (four on a Guardian page, issue 13). What a screen-reader user wants from each:
 *  - a link to the picture itself (a larger copy) gives them nothing the caption does not already say: it leaves
 *    the tab order and the accessibility tree; a mouse still opens it;
 *  - a link elsewhere (a gallery, a story) is named by the picture's caption, which says what it shows;
 *  - with no caption either, nothing honest can name it: it leaves the tab order and the tree too.
 * A picture with alt text already names its link, and links with words are left as they are.
 */

const PICTURE_FILE = /\.(avif|bmp|gif|jpe?g|png|svg|webp)(?:[?#]|$)/i;

/** Names or hides the links in `root` that hold only unnamed pictures; pictures with no alt get an empty one. */
export function nameLinkedPictures(root: ParentNode): void {
  for (const link of Array.from(root.querySelectorAll('a[href]'))) {
    if (link.hasAttribute('aria-label') || link.hasAttribute('aria-labelledby')) continue;
    const pictures = Array.from(link.querySelectorAll('img, svg, picture, video'));
    if (!pictures.length || (link.textContent ?? '').trim()) continue;
    const imgs = Array.from(link.querySelectorAll('img'));
    if (imgs.some((img) => (img.getAttribute('alt') ?? '').trim() || (img.getAttribute('title') ?? '').trim())) continue;
    const href = link.getAttribute('href') ?? '';
    const toPicture = PICTURE_FILE.test(href) || imgs.some((img) => img.getAttribute('src') === href);
    const caption = (link.closest('figure')?.querySelector('figcaption')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!toPicture && caption) {
      link.setAttribute('aria-label', caption);
    } else {
      link.setAttribute('tabindex', '-1');
      link.setAttribute('aria-hidden', 'true');
    }
  }
  // A picture with no alt at all has its file name read out ("IMG_2041 dot jpg"): what describes it is its
  // caption, read as text, so the picture itself is marked as saying nothing more.
  for (const img of Array.from(root.querySelectorAll('img:not([alt])'))) img.setAttribute('alt', '');
}
