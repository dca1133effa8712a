/** The saved-articles library: what the popup, the reader page and the background import. */
export * from './types';
export { canonicalUrl, displayHost } from './canonical';
export { Library, openLibrary, type LibraryEnv } from './library';
export { applyOfflineImages, imageUrlsOf, objectUrls, rewriteImageSrc, type FetchImage } from './images';
export { exportEpub, exportFileName, exportJson, exportMarkdownZip, EXPORT_FORMAT, EXPORT_VERSION, type JernihExport } from './export';
export { importFile, parseImport, type ImportFormat, type ImportReport } from './import';
export { DB_NAME, DB_VERSION } from './schema';
