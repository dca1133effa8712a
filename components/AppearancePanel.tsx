import type { ComponentChildren } from 'preact';
import {
  ALIGNS, COLUMN_WIDTH, FONT_FAMILIES, FONT_SIZE, LETTER_SPACING, LINE_HEIGHT, THEMES, WORD_SPACING,
  stepRange, type Align, type FontFamily, type Range, type Settings, type SettingsPatch, type Theme,
} from '@/utils/settings';
import type { Translate } from './i18n';
import { contrastRatio } from './color';

export const THEME_KEYS: Record<Theme, string> = {
  auto: 'themeAuto', light: 'themeLight', sepia: 'themeSepia', dark: 'themeDark', black: 'themeBlack', contrast: 'themeContrast',
};
export const FONT_KEYS: Record<FontFamily, string> = {
  serif: 'fontSerif', sans: 'fontSans', mono: 'fontMono', dyslexic: 'fontDyslexic', legible: 'fontLegible',
};
const ALIGN_KEYS: Record<Align, string> = { start: 'alignStart', justify: 'alignJustify' };

export interface AppearancePanelProps {
  settings: Settings;
  t: Translate;
  onSettings: (patch: SettingsPatch) => void;
}

/** Theme, typography, colours and images: every change applies at once (and in every open reader). */
export function AppearancePanel({ settings: s, t, onSettings }: AppearancePanelProps) {
  const ratio = contrastRatio(s.customColors.text, s.customColors.background);
  return (
    <div class="panel-body appearance">
      <Choice label={t('theme')} name="theme">
        {THEMES.map((theme) => (
          <button
            type="button"
            role="radio"
            key={theme}
            aria-checked={s.theme === theme}
            class={`chip theme-swatch theme-${theme}`}
            data-theme-option={theme}
            onClick={() => onSettings({ theme })}
          >
            {t(THEME_KEYS[theme])}
          </button>
        ))}
      </Choice>
      <Choice label={t('fontFamily')} name="font">
        {FONT_FAMILIES.map((family) => (
          <button
            type="button"
            role="radio"
            key={family}
            aria-checked={s.fontFamily === family}
            class={`chip font-${family}`}
            data-font-option={family}
            onClick={() => onSettings({ fontFamily: family })}
          >
            {t(FONT_KEYS[family])}
          </button>
        ))}
      </Choice>
      <Stepper
        id="size"
        label={t('fontSize')}
        value={`${s.fontSize}px`}
        less={t('fontSmaller')}
        more={t('fontLarger')}
        lessAction="font-smaller"
        moreAction="font-larger"
        atMin={s.fontSize <= FONT_SIZE.min}
        atMax={s.fontSize >= FONT_SIZE.max}
        onStep={(d) => onSettings({ fontSize: stepRange(s.fontSize, FONT_SIZE, d) })}
      />
      <RangeStepper id="line-height" label={t('lineHeight')} value={s.lineHeight.toFixed(1)} current={s.lineHeight} range={LINE_HEIGHT} t={t} onSet={(lineHeight) => onSettings({ lineHeight })} />
      <RangeStepper
        id="width"
        label={t('columnWidth')}
        value={t('widthValue', String(s.columnWidth))}
        current={s.columnWidth}
        range={COLUMN_WIDTH}
        t={t}
        less={t('widthNarrower')}
        more={t('widthWider')}
        onSet={(columnWidth) => onSettings({ columnWidth })}
      />
      <RangeStepper id="letter-spacing" label={t('letterSpacing')} value={`${Math.round(s.letterSpacing * 100)}%`} current={s.letterSpacing} range={LETTER_SPACING} t={t} onSet={(letterSpacing) => onSettings({ letterSpacing })} />
      <RangeStepper id="word-spacing" label={t('wordSpacing')} value={`${Math.round(s.wordSpacing * 100)}%`} current={s.wordSpacing} range={WORD_SPACING} t={t} onSet={(wordSpacing) => onSettings({ wordSpacing })} />
      <Choice label={t('alignment')} name="align">
        {ALIGNS.map((align) => (
          <button type="button" role="radio" key={align} aria-checked={s.align === align} class="chip" data-align-option={align} onClick={() => onSettings({ align })}>
            {t(ALIGN_KEYS[align])}
          </button>
        ))}
      </Choice>
      <label class="check">
        <input type="checkbox" data-setting="images" checked={s.showImages} onChange={(e) => onSettings({ showImages: (e.currentTarget as HTMLInputElement).checked })} />
        {t('showImages')}
      </label>
      <fieldset class="colors">
        <legend>
          <label class="check">
            <input
              type="checkbox"
              data-setting="custom-colors"
              checked={s.customColors.on}
              onChange={(e) => onSettings({ customColors: { ...s.customColors, on: (e.currentTarget as HTMLInputElement).checked } })}
            />
            {t('customColors')}
          </label>
        </legend>
        {(['text', 'background', 'link'] as const).map((k) => (
          <label class="color" key={k}>
            <input
              type="color"
              data-color={k}
              value={s.customColors[k]}
              disabled={!s.customColors.on}
              onInput={(e) => onSettings({ customColors: { ...s.customColors, [k]: (e.currentTarget as HTMLInputElement).value } })}
            />
            {t(k === 'text' ? 'colorText' : k === 'background' ? 'colorBackground' : 'colorLinks')}
          </label>
        ))}
        {s.customColors.on && (
          <p class={`contrast ${ratio < 4.5 ? 'low' : ''}`} data-contrast={ratio}>
            {ratio < 4.5 ? t('contrastLow', String(ratio)) : t('contrastOk', String(ratio))}
          </p>
        )}
      </fieldset>
    </div>
  );
}

function Choice({ label, name, children }: { label: string; name: string; children: ComponentChildren }) {
  return (
    <div class="row">
      <span class="row-label" id={`choice-${name}`}>
        {label}
      </span>
      <div class="chips" role="radiogroup" aria-labelledby={`choice-${name}`}>
        {children}
      </div>
    </div>
  );
}

interface StepperProps {
  id: string;
  label: string;
  value: string;
  less: string;
  more: string;
  lessAction?: string;
  moreAction?: string;
  atMin: boolean;
  atMax: boolean;
  onStep: (direction: 1 | -1) => void;
}

function Stepper(p: StepperProps) {
  return (
    <div class="row stepper" role="group" aria-labelledby={`step-${p.id}`}>
      <span class="row-label" id={`step-${p.id}`}>
        {p.label}
      </span>
      <button type="button" class="step" data-action={p.lessAction ?? `${p.id}-less`} aria-label={p.less} title={p.less} disabled={p.atMin} onClick={() => p.onStep(-1)}>
        −
      </button>
      <output class="value" aria-live="polite" data-value={p.id}>
        {p.value}
      </output>
      <button type="button" class="step" data-action={p.moreAction ?? `${p.id}-more`} aria-label={p.more} title={p.more} disabled={p.atMax} onClick={() => p.onStep(1)}>
        +
      </button>
    </div>
  );
}

function RangeStepper(p: { id: string; label: string; value: string; current: number; range: Range; t: Translate; less?: string; more?: string; onSet: (n: number) => void }) {
  return (
    <Stepper
      id={p.id}
      label={p.label}
      value={p.value}
      less={p.less ?? p.t('decrease', p.label)}
      more={p.more ?? p.t('increase', p.label)}
      atMin={p.current <= p.range.min}
      atMax={p.current >= p.range.max}
      onStep={(d) => p.onSet(stepRange(p.current, p.range, d))}
    />
  );
}
