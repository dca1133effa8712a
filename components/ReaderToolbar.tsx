import { THEMES, FONT_SIZE, type Settings, type Theme } from '@/utils/settings';
import type { Translate } from './i18n';

export interface ReaderToolbarProps {
  settings: Settings;
  t: Translate;
  onExit: () => void;
  onTheme: (theme: Theme) => void;
  onFontSize: (direction: 1 | -1) => void;
}

const THEME_KEYS: Record<Theme, string> = { auto: 'themeAuto', light: 'themeLight', sepia: 'themeSepia', dark: 'themeDark' };

export function ReaderToolbar({ settings, t, onExit, onTheme, onFontSize }: ReaderToolbarProps) {
  return (
    <div class="toolbar" role="toolbar" aria-label={t('toolbarLabel')}>
      <button type="button" class="exit" data-action="exit" onClick={onExit} title={`${t('exit')} (Esc)`}>
        <span aria-hidden="true">←</span> {t('exit')}
      </button>
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
