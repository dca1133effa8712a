import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { E2E_ALL_SITES, E2E_HOST_PATTERNS, E2E_USER_SITE_PATTERNS } from './test/e2e/extension/e2e-hosts';
import { allFontFiles, FONT_DIR } from './utils/reader/fonts';
import { SITE_RULES } from './utils/extract/sites';
import { pictureHostPatterns, sitePatterns } from './utils/extract/site-patterns';

// Firefox needs a stable add-on id (storage, tests with a fixed moz-extension UUID).
export const GECKO_ID = 'jernih@jernih.app';

/**
 * TEST-ONLY build: `wxt build -b firefox --mode e2e` writes .output/firefox-mv2-e2e (WXT's default out dir for a
 * mode). Firefox has no way for a test to press the toolbar button, and activeTab needs that gesture, so this
 * build alone adds host permissions for the test hosts and a content script (it lives in test/, not in
 * entrypoints/) that lets a page event ask the background for the same toggle a click makes. Normal builds
 * never see either; test/e2e/lint.test.ts checks that their bundles hold no trace of it.
 */
const E2E_MODE = 'e2e';
const E2E_TOGGLE_ENTRYPOINT = {
  name: 'e2e-toggle',
  inputPath: resolve(import.meta.dirname, 'test/e2e/extension/e2e-toggle.content.ts'),
  type: 'content-script' as const,
};

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser, mode, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Fewest permissions: activeTab gives access to the current tab only after the user asks (toolbar, shortcut,
    // context menu). Install-time host access is limited to the supported news sites, through the auto-clean
    // content script's matches. Any other site is asked for when the user adds it, or for "detect everywhere".
    // unlimitedStorage: saved articles (with their pictures) live in IndexedDB, and a library of thousands must not
    // hit the default quota or be evicted under storage pressure.
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus', 'unlimitedStorage'],
    ...(manifestVersion === 2 ? { optional_permissions: ['*://*/*'] } : { optional_host_permissions: ['*://*/*'] }),
    // The supported sites themselves (the auto-clean script's matches, so no wider than what installing already
    // grants): the background injects the reader there when a page is an article (issue 15), which needs explicit
    // host access in Chrome, not only a content script's match. Issue 13: the supported sites' picture hosts on other
    // sites (their CDNs, one exact host each), so their saved articles keep their pictures with no prompt. e2e build
    // only: the test server (127.0.0.1, any port) and the fixtures' mapped hosts, so injecting the reader there needs
    // no gesture.
    host_permissions: [
      ...sitePatterns(SITE_RULES),
      ...pictureHostPatterns(SITE_RULES),
      ...(mode === E2E_MODE ? [...E2E_HOST_PATTERNS, ...E2E_USER_SITE_PATTERNS, ...E2E_ALL_SITES] : []),
    ],
    // The reader's bundled fonts (utils/reader/fonts.ts), loaded into the page with FontFace: in Chrome the page
    // fetches them. Only the font files; Chrome gives them a per-session URL (use_dynamic_url), so pages cannot
    // probe for the extension through them. Firefox (MV2) gets none: its moz-extension:// URLs carry a per-install
    // id (issue #14), so the reader fetches the files itself and gives the page only their bytes; nothing of the
    // extension is reachable from a page there.
    ...(manifestVersion === 2
      ? {}
      : {
          web_accessible_resources: [
            { resources: [`${FONT_DIR}/*.woff2`], matches: ['<all_urls>'], use_dynamic_url: true },
            // Issue 13: the pictures question, shown in place in the reader as a frame (permissions.request needs an
            // extension page and a click). Per-session URL too; it reads what to ask from the library, not its URL.
            { resources: ['picture-ask.html'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
          ],
        }),
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 96: 'icons/96.png', 128: 'icons/128.png' },
    action: { default_title: '__MSG_actionTitle__', default_icon: { 16: 'icons/16.png', 32: 'icons/32.png' } },
    commands: {
      'toggle-reader': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_commandToggle__',
      },
      'open-library': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_commandLibrary__',
      },
    },
    ...(browser === 'firefox'
      ? {
          // Desktop and Firefox for Android (issue 15). The floor is the data_collection_permissions key: Firefox 140
          // on desktop (the ESR of 2025) and 142 on Android (Extension Workshop, "Firefox built-in consent for data
          // collection and transmission"; @mdn/browser-compat-data, which web-ext lint checks the minimums against).
          // Everything else the extension uses is older on both (popover 125, :has() 121, scripting 102).
          browser_specific_settings: {
            gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // The font files come straight from the pinned @fontsource packages (nothing copied into the repo).
    'build:publicAssets': (_wxt, files) => {
      for (const { pkg, file } of allFontFiles()) {
        files.push({ absoluteSrc: resolve(import.meta.dirname, 'node_modules', pkg, 'files', file), relativeDest: `${FONT_DIR}/${file}` });
      }
    },
    'entrypoints:found': (wxt, infos) => {
      if (wxt.config.mode === E2E_MODE) infos.push(E2E_TOGGLE_ENTRYPOINT);
    },
  },
  vite: () => ({ plugins: [preact()] }),
  // `npm run zip`: the sources archive the Firefox add-on review asks for (wxt zip -b firefox). A list of what the
  // build reads and nothing else (no tests, tooling, docs or screenshots); SOURCES.md inside says how to rebuild,
  // and `npm run verify-sources` rebuilds from it and compares the result with the Firefox package byte for byte.
  zip: {
    excludeSources: ['**'],
    includeSources: [
      'SOURCES.md',
      'LICENSE',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'entrypoints/**',
      'components/**',
      'utils/**',
      'public/**',
      // Imported by this file (the test build's host permissions; a release build uses none of it).
      'test/e2e/extension/e2e-hosts.ts',
    ],
  },
});
