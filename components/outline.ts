/** The article's table of contents: its h2-h4 headings, each given an id to link to when it has none. */
export interface OutlineItem {
  id: string;
  text: string;
  level: 2 | 3 | 4;
}

export function outlineOf(body: Element): OutlineItem[] {
  const items: OutlineItem[] = [];
  let n = 0;
  for (const h of Array.from(body.querySelectorAll('h2, h3, h4'))) {
    const text = (h.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text || h.closest('[hidden]')) continue;
    if (!h.id) h.id = `jernih-h-${++n}`;
    items.push({ id: h.id, text, level: Number(h.tagName[1]) as 2 | 3 | 4 });
  }
  return items;
}
