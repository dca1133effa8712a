/**
 * The saved-articles library: what the popup, the reader page and the background import.
 *
 * Wiring, in short (the environment is always passed in):
 *   const lib = await openLibrary({ indexedDB, IDBKeyRange, fetchImage, storeImages: settings.saveImages });
 *   await lib.save(article, { tags })                  // upsert by canonical URL; images fetched first, then one transaction
 *   await lib.list({ limit: 50, after, unread, tag })  // summaries only; `next` is the cursor of the next page
 *   lib.searchReady().catch(report)                    // popup: start loading the body index once the list is painted
 *   await lib.search(q, { waitForBodies: false })      // per keystroke; search again when `complete` is false and searchReady() resolves
 *   await lib.markRead(id) / addTag / removeTag / setPosition(id, { progress, block }) / delete(id) -> { undo } / purge()
 *   reader page offline: toFragment(body) then applyOfflineImages(fragment, objectUrls(await lib.images(id), URL).urls, url)
 *   exportJson / exportMarkdownZip / exportEpub (lib, { ids?, doc })
 *   import: prepareImport(lib, bytes, { doc }) -> { plan } (nothing written; show the plan and ask), then
 *           applyImport(lib, prepared) -> { added, updated, replaced, skipped } (refused if the library changed)
 * Errors are LibraryError with a `code` (LibraryQuotaError: 'quota', LibraryImportError: 'import-invalid') and a
 * message meant for people.
 */
export * from './types';
export { canonicalUrl, displayHost } from './canonical';
export { Library, openLibrary, type LibraryEnv } from './library';
export { applyOfflineImages, imageUrlsOf, objectUrls, rewriteImageSrc, type FetchImage } from './images';
export { exportEpub, exportFileName, exportJson, exportMarkdownZip, EXPORT_FORMAT, EXPORT_VERSION, type JernihExport } from './export';
export { applyImport, importFile, parseImport, prepareImport, IMPORT_LIMITS, type ImportFormat, type ImportReport, type PreparedImport } from './import';
export { DB_NAME, DB_VERSION } from './schema';
