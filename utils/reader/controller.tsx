/**
 * The in-page reader: detect -> extract -> mount -> restore. Everything it needs from the browser comes in as
 * arguments, so it runs under jsdom in unit tests and in the content script alike.
 */
import { render } from 'preact';
import { extractArticle, planPages, readArticle, type Article } from '../extract';
import { DEFAULT_SETTINGS, nextFontSize, autoCleanOn, withAutoClean, type Settings, type SettingsPatch, type Theme } from '../settings';
import { findOpenReader, swapIn, type Swap } from './swap';
import { ReaderView } from '@/components/ReaderView';
import type { Translate } from '@/components/i18n';
import type { ReaderReply } from '../messages';
import { siteFor } from './autoclean';
import css from '@/components/reader.css?inline';

export interface ReaderEnv {
  doc: Document;
  win: Window & typeof globalThis;
  t: Translate;
  locale?: string;
  loadSettings: () => Promise<Settings>;
  saveSettings: (patch: SettingsPatch | ((s: Settings) => SettingsPatch)) => Promise<Settings>;
  /** Subscribes to settings changed elsewhere; returns the unsubscribe function. */
  watchSettings: (cb: (s: Settings) => void) => () => void;
  /** Fetches another page of a multi-page article; without it, the reader shows the page it has. */
  fetchPage?: (url: string) => Promise<string>;
  extract?: (doc: Document, url: string) => Article | null;
}

export interface OpenOptions {
  /**
   * Opened by auto-clean on a supported site: `site` is the key of its switch (rule id or host) and `label`
   * the name shown ("kompas.com"). The reader then offers "Show original" and the switch.
   */
  auto?: { site: string; label: string };
}

export interface ReaderController {
  toggle(): Promise<ReaderReply>;
  open(options?: OpenOptions): Promise<ReaderReply>;
  close(): ReaderReply;
  readonly isOpen: boolean;
}

const NOTICE_MS = 3200;

export function createReaderController(env: ReaderEnv): ReaderController {
  const { doc, win, t } = env;
  const extract = env.extract ?? ((d: Document, url: string) => extractArticle(d, { url }));
  let swap: Swap | null = null;
  let article: Article | null = null;
  let joining = false;
  let auto: OpenOptions['auto'] | undefined;
  let autoOpened = false;
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let unwatch: (() => void) | null = null;
  let previousFocus: Element | null = null;
  let generation = 0;

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented && swap) {
      event.preventDefault();
      event.stopPropagation();
      controller.close();
    }
  };

  const update = (patch: SettingsPatch) => {
    settings = { ...settings, ...patch };
    paint();
    void env.saveSettings(patch).catch(() => undefined);
  };

  const paint = () => {
    if (!swap || !article) return;
    render(
      <>
        <style>{css}</style>
        <ReaderView
          article={article}
          settings={settings}
          t={t}
          locale={env.locale}
          joining={joining}
          autoSite={auto ? { label: auto.label, on: autoCleanOn(settings, auto.site) } : undefined}
          autoOpened={autoOpened}
          onAutoClean={(on) => auto && update(withAutoClean(settings, auto.site, on))}
          onExit={() => controller.close()}
          onTheme={(theme: Theme) => update({ theme })}
          onFontSize={(d) => update({ fontSize: nextFontSize(settings.fontSize, d) })}
          onLocalLink={(id) => swap?.root.getElementById(id)?.scrollIntoView()}
        />
      </>,
      swap.root,
    );
  };

  /**
   * The other pages, joined in the background while the first page is already readable. `original` is a copy
   * of the page taken before the swap: by now the live body is the reader's.
   */
  const joinPages = async (original: Document, url: string, gen: number) => {
    joining = true;
    paint();
    try {
      const whole = await readArticle(original, { url, fetchPage: env.fetchPage });
      if (gen === generation && whole && swap) article = whole;
    } catch {
      // Keep the first page; readArticle reports missing pages itself, this is only for the unexpected.
    } finally {
      if (gen === generation) {
        joining = false;
        paint();
      }
    }
  };

  const controller: ReaderController = {
    get isOpen() {
      return swap !== null;
    },
    async toggle() {
      return swap ? controller.close() : controller.open();
    },
    async open(options: OpenOptions = {}) {
      if (swap || findOpenReader(doc)) return { state: 'opened' };
      const url = win.location.href;
      let found: Article | null;
      try {
        found = extract(doc, url);
      } catch (error) {
        if (!options.auto) showNotice(doc, t('extractError'));
        return { state: 'error', message: String(error) };
      }
      if (!found) {
        if (!options.auto) showNotice(doc, t('noArticle'));
        return { state: 'no-article' };
      }
      article = found;
      settings = await env.loadSettings().catch(() => ({ ...DEFAULT_SETTINGS }));
      // The site's switch shows whenever the page is on a supported site, however the reader was opened.
      auto = options.auto ?? siteFor(url, settings) ?? undefined;
      autoOpened = !!options.auto;
      previousFocus = doc.activeElement;
      const multiPage = !!env.fetchPage && planPages(doc, url).kind !== 'single';
      const original = multiPage ? (doc.cloneNode(true) as Document) : null;
      swap = swapIn(doc, win);
      paint();
      unwatch = env.watchSettings((s) => {
        settings = s;
        paint();
      });
      win.addEventListener('keydown', onKey, true);
      const view = swap.root.querySelector('.reader') as HTMLElement | null;
      try {
        view?.showPopover();
      } catch {
        // No Popover API (old browser): the reader still covers the page as the only rendered body.
      }
      (swap.root.querySelector('.page') as HTMLElement | null)?.focus({ preventScroll: true });
      generation++;
      if (original) void joinPages(original, url, generation);
      return { state: 'opened' };
    },
    close() {
      if (!swap) return { state: 'closed' };
      generation++;
      win.removeEventListener('keydown', onKey, true);
      unwatch?.();
      unwatch = null;
      render(null, swap.root);
      swap.restore();
      swap = null;
      article = null;
      joining = false;
      const back = previousFocus;
      if (back instanceof win.HTMLElement && back.isConnected) back.focus({ preventScroll: true });
      return { state: 'closed' };
    },
  };
  return controller;
}

/** A short notice that fades by itself; the page is otherwise left untouched. */
export function showNotice(doc: Document, message: string, ms = NOTICE_MS): void {
  const host = doc.createElement('jernih-notice');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const box = doc.createElement('div');
  box.className = 'notice';
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  box.textContent = message;
  root.append(style, box);
  doc.documentElement.appendChild(host);
  setTimeout(() => host.remove(), ms);
}
