import type { Translate } from './i18n';
import type { TranslateEvent, TranslateView, TranslateViewMode } from './reader-types';
import { IconClose } from './icons';
import { languageInSentence, languageName } from '@/utils/locale-format';

export interface TranslatePanelProps {
  t: Translate;
  view: TranslateView;
  /** UI locale, for language names. */
  locale?: string;
  onEvent: (event: TranslateEvent) => void;
}

/** Message keys of the errors a reader can meet (public/_locales). */
const ERROR_KEYS: Record<string, string> = {
  auth: 'translateErrorAuth',
  quota: 'translateErrorQuota',
  'rate-limited': 'translateErrorRateLimited',
  'unsupported-pair': 'translateErrorUnsupportedPair',
  network: 'translateErrorNetwork',
  'timed-out': 'translateErrorTimedOut',
  'needs-click': 'translateErrorNeedsClick',
  'download-failed': 'translateErrorDownloadFailed',
  'too-long': 'translateErrorTooLong',
  server: 'translateErrorServer',
  'bad-response': 'translateErrorBadResponse',
  unavailable: 'translateErrorUnavailable',
  cancelled: 'translateErrorCancelled',
  'not-configured': 'translateErrorNotConfigured',
  'choose-source': 'translateSourceChoose',
  'same-language': 'translateSameLanguage',
};

/** The services the panel offers when none is chosen: name, what it sends where, and its button (issue 13). */
const OFFER_KEYS: Record<NonNullable<TranslateView['offers']>[number]['id'], { name: string; what: string; action: string }> = {
  'chrome-builtin': { name: 'translateOfferChromeName', what: 'translateOfferChromeWhat', action: 'translateOfferChromeUse' },
  libretranslate: { name: 'translateOfferLibreName', what: 'translateOfferLibreWhat', action: 'translateOfferLibreSetUp' },
  deepl: { name: 'translateOfferDeeplName', what: 'translateOfferDeeplWhat', action: 'translateOfferDeeplSetUp' },
};

/** First press with no service chosen: the choice, here, instead of "open Options". `name`: a language in running text. */
function ProviderChoice({ t, view: v, name, onEvent }: { t: Translate; view: TranslateView; name: (code: string) => string; onEvent: TranslatePanelProps['onEvent'] }) {
  const why =
    v.onDevice === 'absent'
      ? t('translateChooseNoOnDevice')
      : v.onDevice === 'unsupported-pair'
        ? t('translateChooseOnDevicePair', [name(v.source ?? ''), name(v.target)])
        : null;
  return (
    <div class="tr-choose" role="group" aria-labelledby="tr-choose-title" data-translate-choose>
      <p class="tr-choose-title" id="tr-choose-title">{t('translateChooseTitle')}</p>
      {why && <p class="tr-note">{why}</p>}
      <ul class="tr-offers">
        {(v.offers ?? []).map((o) => (
          <li key={o.id} data-offer={o.id}>
            <div class="tr-offer-text">
              <strong id={`tr-offer-${o.id}`}>{t(OFFER_KEYS[o.id].name)}</strong>
              <span id={`tr-offer-${o.id}-what`}>{t(OFFER_KEYS[o.id].what)}</span>
            </div>
            <button
              type="button"
              class={o.needs === 'nothing' ? 'btn primary' : 'btn'}
              data-action="translate-provider"
              data-provider={o.id}
              aria-describedby={`tr-offer-${o.id}-what`}
              onClick={() => onEvent({ type: 'provider', id: o.id })}
            >
              {t(OFFER_KEYS[o.id].action)}
            </button>
          </li>
        ))}
      </ul>
      {v.settingUp && (
        <p class="tr-note" role="status" data-translate-setting-up={v.settingUp}>
          {t(v.settingUp === 'deepl' ? 'translateSettingUpDeepl' : 'translateSettingUpLibre')}
        </p>
      )}
    </div>
  );
}

const MODES: { mode: TranslateViewMode; key: string }[] = [
  { mode: 'translated', key: 'translateViewTranslated' },
  { mode: 'original', key: 'translateViewOriginal' },
  { mode: 'side', key: 'translateViewSideBySide' },
];

/**
 * The translation bar under the toolbar: From and To (the source always overridable: Indonesian and Malay are easy
 * to mix up), Translate, progress ("12 of 40") with Cancel, the three views, and errors in words a reader understands.
 */
export function TranslatePanel({ t, view: v, locale, onEvent }: TranslatePanelProps) {
  const name = (code: string) => languageName(code, locale);
  // In running text a language takes the UI language's grammar ("dari bahasa Indonesia ke bahasa Inggris").
  const inSentence = (code: string) => (code ? languageInSentence(code, locale).name : '');
  const withExtra = (extra: (string | null)[]) => Array.from(new Set([...v.languages, ...extra.filter((x): x is string => !!x)]));
  const sources = withExtra([v.source, v.detected?.lang ?? null]);
  const targets = withExtra([v.target]);
  const busy = v.state === 'translating' || v.state === 'downloading';
  const errorText = v.error
    ? t(ERROR_KEYS[v.error.kind] ?? 'translateErrorServer', [inSentence(v.source ?? ''), inSentence(v.target)])
    : null;
  const progress =
    v.state === 'downloading'
      ? t('translateProgressDownloading', String(v.percent ?? 0))
      : v.state === 'translating'
        ? t('translateProgressTranslating', [String(v.done), String(v.total)])
        : v.state === 'done'
          ? t('translateProgressDone', [String(v.done), String(v.total)])
          : null;
  return (
    <section class="translate-bar" data-panel-translate aria-label={t('translateTitle')} data-state={v.state}>
      <div class="tr-row">
        <label class="tr-lang">
          <span>{t('translateSourceLabel')}</span>
          <select
            data-translate="source"
            value={v.source ?? ''}
            disabled={busy}
            onChange={(e) => onEvent({ type: 'source', lang: (e.currentTarget as HTMLSelectElement).value })}
          >
            {!v.source && <option value="">{v.state === 'detecting' ? t('translateSourceDetecting') : t('translateSourceChoose')}</option>}
            {sources.map((c) => (
              <option key={c} value={c}>
                {name(c)}
              </option>
            ))}
          </select>
        </label>
        <label class="tr-lang">
          <span>{t('translateTargetLabel')}</span>
          <select data-translate="target" value={v.target} disabled={busy} onChange={(e) => onEvent({ type: 'target', lang: (e.currentTarget as HTMLSelectElement).value })}>
            {targets.map((c) => (
              <option key={c} value={c}>
                {name(c)}
              </option>
            ))}
          </select>
        </label>
        {busy ? (
          <button type="button" class="btn" data-action="translate-cancel" onClick={() => onEvent({ type: 'cancel' })}>
            {t('translateActionCancel')}
          </button>
        ) : (
          <button type="button" class="btn primary" data-action="translate-start" onClick={() => onEvent({ type: 'start' })}>
            {v.hasTranslation ? t('translateAgain') : t('translateStart')}
          </button>
        )}
        {v.hasTranslation && (
          <div class="tr-modes" role="radiogroup" aria-label={t('translateViewLabel')}>
            {MODES.map((m) => (
              <button
                type="button"
                key={m.mode}
                role="radio"
                aria-checked={v.mode === m.mode}
                data-translate-mode={m.mode}
                onClick={() => onEvent({ type: 'mode', mode: m.mode })}
              >
                {t(m.key)}
              </button>
            ))}
          </div>
        )}
        <button type="button" class="close" data-action="translate-close" aria-label={t('translateClose')} title={t('translateClose')} onClick={() => onEvent({ type: 'close' })}>
          <IconClose />
        </button>
      </div>
      {v.state === 'choose' && <ProviderChoice t={t} view={v} name={inSentence} onEvent={onEvent} />}
      {v.detected?.uncertain && v.detected.lang && !busy && v.state !== 'done' && <p class="tr-note" data-translate-lookalike-note>{t('translateSourceIdMsNote')}</p>}
      {progress && (
        <p class="tr-progress" role="status" data-translate-progress>
          {progress}
          {v.state === 'downloading' && <progress max={100} value={v.percent ?? undefined} />}
          {v.state === 'done' && v.provider && <span class="tr-by"> · {t('translateStatusTranslatedBy', v.provider)}</span>}
        </p>
      )}
      {v.state === 'done' && v.failed > 0 && <p class="tr-note">{t('translateFailedBlocks', String(v.failed))}</p>}
      {v.state === 'cancelled' && (
        <p class="tr-note" role="status">
          {t('translateErrorCancelled')}
        </p>
      )}
      {errorText && (
        <p class="tr-error" role="alert" data-translate-error={v.error!.kind}>
          {errorText}{' '}
          {v.error!.options && (
            <button type="button" class="tr-link" data-action="translate-options" onClick={() => onEvent({ type: 'options' })}>
              {t('translateOpenOptions')}
            </button>
          )}
        </p>
      )}
    </section>
  );
}
