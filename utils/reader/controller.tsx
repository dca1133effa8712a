/**
 * The in-page reader: detect -> extract -> mount -> restore, and everything the open reader does (panels,
 * keyboard, read aloud, fixing the extraction, report). Everything it needs from the browser comes in as
 * arguments, so it runs under jsdom in unit tests and in the content script alike.
 */
import { render } from 'preact';
import { explainExtraction, extractArticle, planPages, readArticle, type Article } from '../extract';
import {
  COLUMN_WIDTH, DEFAULT_SETTINGS, THEMES, autoCleanOn, nextFontSize, ruleHostOf, stepRange, userRuleFor, withAutoClean,
  withUserRule, withoutUserRule, type Settings, type SettingsPatch, type UserRule,
} from '../settings';
import { attachUiShadow, findOpenReader, swapIn, type Swap } from './swap';
import { guardUserInput, isUserEvent } from './trusted-input';
import { ReaderView, type FixView, type PanelName, type SpeechView, type ToolbarAction, type ViewEvent } from '@/components/ReaderView';
import type { Translate } from '@/components/i18n';
import type { ReaderReply } from '../messages';
import { siteFor, type SiteSwitch } from './site-switch';
import { actionForKey, isTypingTarget, type ReaderAction } from './keymap';
import { FONTS, releaseFonts, useFont, type FontEnv } from './fonts';
import { ReadAloud, pickVoice, voicesFor, type SpeechEngine, type VoiceLike } from './speech';
import { textMap, type TextMap } from './textmap';
import { selectorFor } from './selector';
import { findOriginal } from './locate';
import { startPicker, type Picker } from './picker';
import { showNoArticleNotice, type NoArticleNotice } from './no-article';
import { buildReport } from './report';
import type { ReaderTranslation, TranslationContext } from './translate';
import { languageInSentence } from '../locale-format';
import css from '@/components/reader.css?inline';

export type UserRuleInput = { body?: string; remove?: string[] };

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
  extract?: (doc: Document, url: string, userRule?: UserRuleInput, gate?: boolean) => Article | null;
  /** The speech engine, asked for when reading starts (null: the browser cannot speak). */
  speech?: () => SpeechEngine | null;
  /** Loads bundled fonts into the page (absent: system fonts only). */
  fonts?: Omit<FontEnv, 'doc'>;
  /** Copies text to the clipboard; called inside the click. Default: the Clipboard API, then execCommand. */
  copyText?: (text: string) => Promise<boolean>;
  /** The extension's version, for reports. */
  version?: string;
  /**
   * More toolbar actions for this article (Save, Library, Translate: see components/reader-types.ts ToolbarAction).
   * Called on every paint; `ui` repaints (after the action's state changed) and says a short message.
   */
  actions?: (article: Article, ui: ReaderUi) => ToolbarAction[];
  /** Changes the body's sanitized nodes before they are shown (a saved article points its images at stored copies). */
  prepareBody?: (fragment: DocumentFragment) => void;
  /** Called after the reader closed (the saved-article page goes back to the library). */
  onClose?: () => void;
  /** Offer "Pick the article", "Remove a block" and "Report a problem" (default true; not for a saved article). */
  fixable?: boolean;
  /** Another name for Exit (a saved article goes back to the library). */
  exitLabel?: string;
  /** Translation of the shown article (utils/reader/translate.ts); adds the Translate button. */
  translation?: ReaderTranslation;
  /** The Translate button's icon. */
  translateIcon?: () => import('preact').ComponentChildren;
  /** Unit tests only (jsdom events are all synthetic): let untrusted events start actions (trusted-input.ts). */
  acceptSyntheticEvents?: boolean;
  /** Opens the saved articles (the library popup): offered by the no-article notice. */
  openLibrary?: () => void;
}

/** What an action may do to the open reader. */
export interface ReaderUi {
  repaint(): void;
  say(text: string): void;
}

export interface OpenOptions {
  /**
   * Opened by auto-clean on a supported site: `site` is the key of its switch (rule id or host) and `label`
   * the name shown ("kompas.com"). The reader then offers "Show original" and the switch.
   */
  auto?: SiteSwitch;
}

export interface ReaderController {
  toggle(): Promise<ReaderReply>;
  open(options?: OpenOptions): Promise<ReaderReply>;
  close(): ReaderReply;
  readonly isOpen: boolean;
  /**
   * The article as the reader shows it (once its other pages are joined), or, with the reader closed, as it
   * would show it: extracted now with the user's rule, other pages joined. Null: no article. For saving.
   */
  readArticle(): Promise<Article | null>;
}

const NOTICE_MS = 3200;
const MESSAGE_MS = 5000;
/** Blocks read aloud, in reading order (the innermost of nested ones). */
const SPOKEN = 'p, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre, dt, dd, th, td';

interface Removal {
  el: Element;
  /** Selector of the block in the original page, when it could be found there. */
  selector: string | null;
}

export function createReaderController(env: ReaderEnv): ReaderController {
  const { doc, win, t } = env;
  const extract = env.extract ?? ((d: Document, url: string, userRule?: UserRuleInput, gate?: boolean) => extractArticle(d, { url, userRule, gate }));
  let swap: Swap | null = null;
  let unguard = () => {};
  let article: Article | null = null;
  let url = '';
  let joining = false;
  let joined: Promise<void> = Promise.resolve();
  let auto: OpenOptions['auto'] | undefined;
  let autoOpened = false;
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let unwatch: (() => void) | null = null;
  let previousFocus: Element | null = null;
  let generation = 0;

  // What the open reader shows besides the article.
  let panel: PanelName | null = null;
  let message: string | null = null;
  let messageTimer: ReturnType<typeof setTimeout> | undefined;
  let report: { json: string; copied: boolean } | null = null;
  // Fixing the extraction: the stored rule this view started with, what was picked and removed here.
  let baseRule: UserRule | null = null;
  let fixMode: FixView['mode'] = 'none';
  let picked: string | null = null;
  let beforePick: Article | null = null;
  let removals: Removal[] = [];
  let remembered = false;
  let picker: Picker | null = null;
  /** The reader was closed (button, shortcut) while the picker was up: the page stays. */
  let abandoned = false;
  /** "No article here", with its next steps, until the person closes it or takes one. */
  let noArticle: NoArticleNotice | null = null;
  // Read aloud.
  let speaker: ReadAloud | null = null;
  let speechState: SpeechView['state'] = 'idle';
  let voices: VoiceLike[] = [];
  let noVoice: SpeechView['noVoice'] = null;
  let spoken: Element[] = [];
  let maps: TextMap[] = [];

  const root = () => swap?.root ?? null;
  const view = () => root()?.querySelector('.reader') as HTMLElement | null;
  const bodyEl = () => root()?.querySelector('.body') as HTMLElement | null;

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
    if (patch.speechRate !== undefined && speaker) speaker.update({ rate: settings.speechRate });
    paint();
    void env.saveSettings(patch).catch(() => undefined);
  };

  const setPanel = (next: PanelName | null) => {
    if (next === 'contents' && !root()?.querySelector('.toc')) return;
    panel = next;
    paint();
    // The voice list, for choosing before reading.
    const engine = next === 'speech' && !voices.length ? env.speech?.() : null;
    if (engine) {
      void loadVoices(engine).then((v) => {
        voices = v;
        const lang = article?.lang ?? null;
        noVoice = lang && !pickVoice(v, lang, undefined) ? languageName(lang) : null;
        paint();
      });
    }
  };

  const speechView = (): SpeechView => {
    const lang = article?.lang ?? null;
    const fitting = lang ? voicesFor(voices, lang) : voices;
    const chosen = pickVoice(voices, lang, lang ? settings.speechVoices[lang] : undefined);
    return {
      available: !!env.speech,
      state: speechState,
      voices: fitting.map((v) => ({ uri: v.voiceURI, name: `${v.name} (${v.lang})` })),
      voice: chosen?.voiceURI ?? null,
      noVoice,
    };
  };

  const fixView = (): FixView => ({
    mode: fixMode,
    removed: removals.length,
    canUndo: removals.length > 0,
    host: ruleHostOf(url),
    remembered,
  });

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
          fontStack={env.fonts ? FONTS[settings.fontFamily].stack : undefined}
          joining={joining}
          panel={panel}
          speech={speechView()}
          fix={fixView()}
          ruleHost={baseRule?.host ?? null}
          report={report}
          message={message}
          actions={allActions(article)}
          translate={env.translation?.view() ?? null}
          onTranslate={(e) => env.translation?.handle(e, translationContext())}
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
          onVoice={setVoice}
          onRemoveBlock={removeBlock}
          onListenFrom={listenFrom}
          onLocalLink={(id) => swap?.root.getElementById(id)?.scrollIntoView()}
        />
      </>,
      swap.root,
    );
  };

  // ---- keyboard -------------------------------------------------------------------------------------------

  /** Esc closes the innermost thing open: a panel, the remove mode, then the reader. */
  const escape = () => {
    if (panel) return setPanel(null);
    if (fixMode === 'removing') return run('remove-done');
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
  const translationContext = (): TranslationContext => ({
    body: bodyEl(),
    scroller: view(),
    article: article!,
    settings,
    repaint: () => paint(),
  });
  /** The embedder's actions (Save, Library), then Translate. */
  const allActions = (a: Article): ToolbarAction[] => {
    const list = [...(env.actions?.(a, ui) ?? [])];
    const tr = env.translation;
    if (tr) {
      const shown = tr.view();
      list.push({
        id: 'translate',
        label: t('translateTitle'),
        icon: env.translateIcon?.(),
        pressed: !!shown,
        shortcut: 'translate',
        onClick: () => tr.toggle(translationContext()),
      });
    }
    return list;
  };
  const extraAction = (a: ReaderAction) => (article ? allActions(article).find((x) => x.shortcut === a) : undefined);
  const available = (a: ReaderAction) =>
    a === 'save' || a === 'translate' ? !!extraAction(a) : env.fixable === false ? a !== 'pick' && a !== 'remove-mode' : true;

  // ---- actions --------------------------------------------------------------------------------------------

  const run = async (action: ViewEvent): Promise<void> => {
    switch (action) {
      case 'exit':
        controller.close();
        return;
      case 'help':
      case 'appearance':
      case 'contents':
      case 'more':
        return setPanel(panel === action ? null : action);
      case 'font-larger':
      case 'font-smaller':
        return update({ fontSize: nextFontSize(settings.fontSize, action === 'font-larger' ? 1 : -1) });
      case 'wider':
      case 'narrower':
        return update({ columnWidth: stepRange(settings.columnWidth, COLUMN_WIDTH, action === 'wider' ? 1 : -1) });
      case 'theme-next':
        return update({ theme: THEMES[(THEMES.indexOf(settings.theme) + 1) % THEMES.length] });
      case 'images':
        return update({ showImages: !settings.showImages });
      case 'top': {
        view()?.scrollTo?.({ top: 0 });
        (root()?.querySelector('.page') as HTMLElement | null)?.focus({ preventScroll: true });
        return;
      }
      case 'listen':
        return listen();
      case 'listen-top':
        panel = null;
        return startReading(0);
      case 'listen-stop':
        speaker?.stop();
        return;
      case 'save':
      case 'translate':
        extraAction(action)?.onClick();
        return;
      case 'remove-mode':
        panel = null;
        fixMode = fixMode === 'removing' ? (picked ? 'picked' : 'none') : 'removing';
        paint();
        return;
      case 'remove-done':
        fixMode = picked && !remembered ? 'picked' : 'none';
        paint();
        return;
      case 'undo': {
        const last = removals.pop();
        if (!last) return;
        last.el.removeAttribute('hidden');
        remembered = false;
        say(t('blockRestored'));
        return;
      }
      case 'pick':
        return pick();
      case 'unpick':
        if (beforePick) article = beforePick;
        picked = null;
        beforePick = null;
        removals = [];
        fixMode = 'none';
        remembered = false;
        paint();
        return;
      case 'remember':
        return remember();
      case 'forget-rule': {
        const host = baseRule?.host;
        if (!host) return;
        panel = null;
        baseRule = null;
        await env.saveSettings((s) => withoutUserRule(s, host)).catch(() => undefined);
        say(t('ruleForgotten', host));
        return;
      }
      case 'report':
      case 'copy-report':
        return copyReport();
      case 'print':
        panel = null;
        paint();
        win.print();
        return;
    }
  };

  // ---- fixing the extraction ------------------------------------------------------------------------------

  const removeBlock = (el: Element) => {
    if (!swap || el.hasAttribute('hidden')) return;
    const original = findOriginal(el, swap.original);
    const sel = original ? selectorFor(original, 'remove') : null;
    el.setAttribute('hidden', '');
    el.removeAttribute('data-jernih-target');
    removals.push({ el, selector: sel?.selector ?? null });
    remembered = false;
    say(t('blockRemoved'));
  };

  const remember = async () => {
    const host = ruleHostOf(url);
    if (!host) return;
    const remove = [...(baseRule?.remove ?? []), ...removals.map((r) => r.selector).filter((s): s is string => !!s)];
    const body = picked ?? baseRule?.body;
    const next = await env.saveSettings((s) => withUserRule(s, { host, body, remove })).catch(() => null);
    if (!next) return;
    settings = next;
    baseRule = userRuleFor(next, url);
    remembered = true;
    say(t('rememberedMessage', host));
  };

  /** Back to the page to pick the article's block; the reader comes back with it (or as it was). */
  const pick = async () => {
    if (!swap || !article || picker) return;
    speaker?.stop();
    const firstParagraph = bodyEl()?.querySelector('p');
    const guess = firstParagraph ? findOriginal(firstParagraph, swap.original)?.parentElement ?? null : null;
    unmount();
    abandoned = false;
    picker = startPicker({ doc, win, t, initial: guess, css, acceptSynthetic: env.acceptSyntheticEvents });
    const el = await picker.result;
    picker = null;
    if (abandoned) {
      article = null;
      reset();
      return;
    }
    let next: Article | null = null;
    let selector: string | null = null;
    if (el) {
      selector = selectorFor(el, 'body')?.selector ?? null;
      try {
        next = selector ? extract(doc, url, { body: selector, remove: baseRule?.remove }) : null;
      } catch {
        next = null;
      }
      if (!next) showNotice(doc, t('pickTooShort'));
    }
    if (next && selector) {
      beforePick = beforePick ?? article;
      article = next;
      picked = selector;
      removals = [];
      fixMode = 'picked';
      remembered = false;
    }
    mount();
  };

  /**
   * "Pick the text" from the no-article notice: the same picker, started on the page itself (there is no reader
   * to come back to). The picked block opens in the reader, as a pick made inside it would; Remember keeps it.
   */
  const pickOnPage = async () => {
    if (swap || picker) return;
    reset();
    abandoned = false;
    url = win.location.href;
    baseRule = userRuleFor(settings, url);
    previousFocus = doc.activeElement;
    picker = startPicker({ doc, win, t, initial: null, css, acceptSynthetic: env.acceptSyntheticEvents });
    const el = await picker.result;
    picker = null;
    if (abandoned || !el) return;
    const selector = selectorFor(el, 'body')?.selector ?? null;
    let next: Article | null = null;
    try {
      next = selector ? extract(doc, url, { body: selector, remove: baseRule?.remove }) : null;
    } catch {
      next = null;
    }
    if (!next || !selector || swap || findOpenReader(doc)) {
      if (!next) showNotice(doc, t('pickTooShort'));
      return;
    }
    article = next;
    picked = selector;
    fixMode = 'picked';
    auto = siteFor(url, settings) ?? undefined;
    autoOpened = false;
    mount();
    generation++;
    joined = Promise.resolve();
  };

  const showNoArticle = () => {
    noArticle?.close();
    const shown: NoArticleNotice = showNoArticleNotice({
      doc,
      win,
      t,
      css,
      acceptSynthetic: env.acceptSyntheticEvents,
      onPick: () => void pickOnPage(),
      onLibrary: env.openLibrary,
      onClose: () => {
        if (noArticle === shown) noArticle = null;
      },
    });
    noArticle = shown;
  };

  // ---- report ---------------------------------------------------------------------------------------------

  /** Every stage's decision on this page (the `--why` trace), from a copy of the page as it was. */
  const explainPage = (): string[] => {
    if (!swap) return [];
    try {
      const copy = doc.implementation.createHTMLDocument('');
      copy.documentElement.replaceWith(copy.importNode(doc.documentElement, false));
      copy.documentElement.append(copy.importNode(doc.head, true), copy.importNode(swap.original, true));
      const rule = picked || baseRule ? { body: picked ?? baseRule?.body, remove: baseRule?.remove } : undefined;
      return explainExtraction(copy, { url, userRule: rule }).trace;
    } catch (error) {
      return [`trace failed: ${String(error)}`];
    }
  };

  const copyReport = () => {
    if (!swap || !article) return;
    const shown = bodyEl();
    const data = buildReport({
      why: explainPage(),
      article,
      page: swap.original,
      shown: shown ?? doc.createElement('div'),
      userRule: picked || baseRule ? { body: picked ?? baseRule?.body, remove: baseRule?.remove } : null,
      removedInView: removals.length,
      version: env.version ?? 'dev',
      userAgent: win.navigator.userAgent,
    });
    const json = JSON.stringify(data, null, 2);
    report = { json, copied: false };
    panel = 'report';
    // Called now, inside the click: the clipboard is granted to a user gesture.
    const copying = (env.copyText ?? copyText)(json);
    paint();
    void copying.then((ok) => {
      if (report?.json === json) report = { json, copied: ok };
      paint();
    });
  };

  const copyText = async (text: string): Promise<boolean> => {
    try {
      await win.navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Not a secure context, or no permission: the old way, from a selected text field.
      const r = root();
      if (!r) return false;
      const area = doc.createElement('textarea');
      area.value = text;
      area.setAttribute('style', 'position:fixed;opacity:0;pointer-events:none');
      r.appendChild(area);
      area.select();
      let ok = false;
      try {
        ok = doc.execCommand('copy');
      } catch {
        ok = false;
      }
      area.remove();
      return ok;
    }
  };

  // ---- read aloud -----------------------------------------------------------------------------------------

  const listen = () => {
    if (speechState === 'playing') return speaker?.pause();
    if (speechState === 'paused') return speaker?.resume();
    return startReading(firstVisibleBlock());
  };

  const collectBlocks = (): Element[] => {
    const r = root();
    if (!r) return [];
    const title = r.querySelector('#jernih-title');
    const body = Array.from(r.querySelectorAll(`.body :is(${SPOKEN})`)).filter(
      (el) => !el.querySelector(SPOKEN) && !el.closest('[hidden]') && (settings.showImages || !el.closest('figure')) && /\S/.test(el.textContent ?? ''),
    );
    return title ? [title, ...body] : body;
  };

  /** Where "Listen" starts: the top, or the first block in view once the reader has scrolled down. */
  const firstVisibleBlock = (): number => {
    const scroller = view();
    if (!scroller || scroller.scrollTop < 80) return 0;
    const blocks = collectBlocks();
    const top = (root()?.querySelector('.toolbar') as HTMLElement | null)?.getBoundingClientRect().bottom ?? 0;
    const i = blocks.findIndex((b) => b.getBoundingClientRect().bottom > top + 8);
    return Math.max(0, i);
  };

  const listenFrom = (target: Element) => {
    const i = spoken.findIndex((b) => b === target || b.contains(target));
    if (i >= 0) speaker?.jump(i);
  };

  const loadVoices = (engine: SpeechEngine): Promise<VoiceLike[]> => {
    const now = engine.getVoices();
    if (now.length) return Promise.resolve(now);
    // Chrome fills the list a moment after the first ask.
    return new Promise((ok) => {
      const stop = engine.onVoicesChanged(() => {
        stop();
        clearTimeout(timer);
        ok(engine.getVoices());
      });
      const timer = setTimeout(() => {
        stop();
        ok(engine.getVoices());
      }, 1500);
    });
  };

  const languageName = (lang: string) => languageInSentence(lang, env.locale);

  const startReading = async (from: number) => {
    const engine = env.speech?.() ?? null;
    if (!engine) {
      say(t('noSpeech'));
      return;
    }
    voices = await loadVoices(engine);
    if (!swap || !article) return;
    const lang = article.lang;
    const voice = pickVoice(voices, lang, lang ? settings.speechVoices[lang] : undefined);
    if (!voice) {
      // Said in the voice panel (role=alert), which opens for it.
      noVoice = languageName(lang ?? '');
      setPanel('speech');
      return;
    }
    noVoice = null;
    speaker?.stop();
    spoken = collectBlocks();
    maps = spoken.map((b) => textMap(b));
    speaker = new ReadAloud(engine, {
      onState: (state) => {
        speechState = state;
        if (state === 'idle') clearHighlight();
        paint();
      },
      onBlock: highlightBlock,
      onWord: highlightWord,
      onError: (error) => say(t('speechError', error)),
    });
    speaker.start(
      maps.map((m) => m.text),
      from,
      { lang, voice, rate: settings.speechRate },
    );
  };

  const setVoice = (uri: string) => {
    const lang = article?.lang;
    if (!lang) return;
    update({ speechVoices: { ...settings.speechVoices, [lang]: uri } });
    const voice = voices.find((v) => v.voiceURI === uri);
    if (voice) speaker?.update({ voice });
  };

  const highlightBlock = (i: number) => {
    for (const el of Array.from(root()?.querySelectorAll('.speaking') ?? [])) el.classList.remove('speaking');
    clearWord();
    const el = spoken[i];
    if (!el) return;
    el.classList.add('speaking');
    const scroller = view();
    if (!scroller) return;
    const r = el.getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    if (r.top < box.top + 80 || r.bottom > box.bottom - 40) {
      const smooth = !win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      el.scrollIntoView?.({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    }
  };

  const highlightWord = (block: number, start: number, length: number) => {
    const el = spoken[block];
    const map = maps[block];
    if (!el || !map) return;
    el.setAttribute('data-word', map.text.slice(start, start + length));
    const range = map.range(start, length);
    const registry = (win.CSS as unknown as { highlights?: Map<string, unknown> } | undefined)?.highlights;
    const Highlight = (win as unknown as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
    if (range && registry && Highlight) registry.set('jernih-word', new Highlight(range));
  };

  const clearWord = () => {
    (win.CSS as unknown as { highlights?: Map<string, unknown> } | undefined)?.highlights?.delete('jernih-word');
    for (const el of Array.from(root()?.querySelectorAll('[data-word]') ?? [])) el.removeAttribute('data-word');
  };

  const clearHighlight = () => {
    for (const el of Array.from(root()?.querySelectorAll('.speaking') ?? [])) el.classList.remove('speaking');
    clearWord();
  };

  // ---- mounting -------------------------------------------------------------------------------------------

  const onBeforePrint = () => {
    // Out of the top layer while printing, so the article flows over pages like a normal document.
    try {
      view()?.hidePopover();
    } catch {
      // Not shown as a popover.
    }
  };
  const onAfterPrint = () => {
    try {
      view()?.showPopover();
    } catch {
      // Already shown, or no Popover API.
    }
  };

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
    win.addEventListener('beforeprint', onBeforePrint);
    win.addEventListener('afterprint', onAfterPrint);
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
    speaker?.stop();
    speaker = null;
    win.removeEventListener('keydown', onKey, true);
    win.removeEventListener('beforeprint', onBeforePrint);
    win.removeEventListener('afterprint', onAfterPrint);
    unwatch?.();
    unwatch = null;
    panel = null;
    env.translation?.reset();
    render(null, swap.root);
    unguard();
    swap.restore();
    swap = null;
    releaseFonts(doc);
  };

  /**
   * The other pages, joined in the background while the first page is already readable. `original` is a copy
   * of the page taken before the swap: by now the live body is the reader's.
   */
  const joinPages = async (original: Document, gen: number, remove: string[]) => {
    joining = true;
    paint();
    try {
      // The user's removed blocks leave every page, as they left the first.
      const whole = await readArticle(original, { url, fetchPage: env.fetchPage, userRule: remove.length ? { remove } : undefined });
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

  const reset = () => {
    panel = null;
    report = null;
    fixMode = 'none';
    picked = null;
    beforePick = null;
    removals = [];
    remembered = false;
    noVoice = null;
    speechState = 'idle';
    spoken = [];
    maps = [];
    clearTimeout(messageTimer);
    message = null;
  };

  const controller: ReaderController = {
    get isOpen() {
      return swap !== null || picker !== null;
    },
    async toggle() {
      // The button again over the no-article notice dismisses it, as it would close a reader.
      if (noArticle && !swap && !picker) {
        noArticle.close();
        return { state: 'closed' };
      }
      return swap || picker ? controller.close() : controller.open();
    },
    async open(options: OpenOptions = {}) {
      if (swap || picker || findOpenReader(doc)) return { state: 'opened' };
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
      if (!found) {
        if (!options.auto) showNoArticle();
        return { state: 'no-article' };
      }
      noArticle?.close();
      if (swap || findOpenReader(doc)) return { state: 'opened' };
      reset();
      article = found;
      // The site's switch shows whenever the page is on a supported site, however the reader was opened.
      auto = options.auto ?? siteFor(url, settings) ?? undefined;
      autoOpened = !!options.auto;
      previousFocus = doc.activeElement;
      // A picked body is this page's own choice: the other pages are not joined around it.
      const multiPage = !!env.fetchPage && !baseRule?.body && planPages(doc, url).kind !== 'single';
      const original = multiPage ? (doc.cloneNode(true) as Document) : null;
      mount();
      generation++;
      joined = original ? joinPages(original, generation, baseRule?.remove ?? []) : Promise.resolve();
      return { state: 'opened' };
    },
    close() {
      if (picker) {
        abandoned = true;
        picker.cancel();
        return { state: 'closed' };
      }
      if (!swap) return { state: 'closed' };
      generation++;
      unmount();
      article = null;
      joining = false;
      reset();
      const back = previousFocus;
      if (back instanceof win.HTMLElement && back.isConnected) back.focus({ preventScroll: true });
      env.onClose?.();
      return { state: 'closed' };
    },
    async readArticle() {
      if (swap && article) {
        await joined;
        return article;
      }
      const here = win.location.href;
      const s = await env.loadSettings().catch(() => ({ ...DEFAULT_SETTINGS }));
      const rule = userRuleFor(s, here);
      const found = extract(doc, here, rule ? { body: rule.body, remove: rule.remove } : undefined);
      // As open() does: a picked body stands alone; otherwise the other pages are joined (the engine reads the
      // live page without changing it, and applies the user's removals to every page).
      if (!found || !env.fetchPage || rule?.body || planPages(doc, here).kind === 'single') return found;
      const remove = rule?.remove ?? [];
      return (await readArticle(doc, { url: here, fetchPage: env.fetchPage, userRule: remove.length ? { remove } : undefined }).catch(() => null)) ?? found;
    },
  };
  return controller;
}

/** A short notice that fades by itself; the page is otherwise left untouched. */
export function showNotice(doc: Document, message: string, ms = NOTICE_MS): void {
  const host = doc.createElement('jernih-notice');
  const root = attachUiShadow(host);
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
