/**
 * Every setting, typed, with defaults and versioned migrations. The one module (with utils/library/) that
 * persists state. Storage is passed in, so the logic is tested without a browser.
 *
 * Versions: 1 (foundation: theme, fontSize); 2 adds the per-site auto-clean switches, the sites users add,
 * and the "detect articles everywhere" mode.
 */
export const THEMES = ['auto', 'light', 'sepia', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const FONT_SIZE = { min: 14, max: 28, step: 1, default: 19 } as const;

export interface Settings {
  version: 2;
  theme: Theme;
  /** Body text size in CSS pixels. */
  fontSize: number;
  /** Auto-clean switched off for these site ids (built-in rules) or hosts (user-added sites). */
  autoCleanOff: string[];
  /** Hosts the user added for auto-cleaning (their permission was granted when added). */
  userSites: string[];
  /** Badge on pages where an article is detected, on every site (asks for access to all sites). */
  detectEverywhere: boolean;
}

export type SettingsPatch = Partial<Omit<Settings, 'version'>>;

export const SETTINGS_VERSION = 2;
export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: 2,
  theme: 'auto',
  fontSize: FONT_SIZE.default,
  autoCleanOff: [],
  userSites: [],
  detectEverywhere: false,
});

const clampFontSize = (n: unknown): number =>
  typeof n === 'number' && Number.isFinite(n)
    ? Math.min(FONT_SIZE.max, Math.max(FONT_SIZE.min, Math.round(n)))
    : FONT_SIZE.default;

const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** "https://www.Example.co.id/path" or "example.co.id" -> "example.co.id"; null when it is not a host name. */
export function normalizeHost(input: string): string | null {
  let s = input.trim().toLowerCase();
  if (!s) return null;
  try {
    if (/^[a-z]+:\/\//.test(s)) s = new URL(s).hostname;
  } catch {
    return null;
  }
  s = s.replace(/\/.*$/, '').replace(/:\d+$/, '').replace(/^www\./, '').replace(/\.$/, '');
  return HOST.test(s) ? s : null;
}

const stringList = (v: unknown, valid: (s: string) => boolean): string[] =>
  Array.isArray(v) ? Array.from(new Set(v.filter((x): x is string => typeof x === 'string' && valid(x)))) : [];

/** Whatever is stored (nothing, an older version, a damaged value) becomes valid current Settings. */
export function migrateSettings(raw: unknown): Settings {
  if (!raw || typeof raw !== 'object') return { ...DEFAULT_SETTINGS, autoCleanOff: [], userSites: [] };
  const s = raw as Record<string, unknown>;
  // v1 had theme and fontSize only: the new fields take their defaults (nothing to carry over).
  return {
    version: 2,
    theme: THEMES.includes(s.theme as Theme) ? (s.theme as Theme) : DEFAULT_SETTINGS.theme,
    fontSize: clampFontSize(s.fontSize),
    autoCleanOff: stringList(s.autoCleanOff, (x) => x.length > 0 && x.length < 260),
    userSites: stringList(s.userSites, (x) => normalizeHost(x) === x),
    detectEverywhere: s.detectEverywhere === true,
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
    return migrateSettings(undefined);
  }
}

/**
 * Applies `patch` (or a function of the current settings) and stores the result. Writes are queued per area,
 * so two quick changes in one page never overwrite each other with stale values.
 */
const queues = new WeakMap<object, Promise<unknown>>();
export function saveSettings(area: SettingsArea, patch: SettingsPatch | ((s: Settings) => SettingsPatch)): Promise<Settings> {
  const run = async () => {
    const current = await loadSettings(area);
    const next = migrateSettings({ ...current, ...(typeof patch === 'function' ? patch(current) : patch) });
    await area.set({ [SETTINGS_KEY]: next });
    return next;
  };
  const result = (queues.get(area) ?? Promise.resolve()).then(run, run);
  queues.set(area, result.catch(() => undefined));
  return result;
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

/** Is auto-cleaning on for this site (a rule id, or a user-added host)? */
export const autoCleanOn = (s: Settings, site: string): boolean => !s.autoCleanOff.includes(site);

export function withAutoClean(s: Settings, site: string, on: boolean): SettingsPatch {
  const off = new Set(s.autoCleanOff);
  if (on) off.delete(site);
  else off.add(site);
  return { autoCleanOff: Array.from(off) };
}
