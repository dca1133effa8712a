/**
 * The in-page reader's core: detect -> extract -> mount -> restore, the state, the paint, keys and events to the
 * features (./features, listed in features/index.ts: read aloud, fixing the page, report, print, ...). Everything
 * it needs from the browser comes in as arguments, so it runs under jsdom in unit tests and in the content script.
 */
import { render } from 'preact';
import { extractArticle, type Article } from '../extract';
import { DEFAULT_SETTINGS, autoCleanOn, userRuleFor, withAutoClean, type Settings, type SettingsPatch, type UserRule } from '../settings';
import { findOpenReader, swapIn, type Swap } from './swap';
import { guardUserInput, isUserEvent } from './trusted-input';
import { ReaderView, type PanelName, type ReaderViewProps, type ToolbarAction, type ViewEvent } from '@/components/ReaderView';
import { siteFor, type SiteSwitch } from './site-switch';
import { actionForKey, isTypingTarget, type ReaderAction } from './keymap';
import { FONTS, releaseFonts, useFont } from './fonts';
import { readerFeatures } from './features';
import { withOtherPages } from './features/join';
import { showNotice } from './features/notice';
import type { OpenOptions, ReaderController, ReaderCore, ReaderEnv, ReaderUi, UserRuleInput } from './features/types';
import css from '@/components/reader.css?inline';

export type { OpenOptions, ReaderController, ReaderEnv, ReaderUi, UserRuleInput } from './features/types';
export { showNotice };

const MESSAGE_MS = 5000;

export function createReaderController(env: ReaderEnv): ReaderController {
  const { doc, win, t } = env;
  const extract = env.extract ?? ((d: Document, url: string, userRule?: UserRuleInput, gate?: boolean) => extractArticle(d, { url, userRule, gate }));
  let swap: Swap | null = null;
  let unguard = () => {};
  let article: Article | null = null;
  let url = '';
  let auto: OpenOptions['auto'] | undefined;
  let autoOpened = false;
  let settings: Settings = { ...DEFAULT_SETTINGS };
  /** The user's stored rule for this site, as this view started with it. */
  let baseRule: UserRule | null = null;
  let unwatch: (() => void) | null = null;
  let previousFocus: Element | null = null;
  // What the open reader shows besides the article (the features keep their own).
  let panel: PanelName | null = null;
  let message: string | null = null;
  let messageTimer: ReturnType<typeof setTimeout> | undefined;

  const root = () => swap?.root ?? null;
  const view = () => root()?.querySelector('.reader') as HTMLElement | null;

  const say = (text: string | null) => {
    message = text;
    clearTimeout(messageTimer);
    if (text) messageTimer = setTimeout(() => say(null), MESSAGE_MS);
    paint();
  };

  const applyFont = () => {
    if (env.fonts) useFont(settings.fontFamily, { ...env.fonts, doc });
  };

  const update = (patch: SettingsPatch) => {
    const before = settings;
    settings = { ...settings, ...patch };
    if (patch.fontFamily && patch.fontFamily !== before.fontFamily) applyFont();
    for (const f of features) f.settingsChanged?.(patch);
    paint();
    void env.saveSettings(patch).catch(() => undefined);
  };

  const setPanel = (next: PanelName | null) => {
    if (next === 'contents' && !root()?.querySelector('.toc')) return;
    panel = next;
    paint();
    for (const f of features) f.panelOpened?.(next);
  };

  const paint = () => {
    if (!swap || !article) return;
    // The features' props complete ReaderView's: the speech, fix and report state come from theirs.
    const featureProps = Object.assign({}, ...features.map((f) => f.props?.() ?? {})) as ReaderViewProps;
    render(
      <>
        <style>{css}</style>
        <ReaderView
          {...featureProps}
          article={article}
          settings={settings}
          t={t}
          locale={env.locale}
          fontStack={env.fonts ? FONTS[settings.fontFamily].stack : undefined}
          panel={panel}
          message={message}
          actions={allActions(article)}
          prepareBody={env.prepareBody}
          fixable={env.fixable}
          exitLabel={env.exitLabel}
          autoSite={auto ? { label: auto.label, on: autoCleanOn(settings, auto.site) } : undefined}
          autoOpened={autoOpened}
          onAutoClean={(on) => auto && update(withAutoClean(settings, auto.site, on))}
          onExit={() => controller.close()}
          onPanel={setPanel}
          onEvent={(e) => void run(e)}
          onSettings={update}
          onLocalLink={(id) => swap?.root.getElementById(id)?.scrollIntoView()}
        />
      </>,
      swap.root,
    );
  };

  // ---- keyboard -------------------------------------------------------------------------------------------

  /** Esc closes the innermost thing open: a panel, a feature's mode (removing blocks), then the reader. */
  const escape = () => {
    if (panel) return setPanel(null);
    if (features.some((f) => f.escape?.())) return;
    controller.close();
  };

  const inputGuard = { acceptSynthetic: env.acceptSyntheticEvents };
  const onKey = (event: KeyboardEvent) => {
    if (!swap || event.defaultPrevented || !isUserEvent(event, inputGuard)) return;
    const target = (event.composedPath()[0] ?? null) as Element | null;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      escape();
      return;
    }
    if (isTypingTarget(target)) return;
    const action = actionForKey(event);
    if (!action || !available(action)) return;
    event.preventDefault();
    event.stopPropagation();
    void run(action);
  };

  const ui: ReaderUi = { repaint: () => paint(), say: (text) => say(text) };
  /** The embedder's actions (Save, Library), then the features' (Translate). */
  const allActions = (a: Article): ToolbarAction[] => [...(env.actions?.(a, ui) ?? []), ...features.flatMap((f) => f.actions?.(a) ?? [])];
  const toolbarAction = (a: ReaderAction) => (article ? allActions(article).find((x) => x.shortcut === a) : undefined);
  /** Whether a key acts now: Save when the embedder gave it; other keys as their feature says (default: yes). */
  const available = (a: ReaderAction): boolean =>
    a === 'save' ? !!toolbarAction(a) : features.map((f) => f.available?.(a)).find((answer) => answer !== undefined) ?? true;

  // ---- actions --------------------------------------------------------------------------------------------

  const run = async (action: ViewEvent): Promise<void> => {
    const feature = features.find((f) => f.events?.includes(action));
    if (feature) return feature.run?.(action);
    switch (action) {
      case 'exit':
        controller.close();
        return;
      case 'help':
      case 'appearance':
      case 'contents':
      case 'more':
        return setPanel(panel === action ? null : action);
      case 'top':
        view()?.scrollTo?.({ top: 0 });
        (root()?.querySelector('.page') as HTMLElement | null)?.focus({ preventScroll: true });
        return;
      case 'save':
        toolbarAction(action)?.onClick();
        return;
    }
  };

  // ---- mounting -------------------------------------------------------------------------------------------

  /** Puts the reader in the page (again, after picking). */
  const mount = () => {
    swap = swapIn(doc, win);
    unguard = guardUserInput(swap.root, inputGuard);
    applyFont();
    paint();
    unwatch = env.watchSettings((s) => {
      const family = settings.fontFamily;
      settings = s;
      baseRule = userRuleFor(s, url);
      if (s.fontFamily !== family) applyFont();
      paint();
    });
    win.addEventListener('keydown', onKey, true);
    for (const f of features) f.mounted?.();
    try {
      view()?.showPopover();
    } catch {
      // No Popover API (old browser): the reader still covers the page as the only rendered body.
    }
    // Focus on the reader itself: arrow keys scroll it, and the first Tab reaches the toolbar.
    view()?.focus({ preventScroll: true });
  };

  /** Takes the reader out and gives the page back (the controller keeps what it knows). */
  const unmount = () => {
    if (!swap) return;
    for (const f of features) f.unmounted?.();
    win.removeEventListener('keydown', onKey, true);
    unwatch?.();
    unwatch = null;
    panel = null;
    render(null, swap.root);
    unguard();
    swap.restore();
    swap = null;
    releaseFonts(doc);
  };

  const show = (found: Article, autoSwitch?: SiteSwitch) => {
    article = found;
    // The site's switch shows whenever the page is on a supported site, however the reader was opened.
    auto = autoSwitch ?? siteFor(url, settings) ?? undefined;
    autoOpened = !!autoSwitch;
    mount();
    for (const f of features) f.opened?.();
  };

  const reset = () => {
    panel = null;
    clearTimeout(messageTimer);
    message = null;
    for (const f of features) f.reset?.();
  };

  const holdsPage = () => features.some((f) => f.holdsPage?.());

  const core: ReaderCore = {
    env,
    get url() { return url; }, set url(next) { url = next; },
    get article() { return article; }, set article(next) { article = next; },
    get settings() { return settings; }, set settings(next) { settings = next; },
    get baseRule() { return baseRule; }, set baseRule(next) { baseRule = next; },
    get panel() { return panel; }, set panel(next) { panel = next; },
    get swap() { return swap; },
    body: () => root()?.querySelector('.body') as HTMLElement | null,
    view, paint, say, update, setPanel, toolbarAction, extract, mount, unmount, show, reset,
    rememberFocus: () => void (previousFocus = doc.activeElement),
  };
  const features = readerFeatures(core);

  const controller: ReaderController = {
    get isOpen() { return swap !== null || holdsPage(); },
    async toggle() {
      // The button again over a notice (no article here) dismisses it, as it would close a reader.
      if (!swap && !holdsPage() && features.some((f) => f.dismiss?.())) return { state: 'closed' };
      return swap || holdsPage() ? controller.close() : controller.open();
    },
    async open(options: OpenOptions = {}) {
      if (swap || holdsPage() || findOpenReader(doc)) return { state: 'opened' };
      url = win.location.href;
      // Settings first: the user's own rule for this site shapes the extraction.
      settings = await env.loadSettings().catch(() => ({ ...DEFAULT_SETTINGS }));
      baseRule = userRuleFor(settings, url);
      let found: Article | null;
      try {
        // Auto-clean takes over a page nobody asked to change: only a sure article. A request gets the best there is.
        found = extract(doc, url, baseRule ? { body: baseRule.body, remove: baseRule.remove } : undefined, !!options.auto);
      } catch (error) {
        if (!options.auto) showNotice(doc, t('extractError'));
        return { state: 'error', message: String(error) };
      }
      for (const f of features) f.extracted?.(!!found, options);
      if (!found) return { state: 'no-article' };
      if (swap || findOpenReader(doc)) return { state: 'opened' };
      reset();
      previousFocus = doc.activeElement;
      for (const f of features) f.opening?.();
      show(found, options.auto);
      return { state: 'opened' };
    },
    close() {
      if (features.some((f) => f.cancel?.())) return { state: 'closed' };
      if (!swap) return { state: 'closed' };
      unmount();
      article = null;
      for (const f of features) f.closed?.();
      reset();
      const back = previousFocus;
      if (back instanceof win.HTMLElement && back.isConnected) back.focus({ preventScroll: true });
      env.onClose?.();
      return { state: 'closed' };
    },
    async readArticle() {
      if (swap && article) {
        await Promise.all(features.map((f) => f.settled?.()));
        return article;
      }
      const here = win.location.href;
      const s = await env.loadSettings().catch(() => ({ ...DEFAULT_SETTINGS }));
      const rule = userRuleFor(s, here);
      const found = extract(doc, here, rule ? { body: rule.body, remove: rule.remove } : undefined);
      // As open() does: a picked body stands alone; otherwise the other pages are joined (the engine reads the
      // live page without changing it, and applies the user's removals to every page).
      return found && withOtherPages(doc, here, found, rule, env.fetchPage);
    },
  };
  return controller;
}
