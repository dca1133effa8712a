/**
 * Every setting, typed, with defaults and versioned migrations. The one module (with utils/library/) that
 * persists state. Storage is passed in, so the logic is tested without a browser.
 *
 * Versions: 1 (foundation: theme, fontSize); 2 adds the per-site auto-clean switches, the sites users add,
 * and the "detect articles everywhere" mode; 3 adds the reader's typography (family, line height, column width,
 * letter and word spacing, alignment), the black and high-contrast themes, custom colours, hiding images,
 * read-aloud voice and rate, and the user's own site rules (picked article body, removed blocks); 4 adds the saved
 * articles' "keep pictures for offline reading" switch and whether access to all sites was asked for (once); 5 adds
 * translation: the provider the reader chose (none, Chrome's on-device translator, LibreTranslate with its server and
 * optional key, DeepL with its key) and the target language; 6 takes the translation key out (issue #14): content
 * scripts load these settings and can read storage.local, so the key lives in the extension origin's IndexedDB
 * (utils/secrets.ts, used only by the background and extension pages) and the settings keep only `hasKey`; 7 makes
 * the untouched default "automatic" (issue 13: translation was a dead end out of the box): the browser's on-device
 * translator where it has one, else the reader is asked on the first Translate. A stored choice, None included, stays.
 */
import { deeplEndpoint } from './translate/providers/deepl';

export const THEMES = ['auto', 'light', 'sepia', 'dark', 'black', 'contrast'] as const;
export type Theme = (typeof THEMES)[number];

/** Font families the reader bundles (utils/reader/fonts.ts has the files). */
export const FONT_FAMILIES = ['serif', 'sans', 'mono', 'dyslexic', 'legible'] as const;
export type FontFamily = (typeof FONT_FAMILIES)[number];

export const ALIGNS = ['start', 'justify'] as const;
export type Align = (typeof ALIGNS)[number];

/** A numeric setting: its bounds, the step of the +/- controls and the default. */
export interface Range {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly default: number;
}

export const FONT_SIZE = { min: 14, max: 28, step: 1, default: 19 } as const;
/**
 * Defaults tuned for long Indonesian and English text: Indonesian words are long (affixes: "memperjuangkan"),
 * so a generous line height and a measure of about 70 characters read best; left-aligned by default, because
 * justified text with long words and no hyphenation dictionary for Indonesian opens rivers of space.
 */
export const LINE_HEIGHT: Range = { min: 1.2, max: 2.4, step: 0.1, default: 1.7 };
/** Column width in characters (CSS ch of the body font). */
export const COLUMN_WIDTH: Range = { min: 40, max: 100, step: 5, default: 70 };
/** In em. */
export const LETTER_SPACING: Range = { min: 0, max: 0.12, step: 0.01, default: 0 };
/** In em. */
export const WORD_SPACING: Range = { min: 0, max: 0.5, step: 0.05, default: 0 };
/** Speech rate (1 = the voice's normal speed). */
export const SPEECH_RATE: Range = { min: 0.5, max: 2, step: 0.1, default: 1 };

export interface CustomColors {
  /** Use these instead of the theme's colours. */
  on: boolean;
  text: string;
  background: string;
  link: string;
}

/**
 * A fix the user made for a site, remembered: `body` is the selector of the block they picked as the article,
 * `remove` the selectors of blocks they removed. Applied by extraction before the built-in site rules.
 */
export interface UserRule {
  /** Host name without "www." (also matches its subdomains, as built-in rules do). */
  host: string;
  body?: string;
  remove: string[];
  /** ISO date of the last change, shown on the options page. */
  updated: string;
}

/**
 * The translation service the reader chose. 'auto' until they choose: the on-device translator where the browser
 * has one (utils/translate/choice.ts), else the Translate panel offers the services. 'none': translation off, chosen.
 * `hasKey` only says that a key is stored (utils/secrets.ts): the key itself is never in these settings.
 */
export type TranslationProviderSetting =
  | { id: 'auto' }
  | { id: 'none' }
  | { id: 'chrome-builtin' }
  | { id: 'libretranslate'; url: string; hasKey?: true }
  | { id: 'deepl'; hasKey: true };

export interface TranslationSettings {
  provider: TranslationProviderSetting;
  /** Language to translate into (primary subtag, 'en', 'id'); '' means the browser's UI language. */
  target: string;
}

export const DEFAULT_TRANSLATION: Readonly<TranslationSettings> = Object.freeze({ provider: Object.freeze({ id: 'auto' as const }), target: '' });

export interface Settings {
  version: 7;
  theme: Theme;
  /** Body text size in CSS pixels. */
  fontSize: number;
  fontFamily: FontFamily;
  lineHeight: number;
  columnWidth: number;
  letterSpacing: number;
  wordSpacing: number;
  align: Align;
  customColors: CustomColors;
  showImages: boolean;
  speechRate: number;
  /** Chosen voice (voiceURI) by the article's primary language ("id", "en"). */
  speechVoices: Record<string, string>;
  userRules: UserRule[];
  /** Auto-clean switched off for these site ids (built-in rules) or hosts (user-added sites). */
  autoCleanOff: string[];
  /** Hosts the user added for auto-cleaning (their permission was granted when added). */
  userSites: string[];
  /** Badge on pages where an article is detected, on every site (asks for access to all sites). */
  detectEverywhere: boolean;
  /** Saved articles keep their pictures as files, so they read offline with them ("Keep pictures for offline reading"). */
  saveImages: boolean;
  /**
   * Pictures on other hosts than the article's (the supported sites' own picture hosts need no asking): 'ask'
   * lets a save from the reader ask in place for the hosts that article needs; 'declined' ("Not now") stops
   * those in-place asks (the saved copy still offers its one button); 'allowed' is set only by the options
   * page's access to all sites, and also keeps "detect everywhere" from giving that access back when it is
   * switched off.
   */
  imageAccess: ImageAccess;
  translation: TranslationSettings;
}

export const IMAGE_ACCESS = ['ask', 'allowed', 'declined'] as const;
export type ImageAccess = (typeof IMAGE_ACCESS)[number];

export type SettingsPatch = Partial<Omit<Settings, 'version'>>;

export const SETTINGS_VERSION = 7;
export const SETTINGS_KEY = 'settings';

export const DEFAULT_COLORS: Readonly<CustomColors> = Object.freeze({ on: false, text: '#1d1d1f', background: '#fdfdfc', link: '#0b57d0' });

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: 7,
  theme: 'auto',
  fontSize: FONT_SIZE.default,
  fontFamily: 'serif',
  lineHeight: LINE_HEIGHT.default,
  columnWidth: COLUMN_WIDTH.default,
  letterSpacing: LETTER_SPACING.default,
  wordSpacing: WORD_SPACING.default,
  align: 'start',
  customColors: DEFAULT_COLORS,
  showImages: true,
  speechRate: SPEECH_RATE.default,
  speechVoices: {},
  userRules: [],
  autoCleanOff: [],
  userSites: [],
  detectEverywhere: false,
  saveImages: true,
  imageAccess: 'ask',
  translation: DEFAULT_TRANSLATION,
});

const clampFontSize = (n: unknown): number =>
  typeof n === 'number' && Number.isFinite(n)
    ? Math.min(FONT_SIZE.max, Math.max(FONT_SIZE.min, Math.round(n)))
    : FONT_SIZE.default;

/** Within bounds and on the step grid (no 1.7000000000000002 from repeated +0.1). */
export function clampToRange(n: unknown, r: Range): number {
  if (typeof n !== 'number' || !Number.isFinite(n)) return r.default;
  const stepped = r.min + Math.round((n - r.min) / r.step) * r.step;
  return Math.round(Math.min(r.max, Math.max(r.min, stepped)) * 1000) / 1000;
}

/** One step up or down. */
export const stepRange = (current: number, r: Range, direction: 1 | -1): number => clampToRange(current + direction * r.step, r);

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

/** Host names a user rule may be kept under (also intranet names and IP addresses). */
const RULE_HOST = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/;

/**
 * The host a user rule is kept under: the normalized host, or for addresses without a domain (an intranet
 * name, an IP address) the bare host name.
 */
export function ruleHostOf(url: string): string | null {
  let hostname: string;
  try {
    hostname = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  return normalizeHost(hostname) ?? (RULE_HOST.test(hostname) ? hostname : null);
}
/** The user's rule for the page at `url`: its host's, or a parent domain's (rule for kompas.com on www.kompas.com). */
export function userRuleFor(s: Pick<Settings, 'userRules'>, url: string): UserRule | null {
  const host = ruleHostOf(url);
  if (!host) return null;
  const rules = s.userRules.filter((r) => host === r.host || host.endsWith(`.${r.host}`));
  // The most specific host wins.
  return rules.sort((a, b) => b.host.length - a.host.length)[0] ?? null;
}

/** Stores (or replaces) the rule for `host`; a rule with neither body nor removals is deleted. */
export function withUserRule(s: Pick<Settings, 'userRules'>, rule: Omit<UserRule, 'updated'>, now = new Date()): SettingsPatch {
  const others = s.userRules.filter((r) => r.host !== rule.host);
  const remove = Array.from(new Set(rule.remove));
  if (!rule.body && remove.length === 0) return { userRules: others };
  const next: UserRule = { host: rule.host, ...(rule.body ? { body: rule.body } : {}), remove, updated: now.toISOString() };
  return { userRules: [...others, next].sort((a, b) => a.host.localeCompare(b.host)) };
}

export const withoutUserRule = (s: Pick<Settings, 'userRules'>, host: string): SettingsPatch => ({
  userRules: s.userRules.filter((r) => r.host !== host),
});

const stringList = (v: unknown, valid: (s: string) => boolean): string[] =>
  Array.isArray(v) ? Array.from(new Set(v.filter((x): x is string => typeof x === 'string' && valid(x)))) : [];

const COLOR = /^#[0-9a-f]{6}$/i;
const color = (v: unknown, fallback: string): string => (typeof v === 'string' && COLOR.test(v) ? v.toLowerCase() : fallback);
/** A selector as stored: not empty, not huge, no braces or markup (it is only ever passed to querySelector). */
const selectorOk = (x: string): boolean => x.trim().length > 0 && x.length <= 500 && !/[{}<]/.test(x);
const MAX_RULES = 500;
const MAX_REMOVALS = 100;

function migrateUserRules(v: unknown): UserRule[] {
  if (!Array.isArray(v)) return [];
  const byHost = new Map<string, UserRule>();
  for (const r of v.slice(0, MAX_RULES)) {
    if (!r || typeof r !== 'object') continue;
    const o = r as Record<string, unknown>;
    const host = typeof o.host === 'string' ? o.host.trim().toLowerCase().replace(/^www\./, '') : '';
    if (!RULE_HOST.test(host)) continue;
    const body = typeof o.body === 'string' && selectorOk(o.body) ? o.body : undefined;
    const remove = stringList(o.remove, selectorOk).slice(0, MAX_REMOVALS);
    if (!body && remove.length === 0) continue;
    const updated = typeof o.updated === 'string' && !Number.isNaN(Date.parse(o.updated)) ? o.updated : new Date(0).toISOString();
    byHost.set(host, { host, ...(body ? { body } : {}), remove, updated });
  }
  return Array.from(byHost.values());
}

function migrateVoices(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!v || typeof v !== 'object' || Array.isArray(v)) return out;
  for (const [lang, uri] of Object.entries(v as Record<string, unknown>)) {
    if (/^[a-z]{2,3}$/.test(lang) && typeof uri === 'string' && uri.length > 0 && uri.length < 300) out[lang] = uri;
  }
  return out;
}

/**
 * Whatever is stored (nothing, an older version, a damaged value) becomes valid current Settings.
 * v1 -> v2: the site switches, user sites and detect-everywhere take their defaults.
 * v2 -> v3: every v2 field is carried over as it was; the typography, colours, images, speech and user rules
 * take their defaults (nothing in v2 says otherwise).
 * v3 -> v4: every v3 field is carried over; pictures are kept (the default: a saved article should read offline as
 * it was) and access to all sites counts as not asked yet.
 * v4 -> v5: every v4 field is carried over; translation starts off (no provider) with the browser's language as
 * the target.
 * v5 -> v6: a stored key (`apiKey`) becomes the marker `hasKey: true` and is dropped from the settings. The
 * background first copies it to the secret store (moveKeyOutOfSettings in utils/secrets.ts), then rewrites these.
 * v6 -> v7: no provider stored (never chosen) becomes 'auto'. A stored one is kept, None too: version 6 wrote
 * None both as its default and as a choice, and a choice must never be undone; an invalid one is None, as before.
 * Damaged values of any version fall back field by field.
 */
export function migrateSettings(raw: unknown): Settings {
  if (!raw || typeof raw !== 'object') return freshDefaults();
  const s = raw as Record<string, unknown>;
  const colors = (s.customColors && typeof s.customColors === 'object' ? s.customColors : {}) as Record<string, unknown>;
  return {
    version: 7,
    theme: THEMES.includes(s.theme as Theme) ? (s.theme as Theme) : DEFAULT_SETTINGS.theme,
    fontSize: clampFontSize(s.fontSize),
    fontFamily: FONT_FAMILIES.includes(s.fontFamily as FontFamily) ? (s.fontFamily as FontFamily) : DEFAULT_SETTINGS.fontFamily,
    lineHeight: clampToRange(s.lineHeight, LINE_HEIGHT),
    columnWidth: clampToRange(s.columnWidth, COLUMN_WIDTH),
    letterSpacing: clampToRange(s.letterSpacing, LETTER_SPACING),
    wordSpacing: clampToRange(s.wordSpacing, WORD_SPACING),
    align: ALIGNS.includes(s.align as Align) ? (s.align as Align) : DEFAULT_SETTINGS.align,
    customColors: {
      on: colors.on === true,
      text: color(colors.text, DEFAULT_COLORS.text),
      background: color(colors.background, DEFAULT_COLORS.background),
      link: color(colors.link, DEFAULT_COLORS.link),
    },
    showImages: s.showImages !== false,
    speechRate: clampToRange(s.speechRate, SPEECH_RATE),
    speechVoices: migrateVoices(s.speechVoices),
    userRules: migrateUserRules(s.userRules),
    autoCleanOff: stringList(s.autoCleanOff, (x) => x.length > 0 && x.length < 260),
    userSites: stringList(s.userSites, (x) => normalizeHost(x) === x),
    detectEverywhere: s.detectEverywhere === true,
    saveImages: s.saveImages !== false,
    imageAccess: IMAGE_ACCESS.includes(s.imageAccess as ImageAccess) ? (s.imageAccess as ImageAccess) : 'ask',
    translation: migrateTranslation(s.translation),
  };
}

const LANG_SETTING = /^[a-z]{2,3}(-[A-Za-z]{4})?$/;
const KEY_OK = (k: unknown): k is string => typeof k === 'string' && k.trim().length > 0 && k.length < 500;

/** A LibreTranslate server address: http(s) only, without a trailing slash; null when it is not one. */
export function normalizeServiceUrl(input: string): string | null {
  try {
    const u = new URL(input.trim());
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    if (u.username || u.password) return null;
    return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

function migrateTranslation(v: unknown): TranslationSettings {
  const o = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
  const target = typeof o.target === 'string' && LANG_SETTING.test(o.target) ? o.target : '';
  const p = (o.provider && typeof o.provider === 'object' ? o.provider : {}) as Record<string, unknown>;
  // Never chosen (nothing stored) is the untouched default; something stored that is no valid choice stays off.
  let provider: TranslationProviderSetting = o.provider === undefined || p.id === 'auto' ? { id: 'auto' } : { id: 'none' };
  if (p.id === 'chrome-builtin') provider = { id: 'chrome-builtin' };
  // A key of version 5 counts as stored: the background moves it to the secret store before anything uses it.
  const hasKey = p.hasKey === true || KEY_OK(p.apiKey);
  if (p.id === 'deepl' && hasKey) provider = { id: 'deepl', hasKey: true };
  else if (p.id === 'libretranslate' && typeof p.url === 'string') {
    const url = normalizeServiceUrl(p.url);
    if (url) provider = { id: 'libretranslate', url, ...(hasKey ? { hasKey: true as const } : {}) };
  }
  return { provider, target };
}

/**
 * The origin pattern the chosen service needs host access for (asked for when the options are saved), or null
 * for providers that reach no server. DeepL: the free or the pro endpoint, the one the provider picks from the key
 * (`apiKey`, which the options page has; both when it is not known).
 */
export function translationOrigins(provider: { id: TranslationProviderSetting['id']; url?: string }, apiKey?: string): string[] {
  if (provider.id === 'libretranslate') {
    const url = normalizeServiceUrl(provider.url ?? '');
    // Match patterns take no port (Firefox rejects one; without it, every port of the host matches).
    if (!url) return [];
    const u = new URL(url);
    return [`${u.protocol}//${u.hostname}/*`];
  }
  if (provider.id === 'deepl') return apiKey ? [`${deeplEndpoint(apiKey)}/*`] : [`${deeplEndpoint(':fx')}/*`, `${deeplEndpoint('')}/*`];
  return [];
}

/** Defaults with fresh (unfrozen) nested values, safe to hand out and edit. */
const freshDefaults = (): Settings => ({
  ...DEFAULT_SETTINGS,
  customColors: { ...DEFAULT_COLORS },
  speechVoices: {},
  userRules: [],
  autoCleanOff: [],
  userSites: [],
  translation: { provider: { id: 'auto' }, target: '' },
});

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
