import type { SiteRule } from './types';

/** tempo.co: facts (with sources) belong in shared/notes/id-news-sites.md. */
export const tempo: SiteRule = {
  id: 'tempo',
  name: 'tempo.co',
  hosts: ['tempo.co'],
  // Which paths are articles (so home and tag pages are never cleaned). TODO: the site's article URL shape.
  articleUrl: /^\/.+/,
  body: ['article'],
  remove: [],
  endBefore: [],
  timezone: '+07:00',
  metadata: {},
};
