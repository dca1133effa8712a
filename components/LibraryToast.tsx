/** The message after an action (saved, deleted with Undo, an error), in live regions screen readers announce. */
import type { Translate } from './i18n';
import type { LibraryViewProps, ToastView } from './library-types';
import { IconX } from './library-icons';

export function LibraryToast(p: Pick<LibraryViewProps, 't' | 'toast' | 'onUndo' | 'onDismissToast'>) {
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
