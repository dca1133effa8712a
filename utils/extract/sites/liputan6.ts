import type { SiteRule } from './types';

/** liputan6.com: facts (with sources) belong in shared/notes/id-news-sites.md. */
export const liputan6: SiteRule = {
  id: 'liputan6',
  name: 'liputan6.com',
  hosts: ['liputan6.com'],
  // Which paths are articles (so home and tag pages are never cleaned). TODO: the site's article URL shape.
  articleUrl: /^\/.+/,
  body: ['article'],
  remove: [],
  endBefore: [],
  timezone: '+07:00',
  metadata: {},
};
