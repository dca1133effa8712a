/** What can be done with the rows picked (select mode): export them, delete them, or stop selecting. */
import type { LibraryViewProps } from './library-types';
import { IconExport, IconSelect, IconTrash } from './library-icons';

type SelectionProps = Pick<LibraryViewProps, 't' | 'mode' | 'selecting' | 'selected' | 'onSelecting' | 'onPanel' | 'onDeleteSelected'>;

export function LibrarySelectionTools(p: SelectionProps) {
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
