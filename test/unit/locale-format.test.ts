/**
 * The one formatter of dates, times and language names (issue 13, point 3): English and Indonesian, with and
 * without a zone the page stated, the three Indonesian zones, invalid input, and the grammar of language names.
 */
import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatListDate,
  indefiniteArticle,
  isoOffsetMinutes,
  languageInSentence,
  languageName,
  parseZone,
  resolveUiLocale,
  zoneForOffset,
  zoneInText,
} from '@/utils/locale-format';

// Intl puts a narrow no-break space before AM/PM and between some parts: compare with plain spaces.
const plain = (s: string | null) => s?.replace(/[\u00a0\u202f]/g, ' ') ?? s;
const UTC = { timeZone: 'UTC' };

describe('resolveUiLocale: the language the messages are in, with the browser region when they agree', () => {
  it('follows the messages when the browser reports another language', () => {
    expect(resolveUiLocale('id', 'en-US')).toBe('id');
    expect(resolveUiLocale('en', 'fr-FR')).toBe('en');
  });
  it('keeps the browser region when the languages agree', () => {
    expect(resolveUiLocale('en', 'en-GB')).toBe('en-GB');
    expect(resolveUiLocale('id', 'id_ID')).toBe('id-ID');
  });
  it('falls back to the browser, then English', () => {
    expect(resolveUiLocale('', 'id')).toBe('id');
    expect(resolveUiLocale(undefined, undefined)).toBe('en');
  });
});

describe('formatDateTime: an article time as its page stated it', () => {
  const kompas = '2023-09-14T14:54:00+07:00';
  it('Indonesian, WIB: "14 September 2023, 14.54 WIB"', () => {
    expect(plain(formatDateTime(kompas, 'WIB', 'id'))).toBe('14 September 2023, 14.54 WIB');
    // The same instant stored in UTC: still the page's wall clock.
    expect(plain(formatDateTime('2023-09-14T07:54:00Z', 'WIB', 'id'))).toBe('14 September 2023, 14.54 WIB');
  });
  it('English, WIB', () => {
    expect(plain(formatDateTime(kompas, 'WIB', 'en-US'))).toBe('September 14, 2023, 2:54 PM WIB');
    expect(plain(formatDateTime(kompas, 'WIB', 'en-GB'))).toBe('14 September 2023, 14:54 WIB');
  });
  it('WITA is UTC+8 and WIT is UTC+9', () => {
    const instant = '2024-08-18T13:15:00Z';
    expect(plain(formatDateTime(instant, 'WITA', 'id'))).toBe('18 Agustus 2024, 21.15 WITA');
    expect(plain(formatDateTime(instant, 'WIT', 'id'))).toBe('18 Agustus 2024, 22.15 WIT');
    expect(plain(formatDateTime(instant, 'WIT', 'en-US'))).toBe('August 18, 2024, 10:15 PM WIT');
  });
  it('a zone that moves the day', () => {
    expect(plain(formatDateTime('2024-12-31T18:30:00Z', 'WIT', 'id'))).toBe('1 Januari 2025, 03.30 WIT');
  });
  it('an offset the page stated, without a zone name', () => {
    expect(plain(formatDateTime('2024-10-07T05:00:00-04:00', '-04:00', 'en-US'))).toBe('October 7, 2024, 5:00 AM GMT-4');
    expect(plain(formatDateTime('2024-10-07T05:00:00-04:00', null, 'id'))).toBe('7 Oktober 2024, 05.00 GMT-4');
    expect(plain(formatDateTime('2024-10-07T05:00:00+05:30', null, 'en-US'))).toBe('October 7, 2024, 5:00 AM GMT+5:30');
  });
  it('no stated zone: the viewer zone, no zone name', () => {
    expect(plain(formatDateTime('2023-09-14T07:54:00Z', null, 'id', UTC))).toBe('14 September 2023, 07.54');
    expect(plain(formatDateTime('2023-09-14T07:54:00Z', null, 'en-US', UTC))).toBe('September 14, 2023, 7:54 AM');
    expect(plain(formatDateTime('2023-09-14T07:54:00Z', null, 'id', { timeZone: 'Asia/Tokyo' }))).toBe('14 September 2023, 16.54');
  });
  it('date-only values stay date-only, on their own day', () => {
    expect(formatDateTime('2023-09-14', null, 'id', { timeZone: 'America/Los_Angeles' })).toBe('14 September 2023');
    expect(formatDateTime('2023-09-14', 'WIB', 'en-US')).toBe('September 14, 2023');
  });
  it('invalid dates give null; an unknown zone falls back to the ISO offset', () => {
    expect(formatDateTime(null, 'WIB', 'id')).toBeNull();
    expect(formatDateTime('', null, 'id')).toBeNull();
    expect(formatDateTime('not a date', 'WIB', 'id')).toBeNull();
    expect(formatDateTime('2023-13-45T99:00:00Z', null, 'en')).toBeNull();
    expect(plain(formatDateTime('2023-09-14T14:54:00+07:00', 'Mars/Olympus', 'en-US'))).toBe('September 14, 2023, 2:54 PM GMT+7');
  });
  it('a locale Intl refuses does not throw', () => {
    expect(formatDateTime('2023-09-14T14:54:00+07:00', 'WIB', 'not a locale!')).toContain('2023');
  });
});

describe('formatListDate: short dates for lists', () => {
  const now = Date.parse('2023-12-01T00:00:00Z');
  it('this year without the year, other years with it', () => {
    expect(formatListDate(Date.parse('2023-09-14T07:54:00Z'), 'id', { now, ...UTC })).toBe('14 Sep');
    expect(formatListDate(Date.parse('2022-09-14T07:54:00Z'), 'id', { now, ...UTC })).toBe('14 Sep 2022');
    expect(formatListDate(Date.parse('2023-09-14T07:54:00Z'), 'en-US', { now, ...UTC })).toBe('Sep 14');
  });
  it("an article's ISO date falls on its page's day", () => {
    // 18:00 UTC on the 14th is already the 15th in Jakarta.
    expect(formatListDate('2023-09-15T01:00:00+07:00', 'id', { now, ...UTC })).toBe('15 Sep');
    expect(formatListDate('2023-09-14T18:00:00Z', 'id', { now, zone: 'WIB', ...UTC })).toBe('15 Sep');
    expect(formatListDate('2023-09-14', 'id', { now, timeZone: 'America/Los_Angeles' })).toBe('14 Sep');
  });
  it('invalid input gives an empty string', () => {
    expect(formatListDate('nope', 'id', { now })).toBe('');
    expect(formatListDate(Number.NaN, 'id', { now })).toBe('');
  });
});

describe('zones', () => {
  it('names Indonesian zones in a date line', () => {
    expect(zoneInText('Kompas.com - 14/09/2023, 14:54 WIB')).toBe('WIB');
    expect(zoneInText('Senin, 18 Agu 2024 21:15 WITA')).toBe('WITA');
    expect(zoneInText('12.30 WIT')).toBe('WIT');
    expect(zoneInText('WITNESS to history')).toBeNull();
    expect(zoneInText(null)).toBeNull();
  });
  it('reads the offset of an ISO time', () => {
    expect(isoOffsetMinutes('2023-09-14T14:54:00+07:00')).toBe(420);
    expect(isoOffsetMinutes('2023-09-14T14:54:00.123-0430')).toBe(-270);
    expect(isoOffsetMinutes('2023-09-14T14:54:00Z')).toBe(0);
    expect(isoOffsetMinutes('2023-09-14T14:54:00')).toBeNull();
    expect(isoOffsetMinutes('2023-09-14')).toBeNull();
  });
  it('names an offset: Indonesian zones on Indonesian pages, else the offset; UTC keeps none', () => {
    expect(zoneForOffset(420, true)).toBe('WIB');
    expect(zoneForOffset(480, true)).toBe('WITA');
    expect(zoneForOffset(540, true)).toBe('WIT');
    expect(zoneForOffset(420, false)).toBe('+07:00');
    expect(zoneForOffset(-240, true)).toBe('-04:00');
    expect(zoneForOffset(0, true)).toBeNull();
    expect(zoneForOffset(null, true)).toBeNull();
  });
  it('parses only zones it knows', () => {
    expect(parseZone('WITA')).toEqual({ minutes: 480, label: 'WITA' });
    expect(parseZone('+05:45')).toEqual({ minutes: 345, label: 'GMT+5:45' });
    expect(parseZone('+25:00')).toBeNull();
    expect(parseZone('Asia/Jakarta')).toBeNull();
  });
});

describe('language names in the UI language, with its grammar', () => {
  it('names languages in Indonesian and English', () => {
    expect(languageName('id', 'id')).toBe('Indonesia');
    expect(languageName('en', 'id')).toBe('Inggris');
    expect(languageName('id', 'en')).toBe('Indonesian');
    expect(languageName('x-not-a-code!', 'id')).toBe('x-not-a-code!');
    expect(languageName('en', 'not a locale!')).toBe('English');
  });
  it('English: "an English voice", "a Ukrainian voice"', () => {
    expect(languageInSentence('en', 'en')).toEqual({ name: 'English', withArticle: 'an English' });
    expect(languageInSentence('id', 'en-US')).toEqual({ name: 'Indonesian', withArticle: 'an Indonesian' });
    expect(languageInSentence('ms', 'en')).toEqual({ name: 'Malay', withArticle: 'a Malay' });
    expect(languageInSentence('uk', 'en').withArticle).toBe('a Ukrainian');
    expect(languageInSentence('ur', 'en').withArticle).toBe('an Urdu');
    expect(indefiniteArticle('Uzbek')).toBe('an');
  });
  it('Indonesian: "suara bahasa Inggris"', () => {
    expect(languageInSentence('en', 'id')).toEqual({ name: 'bahasa Inggris', withArticle: 'bahasa Inggris' });
    expect(languageInSentence('id', 'id-ID').name).toBe('bahasa Indonesia');
    expect(languageInSentence('jv', 'id').name).toBe('bahasa Jawa');
  });
});

describe('the engine keeps the zone the page states beside its date', async () => {
  const { readFileSync } = await import('node:fs');
  const { resolve } = await import('node:path');
  const { extractArticle } = await import('@/utils/extract');
  const fixture = (id: string) => {
    const dir = resolve(import.meta.dirname, '..', 'fixtures', id);
    const url = (JSON.parse(readFileSync(resolve(dir, 'expected.json'), 'utf8')) as { url: string }).url;
    return extractArticle(new DOMParser().parseFromString(readFileSync(resolve(dir, 'source.html'), 'utf8'), 'text/html'), { url });
  };
  const page = (head: string, body: string, lang = 'id') =>
    extractArticle(
      new DOMParser().parseFromString(
        `<html lang="${lang}"><head><title>Judul berita</title>${head}</head><body><article><h1>Judul berita</h1>${body}${'<p>Kalimat panjang yang cukup untuk dibaca sebagai isi artikel berita ini, dengan banyak kata di dalamnya.</p>'.repeat(12)}</article></body></html>`,
        'text/html',
      ),
      { url: 'https://berita.example.id/2024/08/18/judul' },
    );

  it('Kompas: its date line says WIB', () => {
    const a = fixture('kompas/seed-putin-kim')!;
    expect(a.publishedTime).toBe('2023-09-14T14:54:00+07:00');
    expect(a.publishedZone).toBe('WIB');
    expect(plain(formatDateTime(a.publishedTime, a.publishedZone, 'id'))).toBe('14 September 2023, 14.54 WIB');
  });
  it('a date line in WITA or WIT wins over a UTC meta', () => {
    const wita = page('<meta property="article:published_time" content="2024-08-18T13:15:00Z">', '<time datetime="2024-08-18T13:15:00Z">Minggu, 18 Agustus 2024 21:15 WITA</time>')!;
    expect(wita.publishedZone).toBe('WITA');
    expect(plain(formatDateTime(wita.publishedTime, wita.publishedZone, 'id'))).toBe('18 Agustus 2024, 21.15 WITA');
    expect(page('', '<time datetime="2024-08-18T13:15:00Z">18 Agustus 2024 22:15 WIT</time>')!.publishedZone).toBe('WIT');
  });
  it('an offset in the metadata: an Indonesian zone on an Indonesian page, the offset elsewhere', () => {
    expect(page('<meta property="article:published_time" content="2024-08-18T21:15:00+08:00">', '')!.publishedZone).toBe('WITA');
    expect(page('<meta property="article:published_time" content="2024-10-07T05:00:00-04:00">', '', 'en')!.publishedZone).toBe('-04:00');
    expect(page('<meta property="article:published_time" content="2024-10-07T05:00:00+07:00">', '', 'th')!.publishedZone).toBe('+07:00');
  });
  it('no zone stated: none kept', () => {
    expect(page('<meta property="article:published_time" content="2024-10-07T05:00:00Z">', '', 'en')!.publishedZone).toBeNull();
    expect(page('', '')!.publishedZone).toBeNull();
  });
});
