import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { autoCleanOn, DEFAULT_SETTINGS, FONT_SIZE, loadSettings, migrateSettings, nextFontSize, normalizeHost, saveSettings, watchSettings, withAutoClean } from '@/utils/settings';

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

  it('migrates version 1 (theme and font size only) to version 2', () => {
    expect(migrateSettings({ version: 1, theme: 'sepia', fontSize: 23 })).toEqual({
      version: 2, theme: 'sepia', fontSize: 23, autoCleanOff: [], userSites: [], detectEverywhere: false,
    });
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
    expect(await loadSettings(area)).toMatchObject({ version: 2, theme: 'dark', fontSize: 21 });
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
