import type { SiteRule } from './types';

/** bbc.com: facts (with sources) belong in shared/notes/id-news-sites.md. */
export const bbcindonesia: SiteRule = {
  id: 'bbcindonesia',
  name: 'bbc.com',
  hosts: ['bbc.com'],
  // Which paths are articles (so home and tag pages are never cleaned). TODO: the site's article URL shape.
  articleUrl: /^\/.+/,
  body: ['article'],
  remove: [],
  endBefore: [],
  timezone: '+07:00',
  metadata: {},
};
