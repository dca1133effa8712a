/**
 * The reader's bundled fonts: which files each family has (copied from pinned @fontsource packages into the
 * build's fonts/ by wxt.config.ts, latin and latin-ext subsets, woff2 only), and loading the chosen family into
 * the page with the FontFace API.
 *
 * Why FontFace and not @font-face: Chrome ignores @font-face rules inside a shadow root, and the reader lives in
 * one. Faces added to document.fonts serve the whole document, shadow trees included. They are added only when
 * the reader opens, only for the chosen family, and each file is fetched only when text needs it (unicode-range),
 * from the extension itself: no font is ever fetched from the web.
 *
 * Firefox (issue #14): its moz-extension:// URLs carry a per-install id, and a URL given to the page's FontFace is
 * fetched by the page (it shows in the page's resource timing): a cross-site identifier. There the extension
 * fetches the files itself and makes the faces from their bytes, so no extension URL reaches the page. Chrome's
 * font URLs are per session (use_dynamic_url in wxt.config.ts) and keep the lazy, per-range loading.
 */
import type { FontFamily } from '../settings';

export interface FontFile {
  /** File name under fonts/ in the build (and under files/ in the package). */
  file: string;
  weight: 400 | 700;
  style: 'normal' | 'italic';
  unicodeRange?: string;
}

export interface FontFamilyInfo {
  /** The npm package the files come from (pinned in package.json). */
  pkg: string;
  /** The family name the reader registers (prefixed, so no page font of the same name interferes). */
  name: string;
  /** CSS font-family value: the bundled face first, then close system fallbacks. */
  stack: string;
  files: FontFile[];
}

/** The subsets' ranges as @fontsource declares them (test/unit/fonts.test.ts checks them against the packages). */
export const LATIN_RANGE =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
export const LATIN_EXT_RANGE =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

function filesOf(id: string, subsets: ('latin' | 'latin-ext')[]): FontFile[] {
  const out: FontFile[] = [];
  for (const subset of subsets) {
    for (const weight of [400, 700] as const) {
      for (const style of ['normal', 'italic'] as const) {
        out.push({
          file: `${id}-${subset}-${weight}-${style}.woff2`,
          weight,
          style,
          // A package with one subset declares no range: the file covers everything it has.
          ...(subsets.length > 1 ? { unicodeRange: subset === 'latin' ? LATIN_RANGE : LATIN_EXT_RANGE } : {}),
        });
      }
    }
  }
  return out;
}

export const FONTS: Record<FontFamily, FontFamilyInfo> = {
  // Literata: made for long reading on screens (Google Play Books); wide language coverage.
  serif: {
    pkg: '@fontsource/literata',
    name: 'Jernih Literata',
    stack: "'Jernih Literata', Charter, 'Bitstream Charter', 'Noto Serif', 'DejaVu Serif', Georgia, serif",
    files: filesOf('literata', ['latin', 'latin-ext']),
  },
  sans: {
    pkg: '@fontsource/source-sans-3',
    name: 'Jernih Source Sans',
    stack: "'Jernih Source Sans', system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif",
    files: filesOf('source-sans-3', ['latin', 'latin-ext']),
  },
  mono: {
    pkg: '@fontsource/jetbrains-mono',
    name: 'Jernih JetBrains Mono',
    stack: "'Jernih JetBrains Mono', ui-monospace, 'DejaVu Sans Mono', 'Noto Sans Mono', Menlo, monospace",
    files: filesOf('jetbrains-mono', ['latin', 'latin-ext']),
  },
  // OpenDyslexic ships a latin subset only.
  dyslexic: {
    pkg: '@fontsource/opendyslexic',
    name: 'Jernih OpenDyslexic',
    stack: "'Jernih OpenDyslexic', 'Comic Sans MS', sans-serif",
    files: filesOf('opendyslexic', ['latin']),
  },
  // Atkinson Hyperlegible: the Braille Institute's face, letters designed to be told apart.
  legible: {
    pkg: '@fontsource/atkinson-hyperlegible',
    name: 'Jernih Atkinson Hyperlegible',
    stack: "'Jernih Atkinson Hyperlegible', system-ui, 'Noto Sans', sans-serif",
    files: filesOf('atkinson-hyperlegible', ['latin', 'latin-ext']),
  },
};

/** Where the build puts the files (and what web_accessible_resources exposes). */
export const FONT_DIR = 'fonts';

/** Every file the build copies: [package, file]. */
export const allFontFiles = (): { pkg: string; file: string }[] =>
  Object.values(FONTS).flatMap((f) => f.files.map((x) => ({ pkg: f.pkg, file: x.file })));

export interface FontEnv {
  doc: Document;
  /** FontFace constructor of the page's window. */
  FontFace: typeof FontFace;
  /** runtime.getURL: the URL of a file in the extension. */
  url: (path: string) => string;
  /** Make the faces from the files' bytes (default: in Firefox builds), never handing the page a URL. */
  asData?: boolean;
  /** Reads a file of the extension (default: fetch, from the extension's script, not the page). */
  fetchFile?: (url: string) => Promise<ArrayBuffer>;
}

const fetchFile = async (url: string): Promise<ArrayBuffer> => {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return r.arrayBuffer();
};

const added = new WeakMap<Document, Map<FontFamily, FontFace[]>>();

/**
 * Makes `family` available to the reader (idempotent). Returns the faces added; they load when text uses them.
 * A browser that refuses (no FontFace, a blocked URL) leaves the reader on the fallback stack.
 */
export function useFont(family: FontFamily, env: FontEnv): FontFace[] {
  let map = added.get(env.doc);
  if (!map) added.set(env.doc, (map = new Map()));
  const existing = map.get(family);
  if (existing) return existing;
  const info = FONTS[family];
  const faces: FontFace[] = [];
  map.set(family, faces);
  const asData = env.asData ?? import.meta.env.FIREFOX === true;
  for (const f of info.files) {
    const descriptors: FontFaceDescriptors = {
      weight: String(f.weight),
      style: f.style,
      display: 'swap',
      ...(f.unicodeRange ? { unicodeRange: f.unicodeRange } : {}),
    };
    const url = env.url(`/${FONT_DIR}/${f.file}`);
    const add = (source: string | ArrayBuffer) => {
      try {
        const face = new env.FontFace(info.name, source, descriptors);
        env.doc.fonts.add(face);
        faces.push(face);
      } catch {
        // Fallback fonts it is.
      }
    };
    if (!asData) {
      add(`url("${url}") format("woff2")`);
      continue;
    }
    // Every file of the family at once (bytes cannot wait for the unicode range to be needed); added only if the
    // reader has not closed (or switched documents) meanwhile.
    void (env.fetchFile ?? fetchFile)(url).then(
      (bytes) => {
        if (added.get(env.doc)?.get(family) === faces) add(bytes);
      },
      () => undefined,
    );
  }
  return faces;
}

/** Takes the reader's faces out of the page again (the reader closed). */
export function releaseFonts(doc: Document): void {
  const map = added.get(doc);
  if (!map) return;
  for (const faces of map.values()) for (const face of faces) doc.fonts.delete(face);
  added.delete(doc);
}
