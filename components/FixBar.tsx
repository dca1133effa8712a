import type { Translate } from './i18n';
import type { FixView, ViewEvent } from './reader-types';

export interface FixBarProps {
  t: Translate;
  fix: FixView;
  onEvent: (event: ViewEvent) => void;
}

/** While fixing the extraction: what clicks do now, undo, and "remember for this site". */
export function FixBar({ t, fix, onEvent }: FixBarProps) {
  if (fix.mode === 'none') return null;
  const remember = fix.host && (fix.mode === 'picked' || fix.removed > 0) && (
    <button type="button" class="btn primary" data-action="remember" disabled={fix.remembered} onClick={() => onEvent('remember')}>
      {fix.remembered ? t('remembered', fix.host) : t('rememberFor', fix.host)}
    </button>
  );
  return (
    <div class="fixbar" role="region" aria-label={fix.mode === 'removing' ? t('removeBlocks') : t('pickArticle')} data-fix={fix.mode}>
      {fix.mode === 'removing' ? (
        <>
          <p role="status">
            {t('removeHelp')} <span class="count">{fix.removed > 0 ? t('removedCount', String(fix.removed)) : ''}</span>
          </p>
          <div class="buttons">
            <button type="button" class="btn" data-action="undo" disabled={!fix.canUndo} onClick={() => onEvent('undo')}>
              {t('undo')}
            </button>
            {remember}
            <button type="button" class="btn" data-action="remove-done" onClick={() => onEvent('remove-done')}>
              {t('done')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p role="status">{t('pickedHelp')}</p>
          <div class="buttons">
            {remember}
            <button type="button" class="btn" data-action="unpick" onClick={() => onEvent('unpick')}>
              {t('undoPick')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
