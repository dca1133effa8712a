import { describe, expect, it } from 'vitest';
import { safeUrl, isWebUrl } from '@/utils/safe-url';
import { isArticle } from '@/utils/messages';
import { makeArticle } from '../helpers/library';

const OWN = 'chrome-extension://abcdefghijklmnop';

describe('the URL guard for every href and src the UI renders', () => {
  it('lets web addresses and the extension\'s own pages and blobs through, nothing else', () => {
    expect(safeUrl('https://www.kompas.com/read/1', { ownOrigin: OWN })).toBe('https://www.kompas.com/read/1');
    expect(safeUrl('http://example.org', { ownOrigin: OWN })).toBe('http://example.org/');
    expect(safeUrl(`blob:${OWN}/1234-5678`, { ownOrigin: OWN })).toBe(`blob:${OWN}/1234-5678`);
    expect(safeUrl('saved.html?id=1', { base: `${OWN}/library.html`, ownOrigin: OWN })).toBe(`${OWN}/saved.html?id=1`);
    const refused = [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'data:image/svg+xml,<svg onload=alert(1)>',
      'blob:https://evil.example/1234',
      'chrome-extension://otherextension/page.html',
      'file:///etc/passwd',
      'about:blank',
      'relative/path',
      '',
      '   ',
    ];
    for (const url of refused) expect(safeUrl(url, { ownOrigin: OWN }), url).toBeNull();
    for (const value of [null, undefined, 42, {}, ['https://x.org']]) expect(safeUrl(value, { ownOrigin: OWN })).toBeNull();
    // A blob of another origin (a web page's, in an extension page) is refused; with no origin, every blob is.
    expect(safeUrl('blob:https://www.kompas.com/1234', { ownOrigin: OWN })).toBeNull();
    expect(safeUrl(`blob:${OWN}/1`, { ownOrigin: null })).toBeNull();
    expect(isWebUrl('https://x.org')).toBe(true);
    expect(isWebUrl('javascript:x')).toBe(false);
  });

  it('a message from a content script with a script address for a missing page is refused', () => {
    const ok = { ...makeArticle(1), pages: { joined: 1, total: 2, missing: [{ page: 2, url: 'https://x.org/2', reason: 'HTTP 404' }] } };
    expect(isArticle(ok)).toBe(true);
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'not a url']) {
      expect(isArticle({ ...ok, pages: { ...ok.pages, missing: [{ page: 2, url, reason: 'x' }] } }), url).toBe(false);
    }
    expect(isArticle({ ...ok, pages: { ...ok.pages, missing: [{ page: 2, reason: 'x' }] } })).toBe(false);
    expect(isArticle({ ...ok, url: 'javascript:alert(1)' })).toBe(false);
  });
});
