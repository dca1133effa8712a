// Layers enforced by lint, not by hope (docs/ARCHITECTURE.md): the pure engine touches no browser globals, components
// touch no browser APIs, one module imports Readability, one module turns strings into DOM.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const stringToDom = [
  { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Only utils/sanitize.ts turns strings into DOM (use toFragment).' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Only utils/sanitize.ts turns strings into DOM (use toFragment).' },
  { selector: "NewExpression[callee.name='DOMParser']", message: 'Only utils/sanitize.ts turns strings into DOM (use toFragment).' },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Only utils/sanitize.ts turns strings into DOM (use ArticleBody / toFragment).' },
];

// Issue 16: only the glue (entrypoints/, utils/background/) drives tabs, scripts, permissions and windows.
const tabsAndPermissions = [
  {
    selector: "MemberExpression[object.name='browser'][property.name=/^(tabs|scripting|permissions|windows)$/]",
    message: 'Only entrypoints/ and utils/background/ call the tabs, scripting, permissions and windows APIs (pass a function in).',
  },
];
// Issue 16: the stores own storage and IndexedDB: settings (utils/settings.ts), the library (utils/library/), the
// translation key (utils/secrets.ts) and cache (utils/translate/cache.ts). Others get an area or a factory passed in;
// utils/reader/boot.ts is the in-page reader's glue (an entrypoint's part) and passes storage.local on.
const storage = [
  { selector: "MemberExpression[object.name='browser'][property.name='storage']", message: 'Storage belongs to utils/settings.ts and utils/library/: take the area as an argument.' },
  { selector: "MemberExpression[property.name='indexedDB'], Identifier[name='indexedDB']:not(Property > Identifier.key, MemberExpression > Identifier.property, TSPropertySignature > Identifier)", message: 'IndexedDB belongs to the stores (utils/library/, utils/secrets.ts, utils/translate/cache.ts): take a factory as an argument.' },
];
const STORES = ['utils/settings.ts', 'utils/library/**', 'utils/secrets.ts', 'utils/translate/cache.ts', 'utils/reader/boot.ts'];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'docs/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
      // TypeScript already knows which globals exist (DOM, Node, WebExtension types).
      'no-undef': 'off',
    },
  },
  {
    files: ['entrypoints/**', 'components/**', 'utils/**'],
    rules: {
      'no-restricted-syntax': ['error', ...stringToDom],
      'no-restricted-imports': ['error', {
        paths: [
          { name: '@mozilla/readability', message: 'Only utils/extract/readability.ts imports Readability.' },
          { name: 'dompurify', message: 'Only utils/sanitize.ts imports DOMPurify.' },
          { name: 'webextension-polyfill', message: "Import { browser } from 'wxt/browser' (it is the polyfill in builds, fakeBrowser in tests)." },
        ],
      }],
    },
  },
  {
    files: ['utils/extract/**'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'location', 'navigator', 'browser', 'chrome', 'localStorage', 'fetch'],
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'wxt/browser', message: 'The extraction engine is pure: no browser APIs.' },
          { name: 'preact', message: 'The extraction engine is pure: no UI.' },
          { name: 'dompurify', message: 'Only utils/sanitize.ts imports DOMPurify.' },
        ],
        patterns: [{ group: ['@/components/*', '../../components/*'], message: 'The extraction engine is pure: no UI.' }],
      }],
    },
  },
  {
    files: ['utils/**', 'components/**'],
    ignores: ['utils/background/**', 'utils/sanitize.ts'],
    rules: { 'no-restricted-syntax': ['error', ...stringToDom, ...tabsAndPermissions, ...storage] },
  },
  { files: STORES, rules: { 'no-restricted-syntax': ['error', ...stringToDom, ...tabsAndPermissions] } },
  { files: ['utils/background/**'], rules: { 'no-restricted-syntax': ['error', ...stringToDom, ...storage] } },
  { files: ['utils/extract/readability.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['utils/sanitize.ts'], rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' } },
  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'wxt/browser', message: 'Components take props and emit events: no browser APIs (docs/ARCHITECTURE.md).' }],
      }],
      'no-restricted-globals': ['error', 'browser', 'chrome'],
    },
  },
);
