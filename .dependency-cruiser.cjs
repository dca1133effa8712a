/**
 * Layers checked by tooling (issue 16), beside the zones eslint.config.js keeps: run by `npm run lint`.
 * - No import cycles anywhere in the extension's code, type-only imports included (a cycle of types is still two
 *   modules that cannot be understood apart).
 * - Components (props in, events out) never reach the browser's extension API, not even through a utils module.
 * - The extraction engine (utils/extract) reaches neither the browser API, nor the UI, nor the reader.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'Import cycles make two modules that cannot be read, tested or loaded apart.',
      from: { path: '^(entrypoints|components|utils)/' },
      to: { circular: true },
    },
    {
      name: 'components-no-browser-api',
      severity: 'error',
      comment: 'Components take props and emit events; the glue (entrypoints, utils/*/boot, pages) talks to the browser.',
      from: { path: '^components/' },
      to: { path: '(^|/)node_modules/(wxt/|@wxt-dev/browser|webextension-polyfill)', reachable: true },
    },
    {
      name: 'engine-is-pure',
      severity: 'error',
      comment: 'The engine runs in Node tests and in any page: no browser API, no UI, no reader.',
      from: { path: '^utils/extract/' },
      to: { path: ['(^|/)node_modules/(wxt/|@wxt-dev/browser|webextension-polyfill|preact)', '^components/', '^utils/reader/'], reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.output|\\.wxt|test-results|docs)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // The '@/' alias (WXT's, in .wxt/tsconfig.json): given here too, as the tsconfig's is not followed through `extends`.
    webpackConfig: { fileName: 'scripts/depcruise-resolve.cjs' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
