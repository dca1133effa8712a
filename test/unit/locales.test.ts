import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SHORTCUTS } from '@/utils/reader/keymap';
import { FONT_KEYS, THEME_KEYS } from '@/components/AppearancePanel';

const root = resolve(import.meta.dirname, '..', '..');
const LOCALES = join(root, 'public', '_locales');
const load = (lang: string): Record<string, { message: string }> => JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8'));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : /\.(tsx?|html)$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

describe('locales', () => {
  const en = load('en');
  const id = load('id');

  it('English and Indonesian have the same keys', () => {
    expect(Object.keys(id).sort()).toEqual(Object.keys(en).sort());
  });

  it('every message is filled and keeps its $1 placeholders in both languages', () => {
    for (const key of Object.keys(en)) {
      expect(en[key].message.trim(), key).not.toBe('');
      expect(id[key].message.trim(), key).not.toBe('');
      expect((id[key].message.match(/\$\d/g) ?? []).sort(), key).toEqual((en[key].message.match(/\$\d/g) ?? []).sort());
    }
  });

  it('every key the code asks for exists', () => {
    const used = new Set<string>();
    for (const file of [...sourceFiles(join(root, 'components')), ...sourceFiles(join(root, 'entrypoints')), ...sourceFiles(join(root, 'utils'))]) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'([A-Za-z]+)'/g)) used.add(m[1]);
      for (const m of src.matchAll(/getMessage\(\s*'([A-Za-z]+)'/g)) used.add(m[1]);
      for (const m of src.matchAll(/'(theme(?:Auto|Light|Sepia|Dark))'/g)) used.add(m[1]);
    }
    // Keys the code looks up through tables rather than literally.
    for (const k of [...SHORTCUTS.map((x) => x.label), ...Object.values(THEME_KEYS), ...Object.values(FONT_KEYS)]) used.add(k);
    expect(used.size).toBeGreaterThan(5);
    for (const key of used) expect(en, `missing message: ${key}`).toHaveProperty(key);
  });
});
