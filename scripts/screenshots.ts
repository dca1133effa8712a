/**
 * `npm run screenshots`: PNGs of the built extension for the README, written to docs/screenshots/: the reader in
 * every theme at desktop (1280) and phone (390) widths, the appearance panel, the contents menu on a phone, and
 * the options page. Headless Debian Chromium, the real toolbar button, an Indonesian article served from this
 * machine (test/e2e/helpers/reader-pages.ts). `--no-build` reuses .output/chrome-mv3.
 *
 * `npm run screenshots -- --store`: the store images instead, in English and Indonesian (docs/store/<lang>/):
 * screenshots of exactly 1280x800 and the 440x280 promo tile, each checked (scripts/lib/screenshot-store.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_RULES } from '../utils/extract/sites';
import { THEMES, type Theme } from '../utils/settings';
import { buildUnlessReused, DESKTOP, readerShowsTheme, ROOT, shot, startSession } from './lib/screenshot-session';
import { writeStoreImages } from './lib/screenshot-store';

const PHONE = { width: 390, height: 844 } as const;
const SIZES = { desktop: DESKTOP, phone: PHONE } as const;

buildUnlessReused();
const written = process.argv.includes('--store') ? await writeStoreImages() : await writeReadmeImages();
console.log(`${written.length} pictures:\n${written.map((p) => `  ${p.slice(ROOT.length + 1)}`).join('\n')}`);

async function writeReadmeImages(): Promise<string[]> {
  const out = join(ROOT, 'docs', 'screenshots');
  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  const take = async (page: Parameters<typeof shot>[0], name: string, fullPage = false) => {
    const path = join(out, `${name}.png`);
    await shot(page, path, { fullPage });
    written.push(path);
  };
  // The supported sites' auto-clean off: only the toolbar button opens the reader in these pictures.
  const session = await startSession({ base: { autoCleanOff: SITE_RULES.map((r) => r.id) } });
  try {
    await session.settings();
    const page = await session.openReader();
    for (const theme of THEMES as readonly Theme[]) {
      // Auto follows the system: shown under a dark system preference (light looks like the light theme).
      await page.emulateMedia({ colorScheme: theme === 'auto' ? 'dark' : 'light' });
      await session.settings({ theme });
      await readerShowsTheme(page, theme);
      for (const [size, viewport] of Object.entries(SIZES)) {
        await page.setViewportSize(viewport);
        await take(page, `reader-${theme}-${size}`);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await session.settings({ theme: 'sepia' });
    await readerShowsTheme(page, 'sepia');
    await page.setViewportSize(DESKTOP);
    await page.locator('[data-panel-toggle="appearance"]').click();
    await take(page, 'reader-appearance-panel');
    await page.keyboard.press('Escape');
    await page.setViewportSize(PHONE);
    await page.keyboard.press('c');
    await page.waitForSelector('.toc.open');
    await take(page, 'reader-contents-phone');
    await page.keyboard.press('Escape');
    await session.settings();
    await page.close();

    const options = await session.browser.context.newPage();
    await options.setViewportSize({ width: 1000, height: 800 });
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
    await options.waitForSelector('h1');
    await take(options, 'options', true);
    await options.close();
  } finally {
    await session.close();
  }
  return written;
}
