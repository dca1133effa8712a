/**
 * Every way translation can fail, as one typed error whose `kind` names a message a reader understands
 * (messages.ts has the words). Providers map their HTTP statuses and thrown exceptions here, so the queue and
 * the UI never look at a status code.
 */

export type TranslationErrorKind =
  /** Wrong or missing API key (401/403). */
  | 'auth'
  /** The account's quota is used up (DeepL 456, LibreTranslate 403 with quota text, a 429 that never lets up). */
  | 'quota'
  /** Too many requests for now (429); `retryAfterMs` when the server said how long to wait. */
  | 'rate-limited'
  /** The provider cannot translate this language pair. */
  | 'unsupported-pair'
  /** No connection (fetch rejected with TypeError). */
  | 'network'
  /** Our own time limit ran out (a stalled download, a server that never answers). */
  | 'timed-out'
  /** The Chrome language pack must be downloaded first, and that needs a click in the page (user gesture). */
  | 'needs-click'
  /** The on-device language pack failed to download. */
  | 'download-failed'
  /** The text is over the provider's size limit (the article code splits the batch and tries again). */
  | 'too-long'
  /** The provider's server failed (5xx): worth a retry. */
  | 'server'
  /** The provider answered something we cannot use. */
  | 'bad-response'
  /** This provider is not available in this browser (no `Translator` global). */
  | 'unavailable'
  /** The reader pressed Cancel. */
  | 'cancelled';

/** Failures worth trying again after a pause: they say nothing about the key, the text or the pair. */
const RETRYABLE = new Set<TranslationErrorKind>(['rate-limited', 'network', 'timed-out', 'server']);

/** Failures that will fail every other request of the article too: stop the whole translation. */
const FATAL = new Set<TranslationErrorKind>([
  'auth', 'quota', 'unsupported-pair', 'needs-click', 'download-failed', 'unavailable', 'cancelled',
]);

export class TranslationError extends Error {
  readonly kind: TranslationErrorKind;
  readonly provider: string;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(
    kind: TranslationErrorKind,
    provider: string,
    detail?: string,
    extra: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(detail ? `${provider}: ${kind}: ${detail}` : `${provider}: ${kind}`, { cause: extra.cause });
    this.name = 'TranslationError';
    this.kind = kind;
    this.provider = provider;
    this.status = extra.status;
    this.retryAfterMs = extra.retryAfterMs;
  }

  /** Key into messages.ts. */
  get messageKey(): `error.${TranslationErrorKind}` {
    return `error.${this.kind}`;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }

  get fatal(): boolean {
    return FATAL.has(this.kind);
  }
}

export function isTranslationError(e: unknown): e is TranslationError {
  return e instanceof TranslationError;
}

/**
 * Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). Returns milliseconds to wait, or
 * undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

const QUOTA_TEXT = /quota|character limit|limit exceeded|exceeded your|usage limit|too many characters|monthly/i;
const UNSUPPORTED_TEXT = /not supported|unsupported|not available|invalid (source|target)|is not a valid language/i;
const TOO_LONG_TEXT = /limit|too long|too large|exceeds|maximum/i;

/**
 * An HTTP error answer to the error kind a reader understands. `body` is the provider's error text (its JSON
 * "error"/"message" field or the raw body): some statuses mean different things depending on it.
 */
export function errorFromHttp(
  provider: string,
  status: number,
  body: string,
  headers?: { get(name: string): string | null },
  now?: number,
): TranslationError {
  const detail = `${status} ${body}`.trim().slice(0, 300);
  const extra = { status };
  if (status === 456) return new TranslationError('quota', provider, detail, extra);
  if (status === 401 || status === 403) {
    // LibreTranslate answers 403 both for a bad key and for a key whose character quota is used up.
    return new TranslationError(QUOTA_TEXT.test(body) ? 'quota' : 'auth', provider, detail, extra);
  }
  if (status === 429 || status === 529) {
    const retryAfterMs = parseRetryAfter(headers?.get('retry-after'), now);
    if (QUOTA_TEXT.test(body) && retryAfterMs === undefined) return new TranslationError('quota', provider, detail, extra);
    return new TranslationError('rate-limited', provider, detail, { ...extra, retryAfterMs });
  }
  if (status === 413 || status === 414) return new TranslationError('too-long', provider, detail, extra);
  if (status === 400 || status === 422) {
    if (UNSUPPORTED_TEXT.test(body)) return new TranslationError('unsupported-pair', provider, detail, extra);
    if (TOO_LONG_TEXT.test(body)) return new TranslationError('too-long', provider, detail, extra);
    return new TranslationError('bad-response', provider, detail, extra);
  }
  // A 503 may say when to come back, too (RFC 9110 §10.2.3).
  if (status >= 500) return new TranslationError('server', provider, detail, { ...extra, retryAfterMs: parseRetryAfter(headers?.get('retry-after'), now) });
  return new TranslationError('bad-response', provider, detail, extra);
}

/**
 * A thrown exception to an error kind. Names are DOMException names from fetch and from the Translator API
 * (MDN; Chrome's NotAllowedError text is quoted in notes/translation.md §1).
 */
export function errorFromThrown(provider: string, e: unknown): TranslationError {
  if (e instanceof TranslationError) return e;
  const name = (e as { name?: string } | null)?.name ?? '';
  const message = String((e as { message?: string } | null)?.message ?? e);
  const extra = { cause: e };
  switch (name) {
    case 'TimeoutError':
      return new TranslationError('timed-out', provider, message, extra);
    case 'AbortError':
      return new TranslationError('cancelled', provider, message, extra);
    case 'NotAllowedError':
      return new TranslationError('needs-click', provider, message, extra);
    case 'NotSupportedError':
      return new TranslationError('unsupported-pair', provider, message, extra);
    case 'QuotaExceededError':
      // The Translator's inputQuota: the text is too long for one call, not an account quota.
      return new TranslationError('too-long', provider, message, extra);
    case 'NetworkError':
      return new TranslationError('download-failed', provider, message, extra);
    case 'TypeError':
      // fetch rejects with TypeError when there is no connection, the host is unknown or refuses (and on CORS).
      return new TranslationError('network', provider, message, extra);
    case 'SyntaxError':
      return new TranslationError('bad-response', provider, message, extra);
    default:
      return new TranslationError('bad-response', provider, message, extra);
  }
}
