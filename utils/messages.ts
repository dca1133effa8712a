/**
 * Typed messages between the extension's parts, named by direction. Every receiver checks the shape and the
 * sender before acting: content scripts share the page's process, so nothing from them is trusted blindly.
 */

import { isWebUrl } from './safe-url';
import type { Article } from './extract/types';

/**
 * background -> content script (reader). `reader:extract` asks for the page's article (what the reader shows when
 * it is open, else extracted now; multi-page articles joined) without opening the reader; `reader:notice` shows a
 * short notice on the page (after "Save to Jernih" from a menu).
 */
export type BackgroundToReader =
  | { type: 'reader:toggle' }
  | { type: 'reader:close' }
  | { type: 'reader:extract' }
  | { type: 'reader:notice'; text: string };

/** What the reader content script answers to a toggle. */
export type ReaderState = 'opened' | 'closed' | 'no-article' | 'error';
export interface ReaderReply {
  state: ReaderState;
  /** For 'error': a message for the person. */
  message?: string;
}

const READER_TYPES = new Set<BackgroundToReader['type']>(['reader:toggle', 'reader:close', 'reader:extract', 'reader:notice']);

export function isBackgroundToReader(msg: unknown): msg is BackgroundToReader {
  if (!msg || typeof msg !== 'object' || !READER_TYPES.has((msg as { type: BackgroundToReader['type'] }).type)) return false;
  const m = msg as { type: string; text?: unknown };
  return m.type !== 'reader:notice' || (typeof m.text === 'string' && m.text.length <= 500);
}

/** The reader's answer to `reader:extract`. */
export interface ExtractReply {
  type: 'reader:article';
  /** Null: no article on this page. */
  article: Article | null;
  /** Extraction failed (the message says why). */
  error?: string;
}

export function isExtractReply(msg: unknown): msg is ExtractReply {
  if (!msg || typeof msg !== 'object') return false;
  const m = msg as ExtractReply;
  return m.type === 'reader:article' && (m.article === null || isArticle(m.article)) && (m.error === undefined || typeof m.error === 'string');
}

export function isReaderReply(msg: unknown): msg is ReaderReply {
  return (
    !!msg &&
    typeof msg === 'object' &&
    ['opened', 'closed', 'no-article', 'error'].includes((msg as ReaderReply).state)
  );
}

/**
 * content script (auto-clean, at document_start) -> background: decide for the sender's page and, for an article of
 * a site switched on, inject the reader (utils/background/autoclean.ts). It carries nothing: the background reads
 * the page's address from the sender, as the browser reports it.
 */
export const AUTOCLEAN_PREPARE = 'autoclean:prepare';
export const isAutoCleanPrepare = (msg: unknown): boolean => (msg as { type?: unknown } | null)?.type === AUTOCLEAN_PREPARE;

/** content script (detector) -> background */
export interface DetectResult {
  type: 'detect:result';
  article: boolean;
}

export function isDetectResult(msg: unknown): msg is DetectResult {
  return !!msg && typeof msg === 'object' && (msg as DetectResult).type === 'detect:result' && typeof (msg as DetectResult).article === 'boolean';
}

// --- saved articles -------------------------------------------------------------------------------------------------

/**
 * content script (reader) -> background. The only library request a content script may make: save the article of
 * its own tab (the background checks that the article's origin is the tab's), or open the library popup. Nothing
 * from a page can read, list or delete saved articles: extension pages use utils/library directly.
 */
export type ReaderToBackground = { type: 'library:save'; article: Article } | { type: 'library:open' };

/**
 * extension page (library popup) -> background: save the page of a tab (extracted there), or toggle the reader
 * in it. The background accepts these only from the extension's own pages.
 */
export type PageToBackground =
  | { type: 'library:save-tab'; tabId: number }
  | { type: 'library:read-tab'; tabId: number }
  /** Issue 13: fetch and store the pictures a saved article has not kept yet (after the person allowed their hosts). */
  | { type: 'library:keep-pictures'; id: string }
  /** Issue 13: which hosts the saved article's unkept pictures are on (the pictures question asks for those). */
  | { type: 'library:pictures-to-keep'; id: string };

export type SaveReply =
  | {
      ok: true;
      id: string;
      /** False: the page was saved before and its entry was updated. */
      created: boolean;
      title: string;
      /**
       * Pictures kept, pictures that could not be fetched, and of those the ones on hosts Jernih has no access to
       * (`hosts`); `ask`: ask for those hosts now, in place (the person has not said "Not now" before).
       */
      images: { stored: number; failed: number; blocked: number; hosts?: string[]; ask?: boolean };
    }
  | { ok: false; code: 'quota' | 'no-article' | 'cannot-run' | 'invalid' | 'error'; message: string };

/** Upper bounds for an article sent by a content script (a real one is far smaller). */
export const ARTICLE_LIMITS = { html: 8_000_000, text: 4_000_000, short: 4_000 } as const;

const str = (v: unknown, max: number): boolean => typeof v === 'string' && v.length <= max;
const strOrNull = (v: unknown, max: number): boolean => v === null || str(v, max);
const num = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** The shape of an Article, checked field by field (it may come from a content script). */
export function isArticle(v: unknown): v is Article {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const a = v as Record<string, unknown>;
  const S = ARTICLE_LIMITS.short;
  if (!str(a.url, S) || !str(a.title, S) || !str(a.contentHtml, ARTICLE_LIMITS.html) || !str(a.textContent, ARTICLE_LIMITS.text)) return false;
  if (!str(a.excerpt, ARTICLE_LIMITS.text) || !strOrNull(a.byline, S) || !strOrNull(a.siteName, S) || !strOrNull(a.publishedTime, S)) return false;
  if (a.publishedZone !== undefined && !strOrNull(a.publishedZone, 16)) return false;
  if (!strOrNull(a.lang, 40) || !strOrNull(a.ruleId, 200) || (a.dir !== 'ltr' && a.dir !== 'rtl')) return false;
  if (!num(a.wordCount) || !num(a.readingMinutes)) return false;
  if (a.leadImage !== null) {
    const li = a.leadImage as Record<string, unknown> | undefined;
    if (!li || typeof li !== 'object' || !str(li.src, S * 4) || !str(li.alt, S) || !strOrNull(li.caption, S) || typeof li.inBody !== 'boolean') return false;
  }
  if (a.pages !== undefined) {
    const p = a.pages as Record<string, unknown> | null;
    if (!p || typeof p !== 'object' || !num(p.joined) || !num(p.total) || !Array.isArray(p.missing) || p.missing.length > 1000) return false;
    // Each missing page becomes a link in the reader: a web address, nothing else.
    const missingOk = (m: unknown) => {
      const o = m as Record<string, unknown> | null;
      return !!o && typeof o === 'object' && num(o.page) && str(o.reason, S) && str(o.url, S) && isWebUrl(o.url);
    };
    if (!p.missing.every(missingOk)) return false;
  }
  return isWebUrl(a.url);
}

export function isReaderToBackground(msg: unknown): msg is ReaderToBackground {
  if (!msg || typeof msg !== 'object') return false;
  const m = msg as { type?: unknown; article?: unknown };
  if (m.type === 'library:open') return true;
  return m.type === 'library:save' && isArticle(m.article);
}

export function isPageToBackground(msg: unknown): msg is PageToBackground {
  if (!msg || typeof msg !== 'object') return false;
  const m = msg as { type?: unknown; tabId?: unknown };
  if (m.type === 'library:keep-pictures' || m.type === 'library:pictures-to-keep') return typeof (m as { id?: unknown }).id === 'string' && (m as { id: string }).id.length <= 200;
  return (m.type === 'library:save-tab' || m.type === 'library:read-tab') && Number.isInteger(m.tabId) && (m.tabId as number) >= 0;
}

export function isSaveReply(msg: unknown): msg is SaveReply {
  if (!msg || typeof msg !== 'object') return false;
  const m = msg as { ok?: unknown; message?: unknown; id?: unknown };
  return m.ok === true ? typeof m.id === 'string' : m.ok === false && typeof m.message === 'string';
}

/** The short line shown after a save (on the page, in the reader or in the popup). */
export function savedMessage(reply: SaveReply, t: (key: string, subs?: string | string[]) => string): string {
  if (!reply.ok) return reply.message;
  const head = reply.created ? t('savedNew') : t('savedUpdated');
  // Asked in place right after (issue 13): the question says it. Otherwise the saved copy carries the way to fix it.
  if (reply.images.blocked > 0) return reply.images.ask ? head : `${head} ${t('savedWithoutPictures', String(reply.images.blocked))}`;
  if (reply.images.failed > 0) return `${head} ${t('savedSomePicturesFailed', String(reply.images.failed))}`;
  return head;
}

/** reader (content script) -> background, over the translation Port (utils/background/translate-service.ts) */
export type TranslatePortIn =
  | {
      type: 'translate:start';
      pair: { source: string; target: string };
      /** Plain segments (utils/translate: marker HTML without addresses). */
      segments: { id: string; html: string; text: string; runs: { id: string; tag: string; kind: 'format' | 'opaque'; text: string }[] }[];
      /** Ids of the blocks on screen: translated first. */
      visible: string[];
    }
  | { type: 'translate:cancel' };

/** background -> reader, over the same Port */
export type TranslatePortOut =
  | { type: 'translate:segment'; id: string; html: string; fromCache: boolean }
  | { type: 'translate:progress'; done: number; total: number; failed: number }
  | { type: 'translate:done'; done: number; total: number; fromCache: number; failed: { id: string; kind: string }[]; provider: string }
  | { type: 'translate:cancelled' }
  /** kind: a TranslationErrorKind, or 'not-configured' (no provider set up), or 'runs-in-page' (on-device). */
  | { type: 'translate:error'; kind: string; detail: string; retryAfterMs?: number };

const SEGMENT_LIMIT = 5000;

export function isTranslatePortIn(msg: unknown): msg is TranslatePortIn {
  if (!msg || typeof msg !== 'object') return false;
  const m = msg as { type?: unknown; pair?: unknown; segments?: unknown; visible?: unknown };
  if (m.type === 'translate:cancel') return true;
  if (m.type !== 'translate:start') return false;
  const pair = m.pair as { source?: unknown; target?: unknown } | null;
  return (
    !!pair && typeof pair.source === 'string' && typeof pair.target === 'string' &&
    Array.isArray(m.segments) && m.segments.length <= SEGMENT_LIMIT &&
    m.segments.every((s) => !!s && typeof s.id === 'string' && typeof s.html === 'string' && typeof s.text === 'string' && Array.isArray(s.runs)) &&
    Array.isArray(m.visible) && m.visible.every((v) => typeof v === 'string')
  );
}

export function isTranslatePortOut(msg: unknown): msg is TranslatePortOut {
  const t = (msg as { type?: unknown } | null)?.type;
  return typeof t === 'string' && /^translate:(segment|progress|done|cancelled|error)$/.test(t);
}

/**
 * reader -> background: open the options page (from a translation error: "Choose a service in Options"), or open it
 * on one service's set-up (`setUp`: the reader picked that service in the Translate panel; issue 13).
 */
export interface OpenOptionsMessage {
  type: 'translate:open-options';
  setUp?: 'libretranslate' | 'deepl';
}
export const isOpenOptions = (msg: unknown): msg is OpenOptionsMessage => {
  const m = msg as { type?: unknown; setUp?: unknown } | null;
  return m?.type === 'translate:open-options' && (m.setUp === undefined || m.setUp === 'libretranslate' || m.setUp === 'deepl');
};
