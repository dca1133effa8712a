import { THEMES, FONT_SIZE, type Settings, type Theme } from '@/utils/settings';
import type { Translate } from './i18n';

export interface ReaderToolbarProps {
  settings: Settings;
  t: Translate;
  onExit: () => void;
  onTheme: (theme: Theme) => void;
  onFontSize: (direction: 1 | -1) => void;
  /** On a supported site: its auto-clean switch. */
  autoSite?: { label: string; on: boolean };
  onAutoClean?: (on: boolean) => void;
  /** Opened by auto-clean: the way back is "Show original". */
  autoOpened?: boolean;
}

const THEME_KEYS: Record<Theme, string> = { auto: 'themeAuto', light: 'themeLight', sepia: 'themeSepia', dark: 'themeDark' };

export function ReaderToolbar({ settings, t, onExit, onTheme, onFontSize, autoSite, onAutoClean, autoOpened }: ReaderToolbarProps) {
  return (
    <div class="toolbar" role="toolbar" aria-label={t('toolbarLabel')}>
      <button type="button" class="exit" data-action="exit" onClick={onExit} title={`${t('exit')} (Esc)`}>
        <span aria-hidden="true">←</span> {autoOpened ? t('showOriginal') : t('exit')}
      </button>
      {autoSite && (
        <label class="switch">
          <input
            type="checkbox"
            data-action="auto-clean"
            checked={autoSite.on}
            onChange={(e) => onAutoClean?.((e.currentTarget as HTMLInputElement).checked)}
          />
          {t('autoCleanOn', autoSite.label)}
        </label>
      )}
      <div class="spacer" />
      <div class="group" role="radiogroup" aria-label={t('theme')}>
        {THEMES.map((theme) => (
          <button
            type="button"
            role="radio"
            aria-checked={settings.theme === theme}
            class={`theme-swatch theme-${theme}`}
            data-theme-option={theme}
            key={theme}
            onClick={() => onTheme(theme)}
          >
            {t(THEME_KEYS[theme])}
          </button>
        ))}
      </div>
      <div class="group" role="group" aria-label={t('fontSize')}>
        <button
          type="button"
          data-action="font-smaller"
          aria-label={t('fontSmaller')}
          title={t('fontSmaller')}
          disabled={settings.fontSize <= FONT_SIZE.min}
          onClick={() => onFontSize(-1)}
        >
          A−
        </button>
        <button
          type="button"
          data-action="font-larger"
          aria-label={t('fontLarger')}
          title={t('fontLarger')}
          disabled={settings.fontSize >= FONT_SIZE.max}
          onClick={() => onFontSize(1)}
        >
          A+
        </button>
      </div>
    </div>
  );
}
