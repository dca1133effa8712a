/**
 * Translation in the reader, the DOM side: splits the shown article body into blocks, sends them to the provider
 * (over the runtime Port to the background for remote services; in this page for Chrome's on-device translator,
 * which needs the reader's click; directly on an extension page such as a saved article), and puts each block's
 * translation beside its original as soon as it arrives, visible blocks first.
 *
 * Both DOMs are kept: a translated block is `<span class="jernih-orig">original nodes</span><span class="jernih-tr">
 * translation</span>` inside its own element, and `data-translation` on the body picks what shows (translated,
 * original, side by side), so switching is instant and never translates again. All of it lives in the reader's
 * own tree: closing the reader gives the page back exactly as it was.
 *
 * Everything from the browser comes in as deps (runtime Port, language detection, the Translator global).
 */
import type { Article } from '../extract/types';
import type { Settings, TranslationProviderSetting } from '../settings';
import type { TranslatePortIn, TranslatePortOut } from '../messages';
import { isTranslatePortOut } from '../messages';
import { applyTranslation, segmentBlocks, toSegment, type Block } from '../translate/segment';
import { translateArticle } from '../translate/article';
import { createMemoryCache, type TranslationCache } from '../translate/cache';
import { errorFromThrown } from '../translate/errors';
import { detectSourceLanguage, detectorFromI18n, type I18nDetectResult } from '../translate/detect';
import { normalizeLang } from '../translate/lang';
import { chromeTranslatorFrom, createChromeProvider } from '../translate/providers/chrome';
import { createProvider, type ProviderEnv } from '../translate/providers/index';
import { planTranslation, type OnDeviceAvailability, type SetUpProvider } from '../translate/choice';
import { translationConfig, type SecretStore } from '../secrets';
import type { LanguagePair, TranslationProvider } from '../translate/types';
import type { TranslateEvent, TranslateView, TranslateViewMode } from '@/components/reader-types';

/** The reader's end of the translation Port (browser.runtime.Port). */

/** Where no secret store can be reached (a web page's IndexedDB is the page's): no key, and nothing is kept. */
const NO_SECRETS: SecretStore = { get: async () => undefined, set: async () => undefined, delete: async () => undefined };

export interface ReaderPort {
  postMessage(message: TranslatePortIn): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
  disconnect(): void;
}

export interface TranslationDeps {
  /** The browser's UI language: the default target. */
  uiLang: string;
  /** Opens a Port to the background's translation service (content script). */
  connect?: () => ReaderPort;
  /**
   * On an extension page: provider and cache used here, without the Port. The key comes from the extension
   * origin's secret store (default: opened from this page's IndexedDB; never used by a content script, whose
   * IndexedDB is the web page's, and which has no `direct`).
   */
  direct?: { providerEnv: ProviderEnv; cache: () => Promise<TranslationCache>; secrets: () => SecretStore };
  /** browser.i18n.detectLanguage. */
  detectLanguage?: (text: string) => Promise<I18nDetectResult>;
  /** Where `Translator` lives (the page's window). */
  scope?: object;
  /** Time limit of the on-device language pack download (default: the provider's, 2 minutes). */
  downloadTimeoutMs?: () => number | undefined;
  /** Opens the options page; on one service's set-up when the reader picked it in the panel. */
  openOptions: (setUp?: SetUpProvider) => void;
  /** Stores the service the reader picked in the panel (settings.translation.provider). */
  saveProvider?: (provider: TranslationProviderSetting) => Promise<unknown>;
}

export interface TranslationContext {
  body: HTMLElement | null;
  /** The reader's scroller, for "visible blocks first". */
  scroller: HTMLElement | null;
  article: Article;
  settings: Settings;
  repaint(): void;
}

export interface ReaderTranslation {
  /** What the panel shows, or null while it is closed and nothing is translated. */
  view(): TranslateView | null;
  /** The toolbar button: opens or closes the translation bar. */
  toggle(ctx: TranslationContext): void;
  handle(event: TranslateEvent, ctx: TranslationContext): void;
  /** The reader closed or shows another article: stop and forget. */
  reset(): void;
}

/** Languages offered in the From/To lists (plus the article's and the browser's, when not among them). */
export const TRANSLATE_LANGS = ['en', 'id', 'ms', 'jv', 'su', 'es', 'fr', 'de', 'nl', 'pt', 'it', 'ru', 'ar', 'hi', 'th', 'vi', 'tl', 'ja', 'ko', 'zh'];

const SHARED_MEMORY = createMemoryCache();

/** "id" of "id-ID", lower-case; null for none. */
const baseLang = (lang: string | null): string | null => (lang ? lang.toLowerCase().split('-')[0] : null);

export function createReaderTranslation(deps: TranslationDeps): ReaderTranslation {
  let open = false;
  let state: TranslateView['state'] = 'idle';
  let source: string | null = null;
  let detected: TranslateView['detected'] = null;
  let detecting: Promise<void> | null = null;
  let target: string | null = null;
  let done = 0;
  let total = 0;
  let failed = 0;
  let fromCache = 0;
  let percent: number | null = null;
  let mode: TranslateViewMode = 'translated';
  let error: TranslateView['error'] = null;
  /** The panel's service choice (first press with none chosen), and the service whose set-up was opened. */
  let offered: Pick<TranslateView, 'offers' | 'onDevice'> | null = null;
  let settingUp: TranslateView['settingUp'] = null;
  let provider: string | null = null;
  let remote = false;
  let blocks: Block[] = [];
  let blocksOf: HTMLElement | null = null;
  const placed = new Map<string, HTMLElement>();
  let run: { cancel(): void } | null = null;
  let runId = 0;

  /** The person picked the target in the bar: detection finishing later does not change it. */
  let targetPicked = false;
  /**
   * The target until the person picks one: the settings' choice; else the UI's language unless the article is in
   * it (an Indonesian reading Indonesian wants English), then English, or Indonesian for an English article.
   */
  const defaultTarget = (s: Settings): string => {
    const chosen = normalizeLang(s.translation.target);
    if (chosen) return chosen;
    const from = baseLang(source ?? detected?.lang ?? null);
    const ui = normalizeLang(deps.uiLang);
    if (ui && baseLang(ui) !== from) return ui;
    return from === 'en' ? 'id' : 'en';
  };

  const detect = (ctx: TranslationContext): Promise<void> => {
    if (detecting) return detecting;
    state = state === 'idle' ? 'detecting' : state;
    detecting = detectSourceLanguage({
      declared: [ctx.article.lang],
      text: ctx.body?.textContent ?? ctx.article.textContent ?? '',
      detectors: deps.detectLanguage ? [detectorFromI18n(deps.detectLanguage)] : [],
    }).then((r) => {
      // Only the detector's own doubt: a page that declares Indonesian, or a long clear text, is not "maybe Malay".
      detected = { lang: r.lang, via: r.via, uncertain: r.uncertain };
      source ??= r.lang;
      // The first target was guessed before the source was known (not while a translation runs with it).
      if (!targetPicked && (state === 'detecting' || state === 'idle')) target = defaultTarget(ctx.settings);
      if (state === 'detecting') state = 'idle';
      ctx.repaint();
    });
    return detecting;
  };

  const ensureBlocks = (body: HTMLElement): Block[] => {
    if (blocksOf === body && blocks.length && blocks[0].element.isConnected && body.contains(blocks[0].element)) return blocks;
    blocks = segmentBlocks(body);
    blocksOf = body;
    placed.clear();
    return blocks;
  };

  const visibleIds = (ctx: TranslationContext): string[] => {
    const box = ctx.scroller?.getBoundingClientRect();
    if (!box || box.height === 0) return blocks.slice(0, 8).map((b) => b.id);
    return blocks
      .filter((b) => {
        const r = b.element.getBoundingClientRect();
        return r.bottom > box.top && r.top < box.bottom;
      })
      .map((b) => b.id);
  };

  /** Shows a block's translation: the original nodes wrapped once, the translation beside them. */
  const place = (block: Block, html: string, lang: string): void => {
    const doc = block.element.ownerDocument;
    const { fragment } = applyTranslation(block, html, doc);
    let tr = placed.get(block.id);
    if (!tr || !tr.isConnected) {
      const first = block.nodes[0];
      if (!first?.parentNode) return;
      const orig = doc.createElement('span');
      orig.className = 'jernih-orig';
      first.parentNode.insertBefore(orig, first);
      for (const n of block.nodes) orig.appendChild(n);
      tr = doc.createElement('span');
      tr.className = 'jernih-tr';
      orig.after(tr);
      placed.set(block.id, tr);
    }
    tr.setAttribute('lang', lang);
    tr.replaceChildren(fragment);
  };

  const clearTranslations = (): void => {
    for (const tr of placed.values()) tr.replaceChildren();
  };

  const setMode = (ctx: TranslationContext, next: TranslateViewMode): void => {
    mode = next;
    ctx.body?.setAttribute('data-translation', next);
  };

  const fail = (kind: string, ctx: TranslationContext): void => {
    state = 'error';
    error = { kind, options: ['not-configured', 'auth', 'quota', 'unavailable', 'unsupported-pair'].includes(kind) };
    ctx.repaint();
  };

  /** Chrome's Translator of the reader's window, asked about a pair; null where the browser has none. */
  const onDeviceAvailability = (): OnDeviceAvailability => {
    const translator = chromeTranslatorFrom(deps.scope ?? globalThis);
    if (!translator) return null;
    const onDevice = createChromeProvider({ translator });
    return (pair) => onDevice.availability(pair);
  };

  /** Translate pressed (or a service picked in the panel: `picked`). */
  const start = (ctx: TranslationContext, picked?: TranslationProviderSetting): void => {
    run?.cancel();
    run = null;
    const body = ctx.body;
    if (!body) return;
    // The settings here hold no key (issue #14): the background, or an extension page, adds it from the secret store.
    const setting = picked ?? ctx.settings.translation.provider;
    error = null;
    percent = null;
    offered = null;
    const pair: LanguagePair = { source: source ?? detected?.lang ?? '', target: target ?? defaultTarget(ctx.settings) };
    if (!pair.source) {
      state = 'error';
      error = { kind: 'choose-source', options: false };
      return ctx.repaint();
    }
    if (pair.source === pair.target) {
      state = 'error';
      error = { kind: 'same-language', options: false };
      return ctx.repaint();
    }
    if (setting.id !== 'auto' && setting.id !== 'none') return begin(ctx, setting, pair, body);
    // Nothing chosen: the on-device translator if it can do the pair, else the choice, here (issue 13).
    const id = ++runId;
    void planTranslation(setting, onDeviceAvailability(), pair).then((plan) => {
      if (id !== runId) return;
      if (plan.kind !== 'choose') return begin(ctx, { id: 'chrome-builtin' }, pair, body);
      state = 'choose';
      offered = { offers: plan.offers, onDevice: plan.onDevice };
      ctx.repaint();
    });
  };

  const begin = (ctx: TranslationContext, choice: Exclude<TranslationProviderSetting, { id: 'auto' } | { id: 'none' }>, pair: LanguagePair, body: HTMLElement): void => {
    settingUp = null;
    const list = ensureBlocks(body);
    clearTranslations();
    done = 0;
    total = list.length;
    failed = 0;
    fromCache = 0;
    provider = null;
    const id = ++runId;
    const byId = new Map(list.map((b) => [b.id, b]));
    const visible = visibleIds(ctx);
    const onSegment = (segId: string, html: string) => {
      const b = byId.get(segId);
      if (id === runId && b) place(b, html, pair.target);
    };
    setMode(ctx, mode === 'original' ? 'translated' : mode);
    state = 'translating';
    ctx.repaint();

    if (choice.id === 'chrome-builtin' || deps.direct) {
      remote = false;
      void runHere(choice, pair, list, visible, id, onSegment, ctx);
      return;
    }
    remote = true;
    const port = deps.connect?.();
    if (!port) return fail('unavailable', ctx);
    let finished = false;
    run = {
      cancel() {
        if (finished) return;
        finished = true;
        try {
          port.postMessage({ type: 'translate:cancel' });
          port.disconnect();
        } catch {
          // Already gone.
        }
      },
    };
    port.onDisconnect.addListener(() => {
      if (finished || id !== runId) return;
      finished = true;
      fail('network', ctx);
    });
    port.onMessage.addListener((raw) => {
      if (id !== runId || !isTranslatePortOut(raw)) return;
      const m = raw as TranslatePortOut;
      switch (m.type) {
        case 'translate:segment':
          onSegment(m.id, m.html);
          if (m.fromCache) fromCache++;
          return;
        case 'translate:progress':
          done = m.done;
          total = m.total;
          failed = m.failed;
          ctx.repaint();
          return;
        case 'translate:done':
          finished = true;
          state = 'done';
          done = m.done;
          failed = m.failed.length;
          fromCache = m.fromCache;
          provider = m.provider;
          port.disconnect();
          ctx.repaint();
          return;
        case 'translate:cancelled':
          finished = true;
          state = 'cancelled';
          ctx.repaint();
          return;
        case 'translate:error':
          finished = true;
          port.disconnect();
          fail(m.kind === 'runs-in-page' ? 'unavailable' : m.kind, ctx);
          return;
      }
    });
    port.postMessage({ type: 'translate:start', pair, segments: list.map(toSegment), visible });
  };

  /** On-device (Chrome), or any provider on an extension page: translateArticle here. */
  const runHere = async (
    choice: Settings['translation']['provider'],
    pair: LanguagePair,
    list: Block[],
    visible: string[],
    id: number,
    onSegment: (id: string, html: string) => void,
    ctx: TranslationContext,
  ): Promise<void> => {
    const controller = new AbortController();
    run = { cancel: () => controller.abort() };
    let p: TranslationProvider;
    let cache: TranslationCache | undefined;
    const config = choice.id === 'chrome-builtin' ? choice : await configWithKey(choice);
    if (id !== runId) return;
    if (!config) return fail('not-configured', ctx);
    try {
      if (config.id === 'chrome-builtin') {
        const translator = chromeTranslatorFrom(deps.scope ?? globalThis);
        if (!translator) return fail('unavailable', ctx);
        p = createChromeProvider({ translator, createTimeoutMs: deps.downloadTimeoutMs?.() });
        cache = deps.direct ? await deps.direct.cache().catch(() => SHARED_MEMORY) : SHARED_MEMORY;
      } else {
        p = createProvider(config, deps.direct!.providerEnv);
        cache = await deps.direct!.cache().catch(() => undefined);
      }
    } catch (e) {
      return fail(errorFromThrown(config.id, e).kind, ctx);
    }
    if (config.id === 'chrome-builtin') {
      // Cached blocks need no model: shown before asking for any download.
      try {
        const availability = await p.availability(pair);
        if (id !== runId) return;
        if (availability === 'unavailable') return fail('unsupported-pair', ctx);
        if (availability === 'downloadable') {
          state = 'downloading';
          percent = 0;
          ctx.repaint();
        }
        // Started from the reader's click (its user activation is still fresh): the download needs it.
        await p.prepare!(pair, {
          signal: controller.signal,
          onProgress: (loaded) => {
            percent = Math.round(loaded * 100);
            ctx.repaint();
          },
        });
      } catch (e) {
        if (id !== runId) return;
        const kind = errorFromThrown(p.id, e).kind;
        if (kind === 'cancelled' || controller.signal.aborted) {
          state = 'cancelled';
          percent = null;
          return ctx.repaint();
        }
        percent = null;
        return fail(kind, ctx);
      }
      if (id !== runId) return;
      percent = null;
      state = 'translating';
      ctx.repaint();
    }
    const report = await translateArticle({
      segments: list.map(toSegment),
      provider: p,
      pair,
      cache,
      visible,
      signal: controller.signal,
      prepare: config.id !== 'chrome-builtin',
      onSegment,
      onProgress: (pr) => {
        if (id !== runId) return;
        done = pr.done;
        total = pr.total;
        failed = pr.failed;
        ctx.repaint();
      },
    });
    if (id !== runId) return;
    fromCache = report.fromCache;
    if (report.cancelled) {
      state = 'cancelled';
      return ctx.repaint();
    }
    if (report.error) return fail(report.error.kind, ctx);
    state = 'done';
    done = report.done;
    failed = report.failed.length;
    provider = p.label;
    ctx.repaint();
  };

  /** An extension page's provider config, with the key from the secret store; null when it is not set up. */
  const configWithKey = async (choice: Settings['translation']['provider']) => {
    // In a web page (no `direct`) only the browser's own translator runs here, and it needs no key.
    return translationConfig(choice, deps.direct?.secrets() ?? NO_SECRETS).catch(() => null);
  };

  const api: ReaderTranslation = {
    view() {
      if (!open) return null;
      return {
        state,
        source,
        detected,
        target: target ?? '',
        done,
        total,
        failed,
        fromCache,
        percent,
        mode,
        hasTranslation: placed.size > 0,
        error,
        offers: offered?.offers ?? null,
        onDevice: offered?.onDevice ?? null,
        settingUp,
        provider,
        remote,
        languages: TRANSLATE_LANGS,
      };
    },
    toggle(ctx) {
      open = !open;
      if (open) {
        target ??= defaultTarget(ctx.settings);
        void detect(ctx);
      }
      ctx.repaint();
    },
    handle(event, ctx) {
      switch (event.type) {
        case 'start':
          target ??= defaultTarget(ctx.settings);
          start(ctx);
          return;
        case 'cancel':
          runId++;
          run?.cancel();
          run = null;
          percent = null;
          state = 'cancelled';
          ctx.repaint();
          return;
        case 'mode':
          setMode(ctx, event.mode);
          ctx.repaint();
          return;
        case 'source':
          source = normalizeLang(event.lang);
          ctx.repaint();
          return;
        case 'target':
          target = normalizeLang(event.lang);
          targetPicked = true;
          ctx.repaint();
          return;
        case 'options':
          deps.openOptions();
          return;
        case 'provider':
          if (event.id === 'chrome-builtin') {
            const picked = { id: 'chrome-builtin' } as const;
            void deps.saveProvider?.(picked).catch(() => undefined);
            // Now, in the reader's click: a first language-pack download needs it.
            target ??= defaultTarget(ctx.settings);
            start(ctx, picked);
          } else {
            // A server address or a key is typed on the options page (which asks for the host access in its click).
            settingUp = event.id;
            deps.openOptions(event.id);
            ctx.repaint();
          }
          return;
        case 'close':
          open = false;
          ctx.repaint();
          return;
      }
    },
    reset() {
      runId++;
      run?.cancel();
      run = null;
      open = false;
      state = 'idle';
      source = null;
      detected = null;
      detecting = null;
      target = null;
      targetPicked = false;
      done = total = failed = fromCache = 0;
      percent = null;
      mode = 'translated';
      error = null;
      offered = null;
      settingUp = null;
      provider = null;
      blocks = [];
      blocksOf = null;
      placed.clear();
    },
  };
  return api;
}
