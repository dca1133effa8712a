/**
 * Issue #14 (B): every match pattern the build declares from the site rules is a valid one. A rule host with
 * "www." once gave `*://*.www.idntimes.com/*` (only sub-subdomains of www., never the site itself).
 */
import { describe, expect, it } from 'vitest';
import { pictureHostPatterns, sitePatterns, userSitePatterns } from '@/utils/extract/site-patterns';
import { findRule, SITE_RULES } from '@/utils/extract/sites';
import { translationOrigins } from '@/utils/settings';

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DOMAIN = `${LABEL}(?:\\.${LABEL})+`;
/** scheme://host/path, host `*`, `*.domain` or a domain with no further wildcard (the WebExtensions grammar). */
const VALID = new RegExp(`^(\\*|https?)://(\\*|\\*\\.${DOMAIN}|${DOMAIN})/.*$`);

const problems = (patterns: readonly string[]): string[] => patterns.filter((p) => !VALID.test(p) || p.includes('*.www.'));

describe('match patterns (issue #14)', () => {
  it('every pattern generated from the site rules is a valid match pattern, with no `*.www.`', () => {
    const patterns = sitePatterns(SITE_RULES);
    expect(patterns.length).toBeGreaterThan(SITE_RULES.length);
    expect(problems(patterns)).toEqual([]);
    for (const rule of SITE_RULES) expect(problems(sitePatterns([rule])), rule.id).toEqual([]);
    // Issue 13: the supported sites' picture hosts join the install-time host permissions.
    expect(problems(pictureHostPatterns(SITE_RULES))).toEqual([]);
  });

  it('the grammar check catches what it should', () => {
    expect(problems(['*://*.www.idntimes.com/*', '*://www.*.com/*', '*://idntimes.com', 'ftp://x.com/*', '*://*.idntimes.com/*', '*://www.idntimes.com/*']))
      .toEqual(['*://*.www.idntimes.com/*', '*://www.*.com/*', '*://idntimes.com', 'ftp://x.com/*']);
  });

  it('IDN Times: its patterns cover www.idntimes.com, which the rule serves, and the rule still finds its articles', () => {
    const idn = SITE_RULES.find((r) => r.id === 'idntimes')!;
    const patterns = sitePatterns([idn]);
    expect(patterns.some((p) => p === '*://www.idntimes.com/*' || p === '*://*.idntimes.com/*')).toBe(true);
    expect(findRule('https://www.idntimes.com/news/indonesia/sari-wulandari/contoh-berita-abcde-f12345')?.id).toBe('idntimes');
  });

  it('patterns for user-added sites and translation servers are valid too', () => {
    expect(problems(userSitePatterns('tribunjateng.com'))).toEqual([]);
    expect(problems(translationOrigins({ id: 'libretranslate', url: 'https://lt.example.org:5000/api' }))).toEqual([]);
    expect(problems(translationOrigins({ id: 'deepl' }))).toEqual([]);
  });
});
