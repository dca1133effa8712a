/** The list's filters (all or unread, a tag) and the library-wide actions: a bar in the popup, a side bar in the tab. */
import type { LibraryViewProps } from './library-types';
import { IconExport, IconImport, IconLibrary, IconSelect, IconSettings } from './library-icons';

type FilterProps = Pick<LibraryViewProps, 't' | 'unread' | 'tag' | 'counts' | 'tags' | 'onUnread' | 'onTag' | 'onPanel'>;

export function LibraryFilterBar(p: FilterProps & Pick<LibraryViewProps, 'selecting' | 'onSelecting'>) {
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

export function LibrarySideBar(p: FilterProps & Pick<LibraryViewProps, 'onOptions'>) {
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
