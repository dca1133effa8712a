/**
 * The saved-articles library: the toolbar popup (narrow) and the same page in a tab (wide, with a side bar).
 * Props in, events out: the page's controller (utils/library-ui/page.tsx) owns the data and the browser.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ArticleSummary } from '@/utils/library/types';
import type { Translate } from './i18n';
import { LibraryList } from './LibraryList';
import { cycleFocus } from './focus-cycle';
import type { ThumbnailSource } from '@/utils/library-ui/thumbnails';
import {
  IconBook, IconX, IconExport, IconExternal, IconImport, IconLibrary, IconSave, IconSearch, IconSelect, IconSettings, IconTrash,
} from './library-icons';

export type ExportFormat = 'json' | 'markdown' | 'epub';

export interface CurrentPageView {
  /** The page's site, shown in the card; null when it is not known. */
  host: string | null;
  /** Jernih can run there (a web page, not a browser page). */
  canRun: boolean;
  saving: boolean;
  /** The page is already in the library: the card says so and offers Remove instead of Save. */
  saved?: boolean;
  /** On a supported site: its auto-clean switch. */
  auto: { label: string; on: boolean } | null;
}

/** What an import would do (the plan of issue #14), shown before anything is written. */
export interface ImportPlanView {
  fileName: string;
  /** Entries in the file. */
  total: number;
  added: number;
  /** Saved articles that would gain tags. */
  updated: number;
  /** Saved articles the file's newer copy would replace. */
  replaced: number;
  skipped: number;
  /** Titles, as the library shows them, of the saved articles replaced and updated (the first ones). */
  replacedTitles: string[];
  updatedTitles: string[];
}

export type LibraryPanel =
  | { kind: 'export' }
  | { kind: 'import' }
  | { kind: 'import-confirm'; plan: ImportPlanView }
  | { kind: 'tags'; item: ArticleSummary };

export interface ToastView {
  kind: 'ok' | 'error' | 'info';
  text: string;
  /** A second line (a technical reason). */
  detail?: string;
  undo?: boolean;
}

export interface LibraryViewProps {
  t: Translate;
  locale?: string;
  mode: 'popup' | 'tab';
  dark: boolean;
  current: CurrentPageView | null;
  query: string;
  unread: boolean;
  tag: string | null;
  counts: { all: number; unread: number } | null;
  tags: { tag: string; count: number }[];
  items: ArticleSummary[];
  /** The first list is not there yet. */
  loading: boolean;
  /** A search is shown (the query has two letters or more): `total` matches, `complete` once bodies were searched. */
  searching: boolean;
  total: number;
  complete: boolean;
  active: number;
  focusActive: boolean;
  selecting: boolean;
  selected: ReadonlySet<string>;
  panel: LibraryPanel | null;
  /** Long work under way (export, import): its message. */
  busy: string | null;
  toast: ToastView | null;
  hrefOf: (item: ArticleSummary) => string;
  onQuery: (q: string) => void;
  onUnread: (unread: boolean) => void;
  onTag: (tag: string | null) => void;
  onOpen: (item: ArticleSummary, newTab: boolean) => void;
  onActive: (index: number, focus: boolean) => void;
  onDelete: (item: ArticleSummary) => void;
  onDeleteSelected: () => void;
  onToggleRead: (item: ArticleSummary) => void;
  onTags: (item: ArticleSummary) => void;
  onAddTag: (item: ArticleSummary, tag: string) => void;
  onRemoveTag: (item: ArticleSummary, tag: string) => void;
  onSelect: (item: ArticleSummary) => void;
  onSelecting: (on: boolean) => void;
  onNearEnd: () => void;
  onPanel: (panel: LibraryPanel | null) => void;
  onExport: (format: ExportFormat, selectedOnly: boolean) => void;
  onImport: (file: File) => void;
  /** Merge the file whose plan is shown. */
  onImportConfirm: () => void;
  /** Drop it: nothing is written. */
  onImportCancel: () => void;
  onReadPage: () => void;
  onSavePage: () => void;
  /** Takes the current page's article out of the library (with Undo, as a delete from the list). */
  onRemovePage?: () => void;
  onAutoClean: (on: boolean) => void;
  onUndo: () => void;
  onDismissToast: () => void;
  onOpenTab: () => void;
  onOptions: () => void;
  onPainted?: () => void;
  /** The search whose results are listed ('' otherwise): the rows mark its words. */
  highlight?: string;
  /** Small copies of the stored lead pictures for the rows. */
  thumbnails?: ThumbnailSource;
}

export const ROW_HEIGHT = { popup: 92, tab: 104 } as const;
/** Side of a row's square thumbnail, CSS px (library.css .thumb uses the same sizes). */
export const THUMB_SIZE = { popup: 56, tab: 72 } as const;

export function LibraryView(p: LibraryViewProps) {
  const { t, mode } = p;
  const search = useRef<HTMLInputElement>(null);
  // The search box has the focus when the page opens (type to search at once).
  useEffect(() => search.current?.focus(), []);

  const onSearchKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && p.items.length) {
      e.preventDefault();
      p.onActive(Math.max(0, p.active), true);
    } else if (e.key === 'Enter' && p.items.length) {
      e.preventDefault();
      p.onOpen(p.items[Math.max(0, p.active)], e.ctrlKey || e.metaKey);
    }
  };

  const status = statusLine(p);
  return (
    <div
      class="library"
      data-mode={mode}
      data-theme={p.dark ? 'dark' : 'light'}
      aria-busy={p.loading || !!p.busy}
      // The popup is a window of its own: Tab goes round it, never out to <body>.
      onKeyDown={mode === 'popup' ? (e) => cycleFocus(e, e.currentTarget as Element) : undefined}
    >
      {mode === 'tab' && <SideBar {...p} />}
      <main class="main">
        {mode === 'tab' && <h1 class="sr">{t('libraryTitle')}</h1>}
        {mode === 'popup' && (
          <header class="head">
            <span class="brand">
              <IconLibrary />
              <h1>{t('libraryTitle')}</h1>
            </span>
            <span class="head-actions">
              <button type="button" class="icon-btn" data-action="open-tab" aria-label={t('libraryOpenInTab')} title={t('libraryOpenInTab')} onClick={p.onOpenTab}>
                <IconExternal />
              </button>
              <button type="button" class="icon-btn" data-action="options" aria-label={t('librarySettings')} title={t('librarySettings')} onClick={p.onOptions}>
                <IconSettings />
              </button>
            </span>
          </header>
        )}
        {mode === 'popup' && p.current && <CurrentPage {...p} current={p.current} />}
        <div class="search">
          <IconSearch />
          <input
            ref={search}
            type="search"
            data-action="search"
            value={p.query}
            placeholder={t('librarySearchPlaceholder')}
            aria-label={t('librarySearch')}
            autocomplete="off"
            spellcheck={false}
            onInput={(e) => p.onQuery((e.currentTarget as HTMLInputElement).value)}
            onKeyDown={onSearchKey}
          />
        </div>
        {mode === 'popup' && <FilterBar {...p} />}
        {mode === 'tab' && (
          <div class="list-head">
            <p class="status-line" aria-live="polite">
              {status}
            </p>
            <SelectionTools {...p} />
          </div>
        )}
        {mode === 'popup' && p.selecting && (
          <div class="list-head">
            <SelectionTools {...p} />
          </div>
        )}
        {mode === 'popup' && (
          <p class="sr" aria-live="polite">
            {status}
          </p>
        )}
        {p.items.length ? (
          <LibraryList
            t={t}
            locale={p.locale}
            items={p.items}
            rowHeight={ROW_HEIGHT[mode]}
            active={p.active}
            focusActive={p.focusActive}
            selecting={p.selecting}
            selected={p.selected}
            hrefOf={p.hrefOf}
            onOpen={p.onOpen}
            onActive={p.onActive}
            onDelete={p.onDelete}
            onToggleRead={p.onToggleRead}
            onTags={p.onTags}
            onSelect={p.onSelect}
            onNearEnd={p.onNearEnd}
            onLeaveTop={() => search.current?.focus()}
            onPainted={p.onPainted}
            highlight={p.highlight}
            thumbnails={p.thumbnails}
          />
        ) : (
          <Empty {...p} />
        )}
        {mode === 'tab' && <p class="keys">{t('libraryKeysHint')}</p>}
      </main>
      {p.panel && <Panel {...p} panel={p.panel} />}
      <Toast {...p} />
    </div>
  );
}

function statusLine(p: LibraryViewProps): string {
  const { t } = p;
  if (p.loading) return t('libraryLoading');
  const count = (n: number) => (n === 1 ? t('libraryCountOne') : t('libraryCount', String(n)));
  if (p.searching) return `${p.total === 1 ? t('libraryMatchesOne') : t('libraryMatches', String(p.total))}${p.complete ? '' : ` · ${t('librarySearchingBodies')}`}`;
  const n = p.unread ? (p.counts?.unread ?? p.items.length) : (p.counts?.all ?? p.items.length);
  return p.tag ? `#${p.tag} · ${count(p.items.length)}` : count(n);
}

function CurrentPage(p: LibraryViewProps & { current: CurrentPageView }) {
  const { t, current } = p;
  return (
    <section class="current" aria-label={t('libraryThisPage')}>
      <p class="current-site">
        <span class="eyebrow">{t('libraryThisPage')}</span>
        {current.host && <span class="host">{current.host}</span>}
      </p>
      {current.canRun ? (
        <div class="current-actions">
          <button type="button" class="btn" data-action="read-page" onClick={p.onReadPage}>
            <IconBook /> {t('libraryReadPage')}
          </button>
          {current.saved ? (
            <div class="saved-page">
              <span class="saved-state" data-state="saved" title={t('librarySavedPage')}>
                <IconSave filled /> {t('readerSaved')}
              </span>
              <button type="button" class="btn small danger" data-action="remove-page" aria-label={t('libraryRemovePageLabel')} onClick={p.onRemovePage}>
                {t('libraryRemovePage')}
              </button>
            </div>
          ) : (
            <button type="button" class="btn primary" data-action="save-page" disabled={current.saving} aria-busy={current.saving} onClick={p.onSavePage}>
              <IconSave /> {current.saving ? t('librarySaving') : t('librarySavePage')}
            </button>
          )}
        </div>
      ) : (
        <p class="hint">{t('libraryCannotUsePage')}</p>
      )}
      {current.auto && (
        <label class="switch">
          <input
            type="checkbox"
            data-action="auto-clean"
            checked={current.auto.on}
            onChange={(e) => p.onAutoClean((e.currentTarget as HTMLInputElement).checked)}
          />
          <span class="track" aria-hidden="true" />
          <span>{t('autoCleanOn', current.auto.label)}</span>
        </label>
      )}
    </section>
  );
}

function FilterBar(p: LibraryViewProps) {
  const { t } = p;
  return (
    <div class="filters" role="group" aria-label={t('libraryFilters')}>
      <span class="seg">
        <button type="button" data-filter="all" aria-pressed={!p.unread} onClick={() => p.onUnread(false)}>
          {t('libraryFilterAll')} {p.counts && <span class="count">{p.counts.all}</span>}
        </button>
        <button type="button" data-filter="unread" aria-pressed={p.unread} onClick={() => p.onUnread(true)}>
          {t('libraryFilterUnread')} {p.counts && <span class="count">{p.counts.unread}</span>}
        </button>
      </span>
      {p.tags.length > 0 && (
        <select class="tag-select" data-filter="tag" aria-label={t('libraryTagFilter')} value={p.tag ?? ''} onChange={(e) => p.onTag((e.currentTarget as HTMLSelectElement).value || null)}>
          <option value="">{t('libraryAllTags')}</option>
          {p.tags.map((x) => (
            <option key={x.tag} value={x.tag}>
              #{x.tag} ({x.count})
            </option>
          ))}
        </select>
      )}
      <span class="spacer" />
      <button type="button" class="icon-btn" data-action="select" aria-pressed={p.selecting} aria-label={t('librarySelect')} title={t('librarySelect')} onClick={() => p.onSelecting(!p.selecting)}>
        <IconSelect />
      </button>
      <button type="button" class="icon-btn" data-action="export" aria-label={t('libraryExport')} title={t('libraryExport')} onClick={() => p.onPanel({ kind: 'export' })}>
        <IconExport />
      </button>
      <button type="button" class="icon-btn" data-action="import" aria-label={t('libraryImportInTab')} title={t('libraryImportInTab')} onClick={() => p.onPanel({ kind: 'import' })}>
        <IconImport />
      </button>
    </div>
  );
}

function SelectionTools(p: LibraryViewProps) {
  const { t } = p;
  if (!p.selecting) {
    return p.mode === 'tab' ? (
      <button type="button" class="btn small" data-action="select" onClick={() => p.onSelecting(true)}>
        <IconSelect /> {t('librarySelect')}
      </button>
    ) : null;
  }
  return (
    <span class="selection">
      <span class="selected-count">{t('librarySelected', String(p.selected.size))}</span>
      <button type="button" class="btn small" data-action="export-selected" disabled={!p.selected.size} onClick={() => p.onPanel({ kind: 'export' })}>
        <IconExport /> {t('libraryExport')}
      </button>
      <button type="button" class="btn small danger" data-action="delete-selected" disabled={!p.selected.size} onClick={p.onDeleteSelected}>
        <IconTrash /> {t('libraryDelete')}
      </button>
      <button type="button" class="btn small" data-action="select-done" onClick={() => p.onSelecting(false)}>
        {t('done')}
      </button>
    </span>
  );
}

function SideBar(p: LibraryViewProps) {
  const { t } = p;
  return (
    <nav class="side" aria-label={t('libraryFilters')}>
      <p class="brand">
        <IconLibrary />
        <span>
          <strong>Jernih</strong>
          <span>{t('libraryTitle')}</span>
        </span>
      </p>
      <ul class="nav">
        <li>
          <button type="button" data-filter="all" aria-pressed={!p.unread && !p.tag} onClick={() => (p.onTag(null), p.onUnread(false))}>
            <span>{t('libraryFilterAll')}</span> {p.counts && <span class="count">{p.counts.all}</span>}
          </button>
        </li>
        <li>
          <button type="button" data-filter="unread" aria-pressed={p.unread} onClick={() => p.onUnread(!p.unread)}>
            <span>{t('libraryFilterUnread')}</span> {p.counts && <span class="count">{p.counts.unread}</span>}
          </button>
        </li>
      </ul>
      {p.tags.length > 0 && (
        <>
          <p class="side-heading">{t('libraryTagFilter')}</p>
          <ul class="nav tags">
            {p.tags.map((x) => (
              <li key={x.tag}>
                <button type="button" data-tag={x.tag} aria-pressed={p.tag === x.tag} onClick={() => p.onTag(p.tag === x.tag ? null : x.tag)}>
                  <span>#{x.tag}</span> <span class="count">{x.count}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <div class="side-actions">
        <button type="button" class="btn" data-action="export" onClick={() => p.onPanel({ kind: 'export' })}>
          <IconExport /> {t('libraryExport')}
        </button>
        <button type="button" class="btn" data-action="import" onClick={() => p.onPanel({ kind: 'import' })}>
          <IconImport /> {t('libraryImport')}
        </button>
        <button type="button" class="btn ghost" data-action="options" onClick={p.onOptions}>
          <IconSettings /> {t('librarySettings')}
        </button>
      </div>
    </nav>
  );
}

function Empty(p: LibraryViewProps) {
  const { t } = p;
  if (p.loading) {
    return (
      <div class="empty" aria-hidden="true">
        <div class="skeleton" />
        <div class="skeleton" />
        <div class="skeleton" />
      </div>
    );
  }
  const filtered = p.unread || !!p.tag;
  return (
    <div class="empty">
      {p.searching ? (
        <p>{t('libraryNoMatches', p.query.trim())}</p>
      ) : filtered ? (
        <p>{t('libraryNoneInFilter')}</p>
      ) : (
        <>
          <span class="empty-icon">
            <IconSave />
          </span>
          <p class="empty-title">{t('libraryEmpty')}</p>
          <p>{t('libraryEmptyHint')}</p>
        </>
      )}
    </div>
  );
}

function Panel(p: LibraryViewProps & { panel: LibraryPanel }) {
  const { t, panel } = p;
  const box = useRef<HTMLElement>(null);
  // Focus goes into the panel when it opens (to the element marked for it, else the first control) and back where
  // it was when it closes.
  useLayoutEffect(() => {
    const before = box.current?.ownerDocument.activeElement as HTMLElement | null;
    const target = box.current?.querySelector('[data-autofocus]') ?? box.current?.querySelector('input, button:not([data-action="close-panel"])');
    (target as HTMLElement | null)?.focus();
    return () => {
      if (before?.isConnected) before.focus({ preventScroll: true });
    };
  }, [panel.kind]);
  const title =
    panel.kind === 'export'
      ? t('libraryExport')
      : panel.kind === 'import'
        ? t('libraryImport')
        : panel.kind === 'import-confirm'
          ? t('libraryImportReview')
          : t('libraryAddTag');
  let body: ComponentChildren;
  if (panel.kind === 'export') body = <ExportBody {...p} />;
  else if (panel.kind === 'import') body = <ImportBody {...p} />;
  else if (panel.kind === 'import-confirm') body = <ImportConfirmBody {...p} plan={panel.plan} />;
  else body = <TagsBody {...p} item={panel.item} />;
  return (
    <div class="scrim" onClick={(e) => e.target === e.currentTarget && p.onPanel(null)}>
      <section class={`panel panel-${panel.kind}`} role="dialog" aria-modal="true" aria-labelledby="library-panel-title" ref={box}>
        <header class="panel-head">
          <h2 id="library-panel-title">{title}</h2>
          <button type="button" class="icon-btn" data-action="close-panel" aria-label={t('close')} title={`${t('close')} (Esc)`} onClick={() => p.onPanel(null)}>
            <IconX />
          </button>
        </header>
        {body}
      </section>
    </div>
  );
}

function ExportBody(p: LibraryViewProps) {
  const { t } = p;
  const [selectedOnly, setSelectedOnly] = useState(p.selected.size > 0);
  const formats: [ExportFormat, string][] = [
    ['json', t('libraryExportJson')],
    ['markdown', t('libraryExportMarkdown')],
    ['epub', t('libraryExportEpub')],
  ];
  return (
    <>
      <fieldset class="choice">
        <legend>{t('libraryExportWhat')}</legend>
        <label>
          <input type="radio" name="scope" checked={!selectedOnly} onChange={() => setSelectedOnly(false)} />
          {t('libraryExportAll', String(p.counts?.all ?? 0))}
        </label>
        <label class={p.selected.size ? '' : 'disabled'}>
          <input type="radio" name="scope" checked={selectedOnly} disabled={!p.selected.size} onChange={() => setSelectedOnly(true)} />
          {t('libraryExportSelected', String(p.selected.size))}
        </label>
      </fieldset>
      <p class="legend">{t('libraryExportFormat')}</p>
      <div class="formats">
        {formats.map(([f, label]) => (
          <button type="button" class="format" key={f} data-format={f} disabled={!!p.busy} onClick={() => p.onExport(f, selectedOnly)}>
            <strong>{label.split(' — ')[0]}</strong>
            <span>{label.split(' — ')[1] ?? ''}</span>
          </button>
        ))}
      </div>
      <BusyLine busy={p.busy} />
    </>
  );
}

function ImportBody(p: LibraryViewProps) {
  const { t } = p;
  return (
    <>
      <p>{t('libraryImportHint')}</p>
      <label class={`btn primary file${p.busy ? ' disabled' : ''}`}>
        <IconImport /> {t('libraryImportChoose')}
        <input
          type="file"
          data-action="import-file"
          accept=".json,.csv,.html,.htm,.zip,application/json,text/csv,text/html,application/zip"
          disabled={!!p.busy}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            if (file) p.onImport(file);
            input.value = '';
          }}
        />
      </label>
      <BusyLine busy={p.busy} />
    </>
  );
}

/** Titles listed under a line of the plan; the rest is counted. */
const PLAN_TITLES_SHOWN = 8;

function PlanTitles({ t, titles, count }: { t: LibraryViewProps['t']; titles: string[]; count: number }) {
  if (!titles.length) return null;
  const shown = titles.slice(0, PLAN_TITLES_SHOWN);
  return (
    <ul class="plan-titles" style={{ margin: '2px 0 0', paddingLeft: '18px', fontWeight: 400 }}>
      {shown.map((title, i) => (
        <li key={i}>{title}</li>
      ))}
      {count > shown.length && <li>{t('libraryImportPlanMore', String(count - shown.length))}</li>}
    </ul>
  );
}

/**
 * The plan of an import: what the file would add, update and replace, with the titles of the saved articles it
 * would change, and the question. Nothing has been written yet (issue #14: a file must not replace saved articles
 * without a word). When something would be replaced, Cancel has the focus, so Enter alone changes nothing.
 */
function ImportConfirmBody(p: LibraryViewProps & { plan: ImportPlanView }) {
  const { t, plan } = p;
  const nothing = plan.added + plan.updated + plan.replaced === 0;
  const lines: [string, number, string, string[]][] = [
    ['add', plan.added, t('libraryImportPlanAdd'), []],
    ['replace', plan.replaced, t('libraryImportPlanReplace'), plan.replacedTitles],
    ['update', plan.updated, t('libraryImportPlanUpdate'), plan.updatedTitles],
    ['skip', plan.skipped, t('libraryImportPlanSkip'), []],
  ];
  return (
    <>
      <p>{t('libraryImportPlanIntro', [plan.fileName, String(plan.total)])}</p>
      <ul class="import-plan" style={{ margin: '0 0 12px', paddingLeft: '18px' }}>
        {lines
          .filter(([, n]) => n > 0)
          .map(([key, n, label, titles]) => (
            <li key={key} data-plan={key} style={{ marginBottom: '6px', fontWeight: key === 'replace' ? 650 : 400 }}>
              {label}: <strong>{n}</strong>
              <PlanTitles t={t} titles={titles} count={n} />
            </li>
          ))}
      </ul>
      <p>{nothing ? t('libraryImportPlanNothing') : t('libraryImportPlanAsk')}</p>
      <div class="panel-actions">
        <button type="button" class="btn" data-action="import-cancel" data-autofocus={nothing || plan.replaced > 0 ? true : undefined} onClick={p.onImportCancel}>
          {nothing ? t('close') : t('cancel')}
        </button>
        {!nothing && (
          <button
            type="button"
            class="btn primary"
            data-action="import-confirm"
            data-autofocus={plan.replaced === 0 ? true : undefined}
            disabled={!!p.busy}
            onClick={p.onImportConfirm}
          >
            <IconImport /> {t('libraryImport')}
          </button>
        )}
      </div>
      <BusyLine busy={p.busy} />
    </>
  );
}

function TagsBody(p: LibraryViewProps & { item: ArticleSummary }) {
  const { t, item } = p;
  const [value, setValue] = useState('');
  const add = () => {
    const v = value.trim();
    if (!v) return;
    p.onAddTag(item, v);
    setValue('');
  };
  const suggestions = p.tags.map((x) => x.tag).filter((x) => !item.tags.includes(x));
  return (
    <>
      <p class="tags-for">{item.title}</p>
      {item.tags.length > 0 && (
        <ul class="chips">
          {item.tags.map((tag) => (
            <li key={tag}>
              #{tag}
              <button type="button" class="chip-x" aria-label={t('libraryRemoveTag', tag)} onClick={() => p.onRemoveTag(item, tag)}>
                <IconX />
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="tag-form"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input
          type="text"
          data-autofocus
          list="library-tag-suggestions"
          maxLength={64}
          value={value}
          placeholder={t('libraryTagPlaceholder')}
          aria-label={t('libraryAddTag')}
          onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
        />
        <datalist id="library-tag-suggestions">
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <button type="submit" class="btn primary" disabled={!value.trim()}>
          {t('libraryAddTag')}
        </button>
      </form>
    </>
  );
}

function Toast(p: LibraryViewProps) {
  const { t, toast } = p;
  // Two live regions always present, so screen readers announce what lands in them.
  return (
    <>
      <div class={`toast${toast && toast.kind !== 'error' ? ' show' : ''}`} role="status" aria-live="polite">
        {toast && toast.kind !== 'error' && <ToastBody toast={toast} t={t} onUndo={p.onUndo} onDismiss={p.onDismissToast} />}
      </div>
      <div class={`toast error${toast?.kind === 'error' ? ' show' : ''}`} role="alert">
        {toast?.kind === 'error' && <ToastBody toast={toast} t={t} onUndo={p.onUndo} onDismiss={p.onDismissToast} />}
      </div>
    </>
  );
}

function ToastBody({ toast, t, onUndo, onDismiss }: { toast: ToastView; t: Translate; onUndo: () => void; onDismiss: () => void }) {
  return (
    <>
      <span class="toast-text">
        {toast.text}
        {toast.detail && <small>{toast.detail}</small>}
      </span>
      {toast.undo && (
        <button type="button" class="toast-btn" data-action="undo" onClick={onUndo}>
          {t('undo')}
        </button>
      )}
      <button type="button" class="toast-x" aria-label={t('close')} onClick={onDismiss}>
        <IconX />
      </button>
    </>
  );
}

/** What an export or import is doing now, said to screen readers as it changes. */
function BusyLine({ busy }: { busy: string | null }) {
  return busy ? (
    <p class="busy" role="status">
      {busy}
    </p>
  ) : null;
}
