// Module resolution for dependency-cruiser (.dependency-cruiser.cjs): WXT's '@/' and '~/' aliases, which the
// tsconfig only has through `extends` (.wxt/tsconfig.json), where dependency-cruiser does not follow them.
/* eslint-disable @typescript-eslint/no-require-imports */
const path = require('node:path');
const root = path.resolve(__dirname, '..');
module.exports = { resolve: { alias: { '@': root, '~': root }, extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] } };
