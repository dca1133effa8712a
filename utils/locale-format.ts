/**
 * Dates, times and language names in the UI's language: the one formatter of every view (reader, saved copy,
 * library, popup, options, exports), so that they all say the same thing the same way (issue 13, point 3).
 * Pure: the locale, and for tests the viewer's time zone and "now", come in as arguments.
 *
 * An article's time is shown in the zone its page stated ("14 September 2023, 14.54 WIB" on a Kompas page that
 * says "14/09/2023, 14:54 WIB"), whatever zone the reader sits in; where the page stated none, in the reader's own.
 */

/**
 * The locale to format in: the language the UI's messages are actually written in, with the browser's region
 * when the two agree ("en" messages in an en-GB browser give en-GB dates). Why not the browser's UI language
 * alone: the messages can be in another language than it says (a UI language Jernih has no messages for falls
 * back to English; headless Chromium started with --lang=id reads Indonesian messages but reports "en-US"), and
 * "Dari Indonesian" or an English date in an Indonesian sentence is what issue 13 found.
 */
export function resolveUiLocale(messagesLang: string | null | undefined, browserLang: string | null | undefined): string {
  const primary = (tag: string | null | undefined) => (tag ?? '').toLowerCase().split(/[-_]/)[0];
  const messages = (messagesLang ?? '').trim();
  const browser = (browserLang ?? '').trim().replace(/_/g, '-');
  if (!messages) return browser || 'en';
  return browser && primary(browser) === primary(messages) ? browser : messages;
}

/** Indonesia's three zones as its pages print them, with their UTC offsets in minutes (no daylight saving). */
export const INDONESIAN_ZONES = { WIB: 7 * 60, WITA: 8 * 60, WIT: 9 * 60 } as const;
export type IndonesianZone = keyof typeof INDONESIAN_ZONES;

/** An Indonesian zone named in a page's date line ("14/09/2023, 14:54 WIB"), or null. */
export function zoneInText(text: string | null | undefined): IndonesianZone | null {
  const m = (text ?? '').match(/(?:^|[^A-Za-z])(WITA|WIB|WIT)(?![A-Za-z])/);
  return m ? (m[1] as IndonesianZone) : null;
}

/** The UTC offset an ISO 8601 time states, in minutes: 0 for "Z", null when it states none (or is date-only). */
export function isoOffsetMinutes(iso: string | null | undefined): number | null {
  const m = (iso ?? '').match(/T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(Z|([+-])(\d{2}):?(\d{2}))$/i);
  if (!m) return null;
  if (m[1].toUpperCase() === 'Z') return 0;
  return (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4]));
}

/** "+07:00" for 420 minutes. */
export function offsetText(minutes: number): string {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/**
 * The zone to keep beside an article's date: an Indonesian zone's name where the page names one or where the
 * offset is one of them on an Indonesian page, else the offset the page stated ("-04:00"). A bare UTC ("Z",
 * "+00:00") is how most sites serialize any time, not what their readers are shown: it keeps no zone.
 */
export function zoneForOffset(minutes: number | null, indonesian: boolean): string | null {
  if (minutes === null || minutes === 0) return null;
  if (indonesian) {
    const named = (Object.keys(INDONESIAN_ZONES) as IndonesianZone[]).find((z) => INDONESIAN_ZONES[z] === minutes);
    if (named) return named;
  }
  return offsetText(minutes);
}

/** A stored zone ("WIB", "+05:30") as an offset and the label shown after the time; null for anything else. */
export function parseZone(zone: string | null | undefined): { minutes: number; label: string } | null {
  if (!zone) return null;
  if (zone in INDONESIAN_ZONES) return { minutes: INDONESIAN_ZONES[zone as IndonesianZone], label: zone };
  const m = zone.match(/^([+-])(\d{2}):?(\d{2})$/);
  if (!m) return null;
  const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  if (Math.abs(minutes) > 14 * 60) return null;
  return { minutes, label: gmtLabel(minutes) };
}

/** "GMT+7", "GMT-4", "GMT+5:30": as Intl's shortOffset names them. */
function gmtLabel(minutes: number): string {
  const a = Math.abs(minutes);
  return `GMT${minutes < 0 ? '-' : '+'}${Math.floor(a / 60)}${a % 60 ? `:${String(a % 60).padStart(2, '0')}` : ''}`;
}

// Building an Intl.DateTimeFormat costs far more than using one: the library formats thousands of rows.
const formats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, options);
    } catch {
      // A locale tag Intl refuses (a malformed UI language) must not take the view down.
      f = new Intl.DateTimeFormat('en', options);
    }
    formats.set(key, f);
  }
  return f;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// The locale's own patterns: "14 September 2023" / "September 14, 2023"; "07.54" (id) / "7:54 AM" (en-US).
const LONG_DATE: Intl.DateTimeFormatOptions = { dateStyle: 'long' };
const SHORT_TIME: Intl.DateTimeFormatOptions = { timeStyle: 'short' };

/** The instant, and the zone to show it in: the one stated (argument first, then the ISO's own offset), if any. */
function placeInZone(iso: string, zone: string | null | undefined): { at: Date; zone: { minutes: number; label: string } | null } | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const stated = parseZone(zone) ?? parseZone(offsetFromIso(iso));
  return { at, zone: stated };
}

const offsetFromIso = (iso: string): string | null => {
  const minutes = isoOffsetMinutes(iso);
  return minutes ? offsetText(minutes) : null;
};

export interface DateFormatOptions {
  /** The viewer's zone, for times whose page stated none (default: the runtime's). Tests pass 'UTC'. */
  timeZone?: string;
}

/**
 * A date and time, e.g. an article's publication for its byline: "14 September 2023, 14.54 WIB" (id),
 * "September 14, 2023, 2:54 PM WIB" (en-US). Shown in the zone the page stated (`zone`, else the ISO's own
 * offset); without one, in the viewer's zone and without a zone name. Date-only values stay date-only.
 * Null for no date or one that does not parse.
 */
export function formatDateTime(
  iso: string | null | undefined,
  zone: string | null | undefined,
  locale: string | undefined,
  opts: DateFormatOptions = {},
): string | null {
  if (!iso) return null;
  const s = iso.trim();
  if (DATE_ONLY.test(s)) {
    const d = new Date(`${s}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? null : dateTimeFormat(locale, { ...LONG_DATE, timeZone: 'UTC' }).format(d);
  }
  const placed = placeInZone(s, zone);
  if (!placed) return null;
  if (placed.zone) {
    // The page's wall-clock time: shift the instant by the stated offset and read it as UTC (Indonesia keeps no
    // daylight saving, and fixed offsets are not time zones every Intl accepts).
    const wall = new Date(placed.at.getTime() + placed.zone.minutes * 60_000);
    const utc = { timeZone: 'UTC' };
    return `${dateTimeFormat(locale, { ...LONG_DATE, ...utc }).format(wall)}, ${dateTimeFormat(locale, { ...SHORT_TIME, ...utc }).format(wall)} ${placed.zone.label}`;
  }
  const here = opts.timeZone ? { timeZone: opts.timeZone } : {};
  return `${dateTimeFormat(locale, { ...LONG_DATE, ...here }).format(placed.at)}, ${dateTimeFormat(locale, { ...SHORT_TIME, ...here }).format(placed.at)}`;
}

/**
 * A short date for lists ("14 Sep", "14 Sep 2023" when not this year): a time in ms (the save day, in the
 * viewer's zone) or an article's ISO date (its day where the page stated its zone).
 */
export function formatListDate(
  value: number | string,
  locale: string | undefined,
  opts: DateFormatOptions & { zone?: string | null; now?: number } = {},
): string {
  let at: Date;
  let timeZone = opts.timeZone;
  if (typeof value === 'string' && DATE_ONLY.test(value.trim())) {
    at = new Date(`${value.trim()}T00:00:00Z`);
    timeZone = 'UTC';
  } else if (typeof value === 'string') {
    const placed = placeInZone(value.trim(), opts.zone);
    if (!placed) return '';
    at = placed.zone ? new Date(placed.at.getTime() + placed.zone.minutes * 60_000) : placed.at;
    if (placed.zone) timeZone = 'UTC';
  } else {
    at = new Date(value);
  }
  if (Number.isNaN(at.getTime())) return '';
  const yearOf = (d: Date) => Number(dateTimeFormat('en', { year: 'numeric', ...(timeZone ? { timeZone } : {}) }).format(d));
  const thisYear = yearOf(at) === yearOf(new Date(opts.now ?? Date.now()));
  const zoneOpt = timeZone ? { timeZone } : {};
  return dateTimeFormat(locale, thisYear ? { day: 'numeric', month: 'short', ...zoneOpt } : { day: 'numeric', month: 'short', year: 'numeric', ...zoneOpt }).format(at);
}

const names = new Map<string, Intl.DisplayNames>();
/** A language's name in the UI's language: "Inggris" (id), "English" (en); the code itself when Intl has none. */
export function languageName(code: string, locale: string | undefined): string {
  if (!code) return code;
  const key = locale ?? 'en';
  let dn = names.get(key);
  if (dn === undefined) {
    try {
      dn = new Intl.DisplayNames([key], { type: 'language' });
    } catch {
      dn = new Intl.DisplayNames(['en'], { type: 'language' });
    }
    names.set(key, dn);
  }
  try {
    return dn.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "a" or "an" before an English word, by its first sound ("an English", "a Ukrainian", "an Urdu"). */
export function indefiniteArticle(word: string): 'a' | 'an' {
  // U said "you" (Ukrainian, Uyghur, Unified), Eu said "you" (European), One said "won".
  if (/^(?:uk|uy|uni|eu|one)/i.test(word)) return 'a';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/**
 * A language named inside a sentence, with the grammar of the UI's language: `name` where a sentence says the
 * language ("no voice for English" / "suara bahasa Inggris"), `withArticle` where English needs "a" or "an"
 * ("Add an English voice"; Indonesian has no article: "Tambahkan suara bahasa Inggris").
 */
export function languageInSentence(code: string, locale: string | undefined): { name: string; withArticle: string } {
  const name = languageName(code, locale);
  const lang = (locale ?? 'en').toLowerCase().split(/[-_]/)[0];
  if (lang === 'id') {
    // Intl names Indonesian languages by the people or place ("Inggris", "Jawa"); a sentence says "bahasa Inggris".
    const phrase = name === code || /^bahasa\b/i.test(name) ? name : `bahasa ${name}`;
    return { name: phrase, withArticle: phrase };
  }
  if (lang === 'en') return { name, withArticle: `${indefiniteArticle(name)} ${name}` };
  return { name, withArticle: name };
}
