/**
 * The store listings (docs/store/listing.{en,id}.md) kept true with the extension: every permission wxt.config.ts
 * asks for has its justification heading in both languages, the supported sites and their picture servers are
 * named, the short description is the manifest's own (Chrome takes it from there; at most 132 characters), and the
 * pictures the listings link are there, at the sizes the Chrome Web Store takes (24-bit PNG, no alpha).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { SITE_RULES } from '@/utils/extract/sites';
import { pictureHostPatterns } from '@/utils/extract/site-patterns';
import { storeImageProblem } from '../../scripts/lib/screenshot-png';

const root = resolve(import.meta.dirname, '..', '..');
const STORE = join(root, 'docs', 'store');
const LANGS = { en: { name: 'Name', short: 'Short description' }, id: { name: 'Nama', short: 'Deskripsi singkat' } } as const;
type Lang = keyof typeof LANGS;

const listing = (lang: Lang) => readFileSync(join(STORE, `listing.${lang}.md`), 'utf8');
const message = (lang: Lang, key: string): string =>
  (JSON.parse(readFileSync(join(root, 'public', '_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>)[key].message;

/** The quoted strings of the array literal after `key:` in wxt.config.ts (the file's text: importing it runs WXT). */
function configArray(key: string): string[] {
  const config = readFileSync(join(root, 'wxt.config.ts'), 'utf8');
  const m = new RegExp(`(?<![\\w])${key}:\\s*\\[([^\\]]*)\\]`).exec(config);
  if (!m) throw new Error(`wxt.config.ts has no ${key}: [...]`);
  return Array.from(m[1].matchAll(/'([^']*)'|"([^"]*)"/g), (q) => q[1] ?? q[2]);
}

/** The first paragraph under the `## title` heading. */
function section(text: string, title: string): string {
  const m = new RegExp(`^## ${title}\\n+([^\\n]+(?:\\n[^\\n#][^\\n]*)*)`, 'm').exec(text);
  if (!m) throw new Error(`no "## ${title}" section`);
  return m[1].trim();
}

const headings = (text: string) => text.split('\n').filter((l) => /^#{2,4} /.test(l));

describe('the store listings', () => {
  it('reads the permission lists from wxt.config.ts (the parser sees the real arrays)', () => {
    expect(configArray('permissions')).toEqual(expect.arrayContaining(['activeTab', 'storage']));
    expect(configArray('optional_permissions')).toEqual(['*://*/*']);
    expect(configArray('optional_host_permissions')).toEqual(['*://*/*']);
  });

  for (const lang of Object.keys(LANGS) as Lang[]) {
    describe(`listing.${lang}.md`, () => {
      const text = listing(lang);

      it('justifies every permission of wxt.config.ts under a heading of its own', () => {
        const own = headings(text);
        const missing = configArray('permissions').filter((p) => !own.some((h) => h.startsWith('### ') && h.includes(`\`${p}\``)));
        expect(missing).toEqual([]);
      });

      it('justifies the optional permissions (all sites) under a heading', () => {
        const optional = new Set([...configArray('optional_permissions'), ...configArray('optional_host_permissions')]);
        for (const p of optional) expect(headings(text).some((h) => h.startsWith('### ') && h.includes(`\`${p}\``)), p).toBe(true);
      });

      it('names every supported site and every picture server it has access to', () => {
        expect(SITE_RULES.map((r) => r.name).filter((name) => !text.includes(name))).toEqual([]);
        const hosts = pictureHostPatterns(SITE_RULES).map((p) => p.replace(/^\*:\/\/|\/\*$/g, ''));
        expect(hosts.length).toBeGreaterThan(0);
        expect(hosts.filter((h) => !text.includes(`\`${h}\``))).toEqual([]);
      });

      it("declares the same data collection as the Firefox manifest (none)", () => {
        expect(readFileSync(join(root, 'wxt.config.ts'), 'utf8')).toMatch(/data_collection_permissions:\s*\{\s*required:\s*\['none'\]\s*\}/);
        expect(text).toContain('data_collection_permissions: { required: ["none"] }');
      });

      it("has the manifest's name and description, the short one at most 132 characters", () => {
        expect(section(text, LANGS[lang].name)).toBe(message(lang, 'extName'));
        const short = section(text, LANGS[lang].short);
        expect(short).toBe(message(lang, 'extDescription'));
        expect(short.length).toBeLessThanOrEqual(132);
      });

      it('links pictures that exist, at the sizes the stores take', () => {
        const links = Array.from(text.matchAll(/\]\(((?:en|id)\/[^)]+\.png)\)/g), (m) => join(STORE, m[1]));
        expect(links.length).toBeGreaterThanOrEqual(4);
        const tiles = links.filter((f) => f.endsWith('promo-tile.png'));
        expect(tiles).toHaveLength(1);
        expect(links.filter((f) => !existsSync(f))).toEqual([]);
        const problems = links.map((f) => storeImageProblem(f, ...(tiles.includes(f) ? [440, 280] : [1280, 800]) as [number, number]));
        expect(problems.filter(Boolean)).toEqual([]);
        // Each listing shows its own language's pictures.
        expect(links.every((f) => dirname(f).endsWith(`/${lang}`))).toBe(true);
      });
    });
  }

  it('PRIVACY.md names the picture servers too', () => {
    const privacy = readFileSync(join(root, 'PRIVACY.md'), 'utf8');
    const hosts = pictureHostPatterns(SITE_RULES).map((p) => p.replace(/^\*:\/\/|\/\*$/g, ''));
    expect(hosts.filter((h) => !privacy.includes(`\`${h}\``))).toEqual([]);
  });
});
