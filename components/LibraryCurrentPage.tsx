/** The popup's strip about the page it was opened over: read it in Jernih, save it (or take it out), auto-clean. */
import type { CurrentPageView, LibraryViewProps } from './library-types';
import { IconBook, IconSave } from './library-icons';

type CurrentPageProps = Pick<LibraryViewProps, 't' | 'onReadPage' | 'onSavePage' | 'onRemovePage' | 'onAutoClean'> & { current: CurrentPageView };

export function LibraryCurrentPage(p: CurrentPageProps) {
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
