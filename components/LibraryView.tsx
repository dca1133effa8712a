/**
 * The saved-articles library: the toolbar popup (narrow) and the same page in a tab (wide, with a side bar).
 * Props in, events out: the page's controller (utils/library-ui/page.tsx) owns the data and the browser. Its
 * shapes are in library-types.ts; the current-page strip, filters, selection tools, panels and toast are drawn by
 * the Library*.tsx modules beside it.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { LibraryViewProps } from './library-types';
import { LibraryList } from './LibraryList';
import { LibraryCurrentPage } from './LibraryCurrentPage';
import { LibraryFilterBar, LibrarySideBar } from './LibraryFilters';
import { LibrarySelectionTools } from './LibrarySelection';
import { LibraryPanelSheet } from './LibraryPanels';
import { LibraryToast } from './LibraryToast';
import { cycleFocus } from './focus-cycle';
import { IconExternal, IconLibrary, IconSave, IconSearch, IconSettings } from './library-icons';

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
      {mode === 'tab' && <LibrarySideBar {...p} />}
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
        {mode === 'popup' && p.current && <LibraryCurrentPage {...p} current={p.current} />}
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
        {mode === 'popup' && <LibraryFilterBar {...p} />}
        {mode === 'tab' && (
          <div class="list-head">
            <p class="status-line" aria-live="polite">
              {status}
            </p>
            <LibrarySelectionTools {...p} />
          </div>
        )}
        {mode === 'popup' && p.selecting && (
          <div class="list-head">
            <LibrarySelectionTools {...p} />
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
      {p.panel && <LibraryPanelSheet {...p} panel={p.panel} />}
      <LibraryToast {...p} />
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
