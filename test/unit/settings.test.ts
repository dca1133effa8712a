import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import {
  autoCleanOn, clampToRange, COLUMN_WIDTH, DEFAULT_SETTINGS, FONT_SIZE, LETTER_SPACING, LINE_HEIGHT, loadSettings, migrateSettings, nextFontSize,
  normalizeHost, ruleHostOf, saveSettings, translationOrigins, SPEECH_RATE, stepRange, userRuleFor, watchSettings, withAutoClean, withoutUserRule, withUserRule,
} from '@/utils/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('gives defaults for nothing stored or damaged values', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings({ version: 2, theme: 'neon', fontSize: 'huge', userSites: 'x', autoCleanOff: [1, 'detik'] })).toEqual({
      ...DEFAULT_SETTINGS,
      autoCleanOff: ['detik'],
    });
    expect(migrateSettings({ version: 2, theme: 'dark', fontSize: 500 })).toMatchObject({ theme: 'dark', fontSize: FONT_SIZE.max });
    expect(migrateSettings({ userSites: ['berita.example.id', 'not a host', 'berita.example.id'] }).userSites).toEqual(['berita.example.id']);
  });

  it('migrates version 1 (theme and font size only) to the current version', () => {
    expect(migrateSettings({ version: 1, theme: 'sepia', fontSize: 23 })).toEqual({
      ...DEFAULT_SETTINGS, version: 7, theme: 'sepia', fontSize: 23, autoCleanOff: [], userSites: [], detectEverywhere: false,
    });
  });

  it('migrates version 2 to the current version: every v2 field kept, the reader settings take their defaults', () => {
    const v2 = { version: 2, theme: 'dark', fontSize: 22, autoCleanOff: ['kompas', 'tribunjateng.com'], userSites: ['tribunjateng.com'], detectEverywhere: true };
    const v3 = migrateSettings(v2);
    expect(v3).toEqual({
      version: 7,
      theme: 'dark',
      fontSize: 22,
      autoCleanOff: ['kompas', 'tribunjateng.com'],
      userSites: ['tribunjateng.com'],
      detectEverywhere: true,
      fontFamily: 'serif',
      lineHeight: LINE_HEIGHT.default,
      columnWidth: COLUMN_WIDTH.default,
      letterSpacing: 0,
      wordSpacing: 0,
      align: 'start',
      customColors: { on: false, text: '#1d1d1f', background: '#fdfdfc', link: '#0b57d0' },
      showImages: true,
      speechRate: 1,
      speechVoices: {},
      userRules: [],
      saveImages: true,
      imageAccess: 'ask',
      translation: { provider: { id: 'auto' }, target: '' },
    });
    // Migrating again changes nothing.
    expect(migrateSettings(v3)).toEqual(v3);
  });

  it('migrates version 3 to version 4: every v3 field kept, pictures kept for offline reading, access not asked yet', () => {
    const v3 = {
      version: 3, theme: 'sepia', fontSize: 20, fontFamily: 'legible', lineHeight: 1.9, columnWidth: 65, letterSpacing: 0.02, wordSpacing: 0.1,
      align: 'justify', customColors: { on: true, text: '#111111', background: '#eeeeee', link: '#0000ff' }, showImages: false, speechRate: 1.2,
      speechVoices: { id: 'Damayanti' }, userRules: [{ host: 'kompas.com', remove: ['.ads'], updated: '2026-01-01T00:00:00.000Z' }],
      autoCleanOff: ['detik'], userSites: ['tribunjateng.com'], detectEverywhere: true,
    };
    const v4 = migrateSettings(v3);
    expect(v4).toEqual({ ...v3, version: 7, saveImages: true, imageAccess: 'ask', translation: { provider: { id: 'auto' }, target: '' } });
    expect(migrateSettings(v4)).toEqual(v4);
    // v4 values are kept; damaged ones fall back to their defaults.
    expect(migrateSettings({ ...v4, saveImages: false, imageAccess: 'declined' })).toMatchObject({ saveImages: false, imageAccess: 'declined' });
    expect(migrateSettings({ ...v4, imageAccess: 'allowed' })).toMatchObject({ imageAccess: 'allowed' });
    expect(migrateSettings({ ...v4, saveImages: 'no', imageAccess: 'yes' })).toMatchObject({ saveImages: true, imageAccess: 'ask' });
  });

  it('migrates version 4 to version 5 (and on): every v4 field kept, translation not chosen (automatic since version 7) with the browser language as target', () => {
    const v4 = { ...migrateSettings({ version: 4, theme: 'dark', saveImages: false, imageAccess: 'allowed' }), version: 4 } as Record<string, unknown>;
    delete v4.translation;
    const v5 = migrateSettings(v4);
    expect(v5).toEqual({ ...v4, version: 7, translation: { provider: { id: 'auto' }, target: '' } });
    expect(migrateSettings(v5)).toEqual(v5);
    // Valid v5 choices are kept (their keys only as the marker, version 6); server addresses normalised.
    const lt = migrateSettings({ ...v5, translation: { provider: { id: 'libretranslate', url: 'http://127.0.0.1:5000/', apiKey: ' k ' }, target: 'es' } });
    expect(lt.translation).toEqual({ provider: { id: 'libretranslate', url: 'http://127.0.0.1:5000', hasKey: true }, target: 'es' });
    expect(migrateSettings({ translation: { provider: { id: 'libretranslate', url: 'http://x.example' } } }).translation.provider).toEqual({ id: 'libretranslate', url: 'http://x.example' });
    expect(migrateSettings({ translation: { provider: { id: 'deepl', apiKey: 'abc:fx' }, target: 'zh-Hant' } }).translation).toEqual({ provider: { id: 'deepl', hasKey: true }, target: 'zh-Hant' });
    expect(migrateSettings({ translation: { provider: { id: 'chrome-builtin' } } }).translation.provider).toEqual({ id: 'chrome-builtin' });
    // Damaged: no URL, a javascript: URL, an empty key, an unknown provider, a bad target.
    for (const provider of [{ id: 'libretranslate' }, { id: 'libretranslate', url: 'javascript:alert(1)' }, { id: 'deepl', apiKey: ' ' }, { id: 'google' }, 'x']) {
      expect(migrateSettings({ translation: { provider, target: 'not a lang' } }).translation).toEqual({ provider: { id: 'none' }, target: '' });
    }
  });

  it('migrates version 5 to version 6: a stored translation key becomes a `hasKey` marker (issue #14, the key moves to the secret store)', () => {
    const lt = migrateSettings({ version: 5, translation: { provider: { id: 'libretranslate', url: 'http://127.0.0.1:5000', apiKey: 'k' }, target: 'es' } });
    expect(lt.version).toBe(7);
    expect(lt.translation).toEqual({ provider: { id: 'libretranslate', url: 'http://127.0.0.1:5000', hasKey: true }, target: 'es' });
    const deepl = migrateSettings({ version: 5, translation: { provider: { id: 'deepl', apiKey: 'abc:fx' }, target: '' } });
    expect(deepl.translation.provider).toEqual({ id: 'deepl', hasKey: true });
    expect(JSON.stringify([lt, deepl])).not.toMatch(/abc:fx|"k"|apiKey/);
    expect(migrateSettings(deepl)).toEqual(deepl);
    // A marker without a service address, or a DeepL choice with neither key nor marker, is no choice.
    expect(migrateSettings({ translation: { provider: { id: 'deepl', hasKey: false } } }).translation.provider).toEqual({ id: 'none' });
  });

  it('migrates version 6 to version 7 (issue 13): only the untouched default becomes "automatic"; an explicit None or a service is kept', () => {
    // Nothing stored, or settings from before translation existed: the new default, the browser's on-device
    // translator where it has one, else the reader asks on the first Translate.
    expect(migrateSettings(undefined).translation).toEqual({ provider: { id: 'auto' }, target: '' });
    expect(DEFAULT_SETTINGS.translation.provider).toEqual({ id: 'auto' });
    expect(migrateSettings({ version: 4, theme: 'dark' }).translation).toEqual({ provider: { id: 'auto' }, target: '' });
    expect(migrateSettings({ version: 6, translation: { target: 'en' } }).translation).toEqual({ provider: { id: 'auto' }, target: 'en' });
    // A stored choice, None included (version 6 cannot tell an explicit None from the old default: None is kept).
    for (const provider of [{ id: 'none' }, { id: 'chrome-builtin' }, { id: 'deepl', hasKey: true }, { id: 'libretranslate', url: 'http://127.0.0.1:5000' }]) {
      const v7 = migrateSettings({ version: 6, theme: 'sepia', translation: { provider, target: 'id' } });
      expect(v7.version).toBe(7);
      expect(v7.translation).toEqual({ provider, target: 'id' });
      expect(migrateSettings(v7)).toEqual(v7);
    }
    // Automatic, once stored, stays automatic.
    const auto = migrateSettings({ version: 7, translation: { provider: { id: 'auto' }, target: '' } });
    expect(auto.translation.provider).toEqual({ id: 'auto' });
    expect(migrateSettings(auto)).toEqual(auto);
    expect(translationOrigins({ id: 'auto' })).toEqual([]);
  });

  it('asks host access only for the chosen translation service', () => {
    expect(translationOrigins({ id: 'libretranslate', url: 'https://lt.example.org/api' })).toEqual(['https://lt.example.org/*']);
    expect(translationOrigins({ id: 'libretranslate', url: 'http://127.0.0.1:5000' })).toEqual(['http://127.0.0.1/*']);
    expect(translationOrigins({ id: 'deepl' }, 'abc:fx')).toEqual(['https://api-free.deepl.com/*']);
    expect(translationOrigins({ id: 'deepl' }, 'abc')).toEqual(['https://api.deepl.com/*']);
    expect(translationOrigins({ id: 'deepl' })).toEqual(['https://api-free.deepl.com/*', 'https://api.deepl.com/*']);
    expect(translationOrigins({ id: 'chrome-builtin' })).toEqual([]);
    expect(translationOrigins({ id: 'none' })).toEqual([]);
  });

  it('version 3 values are kept when valid and repaired field by field when not', () => {
    const good = migrateSettings({
      version: 3, theme: 'contrast', fontFamily: 'dyslexic', lineHeight: 2.0000000001, columnWidth: 62, letterSpacing: 0.05, wordSpacing: 0.2,
      align: 'justify', customColors: { on: true, text: '#FFEEDD', background: '#102030', link: '#ffcc00' }, showImages: false,
      speechRate: 1.5, speechVoices: { id: 'Google Bahasa Indonesia', en: 'urn:moz-tts:speechd:English' },
    });
    expect(good).toMatchObject({
      theme: 'contrast', fontFamily: 'dyslexic', lineHeight: 2, columnWidth: 60, letterSpacing: 0.05, wordSpacing: 0.2, align: 'justify',
      customColors: { on: true, text: '#ffeedd', background: '#102030', link: '#ffcc00' }, showImages: false, speechRate: 1.5,
      speechVoices: { id: 'Google Bahasa Indonesia', en: 'urn:moz-tts:speechd:English' },
    });
    const bad = migrateSettings({
      version: 3, theme: 'blue', fontFamily: 'comic', lineHeight: 'tall', columnWidth: 9999, letterSpacing: -1, align: 'center',
      customColors: { on: 'yes', text: 'red', background: 'url(x)', link: null }, showImages: 'no', speechRate: 99, speechVoices: ['x'],
      userRules: [{ host: 'a b', body: '.x' }, { host: 'example.com' }, 'junk', { host: 'www.Kompas.com', body: '.read__content', remove: ['.ads', 7, '', 'div{}', '<b>', 'main > p:nth-of-type(2)'] }],
    });
    expect(bad).toMatchObject({
      theme: 'auto', fontFamily: 'serif', lineHeight: LINE_HEIGHT.default, columnWidth: COLUMN_WIDTH.max, letterSpacing: LETTER_SPACING.min, align: 'start',
      customColors: { on: false, text: '#1d1d1f', background: '#fdfdfc', link: '#0b57d0' }, showImages: true, speechRate: SPEECH_RATE.max, speechVoices: {},
    });
    expect(bad.userRules).toEqual([{ host: 'kompas.com', body: '.read__content', remove: ['.ads', 'main > p:nth-of-type(2)'], updated: new Date(0).toISOString() }]);
  });

  it('ranges step without drift and stay in bounds', () => {
    let lh = LINE_HEIGHT.default;
    for (let i = 0; i < 5; i++) lh = stepRange(lh, LINE_HEIGHT, 1);
    expect(lh).toBe(2.2);
    expect(stepRange(LINE_HEIGHT.max, LINE_HEIGHT, 1)).toBe(LINE_HEIGHT.max);
    expect(stepRange(COLUMN_WIDTH.min, COLUMN_WIDTH, -1)).toBe(COLUMN_WIDTH.min);
    expect(clampToRange(0.07000000001, LETTER_SPACING)).toBe(0.07);
  });

  it('user site rules: one per host, most specific host wins, removed when empty', () => {
    let s = migrateSettings(undefined);
    const at = new Date('2024-05-02T10:00:00Z');
    s = { ...s, ...withUserRule(s, { host: 'kompas.com', body: '.read__content', remove: ['.ads', '.ads'] }, at) };
    s = { ...s, ...withUserRule(s, { host: 'tekno.kompas.com', remove: ['.promo'] }, at) };
    expect(s.userRules).toEqual([
      { host: 'kompas.com', body: '.read__content', remove: ['.ads'], updated: at.toISOString() },
      { host: 'tekno.kompas.com', remove: ['.promo'], updated: at.toISOString() },
    ]);
    expect(userRuleFor(s, 'https://www.kompas.com/global/read/1')?.body).toBe('.read__content');
    expect(userRuleFor(s, 'https://tekno.kompas.com/read/2')?.remove).toEqual(['.promo']);
    expect(userRuleFor(s, 'https://kompas.id/x')).toBeNull();
    expect(ruleHostOf('http://127.0.0.1:8080/x')).toBe('127.0.0.1');
    expect(ruleHostOf('https://WWW.Detik.com/a')).toBe('detik.com');
    s = { ...s, ...withUserRule(s, { host: 'tekno.kompas.com', remove: [] }) };
    expect(s.userRules.map((r) => r.host)).toEqual(['kompas.com']);
    s = { ...s, ...withoutUserRule(s, 'kompas.com') };
    expect(s.userRules).toEqual([]);
  });

  it('normalizes hosts people type', () => {
    expect(normalizeHost('https://www.Tribunjateng.com/news/1')).toBe('tribunjateng.com');
    expect(normalizeHost('berita.example.co.id')).toBe('berita.example.co.id');
    expect(normalizeHost('localhost')).toBeNull();
    expect(normalizeHost('javascript:alert(1)')).toBeNull();
    expect(normalizeHost('')).toBeNull();
  });

  it('per-site switches', () => {
    const s = migrateSettings(undefined);
    expect(autoCleanOn(s, 'kompas')).toBe(true);
    const off = { ...s, ...withAutoClean(s, 'kompas', false) };
    expect(autoCleanOn(off, 'kompas')).toBe(false);
    expect(autoCleanOn({ ...off, ...withAutoClean(off, 'kompas', true) }, 'kompas')).toBe(true);
  });

  it('two quick saves from one page never lose a change', async () => {
    const area = browser.storage.local;
    await Promise.all([saveSettings(area, { theme: 'dark' }), saveSettings(area, { fontSize: 22 }), saveSettings(area, (s) => withAutoClean(s, 'detik', false))]);
    expect(await loadSettings(area)).toMatchObject({ theme: 'dark', fontSize: 22, autoCleanOff: ['detik'] });
  });

  it('persists through storage.local and tells other readers', async () => {
    const area = browser.storage.local;
    expect(await loadSettings(area)).toEqual(DEFAULT_SETTINGS);
    const seen: string[] = [];
    const stop = watchSettings(browser.storage.onChanged, (s) => seen.push(s.theme));
    await saveSettings(area, { theme: 'dark' });
    await saveSettings(area, { fontSize: 21 });
    expect(await loadSettings(area)).toMatchObject({ version: 7, theme: 'dark', fontSize: 21 });
    expect(seen).toEqual(['dark', 'dark']);
    stop();
    await saveSettings(area, { theme: 'light' });
    expect(seen).toHaveLength(2);
  });

  it('keeps font sizes within bounds', () => {
    expect(nextFontSize(FONT_SIZE.max, 1)).toBe(FONT_SIZE.max);
    expect(nextFontSize(FONT_SIZE.min, -1)).toBe(FONT_SIZE.min);
    expect(nextFontSize(19, 1)).toBe(20);
  });
});
