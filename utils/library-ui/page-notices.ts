/**
 * The library page's messages (the toast): what an action did, errors, and the Undo of the last delete. A message
 * goes away after a while; an error stays until dismissed or replaced.
 */
import type { Translate } from '@/components/i18n';
import { LibraryError } from '../library/types';
import type { PageContext, PageState } from './page-context';

const TOAST_MS = 8000;

export interface Notices extends Pick<PageContext, 'say' | 'fail'> {
  /** The message's Undo is on offer. */
  canUndo: () => boolean;
  /** Runs the message's Undo (once). */
  runUndo: () => Promise<void>;
}

export function createNotices(state: PageState, paint: () => void, t: Translate): Notices {
  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  let undo: (() => Promise<void>) | null = null;

  const say: Notices['say'] = (next, onUndo = null) => {
    state.toast = next;
    undo = onUndo;
    clearTimeout(toastTimer);
    if (next && next.kind !== 'error') {
      toastTimer = setTimeout(() => {
        state.toast = null;
        undo = null;
        paint();
      }, TOAST_MS);
    }
    paint();
  };

  const fail = (e: unknown) => {
    const quota = e instanceof LibraryError && e.code === 'quota';
    say({ kind: 'error', text: quota ? t('saveQuota') : t('libraryError', e instanceof Error ? e.message : String(e)) });
  };

  const runUndo = async () => {
    const fn = undo;
    if (!fn) return;
    undo = null;
    try {
      await fn();
    } catch (e) {
      fail(e);
    }
  };

  return { say, fail, canUndo: () => undo !== null, runUndo };
}
