/**
 * The translation layer's public face for the reader UI and the bench. Segmenting and applying need the DOM
 * (content script / reader page); providers, queue, cache and translateArticle take plain data and may run in an
 * extension page or the background.
 */
export { segmentBlocks, toSegment, applyTranslation, markupFromText, orderForTranslation } from './segment';
export type { Block, AppliedTranslation } from './segment';
export { translateArticle } from './article';
export type { ArticleReport, Progress, TranslateArticleOptions } from './article';
export { createQueue } from './queue';
export type { Queue, QueueOptions } from './queue';
export { openTranslationCache, openIdbCache, createMemoryCache } from './cache';
export type { CacheKey, TranslationCache } from './cache';
export { TranslationError, errorFromHttp, errorFromThrown, parseRetryAfter } from './errors';
export type { TranslationErrorKind } from './errors';
export { createProvider, offeredProviders } from './providers/index';
export type { ProviderConfig, ProviderEnv } from './providers/index';
export { chromeTranslatorFrom } from './providers/chrome';
export { detectSourceLanguage, detectorFromI18n, detectorFromLanguageDetector } from './detect';
export type { Detector, SourceLanguage } from './detect';
export { normalizeLang } from './lang';
export { translateMessages, formatMessage, errorMessageKey } from './messages';
export type { TranslateMessageKey } from './messages';
export type * from './types';
