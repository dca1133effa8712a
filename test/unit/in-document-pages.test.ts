/** Later pages hidden in the document (utils/extract/in-document-pages.ts): what is a page, and what only hides like one. */
import { describe, expect, it } from 'vitest';
import { joinPagesInDocument } from '@/utils/extract/in-document-pages';

const words = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');

function body(html: string): HTMLElement {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc.body;
}

describe('later pages hidden in the document', () => {
  it('joins a hidden later page of the article to the page that shows', () => {
    const root = body(`<div class="page page-1"><p>${words(40, 'one')}</p></div>
      <div class="pager"><a href="?page=2">2</a></div>
      <div class="page page-2" style="display:none"><p>${words(40, 'two')}</p></div>`);
    expect(joinPagesInDocument(root)).toBe(1);
    const first = root.querySelector('.page-1')!;
    expect(first.textContent).toContain('two39');
    expect(root.querySelector('.page-2')!.getAttribute('style')).toBeNull();
  });

  it('leaves the hidden tab panels of a dialog hidden: a cookie dialog\'s tabs are not pages', () => {
    const tabs = ['overview', 'necessary', 'statistics'].map(
      (id, i) => `<div id="${id}" class="consent-tab-main"${i ? ' style="display:none"' : ''}><span class="tab-title">${id}</span><div class="consent-tab-main-content"><p>${words(40, id)}</p></div></div>`,
    );
    const root = body(`<article><p>${words(60, 'article')}</p></article>
      <div id="settings-modal" class="privacy-modal"><div class="main-modal-content"><div class="tab-content">${tabs.join('')}</div></div></div>`);
    expect(joinPagesInDocument(root)).toBe(0);
    expect(root.querySelector('#necessary')!.getAttribute('style')).toBe('display:none');
  });

  it('leaves panels inside a <dialog> or role="dialog", and role="tabpanel" panels, hidden', () => {
    const panels = (attrs: string) =>
      `<div class="panel"${attrs}><p>${words(30, 'shown')}</p></div><div class="panel" hidden${attrs}><p>${words(30, 'hidden')}</p></div>`;
    for (const html of [`<dialog open>${panels('')}</dialog>`, `<div role="dialog">${panels('')}</div>`, `<div>${panels(' role="tabpanel"')}</div>`]) {
      const root = body(html);
      expect(joinPagesInDocument(root), html.slice(0, 40)).toBe(0);
    }
  });
});
