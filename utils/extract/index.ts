/** The extraction engine's public face: one page (extractArticle) or the whole multi-page article (readArticle). */
export { extractArticle, explainExtraction, type Trace } from './extract';
export { readArticle, planPages, isSameArticlePage, MAX_PAGES, type ReadOptions, type PagePlan } from './pages';
export { findRule, SITE_RULES } from './sites';
export type { Article, ExtractOptions, LeadImage, PagesInfo } from './types';
export { looksLikeArticle } from './detect';
