/** The one place HTTP providers call fetch: time limit, cancel, and every failure mapped to a TranslationError. */
import { errorFromHttp, errorFromThrown, TranslationError } from './errors';
import type { FetchLike } from './types';

/**
 * A signal that aborts when `parent` does or when `ms` have passed, the latter with a TimeoutError reason so the
 * reader is told "timed out", not "cancelled". Uses setTimeout (not AbortSignal.timeout) so fake timers drive it.
 */
export function withTimeout(parent: AbortSignal | undefined, ms: number): { signal: AbortSignal; done(): void } {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(parent?.reason);
  if (parent?.aborted) controller.abort(parent.reason);
  else parent?.addEventListener('abort', onAbort, { once: true });
  const timer = Number.isFinite(ms)
    ? setTimeout(() => controller.abort(new DOMException(`no answer within ${ms} ms`, 'TimeoutError')), ms)
    : undefined;
  return {
    signal: controller.signal,
    done: () => {
      if (timer !== undefined) clearTimeout(timer);
      parent?.removeEventListener('abort', onAbort);
    },
  };
}

/** The error text of an answer: the JSON "error" (LibreTranslate) or "message" (DeepL) field, else the raw body. */
function errorText(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown; detail?: unknown };
    const text = parsed.error ?? parsed.message ?? parsed.detail;
    if (typeof text === 'string') return text;
  } catch {
    // not JSON: the raw text says it
  }
  return body;
}

export interface RequestOptions {
  provider: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** fetch + JSON, with the provider's failures as TranslationErrors. */
export async function requestJson<T>(fetchFn: FetchLike, url: string, init: RequestInit, o: RequestOptions): Promise<T> {
  const { signal, done } = withTimeout(o.signal, o.timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetchFn(url, { ...init, signal });
    } catch (e) {
      // An aborted fetch rejects with the signal's reason (TimeoutError) or an AbortError.
      throw errorFromThrown(o.provider, signal.aborted ? signal.reason ?? e : e);
    }
    let body: string;
    try {
      body = await response.text();
    } catch (e) {
      throw errorFromThrown(o.provider, signal.aborted ? signal.reason ?? e : e);
    }
    if (!response.ok) throw errorFromHttp(o.provider, response.status, errorText(body), response.headers);
    try {
      return JSON.parse(body) as T;
    } catch {
      throw new TranslationError('bad-response', o.provider, `not JSON: ${body.slice(0, 120)}`, { status: response.status });
    }
  } finally {
    done();
  }
}
