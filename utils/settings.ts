/**
 * Every setting, typed, with defaults and versioned migrations. The one module (with utils/library/) that
 * persists state. Storage is passed in, so the logic is tested without a browser.
 */
export const THEMES = ['auto', 'light', 'sepia', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const FONT_SIZE = { min: 14, max: 28, step: 1, default: 19 } as const;

export interface Settings {
  version: 1;
  theme: Theme;
  /** Body text size in CSS pixels. */
  fontSize: number;
}

export const SETTINGS_VERSION = 1;
export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: 1,
  theme: 'auto',
  fontSize: FONT_SIZE.default,
});

const clampFontSize = (n: unknown): number =>
  typeof n === 'number' && Number.isFinite(n)
    ? Math.min(FONT_SIZE.max, Math.max(FONT_SIZE.min, Math.round(n)))
    : FONT_SIZE.default;

/**
 * Whatever is stored (nothing, an older version, a damaged value) becomes valid current Settings.
 * Version 0 is the unversioned shape of early builds: { theme, size } with size in "small|medium|large".
 */
export function migrateSettings(raw: unknown): Settings {
  if (!raw || typeof raw !== 'object') return { ...DEFAULT_SETTINGS };
  let s = { ...(raw as Record<string, unknown>) };
  if (s.version === undefined) {
    const sizes: Record<string, number> = { small: 16, medium: FONT_SIZE.default, large: 23 };
    s = { version: 1, theme: s.theme, fontSize: typeof s.size === 'string' ? sizes[s.size] : s.fontSize };
  }
  return {
    version: 1,
    theme: THEMES.includes(s.theme as Theme) ? (s.theme as Theme) : DEFAULT_SETTINGS.theme,
    fontSize: clampFontSize(s.fontSize),
  };
}

/** The part of browser.storage.StorageArea this module needs. */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function loadSettings(area: SettingsArea): Promise<Settings> {
  try {
    return migrateSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY]);
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export async function saveSettings(area: SettingsArea, patch: Partial<Omit<Settings, 'version'>>): Promise<Settings> {
  const next = migrateSettings({ ...(await loadSettings(area)), ...patch, version: SETTINGS_VERSION });
  await area.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Calls `onChange` with the new settings whenever another tab or page changes them. */
export function watchSettings(
  events: { addListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void; removeListener(cb: never): void },
  onChange: (s: Settings) => void,
): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[SETTINGS_KEY]) onChange(migrateSettings(changes[SETTINGS_KEY].newValue));
  };
  events.addListener(listener);
  return () => events.removeListener(listener as never);
}

export function nextFontSize(current: number, direction: 1 | -1): number {
  return clampFontSize(current + direction * FONT_SIZE.step);
}
