import type { Translate } from './i18n';
import type { PanelName, ViewEvent } from './reader-types';
import type { BarItem } from './toolbar-layout';

export interface MoreMenuProps {
  t: Translate;
  /** A remembered rule of the user's applied to this page: its host. */
  ruleHost: string | null;
  /** The extraction can be fixed here (not for a saved article). Default true. */
  fixable?: boolean;
  /** The toolbar's items that did not fit on the bar (a phone), shown here by name. */
  overflow?: BarItem[];
  /** On a supported site: its auto-clean switch (a setting for the whole site, so here and not on the bar). */
  autoSite?: { label: string; on: boolean };
  onAutoClean?: (on: boolean) => void;
  onPanel?: (panel: PanelName | null) => void;
  onEvent: (event: ViewEvent) => void;
}

/** What did not fit on the bar, fixing the extraction, printing, the shortcut list, and the site's auto-clean switch. */
export function MoreMenu({ t, ruleHost, fixable = true, overflow = [], autoSite, onAutoClean, onPanel, onEvent }: MoreMenuProps) {
  const item = (event: ViewEvent, label: string, hint?: string) => (
    <li>
      <button type="button" class="menu-item" data-action={event} onClick={() => onEvent(event)}>
        <span>{label}</span>
        {hint && <kbd aria-hidden="true">{hint}</kbd>}
      </button>
    </li>
  );
  // A bar item in the menu: its name in text. A panel opens in place of this one; an action closes the menu.
  const barItem = (b: BarItem) => (
    <li key={b.key}>
      <button
        type="button"
        class="menu-item"
        data-action={b.action}
        data-panel-toggle={b.panel}
        aria-expanded={b.panel ? b.expanded : undefined}
        aria-pressed={b.action ? b.pressed : undefined}
        disabled={b.disabled}
        onClick={() => {
          if (!b.panel) onPanel?.(null);
          b.onClick();
        }}
      >
        <span class="menu-label">
          {b.icon && <span class="menu-icon">{b.icon}</span>}
          {b.label}
        </span>
        {b.shortcut && <kbd aria-hidden="true">{b.shortcut}</kbd>}
      </button>
    </li>
  );
  return (
    <div class="panel-body more">
      {overflow.length > 0 && <ul class="menu" data-more="overflow">{overflow.map(barItem)}</ul>}
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
      {autoSite && (
        <ul class="menu">
          <li>
            <label class="menu-item menu-check">
              <span>{t('autoCleanOn', autoSite.label)}</span>
              <input
                type="checkbox"
                data-action="auto-clean"
                checked={autoSite.on}
                onChange={(e) => onAutoClean?.((e.currentTarget as HTMLInputElement).checked)}
              />
            </label>
          </li>
        </ul>
      )}
    </div>
  );
}
