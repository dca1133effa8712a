/**
 * Export and import for the library page, loaded when first used: zip, EPUB, Markdown and the sanitizer are not
 * needed to paint the list (the popup opens faster without them).
 */
export { exportEpub, exportFileName, exportJson, exportMarkdownZip } from '../library/export';
export { applyImport, assertImportSize, importFile, prepareImport } from '../library/import';
