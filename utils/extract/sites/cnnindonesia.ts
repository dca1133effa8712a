import type { SiteRule } from './types';

/** cnnindonesia.com: facts (with sources) belong in shared/notes/id-news-sites.md. */
export const cnnindonesia: SiteRule = {
  id: 'cnnindonesia',
  name: 'cnnindonesia.com',
  hosts: ['cnnindonesia.com'],
  // Which paths are articles (so home and tag pages are never cleaned). TODO: the site's article URL shape.
  articleUrl: /^\/.+/,
  body: ['article'],
  remove: [],
  endBefore: [],
  timezone: '+07:00',
  metadata: {},
};
