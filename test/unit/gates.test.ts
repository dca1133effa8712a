/** The "is this an article?" gates that read the address alone. */
import { describe, expect, it } from 'vitest';
import { isFrontPage } from '@/utils/extract/gates';

describe('front page gate', () => {
  it('a site root, an index file and tracking tags are the front page', () => {
    for (const url of [
      'https://www.example.id/',
      'https://www.example.id',
      'http://example.id/index.php',
      'https://example.id/index.html',
      'https://example.id/?utm_source=twitter&utm_medium=social',
      'https://example.id/#terkini',
    ]) {
      expect(isFrontPage(url), url).toBe(true);
    }
  });

  it('an article path, a query that names a post and an unreadable address are not', () => {
    for (const url of [
      'https://example.id/berita/2020/10/08/judul-berita',
      'https://example.id/?p=12345',
      'https://example.id/index.php?option=com_content&id=7',
      'https://example.id/read/4210001/judul',
      'not a url',
      '',
    ]) {
      expect(isFrontPage(url), url).toBe(false);
    }
  });
});
