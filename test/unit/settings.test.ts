import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, FONT_SIZE, loadSettings, migrateSettings, nextFontSize, saveSettings, watchSettings } from '@/utils/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('gives defaults for nothing stored or damaged values', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings({ version: 1, theme: 'neon', fontSize: 'huge' })).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings({ version: 1, theme: 'dark', fontSize: 500 })).toEqual({ version: 1, theme: 'dark', fontSize: FONT_SIZE.max });
  });

  it('migrates the unversioned shape of early builds', () => {
    expect(migrateSettings({ theme: 'sepia', size: 'large' })).toEqual({ version: 1, theme: 'sepia', fontSize: 23 });
    expect(migrateSettings({ theme: 'dark' })).toEqual({ version: 1, theme: 'dark', fontSize: FONT_SIZE.default });
  });

  it('persists through storage.local and tells other readers', async () => {
    const area = browser.storage.local;
    expect(await loadSettings(area)).toEqual(DEFAULT_SETTINGS);
    const seen: string[] = [];
    const stop = watchSettings(browser.storage.onChanged, (s) => seen.push(s.theme));
    await saveSettings(area, { theme: 'dark' });
    await saveSettings(area, { fontSize: 21 });
    expect(await loadSettings(area)).toEqual({ version: 1, theme: 'dark', fontSize: 21 });
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
