import { SHORTCUTS, type ReaderAction } from '@/utils/reader/keymap';
import type { Translate } from './i18n';

export interface ShortcutsDialogProps {
  t: Translate;
  /** Actions this reader has besides the built-in ones (save, translate): only those are listed. */
  available: (action: ReaderAction) => boolean;
}

/** "?": every keyboard shortcut of the reader. */
export function ShortcutsDialog({ t, available }: ShortcutsDialogProps) {
  return (
    <div class="panel-body help">
      <table class="keys">
        <tbody>
          {SHORTCUTS.filter((s) => available(s.action)).map((s) => (
            <tr key={s.action} data-shortcut={s.action}>
              <th scope="row">
                {s.keys.map((k, i) => (
                  <>
                    {i > 0 && ' '}
                    <kbd>{k}</kbd>
                  </>
                ))}
              </th>
              <td>{t(s.label)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">
              <kbd>Alt+Shift+R</kbd>
            </th>
            <td>{t('commandToggle')}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
