import type { SiteRule } from './types';

/** merdeka.com: facts (with sources) belong in shared/notes/id-news-sites.md. */
export const merdeka: SiteRule = {
  id: 'merdeka',
  name: 'merdeka.com',
  hosts: ['merdeka.com'],
  // Which paths are articles (so home and tag pages are never cleaned). TODO: the site's article URL shape.
  articleUrl: /^\/.+/,
  body: ['article'],
  remove: [],
  endBefore: [],
  timezone: '+07:00',
  metadata: {},
};
