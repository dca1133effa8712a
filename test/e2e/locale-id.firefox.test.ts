/**
 * Issue 13 for a new user, in Firefox ESR (headless, puppeteer-core over WebDriver BiDi; helpers/firefox.ts): the
 * Indonesian UI writes dates and language names in Indonesian (the Chromium side: locale-dates.chromium). Firefox's
 * UI language is its app locale, so the Indonesian UI is Firefox with its Indonesian language pack (Debian:
 * firefox-esr-l10n-id) and intl.locale.requested 'id'. Kompas's own line says "14/09/2023, 14:54 WIB".
 * The English UI's grammar, Translate and the library rows: new-user.firefox.test.ts. Screenshots:
 * test-results/firefox-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { TestServer } from './helpers/server';
import { hasLangpack, launchFirefox, waitForReader, type FirefoxWithExtension } from './helpers/firefox';
import { ARTIFACTS, bylineDate, clickInReader, firefoxTestServer, listenOutcome, poll, readerInnerText, spaces, type Ext } from './helpers/firefox-reader';

let server: TestServer;
const hasFirefox = firefoxTestServer('locale-id.firefox', (s) => (server = s));
const hasIndonesian = hasFirefox && hasLangpack('id');

if (hasFirefox && !hasIndonesian) console.warn('[locale-id.firefox] SKIPPED: Firefox\'s Indonesian language pack is missing (apt-get install firefox-esr-l10n-id)');

// --- 1. Indonesian dates and language names ---------------------------------------------------------------------

describe.skipIf(!hasIndonesian)(
  `the Indonesian UI writes dates and language names in Indonesian (Firefox ESR, locale id)${hasIndonesian ? '' : ' (skipped: no Firefox or no firefox-esr-l10n-id language pack)'}`,
  () => {
    let fx: FirefoxWithExtension;
    let page: Page;

    beforeAll(async () => {
      fx = await launchFirefox({ locale: 'id' });
    });
    afterAll(async () => {
      await fx?.close();
    });

    it('the byline shows the time as the page stated it: "14 September 2023, 14.54 WIB"', async () => {
      // The language pack is in use: the extension's pages see Indonesian as the browser's language.
      const ui = await (await fx.home()).evaluate(() => {
        const ext = (globalThis as unknown as Ext).browser;
        return { lang: ext.i18n.getUILanguage(), messages: ext.i18n.getMessage('uiLocale') };
      });
      expect(ui.lang).toBe('id');
      expect(ui.messages).toMatch(/^id\b/);

      // Kompas under its real host name: auto-clean opens the reader by itself.
      page = await fx.newPage();
      await page.goto(server.siteUrl('kompas/seed-putin-kim'), { waitUntil: 'load' });
      await waitForReader(page, true, 30_000);
      const date = await bylineDate(page);
      expect(spaces(date.text)).toBe('14 September 2023, 14.54 WIB');
      expect(date.datetime).toBe('2023-09-14T14:54:00+07:00');
      // The reading time beside it is Indonesian too: the date is not the odd one out.
      expect(spaces(await readerInnerText(page))).toMatch(/14 September 2023, 14\.54 WIB[^\n]*menit baca/);
      await page.screenshot({ path: join(ARTIFACTS, 'firefox-reader-id-date.png'), clip: { x: 0, y: 0, width: 1280, height: 520 } });
    });

    it('the voice message names the language in Indonesian: "suara bahasa Indonesia" (when this machine has no Indonesian voice)', async (ctx) => {
      const outcome = await listenOutcome(page);
      if ('reading' in outcome) {
        await clickInReader(page, '[data-action="listen-stop"]');
        return ctx.skip('this machine has an Indonesian voice, so there is no message to check (Firefox\'s speech engine cannot be stubbed for the reader)');
      }
      expect(outcome.noVoice).toContain('suara bahasa Indonesia');
      expect(outcome.noVoice).not.toMatch(/Indonesian|English/);
      await page.screenshot({ path: join(ARTIFACTS, 'firefox-locale-id-no-voice.png') });
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.body.shadowRoot!.querySelector('[data-no-voice]'), poll);
    });

    it('the translate bar names the languages in Indonesian: "Indonesia", "Inggris"', async () => {
      await clickInReader(page, '[data-action="translate"]');
      // The source is detected a moment after the bar opens.
      await page.waitForFunction(() => !!(document.body.shadowRoot!.querySelector('.translate-bar select[data-translate="source"]') as HTMLSelectElement | null)?.value, poll);
      const bar = await page.evaluate(() => {
        const root = document.body.shadowRoot!;
        const select = (which: string) => root.querySelector(`select[data-translate="${which}"]`) as HTMLSelectElement;
        const names = (s: HTMLSelectElement) => Object.fromEntries(Array.from(s.options).map((o) => [o.value, o.textContent ?? '']));
        return {
          source: select('source').selectedOptions[0]?.textContent ?? '',
          sourceNames: names(select('source')),
          targetNames: names(select('target')),
          text: (root.querySelector('.translate-bar') as HTMLElement).innerText,
        };
      });
      expect(bar.source).toBe('Indonesia');
      expect(bar.targetNames.en).toBe('Inggris');
      expect(bar.targetNames.id).toBe('Indonesia');
      expect(bar.sourceNames.en).toBe('Inggris');
      const allNames = [...Object.values(bar.sourceNames), ...Object.values(bar.targetNames)].join(' | ');
      expect(allNames).not.toMatch(/\b(Indonesian|English|Spanish|Malay)\b/);
      expect(bar.text).not.toMatch(/\b(Indonesian|English)\b/);
      // Firefox says the UI is 'id' here (Chromium with --lang=id says 'en-US'): the first target is still English,
      // never the article's own language (utils/reader/translate.ts defaultTarget).
      await page.waitForFunction(() => (document.body.shadowRoot!.querySelector('select[data-translate="target"]') as HTMLSelectElement).value === 'en', poll);
      expect(await page.evaluate(() => (document.body.shadowRoot!.querySelector('select[data-translate="target"]') as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Inggris');
      await page.screenshot({ path: join(ARTIFACTS, 'firefox-locale-id-translate.png'), clip: { x: 0, y: 0, width: 1280, height: 360 } });
    });

    it('the saved copy and the library row show the same date, in Indonesian', async () => {
      await clickInReader(page, '[data-action="save"]');
      await page.waitForFunction(() => document.body.shadowRoot!.querySelector('[data-action="save"]')?.getAttribute('aria-pressed') === 'true', poll);

      const library = await fx.extensionPage('/library.html?view=tab');
      const row = await library.waitForFunction(() => {
        const r = document.querySelector('.row');
        return r ? { id: r.getAttribute('data-id'), meta: (r.querySelector('.meta') as HTMLElement).innerText } : null;
      }, poll);
      const { id, meta } = (await row.jsonValue()) as { id: string; meta: string };
      expect(spaces(meta)).toContain('14 Sep 2023');
      await library.screenshot({ path: join(ARTIFACTS, 'firefox-locale-id-library.png'), clip: { x: 0, y: 0, width: 1280, height: 400 } });

      const saved = await fx.extensionPage(`/saved.html?id=${encodeURIComponent(id)}`);
      await waitForReader(saved, true, 30_000);
      const date = await bylineDate(saved);
      expect(spaces(date.text)).toBe('14 September 2023, 14.54 WIB');
      expect(date.datetime).toBe('2023-09-14T14:54:00+07:00');
      await saved.screenshot({ path: join(ARTIFACTS, 'firefox-locale-id-saved.png'), clip: { x: 0, y: 0, width: 1280, height: 520 } });
      await Promise.all([library.close(), saved.close(), page.close()]);
    });
  },
);

// --- 1 (English), 2. Translate out of the box, 3. library rows: one English Firefox, the e2e build -----------------
