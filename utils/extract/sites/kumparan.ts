import type { SiteAddress, SiteRule } from './types';

/** The site and which of its pages are articles: all that auto-clean needs to decide (sites/addresses.ts). */
export const kumparanAddress: SiteAddress = {
  id: 'kumparan',
  name: 'kumparan',
  hosts: ['kumparan.com'],
  // /{account}/{slug}-{shortId}: the account is a newsroom (kumparannews) or a person; shortId is 11 characters
  // starting with two digits (S1). 2019 links had an "@" before the account (S11). /channel/…, /topic/… and
  // bare account pages never end in a shortId.
  articleUrl: /^\/@?[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?\/[a-z0-9-]+-\d{2}[a-z0-9]{9}\/?(?:[?#].*)?$/i,
};

/**
 * kumparan.com: facts in shared/notes/id-news-sites.md §10 and §0.3 (one source, S1, live 2026-07-24).
 *
 * A single-document SPA with stable `data-qa-id` test hooks and hashed class names: the story text is the run of
 * `p[data-qa-id="story-paragraph"]`, with inline ad <aside>s and image figures as siblings. Metadata is
 * JSON-LD first (NewsArticle: headline, image, UTC datePublished, author = the person who wrote it), which the
 * engine reads generically; the DOM `author-name` is the publishing account ("kumparanNEWS"), not a byline.
 * No pagination. The `og:description` hashtag tail ("#newsupdate #news …") is skipped: meta description wins.
 */
export const kumparan: SiteRule = {
  ...kumparanAddress,
  // What the article URL test must say yes and no to (test/unit/site-examples.test.ts): home, section, tag,
  // search and index pages are not articles.
  examples: {
    articles: [
      'https://kumparan.com/dimas-prakoso1/menjaga-tradisi-perahu-naga-di-tepian-sungai-kapuas-22hT5uWq9Rb',
      'https://kumparan.com/kumparannews/foto-pelepasan-jemaah-haji-kloter-pertama-di-embarkasi-solo-22cRt8PqLmZ',
    ],
    notArticles: [
      'https://kumparan.com/',
      'https://kumparan.com/channel/news',
      'https://kumparan.com/topic/banjir',
      'https://kumparan.com/search/banjir',
      'https://kumparan.com/kumparannews',
    ],
  },
  body: [
    // The element holding the story paragraphs as its own children (whatever its hashed class).
    ':has(> p[data-qa-id="story-paragraph"] ~ p[data-qa-id="story-paragraph"])',
    'article:has(p[data-qa-id="story-paragraph"])',
  ],
  remove: [
    'aside', '[id*="-ads"]', '[data-qa-id*="billboard"]',
    // Only reached when the body is the whole <article> (fallback selector).
    'header', '[data-qa-id="story-author"]', '[data-qa-id="story-title"]', '[data-qa-id="author-name"]',
    '[data-qa-id="publish-date"]', '[data-qa-id="reading-time"]', '[data-qa-id="story-footer"]', '[data-qa-id="tag-topic"]',
  ],
  timezone: '+07:00',
  titleStrip: [/\s+\|\s+kumparan(?:\.com)?$/i],
  metadata: {
    title: ['h1[data-qa-id="story-title"]'],
  },
};
