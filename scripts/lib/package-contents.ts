/**
 * Reads what scripts/check-manifest.ts checks: a built extension folder (manifest, locales, files) and the message
 * keys the sources name literally.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

export type Messages = Record<string, { message?: unknown }>;

export interface PackageContents {
  manifest: Record<string, unknown>;
  /** _locales/<folder>/messages.json, parsed, by folder name. */
  locales: Record<string, Messages>;
  /** Every file of the package by path (forward slashes); text for code and pages (.js, .html, .css), else ''. */
  files: Record<string, string>;
  /** Message keys the sources ask for literally (t('key'), getMessage('key')); the bundle's minified calls hide them. */
  sourceKeys?: readonly string[];
}

/** Files under dir, as paths relative to it with forward slashes. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
}

export function readPackage(dir: string): Omit<PackageContents, 'sourceKeys'> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const files: Record<string, string> = {};
  for (const path of filesUnder(dir)) files[path] = /\.(js|html|css)$/.test(path) ? readFileSync(join(dir, path), 'utf8') : '';
  const locales: Record<string, Messages> = {};
  const localesDir = join(dir, '_locales');
  if (existsSync(localesDir)) {
    for (const lang of readdirSync(localesDir)) {
      const file = join(localesDir, lang, 'messages.json');
      if (existsSync(file)) locales[lang] = JSON.parse(readFileSync(file, 'utf8')) as Messages;
    }
  }
  return { manifest, locales, files };
}

const SOURCE_DIRS = ['entrypoints', 'components', 'utils'];

/**
 * Keys the sources ask the translator for by name: t('key') (the UI's translator) and getMessage('key'). The
 * minified bundle renames t, so these are read from the sources; keys looked up through tables (shortcuts, themes,
 * fonts) are checked against the default locale by test/unit/locales.test.ts, and every locale has its keys.
 */
export function sourceMessageKeys(root = ROOT): string[] {
  const keys = new Set<string>();
  for (const dir of SOURCE_DIRS.map((d) => join(root, d)).filter((d) => existsSync(d))) {
    for (const path of filesUnder(dir).filter((p) => /\.(tsx?|html)$/.test(p))) {
      const text = readFileSync(join(dir, path), 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(m[1]);
      for (const m of text.matchAll(/getMessage\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(m[1]);
    }
  }
  return [...keys].sort();
}
