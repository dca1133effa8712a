import { SPEECH_RATE, stepRange } from '@/utils/settings';
import type { Translate } from './i18n';
import type { SpeechView, ViewEvent } from './reader-types';

export interface SpeechPanelProps {
  t: Translate;
  speech: SpeechView;
  rate: number;
  onVoice: (uri: string) => void;
  onRate: (rate: number) => void;
  onEvent: (event: ViewEvent) => void;
}

/** Voice and speed for reading aloud, and "read from the top". */
export function SpeechPanel({ t, speech, rate, onVoice, onRate, onEvent }: SpeechPanelProps) {
  return (
    <div class="panel-body speech">
      {speech.noVoice ? (
        <p class="no-voice" role="alert" data-no-voice>
          {t('noVoice', speech.noVoice)}
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
      <div class="buttons">
        <button type="button" class="btn" data-action="listen-top" disabled={!!speech.noVoice} onClick={() => onEvent('listen-top')}>
          {t('listenFromTop')}
        </button>
      </div>
      <p class="hint">{t('listenHint')}</p>
    </div>
  );
}
