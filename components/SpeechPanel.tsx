import { SPEECH_RATE, stepRange } from '@/utils/settings';
import type { Translate } from './i18n';
import type { SpeechView, ViewEvent } from './reader-types';
import { IconListen, IconPause, IconPlay, IconStop } from './icons';

export interface SpeechPanelProps {
  t: Translate;
  speech: SpeechView;
  rate: number;
  onVoice: (uri: string) => void;
  onRate: (rate: number) => void;
  onEvent: (event: ViewEvent) => void;
}

/**
 * The Listen panel (the toolbar's Listen button opens it): start, pause or resume and stop reading aloud, read from
 * the top, and the voice and speed, all in one place (they were a second, settings-looking icon beside "Aa").
 * L and Shift+L still start, pause and stop without opening it.
 */
export function SpeechPanel({ t, speech, rate, onVoice, onRate, onEvent }: SpeechPanelProps) {
  const playLabel = speech.state === 'playing' ? t('listenPause') : speech.state === 'paused' ? t('listenResume') : t('listen');
  return (
    <div class="panel-body speech">
      <div class="buttons listen-controls">
        <button
          type="button"
          class="btn primary"
          data-action="listen"
          data-autofocus={speech.noVoice ? undefined : true}
          aria-label={playLabel}
          title={`${playLabel} (L)`}
          aria-pressed={speech.state === 'playing'}
          disabled={!!speech.noVoice}
          onClick={() => onEvent('listen')}
        >
          {speech.state === 'playing' ? <IconPause /> : speech.state === 'paused' ? <IconPlay /> : <IconListen />} <span>{playLabel}</span>
        </button>
        {speech.state !== 'idle' && (
          <button type="button" class="btn" data-action="listen-stop" aria-label={t('listenStop')} title={`${t('listenStop')} (Shift+L)`} onClick={() => onEvent('listen-stop')}>
            <IconStop /> <span>{t('listenStop')}</span>
          </button>
        )}
        <button type="button" class="btn" data-action="listen-top" disabled={!!speech.noVoice} onClick={() => onEvent('listen-top')}>
          {t('listenFromTop')}
        </button>
      </div>
      {speech.noVoice ? (
        <p class="no-voice" role="alert" data-no-voice>
          {t('noVoice', [speech.noVoice.name, speech.noVoice.withArticle])}
        </p>
      ) : (
        <label class="field">
          <span class="row-label">{t('voice')}</span>
          <select data-setting="voice" value={speech.voice ?? ''} onChange={(e) => onVoice((e.currentTarget as HTMLSelectElement).value)}>
            {speech.voices.map((v) => (
              <option key={v.uri} value={v.uri}>
                {v.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <div class="row stepper" role="group" aria-labelledby="step-rate">
        <span class="row-label" id="step-rate">
          {t('speechRate')}
        </span>
        <button type="button" class="step" data-action="rate-less" aria-label={t('slower')} title={t('slower')} disabled={rate <= SPEECH_RATE.min} onClick={() => onRate(stepRange(rate, SPEECH_RATE, -1))}>
          −
        </button>
        <output class="value" aria-live="polite" data-value="rate">
          {`${rate.toFixed(1)}×`}
        </output>
        <button type="button" class="step" data-action="rate-more" aria-label={t('faster')} title={t('faster')} disabled={rate >= SPEECH_RATE.max} onClick={() => onRate(stepRange(rate, SPEECH_RATE, 1))}>
          +
        </button>
      </div>
      <p class="hint">{t('listenHint')}</p>
    </div>
  );
}
