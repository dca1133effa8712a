/**
 * The in-page reader: detect -> extract -> mount -> restore. Everything it needs from the browser comes in as
 * arguments, so it runs under jsdom in unit tests and in the content script alike.
 */
import { render } from 'preact';
import { extractArticle, type Article } from '../extract';
import { DEFAULT_SETTINGS, nextFontSize, type Settings, type Theme } from '../settings';
import { findOpenReader, swapIn, type Swap } from './swap';
import { ReaderView } from '@/components/ReaderView';
import type { Translate } from '@/components/i18n';
import type { ReaderReply } from '../messages';
import css from '@/components/reader.css?inline';

export interface ReaderEnv {
  doc: Document;
  win: Window & typeof globalThis;
  t: Translate;
  locale?: string;
  loadSettings: () => Promise<Settings>;
  saveSettings: (patch: Partial<Omit<Settings, 'version'>>) => Promise<Settings>;
  /** Subscribes to settings changed elsewhere; returns the unsubscribe function. */
  watchSettings: (cb: (s: Settings) => void) => () => void;
  extract?: (doc: Document, url: string) => Article | null;
}

export interface ReaderController {
  toggle(): Promise<ReaderReply>;
  open(): Promise<ReaderReply>;
  close(): ReaderReply;
  readonly isOpen: boolean;
}

const NOTICE_MS = 3200;

export function createReaderController(env: ReaderEnv): ReaderController {
  const { doc, win, t } = env;
  const extract = env.extract ?? ((d: Document, url: string) => extractArticle(d, { url }));
  let swap: Swap | null = null;
  let article: Article | null = null;
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let unwatch: (() => void) | null = null;
  let previousFocus: Element | null = null;

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented && swap) {
      event.preventDefault();
      event.stopPropagation();
      controller.close();
    }
  };

  const paint = () => {
    if (!swap || !article) return;
    const update = (patch: Partial<Omit<Settings, 'version'>>) => {
      settings = { ...settings, ...patch };
      paint();
      void env.saveSettings(patch).catch(() => undefined);
    };
    render(
      <>
        <style>{css}</style>
        <ReaderView
          article={article}
          settings={settings}
          t={t}
          locale={env.locale}
          onExit={() => controller.close()}
          onTheme={(theme: Theme) => update({ theme })}
          onFontSize={(d) => update({ fontSize: nextFontSize(settings.fontSize, d) })}
          onLocalLink={(id) => swap?.root.getElementById(id)?.scrollIntoView()}
        />
      </>,
      swap.root,
    );
  };

  const controller: ReaderController = {
    get isOpen() {
      return swap !== null;
    },
    async toggle() {
      return swap ? controller.close() : controller.open();
    },
    async open() {
      if (swap) return { state: 'opened' };
      if (findOpenReader(doc)) return { state: 'opened' };
      let found: Article | null;
      try {
        found = extract(doc, win.location.href);
      } catch (error) {
        showNotice(doc, t('extractError'));
        return { state: 'error', message: String(error) };
      }
      if (!found) {
        showNotice(doc, t('noArticle'));
        return { state: 'no-article' };
      }
      article = found;
      settings = await env.loadSettings().catch(() => ({ ...DEFAULT_SETTINGS }));
      previousFocus = doc.activeElement;
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
      return { state: 'opened' };
    },
    close() {
      if (!swap) return { state: 'closed' };
      win.removeEventListener('keydown', onKey, true);
      unwatch?.();
      unwatch = null;
      render(null, swap.root);
      swap.restore();
      swap = null;
      article = null;
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
