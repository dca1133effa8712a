import type { Translate } from './i18n';
import type { ViewEvent } from './reader-types';

export interface ReportDialogProps {
  t: Translate;
  json: string;
  copied: boolean;
  onEvent: (event: ViewEvent) => void;
}

/** What "Report a problem" copied, to see before pasting into an issue (and to copy by hand if the copy failed). */
export function ReportDialog({ t, json, copied, onEvent }: ReportDialogProps) {
  return (
    <div class="panel-body report">
      <p role="status" data-report-status={copied ? 'copied' : 'not-copied'}>
        {copied ? t('reportCopied') : t('reportNotCopied')}
      </p>
      <label class="field">
        <span class="row-label">{t('reportLabel')}</span>
        <textarea readOnly rows={10} data-report spellcheck={false} value={json} onFocus={(e) => (e.currentTarget as HTMLTextAreaElement).select()} />
      </label>
      <div class="buttons">
        <button type="button" class="btn" data-action="copy-report" onClick={() => onEvent('copy-report')}>
          {t('copyAgain')}
        </button>
      </div>
    </div>
  );
}
