import type { SiteRule } from './types';

/** republika.co.id: facts (with sources) belong in shared/notes/id-news-sites.md. */
export const republika: SiteRule = {
  id: 'republika',
  name: 'republika.co.id',
  hosts: ['republika.co.id'],
  // Which paths are articles (so home and tag pages are never cleaned). TODO: the site's article URL shape.
  articleUrl: /^\/.+/,
  body: ['article'],
  remove: [],
  endBefore: [],
  timezone: '+07:00',
  metadata: {},
};
