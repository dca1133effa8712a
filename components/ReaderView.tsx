import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Article } from '@/utils/extract/types';
import type { Settings, SettingsPatch } from '@/utils/settings';
import type { ReaderAction } from '@/utils/reader/keymap';
import { ArticleBody } from './ArticleBody';
import { ReaderToolbar, toolbarItems } from './ReaderToolbar';
import { splitBar } from './toolbar-layout';
import { AppearancePanel } from './AppearancePanel';
import { ContentsNav } from './ContentsNav';
import { SpeechPanel } from './SpeechPanel';
import { MoreMenu } from './MoreMenu';
import { ShortcutsDialog } from './ShortcutsDialog';
import { ReportDialog } from './ReportDialog';
import { FixBar } from './FixBar';
import { TranslatePanel } from './TranslatePanel';
import { IconClose, IconUp } from './icons';
import { outlineOf, type OutlineItem } from './outline';
import type { Translate } from './i18n';
import { formatDateTime } from '@/utils/locale-format';
import { safeUrl } from '@/utils/safe-url';
import type { FixView, PanelName, SpeechView, ToolbarAction, TranslateEvent, TranslateView, ViewEvent } from './reader-types';

export type { PanelName, SpeechView, FixView, ToolbarAction, ViewEvent, TranslateView, TranslateEvent } from './reader-types';

export interface ReaderViewProps {
  article: Article;
  settings: Settings;
  t: Translate;
  /** UI locale for dates (the browser's). */
  locale?: string;
  /** Font stack of the chosen family (utils/reader/fonts.ts). */
  fontStack?: string;
  panel: PanelName | null;
  speech: SpeechView;
  fix: FixView;
  /** A remembered rule of the user's shaped this view: its host. */
  ruleHost: string | null;
  report: { json: string; copied: boolean } | null;
  /** A short message for the live region ("Remembered for kompas.com"). */
  message: string | null;
  /** More buttons for the toolbar's action group (Save, Translate). */
  actions?: ToolbarAction[];
  /** Changes the body's sanitized nodes before they are shown (a saved article's stored pictures). */
  prepareBody?: (fragment: DocumentFragment) => void;
  /** Offer the extraction fixes (pick, remove, report); false for a saved article. Default true. */
  fixable?: boolean;
  /** Another name for Exit (a saved article: back to the library). */
  exitLabel?: string;
  onExit: () => void;
  onPanel: (panel: PanelName | null) => void;
  onEvent: (event: ViewEvent) => void;
  onSettings: (patch: SettingsPatch) => void;
  onVoice: (uri: string) => void;
  onRemoveBlock: (block: Element) => void;
  onListenFrom: (target: Element) => void;
  onLocalLink?: (id: string) => void;
  /** The other pages of the article are being fetched. */
  joining?: boolean;
  /** On a supported site: its auto-clean switch. */
  autoSite?: { label: string; on: boolean };
  onAutoClean?: (on: boolean) => void;
  autoOpened?: boolean;
  /** The translation bar, when open (utils/reader/translate.ts). */
  translate?: TranslateView | null;
  onTranslate?: (event: TranslateEvent) => void;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';
const PANEL_TITLES: Record<PanelName, string> = {
  appearance: 'appearance',
  contents: 'contents',
  more: 'moreActions',
  speech: 'listen',
  help: 'shortcuts',
  report: 'reportProblem',
};

export function ReaderView(props: ReaderViewProps) {
  const { article, settings: s, t, locale, panel } = props;
  // In the zone the page stated ("14 September 2023, 14.54 WIB"), in the UI's language.
  const date = formatDateTime(article.publishedTime, article.publishedZone, locale);
  const host = hostOf(article.url);
  const [leadFailed, setLeadFailed] = useState(false);
  const [outline, setOutline] = useState<OutlineItem[]>([]);
  const [progress, setProgress] = useState(0);
  const [scrolled, setScrolled] = useState(false);
  const [active, setActive] = useState<string | null>(null);
  // How many of the toolbar's items are in More because the bar has no room for them (the toolbar measures).
  const [overflow, setOverflow] = useState(0);
  const readerRef = useRef<HTMLDivElement>(null);
  const leadSrc = article.leadImage && !article.leadImage.inBody && !leadFailed ? safeUrl(article.leadImage.src) : null;
  const lead = leadSrc && article.leadImage ? { ...article.leadImage, src: leadSrc } : null;
  const sourceHref = safeUrl(article.url);
  const hasContents = outline.length >= 2;

  // Progress, back-to-top and the section being read follow the reader's own scroller.
  useEffect(() => {
    const scroller = readerRef.current;
    if (!scroller) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const max = scroller.scrollHeight - scroller.clientHeight;
      setProgress(max > 0 ? Math.min(1, scroller.scrollTop / max) : 1);
      setScrolled(scroller.scrollTop > scroller.clientHeight * 0.8);
      let current: string | null = null;
      for (const item of outline) {
        const h = scroller.querySelector(`[id="${item.id}"]`);
        if (h && h.getBoundingClientRect().top < 140) current = item.id;
      }
      setActive(current);
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [outline]);

  // Focus: into a panel when it opens, back where it was when it closes (unless a link moved it on purpose).
  const before = useRef<HTMLElement | null>(null);
  const shown = useRef<PanelName | null>(null);
  const keepFocus = useRef(false);
  useLayoutEffect(() => {
    const view = readerRef.current;
    if (!view) return;
    const root = view.getRootNode() as ShadowRoot | Document;
    const was = shown.current;
    shown.current = panel;
    if (panel === was) return;
    if (panel) {
      if (!was) before.current = root.activeElement as HTMLElement | null;
      const box = view.querySelector(`[data-panel="${panel}"]`);
      const target =
        (box?.querySelector('[aria-current="location"]') as HTMLElement | null) ??
        (box?.querySelector('[aria-checked="true"], [data-autofocus]') as HTMLElement | null) ??
        (box?.querySelector(FOCUSABLE) as HTMLElement | null);
      target?.focus({ preventScroll: panel !== 'contents' });
    } else if (was) {
      const back = before.current;
      before.current = null;
      if (keepFocus.current) keepFocus.current = false;
      else if (back?.isConnected) back.focus({ preventScroll: true });
      else (view.querySelector(`[data-panel-toggle="${was}"]`) as HTMLElement | null)?.focus({ preventScroll: true });
    }
  }, [panel]);

  // A press outside the open panel (and outside its toolbar button) closes it.
  const onPointerDown = (e: PointerEvent) => {
    if (!panel) return;
    const path = e.composedPath() as Element[];
    if (path.some((el) => el instanceof Element && (el.matches('[data-panel]') || el.matches(`[data-panel-toggle="${panel}"]`)))) return;
    props.onPanel(null);
  };

  const goTo = (id: string) => {
    const h = readerRef.current?.querySelector(`[id="${id}"]`) as HTMLElement | null;
    if (!h) return;
    h.setAttribute('tabindex', '-1');
    h.scrollIntoView?.({ block: 'start' });
    h.focus({ preventScroll: true });
    if (panel === 'contents') {
      keepFocus.current = true;
      props.onPanel(null);
    }
  };

  const toTop = () => {
    readerRef.current?.scrollTo?.({ top: 0 });
    (readerRef.current?.querySelector('.page') as HTMLElement | null)?.focus({ preventScroll: true });
  };

  const available = (a: ReaderAction) =>
    a === 'save' || a === 'translate'
      ? !!props.actions?.some((x) => x.shortcut === a)
      : props.fixable === false
        ? a !== 'pick' && a !== 'remove-mode'
        : true;
  const c = s.customColors;
  const style: Record<string, string> = {
    '--font-size': `${s.fontSize}px`,
    '--line-height': String(s.lineHeight),
    '--measure': `${s.columnWidth}ch`,
    '--letter-spacing': `${s.letterSpacing}em`,
    '--word-spacing': `${s.wordSpacing}em`,
    ...(props.fontStack ? { '--font-body': props.fontStack } : {}),
    ...(c.on ? { '--bg': c.background, '--fg': c.text, '--accent': c.link, '--focus': c.link } : {}),
  };

  const barItems = toolbarItems({ t, panel, speech: props.speech, hasContents, actions: props.actions, onPanel: props.onPanel, onEvent: props.onEvent });
  const bar = splitBar(barItems, overflow);

  const panelBox = (name: PanelName, body: ComponentChildren) =>
    panel === name && (
      <section class={`panel panel-${name}`} role="dialog" aria-labelledby={`panel-${name}-title`} data-panel={name}>
        <div class="panel-head">
          <h2 id={`panel-${name}-title`}>{t(PANEL_TITLES[name])}</h2>
          <button type="button" class="close" data-action="close-panel" aria-label={t('close')} title={`${t('close')} (Esc)`} onClick={() => props.onPanel(null)}>
            <IconClose />
          </button>
        </div>
        {body}
      </section>
    );

  return (
    // popover="manual": the controller shows it in the top layer, above any overlay the page has or adds.
    <div
      class="reader"
      popover="manual"
      tabIndex={-1}
      // The controls read in the UI language's direction; the article carries its own lang and dir.
      lang={locale}
      dir={uiDirection(locale)}
      ref={readerRef}
      data-theme={s.theme}
      data-custom-colors={c.on ? 'on' : undefined}
      data-font={s.fontFamily}
      data-align={s.align}
      data-images={s.showImages ? 'on' : 'off'}
      data-panel-open={panel ?? undefined}
      data-toc={hasContents ? 'on' : undefined}
      style={style}
      onPointerDown={onPointerDown}
    >
      {/* The banner landmark: the toolbar, the reading progress and the fix and translation bars (axe "region"). */}
      <header class="top" aria-label={t('toolbarLabel')}>
        <ReaderToolbar
          t={t}
          panel={panel}
          items={bar.bar}
          overflow={overflow}
          movable={barItems.length}
          onOverflow={setOverflow}
          autoOpened={props.autoOpened}
          exitLabel={props.exitLabel}
          onExit={props.onExit}
          onPanel={props.onPanel}
        />
        <div
          class="progress"
          role="progressbar"
          aria-label={t('readingProgress')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(progress * 100)}
        >
          <div class="progress-fill" style={{ transform: `scaleX(${progress})` }} />
        </div>
        <FixBar t={t} fix={props.fix} onEvent={props.onEvent} />
        {props.translate && <TranslatePanel t={t} view={props.translate} locale={locale} onEvent={(e) => props.onTranslate?.(e)} />}
      </header>
      {panelBox('appearance', <AppearancePanel settings={s} t={t} onSettings={props.onSettings} />)}
      {panelBox(
        'speech',
        <SpeechPanel t={t} speech={props.speech} rate={s.speechRate} onVoice={props.onVoice} onRate={(speechRate) => props.onSettings({ speechRate })} onEvent={props.onEvent} />,
      )}
      {panelBox(
        'more',
        <MoreMenu
          t={t}
          ruleHost={props.ruleHost}
          fixable={props.fixable !== false}
          overflow={bar.more}
          autoSite={props.autoSite}
          onAutoClean={props.onAutoClean}
          onPanel={props.onPanel}
          onEvent={props.onEvent}
        />,
      )}
      {panelBox('help', <ShortcutsDialog t={t} available={available} />)}
      {props.report && panelBox('report', <ReportDialog t={t} json={props.report.json} copied={props.report.copied} onEvent={props.onEvent} />)}
      <div class="layout">
        {hasContents && <ContentsNav t={t} dir={article.dir} items={outline} active={active} open={panel === 'contents'} onGo={goTo} />}
        <main class="page" tabIndex={-1}>
          <article lang={article.lang ?? undefined} dir={article.dir} aria-labelledby="jernih-title">
            <header class="head">
              <p class="site">{article.siteName ?? host}</p>
              <h1 id="jernih-title" class="title">
                {article.title}
              </h1>
              {article.byline && <p class="byline">{article.byline}</p>}
              <p class="meta">
                {date && (
                  <time class="date" dateTime={article.publishedTime ?? undefined}>
                    {date}
                  </time>
                )}
                <span class="reading-time">{t('readingTime', String(article.readingMinutes))}</span>
                {props.joining && (
                  <span class="pages" role="status">
                    {t('joiningPages')}
                  </span>
                )}
                {!props.joining && (article.pages?.joined ?? 1) > 1 && <span class="pages">{t('joinedPages', String(article.pages!.joined))}</span>}
              </p>
              {!props.joining &&
                article.pages?.missing.map((m) => {
                  const href = safeUrl(m.url);
                  return (
                    <p class="missing" role="note" key={`${m.page}:${m.url}`}>
                      {t('missingPage', [String(m.page), m.reason])}{' '}
                      {href && (
                        <a href={href} rel="noopener noreferrer">
                          {t('openMissingPage')}
                        </a>
                      )}
                    </p>
                  );
                })}
            </header>
            {lead && (
              <figure class="lead">
                <img src={lead.src} alt={lead.alt} onError={() => setLeadFailed(true)} />
                {lead.caption && <figcaption>{lead.caption}</figcaption>}
              </figure>
            )}
            <ArticleBody
              html={article.contentHtml}
              prepare={props.prepareBody}
              onLocalLink={props.onLocalLink}
              removing={props.fix.mode === 'removing'}
              onRemoveBlock={props.onRemoveBlock}
              listening={props.speech.state !== 'idle'}
              onListenFrom={props.onListenFrom}
              onRendered={(body) => setOutline(outlineOf(body))}
            />
            <footer class="source">
              {sourceHref ? (
                <a href={sourceHref} rel="noopener noreferrer">
                  {host}
                </a>
              ) : (
                host
              )}
            </footer>
          </article>
        </main>
      </div>
      <button type="button" class="to-top" data-action="top" hidden={!scrolled} aria-label={t('backToTop')} title={`${t('backToTop')} (G)`} onClick={toTop}>
        <IconUp />
      </button>
      <div class="status" role="status" aria-live="polite">
        {props.message ?? ''}
      </div>
    </div>
  );
}

const RTL_UI = /^(ar|he|fa|ur|ps|sd|ug|yi|dv|ckb)(-|$)/i;
export const uiDirection = (locale: string | undefined): 'ltr' | 'rtl' => (locale && RTL_UI.test(locale) ? 'rtl' : 'ltr');

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
