/** The bundled fonts: the catalogue matches the pinned packages, and only the chosen family is added to the page. */
import { describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FONTS, FONT_DIR, allFontFiles, releaseFonts, useFont } from '@/utils/reader/fonts';
import { FONT_FAMILIES } from '@/utils/settings';

const root = resolve(import.meta.dirname, '..', '..');
const pkgJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('bundled fonts', () => {
  it('every family has files from a pinned @fontsource package: latin (+ latin-ext), woff2 only', () => {
    expect(Object.keys(FONTS).sort()).toEqual([...FONT_FAMILIES].sort());
    for (const [family, info] of Object.entries(FONTS)) {
      const version = pkgJson.devDependencies[info.pkg] ?? pkgJson.dependencies?.[info.pkg];
      expect(version, `${info.pkg} pinned`).toMatch(/^\d+\.\d+\.\d+$/);
      expect(info.files.length, family).toBeGreaterThanOrEqual(4);
      for (const f of info.files) {
        expect(f.file).toMatch(/-latin(-ext)?-(400|700)-(normal|italic)\.woff2$/);
        expect(existsSync(join(root, 'node_modules', info.pkg, 'files', f.file)), f.file).toBe(true);
      }
    }
    expect(allFontFiles().every((f) => !/cyrillic|greek|vietnamese/.test(f.file))).toBe(true);
  });

  it('unicode ranges are the ones the packages declare for those files', () => {
    for (const info of Object.values(FONTS)) {
      for (const f of info.files) {
        const cssFile = join(root, 'node_modules', info.pkg, `${f.weight}${f.style === 'italic' ? '-italic' : ''}.css`);
        const css = readFileSync(cssFile, 'utf8');
        const block = css.split('@font-face').find((b) => b.includes(`/${f.file})`));
        expect(block, f.file).toBeTruthy();
        const range = block!.match(/unicode-range:\s*([^;]+);/)?.[1].trim();
        expect(f.unicodeRange, f.file).toBe(range);
      }
    }
  });

  it('adds only the chosen family, once, with extension URLs, and takes it out again', () => {
    const added: { family: string; source: string; d: FontFaceDescriptors }[] = [];
    class FakeFace {
      constructor(public family: string, public source: string, public d: FontFaceDescriptors) {
        added.push({ family, source, d });
      }
    }
    const set = new Set<unknown>();
    const doc = { fonts: { add: (f: unknown) => set.add(f), delete: (f: unknown) => set.delete(f) } } as unknown as Document;
    const env = { doc, FontFace: FakeFace as unknown as typeof FontFace, url: (p: string) => `chrome-extension://abc${p}` };
    useFont('dyslexic', env);
    useFont('dyslexic', env);
    expect(added).toHaveLength(FONTS.dyslexic.files.length);
    expect(added.every((a) => a.family === 'Jernih OpenDyslexic')).toBe(true);
    expect(added[0].source).toBe(`url("chrome-extension://abc/${FONT_DIR}/opendyslexic-latin-400-normal.woff2") format("woff2")`);
    expect(added.map((a) => `${a.d.weight}/${a.d.style}`)).toEqual(['400/normal', '400/italic', '700/normal', '700/italic']);
    useFont('serif', env);
    expect(set.size).toBe(FONTS.dyslexic.files.length + FONTS.serif.files.length);
    releaseFonts(doc);
    expect(set.size).toBe(0);
  });

  it('Firefox (issue #14): faces are made from the files\' bytes, fetched by the extension; no moz-extension:// URL reaches the page', async () => {
    const made: { family: string; source: unknown; d: FontFaceDescriptors }[] = [];
    class FakeFace {
      constructor(public family: string, public source: unknown, public d: FontFaceDescriptors) {
        made.push({ family, source, d });
      }
    }
    const set = new Set<unknown>();
    const doc = { fonts: { add: (f: unknown) => set.add(f), delete: (f: unknown) => set.delete(f) } } as unknown as Document;
    const fetched: string[] = [];
    const env = {
      doc,
      FontFace: FakeFace as unknown as typeof FontFace,
      url: (p: string) => `moz-extension://per-install-uuid${p}`,
      asData: true,
      fetchFile: async (url: string) => {
        fetched.push(url);
        return new Uint8Array([1, 2, 3]).buffer;
      },
    };
    useFont('dyslexic', env);
    await vi.waitFor(() => expect(set.size).toBe(FONTS.dyslexic.files.length));
    expect(fetched).toEqual(FONTS.dyslexic.files.map((f) => `moz-extension://per-install-uuid/${FONT_DIR}/${f.file}`));
    expect(made.every((m) => m.source instanceof ArrayBuffer)).toBe(true);
    expect(JSON.stringify(made.map((m) => [m.family, m.d]))).not.toContain('moz-extension');
    expect(made.map((m) => `${m.d.weight}/${m.d.style}`)).toEqual(['400/normal', '400/italic', '700/normal', '700/italic']);
    // Closed before the bytes arrive: nothing is added afterwards.
    releaseFonts(doc);
    useFont('serif', env);
    releaseFonts(doc);
    await new Promise((r) => setTimeout(r, 20));
    expect(set.size).toBe(0);
  });

  it('the build copies exactly these files and exposes only them to pages', () => {
    const config = readFileSync(join(root, 'wxt.config.ts'), 'utf8');
    expect(config).toContain("'build:publicAssets'");
    expect(config).toMatch(/web_accessible_resources[\s\S]*`\$\{FONT_DIR\}\/\*\.woff2`[\s\S]*use_dynamic_url: true/);
  });
});
