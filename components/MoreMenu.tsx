import type { Translate } from './i18n';
import type { ViewEvent } from './reader-types';

export interface MoreMenuProps {
  t: Translate;
  /** A remembered rule of the user's applied to this page: its host. */
  ruleHost: string | null;
  /** The extraction can be fixed here (not for a saved article). Default true. */
  fixable?: boolean;
  onEvent: (event: ViewEvent) => void;
}

/** Fixing the extraction, printing, reporting, and the shortcut list. */
export function MoreMenu({ t, ruleHost, fixable = true, onEvent }: MoreMenuProps) {
  const item = (event: ViewEvent, label: string, hint?: string) => (
    <li>
      <button type="button" class="menu-item" data-action={event} onClick={() => onEvent(event)}>
        <span>{label}</span>
        {hint && <kbd aria-hidden="true">{hint}</kbd>}
      </button>
    </li>
  );
  return (
    <div class="panel-body more">
      {fixable && (
        <>
          <p class="menu-heading" id="more-fix">
            {t('fixHeading')}
          </p>
          <ul class="menu" aria-labelledby="more-fix">
            {item('pick', t('pickArticle'), 'P')}
            {item('remove-mode', t('removeBlocks'), 'X')}
            {ruleHost && item('forget-rule', t('forgetRule', ruleHost))}
            {item('report', t('reportProblem'))}
          </ul>
        </>
      )}
      <ul class="menu">
        {item('print', t('print'))}
        {item('help', t('shortcuts'), '?')}
      </ul>
    </div>
  );
}
