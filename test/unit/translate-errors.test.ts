/** Every failure a provider can produce, mapped to a kind a reader understands, with words in both languages. */
import { describe, expect, it } from 'vitest';
import { errorFromHttp, errorFromThrown, parseRetryAfter, TranslationError, type TranslationErrorKind } from '@/utils/translate/errors';
import { errorMessageKey, formatMessage, translateMessages } from '@/utils/translate/messages';

const headers = (h: Record<string, string> = {}) => new Headers(h);

describe('errorFromHttp', () => {
  const cases: [string, number, string, Record<string, string>, TranslationErrorKind][] = [
    ['bad key (LibreTranslate)', 403, 'Invalid API key', {}, 'auth'],
    ['bad key (DeepL)', 403, 'Authorization failure, check auth_key', {}, 'auth'],
    ['no key', 401, 'Unauthorized', {}, 'auth'],
    ['quota (DeepL)', 456, 'Quota exceeded', {}, 'quota'],
    ['quota (LibreTranslate 403 with quota text)', 403, 'Your API key has exceeded its monthly character quota', {}, 'quota'],
    ['rate limited', 429, 'Too many requests', { 'Retry-After': '3' }, 'rate-limited'],
    ['rate limited, no Retry-After', 429, 'Too many request limits violations', {}, 'rate-limited'],
    ['429 that says quota, no Retry-After', 429, 'Character quota exceeded', {}, 'quota'],
    ['unsupported pair (LibreTranslate)', 400, 'Malay (ms) is not available as a target language from English (en)', {}, 'unsupported-pair'],
    ['unsupported language (LibreTranslate)', 400, 'xx is not supported', {}, 'unsupported-pair'],
    ['unsupported target (DeepL)', 400, "Value for 'target_lang' not supported.", {}, 'unsupported-pair'],
    ['over the limit (LibreTranslate)', 400, 'Invalid request: request (30) exceeds text limit (25)', {}, 'too-long'],
    ['payload too large (DeepL)', 413, 'Request Entity Too Large', {}, 'too-long'],
    ['other bad request', 400, 'Invalid request: missing q parameter', {}, 'bad-response'],
    ['server error', 502, 'Bad Gateway', {}, 'server'],
    ['service unavailable', 503, '', {}, 'server'],
    ['odd status', 418, "I'm a teapot", {}, 'bad-response'],
  ];
  it.each(cases)('%s -> %s', (_name, status, body, h, kind) => {
    const e = errorFromHttp('p', status, body, headers(h));
    expect(e).toBeInstanceOf(TranslationError);
    expect(e.kind).toBe(kind);
    expect(e.status).toBe(status);
  });

  it('carries Retry-After in milliseconds', () => {
    expect(errorFromHttp('p', 429, '', headers({ 'Retry-After': '2' })).retryAfterMs).toBe(2000);
  });
});

describe('errorFromThrown', () => {
  const dom = (name: string) => new DOMException('x', name);
  it.each([
    [new TypeError('fetch failed'), 'network'],
    [dom('TimeoutError'), 'timed-out'],
    [dom('AbortError'), 'cancelled'],
    [dom('NotAllowedError'), 'needs-click'],
    [dom('NotSupportedError'), 'unsupported-pair'],
    [dom('QuotaExceededError'), 'too-long'],
    [dom('NetworkError'), 'download-failed'],
    [new SyntaxError('Unexpected token'), 'bad-response'],
    [new Error('???'), 'bad-response'],
  ] as const)('%s -> %s', (thrown, kind) => {
    expect(errorFromThrown('p', thrown).kind).toBe(kind);
  });

  it('passes a TranslationError through', () => {
    const e = new TranslationError('quota', 'deepl');
    expect(errorFromThrown('other', e)).toBe(e);
  });

  it('says which failures are retryable and which stop the article', () => {
    expect(new TranslationError('rate-limited', 'p').retryable).toBe(true);
    expect(new TranslationError('network', 'p').retryable).toBe(true);
    expect(new TranslationError('auth', 'p').retryable).toBe(false);
    expect(new TranslationError('auth', 'p').fatal).toBe(true);
    expect(new TranslationError('too-long', 'p').fatal).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('5')).toBe(5000);
    const now = Date.parse('2026-11-26T10:00:00Z');
    expect(parseRetryAfter('Thu, 26 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('messages', () => {
  const kinds: TranslationErrorKind[] = [
    'auth', 'quota', 'rate-limited', 'unsupported-pair', 'network', 'timed-out', 'needs-click', 'download-failed',
    'too-long', 'server', 'bad-response', 'unavailable', 'cancelled',
  ];

  it('has English and Indonesian words for every error kind', () => {
    for (const kind of kinds) {
      const key = errorMessageKey(kind);
      expect(translateMessages.en[key], key).toBeTruthy();
      expect(translateMessages.id[key], key).toBeTruthy();
      expect(new TranslationError(kind, 'p').messageKey).toBe(key);
    }
  });

  it('has the same keys and placeholders in both languages, and no untranslated Indonesian', () => {
    expect(Object.keys(translateMessages.id).sort()).toEqual(Object.keys(translateMessages.en).sort());
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, text] of Object.entries(translateMessages.en)) {
      const id = translateMessages.id[key as keyof typeof translateMessages.id];
      expect(holes(id), key).toEqual(holes(text));
      if (text.length > 12) expect(id, key).not.toBe(text);
    }
  });

  it('fills placeholders and falls back to English', () => {
    expect(formatMessage('id', 'progress.translating', { done: 12, total: 40 })).toBe('Menerjemahkan… 12 dari 40');
    expect(formatMessage('en-GB', 'progress.translating', { done: 12, total: 40 })).toBe('Translating… 12 of 40');
    expect(formatMessage('fr', 'action.cancel')).toBe('Cancel');
  });
});
