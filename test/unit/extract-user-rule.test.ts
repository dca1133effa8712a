/**
 * The user's own site rule in extraction (ExtractOptions.userRule): removals and a picked body apply before the
 * built-in rules, selectors that no longer match are skipped, and the page itself is never touched.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '@/utils/extract';
import { FIXTURES_DIR } from '../helpers/fixtures';

const para = (s: string, n = 12) => `<p>${`${s} `.repeat(n).trim()}.</p>`;

/** A blog on a host without a site rule: the generic path picks the long "comments" thread over the story. */
const BLOG_URL = 'https://catatan.example.id/2024/05/banjir-rob';
const BLOG = `<!doctype html><html lang="id"><head><title>Banjir rob di pesisir utara</title></head><body>
  <header><a href="/">Catatan</a></header>
  <div class="story"><h1>Banjir rob di pesisir utara</h1>
    ${para('Air laut naik ke permukiman warga di pesisir utara sejak pagi hari', 3)}
    <div class="sisipan">Sisipan promo langganan buletin mingguan kami gratis</div>
    ${para('Warga mengungsi ke balai desa sambil menunggu air surut kembali', 3)}
    ${para('Pemerintah daerah menyiapkan dapur umum dan pompa air tambahan', 3)}
  </div>
  <section class="thread">${Array.from({ length: 8 }, (_, i) => para(`Komentar pembaca nomor ${i + 1} tentang hal lain yang panjang sekali`, 3)).join('')}</section>
</body></html>`;

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('user site rules in extraction', () => {
  it('a picked body becomes the article; removals go first', () => {
    const doc = parse(BLOG);
    const before = doc.documentElement.outerHTML;
    const generic = extractArticle(doc, { url: BLOG_URL })!;
    expect(generic.textContent).toContain('Komentar pembaca');

    const fixed = extractArticle(doc, { url: BLOG_URL, userRule: { body: 'div.story', remove: ['.sisipan'] } })!;
    expect(fixed.textContent).toContain('Air laut naik');
    expect(fixed.textContent).toContain('dapur umum');
    expect(fixed.textContent).not.toContain('Komentar pembaca');
    expect(fixed.textContent).not.toContain('Sisipan promo');
    expect(doc.documentElement.outerHTML, 'extraction never touches the page').toBe(before);
  });

  it('selectors that match nothing (the site changed) or are invalid are skipped', () => {
    const doc = parse(BLOG);
    const a = extractArticle(doc, { url: BLOG_URL, userRule: { body: '.gone-now', remove: ['[[invalid', '.also-gone'] } });
    const b = extractArticle(doc, { url: BLOG_URL });
    expect(a?.textContent).toBe(b?.textContent);
  });

  it('on a site with a built-in rule, the user rule comes first and the site rule still cleans', () => {
    const id = 'kompas/seed-putin-kim';
    const html = readFileSync(join(FIXTURES_DIR, id, 'source.html'), 'utf8');
    const url = JSON.parse(readFileSync(join(FIXTURES_DIR, id, 'expected.json'), 'utf8')).url as string;
    const builtIn = extractArticle(parse(html), { url })!;
    expect(builtIn.ruleId).toBe('kompas');
    const doc = parse(html);
    // The user removed the first paragraph of the body (its dateline) on an earlier visit.
    const firstP = Array.from(doc.querySelectorAll('.read__content p')).find((p) => p.textContent?.includes('MOSKWA'))!;
    firstP.classList.add('user-marked');
    const fixed = extractArticle(doc, { url, userRule: { remove: ['.read__content p.user-marked'] } })!;
    expect(fixed.ruleId).toBe('kompas');
    expect(fixed.textContent).not.toContain('MOSKWA, KOMPAS.com');
    expect(fixed.wordCount).toBeLessThan(builtIn.wordCount);
    // A picked body on a rule site narrows to that block, and the site's clutter rules still apply inside it.
    const picked = extractArticle(parse(html), { url, userRule: { body: '.read__content' } })!;
    expect(picked.textContent).toContain('MOSKWA, KOMPAS.com');
    expect(picked.textContent).not.toMatch(/Baca juga/i);
  });
});
