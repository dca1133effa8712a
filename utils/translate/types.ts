/**
 * Shared shapes of the translation layer. Everything here is plain data so that segments can cross from the
 * content script (which owns the DOM) to wherever a provider runs (an extension page, the background) as
 * messages: no DOM nodes, no functions.
 */

/** BCP-47 tag normalised by lang.ts: lower-case primary subtag ('id', 'en', 'ms'), script kept for Chinese. */
export type Lang = string;

export interface LanguagePair {
  source: Lang;
  target: Lang;
}

/** An inline element of a block that the translation must keep (a link, bold, an image...). */
export interface InlineRun {
  /** Marker id, unique within its block ('t0', 't1', ...): it is the `id` attribute in `Segment.html`. */
  id: string;
  /** Lower-case tag name of the original element. */
  tag: string;
  /**
   * 'format': the provider translates its text (links, bold, italics); 'opaque': sent as an empty placeholder and
   * put back untouched (images, code, anything marked translate="no").
   */
  kind: 'format' | 'opaque';
  /** Its plain text (for text-only providers, which translate runs separately and find them again). */
  text: string;
}

/**
 * One block of the article as providers see it. `html` is the block's inline content with every kept element
 * reduced to `<tag id="tN">` (no href, no other attribute): providers never see or return addresses, and what
 * they return is matched back to the original elements by those ids.
 */
export interface Segment {
  id: string;
  html: string;
  /** Plain text, whitespace collapsed. */
  text: string;
  /** Top-level kept elements, in document order. */
  runs: InlineRun[];
}

export type Availability = 'available' | 'downloadable' | 'unavailable';

export type ProviderId = 'chrome-builtin' | 'libretranslate' | 'deepl';

export interface ProviderCapabilities {
  /** Keeps inline HTML (the marker tags) itself; if false, the provider rebuilds markers from plain text. */
  html: boolean;
  /** Largest number of segments in one request. */
  maxItems: number;
  /** Largest number of characters (of `Segment.html`) in one request. */
  maxChars: number;
  needsKey: boolean;
  /** Runs on the device: no article text leaves the browser. */
  local: boolean;
}

export interface TranslateOptions {
  signal?: AbortSignal;
}

export interface PrepareOptions {
  signal?: AbortSignal;
  /** Download progress, 0..1. */
  onProgress?(loaded: number): void;
}

export interface TranslationProvider {
  readonly id: ProviderId;
  /**
   * Part of every cache key: the provider plus whatever changes its output (the server's address), so that two
   * LibreTranslate servers never share cached translations.
   */
  readonly cacheId: string;
  /** Shown to the reader next to translated text ("Translated by ..."). */
  readonly label: string;
  readonly capabilities: ProviderCapabilities;
  availability(pair: LanguagePair, options?: TranslateOptions): Promise<Availability>;
  /** Model download or server check before the first batch; the Chrome download needs a click (user gesture). */
  prepare?(pair: LanguagePair, options?: PrepareOptions): Promise<void>;
  /** One translated `html` per segment, same order. Throws TranslationError. */
  translate(segments: readonly Segment[], pair: LanguagePair, options?: TranslateOptions): Promise<string[]>;
}

/** Injected HTTP: the global fetch in the extension, a fake or the local test server in tests. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
