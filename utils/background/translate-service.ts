/**
 * Translation for the in-page reader, run by the extension: the reader (a content script, in the web page's
 * process) sends plain segments over a runtime Port; the provider, its keys and the cache live here, in the
 * extension's origin, so the page never sees a key and the cache is the extension's own IndexedDB.
 * Results stream back block by block. Everything browser-specific is injected, so this is unit-tested.
 */
import { createProvider, type ProviderConfig, type ProviderEnv } from '../translate/providers/index';
import { translateArticle } from '../translate/article';
import type { TranslationCache } from '../translate/cache';
import { errorFromThrown } from '../translate/errors';
import type { LanguagePair, Segment } from '../translate/types';
import type { TranslatePortOut } from '../messages';
import { isTranslatePortIn } from '../messages';

export const TRANSLATE_PORT = 'jernih-translate';

export interface PortLike {
  postMessage(message: TranslatePortOut): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
  /** The reader's tab: a private window's translations are kept in memory only. */
  sender?: { tab?: { incognito?: boolean } };
}

export interface TranslateServiceDeps {
  /**
   * The provider the reader chose in the options, with its key from the secret store (utils/secrets.ts; the
   * settings content scripts load hold none), or null when none is set up.
   */
  getConfig: () => Promise<ProviderConfig | null>;
  providerEnv: ProviderEnv;
  /** The cache for a reader in a private window (`incognito`: memory only, never written to disk) or not. */
  cache: (incognito: boolean) => Promise<TranslationCache>;
}

/** Serves one reader's Port: one translation at a time; a new start cancels the previous one. */
export function serveTranslatePort(port: PortLike, deps: TranslateServiceDeps): void {
  let current: AbortController | null = null;
  port.onDisconnect.addListener(() => current?.abort());
  port.onMessage.addListener((message) => {
    if (!isTranslatePortIn(message)) return;
    if (message.type === 'translate:cancel') {
      current?.abort();
      return;
    }
    current?.abort();
    const controller = new AbortController();
    current = controller;
    void run(message.pair, message.segments, message.visible, controller.signal);
  });

  const post = (m: TranslatePortOut) => {
    try {
      port.postMessage(m);
    } catch {
      // The reader went away (tab closed, page left): nothing to tell.
    }
  };

  async function run(pair: LanguagePair, segments: Segment[], visible: string[], signal: AbortSignal) {
    const config = await deps.getConfig().catch(() => null);
    if (!config) return post({ type: 'translate:error', kind: 'not-configured', detail: '' });
    if (config.id === 'chrome-builtin') return post({ type: 'translate:error', kind: 'runs-in-page', detail: '' });
    let provider;
    try {
      provider = createProvider(config, deps.providerEnv);
    } catch (e) {
      const error = errorFromThrown(config.id, e);
      return post({ type: 'translate:error', kind: error.kind, detail: error.message });
    }
    const cache = await deps.cache(port.sender?.tab?.incognito === true).catch(() => undefined);
    const report = await translateArticle({
      segments,
      provider,
      pair,
      cache,
      visible,
      signal,
      onSegment: (id, html, info) => post({ type: 'translate:segment', id, html, fromCache: info.fromCache }),
      onProgress: (p) => post({ type: 'translate:progress', ...p }),
    });
    if (signal.aborted) return post({ type: 'translate:cancelled' });
    if (report.error) return post({ type: 'translate:error', kind: report.error.kind, detail: report.error.message, retryAfterMs: report.error.retryAfterMs });
    post({
      type: 'translate:done',
      done: report.done,
      total: report.total,
      failed: report.failed.map((f) => ({ id: f.id, kind: f.error.kind })),
      fromCache: report.fromCache,
      provider: provider.label,
    });
  }
}
