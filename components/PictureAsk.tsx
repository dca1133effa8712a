import { useEffect, useRef } from 'preact/hooks';
import type { Translate } from './i18n';
import type { AskState } from '@/utils/library-ui/picture-ask';

/**
 * The pictures question (issue 13), in the frame the reader shows after a save, or in its own small window:
 * what, where and why, then Allow / Not now; afterwards what happened, and Close.
 */
export interface PictureAskProps {
  state: AskState;
  t: Translate;
  onAllow: () => void;
  onLater: () => void;
  onClose: () => void;
}

export function PictureAsk({ state, t, onAllow, onLater, onClose }: PictureAskProps) {
  const first = useRef<HTMLButtonElement>(null);
  // Keyboard users land on the first button of each step (the frame takes focus when it appears).
  useEffect(() => first.current?.focus(), [state.kind]);
  const busy = state.kind === 'loading' || state.kind === 'waiting' || state.kind === 'keeping';
  return (
    <section class="ask" aria-labelledby="ask-title" aria-busy={busy}>
      {state.kind === 'ask' ? (
        <>
          <h1 id="ask-title">{state.title}</h1>
          <p>{state.text}</p>
          <p class="buttons">
            <button ref={first} type="button" class="primary" data-action="allow-pictures" onClick={onAllow}>
              {t('pictureAskAllow')}
            </button>
            <button type="button" data-action="not-now" onClick={onLater}>
              {t('pictureAskLater')}
            </button>
          </p>
        </>
      ) : (
        <>
          <h1 id="ask-title" aria-live="polite">
            {state.kind === 'done' || state.kind === 'refused'
              ? state.text
              : state.kind === 'waiting'
                ? t('pictureAskWaiting')
                : state.kind === 'keeping'
                  ? t('pictureAskKeeping')
                  : state.kind === 'nothing'
                    ? t('pictureAskNothing')
                    : '…'}
          </h1>
          {!busy && (
            <p class="buttons">
              <button ref={first} type="button" data-action="close-ask" onClick={onClose}>
                {t('pictureAskClose')}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
