import type { SiteRule } from './types';

/** kumparan.com: facts (with sources) belong in shared/notes/id-news-sites.md. */
export const kumparan: SiteRule = {
  id: 'kumparan',
  name: 'kumparan.com',
  hosts: ['kumparan.com'],
  // Which paths are articles (so home and tag pages are never cleaned). TODO: the site's article URL shape.
  articleUrl: /^\/.+/,
  body: ['article'],
  remove: [],
  endBefore: [],
  timezone: '+07:00',
  metadata: {},
};
