import type { SiteRule } from './types';

/** cnbcindonesia.com: facts (with sources) belong in shared/notes/id-news-sites.md. */
export const cnbc: SiteRule = {
  id: 'cnbc',
  name: 'cnbcindonesia.com',
  hosts: ['cnbcindonesia.com'],
  // Which paths are articles (so home and tag pages are never cleaned). TODO: the site's article URL shape.
  articleUrl: /^\/.+/,
  body: ['article'],
  remove: [],
  endBefore: [],
  timezone: '+07:00',
  metadata: {},
};
