/**
 * Issue 13: a saved article keeps its pictures. The supported sites declare the hosts their pictures come from
 * (SiteRule.pictureHosts), and those hosts alone join the install-time host permissions; elsewhere the save asks
 * for exactly the hosts its pictures need.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/utils/extract';
import { SITE_RULES } from '@/utils/extract/sites';
import { pictureHostPatterns, sitePatterns } from '@/utils/extract/site-patterns';
import { imageUrlsOf } from '@/utils/library/images';
import { hostsToAsk, mayFetchPicture, pictureHostPattern, picturesByHost, unkeptPictures } from '@/utils/background/pictures';
import { listFixtures } from '../helpers/fixtures';

const under = (host: string, ruleHost: string) => host === ruleHost || host.endsWith(`.${ruleHost}`);

/** The picture hosts a save of each supported site's fixture pages needs, outside the rule's own hosts. */
function offSitePictureHosts(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const f of listFixtures()) {
    const rule = SITE_RULES.find((r) => r.id === f.group);
    if (!rule || f.expected.article === false) continue;
    const article = extractArticle(new DOMParser().parseFromString(f.html, 'text/html'), { url: f.expected.url });
    if (!article) continue;
    const hosts = out.get(rule.id) ?? new Set<string>();
    for (const url of imageUrlsOf(article)) {
      const host = new URL(url).hostname;
      if (!rule.hosts.some((h) => under(host, h))) hosts.add(host);
    }
    out.set(rule.id, hosts);
  }
  return out;
}

describe('the supported sites\' picture hosts (site data)', () => {
  const seen = offSitePictureHosts();

  it('every picture a supported site\'s fixture article shows is on the rule\'s hosts or a declared picture host', () => {
    for (const rule of SITE_RULES) {
      const undeclared = [...(seen.get(rule.id) ?? [])].filter((h) => !(rule.pictureHosts ?? []).includes(h));
      expect(undeclared, `${rule.id}: picture hosts missing from pictureHosts`).toEqual([]);
    }
  });

  it('the list is exact and small: each declared host is seen in the site\'s fixtures and lies outside its own hosts', () => {
    for (const rule of SITE_RULES) {
      for (const host of rule.pictureHosts ?? []) {
        expect(host, rule.id).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
        expect(rule.hosts.some((h) => under(host, h)), `${rule.id}: ${host} is already one of its hosts`).toBe(false);
        expect(seen.get(rule.id)?.has(host), `${rule.id}: ${host} is in no fixture`).toBe(true);
      }
    }
  });

  it('the install-time patterns are one exact host each, none already covered by the auto-clean patterns', () => {
    const patterns = pictureHostPatterns(SITE_RULES);
    expect(patterns.length).toBeGreaterThan(0);
    expect(patterns.length).toBeLessThanOrEqual(12);
    for (const p of patterns) expect(p).toMatch(/^\*:\/\/[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
    expect(patterns.filter((p) => sitePatterns(SITE_RULES).includes(p))).toEqual([]);
    expect(patterns).toContain('*://akcdn.detik.net.id/*');
  });
});

describe('which hosts a save needs', () => {
  const page = 'https://www.kabarkota.example.id/berita/1';
  const urls = [
    'https://www.kabarkota.example.id/foto/a.jpg',
    'https://images.example-cdn.com/1.jpg',
    'https://images.example-cdn.com/2.jpg',
    'http://foto.example-media.net/3.png',
    'http://192.168.1.1/admin.png',
    'https://user:pw@images.example-cdn.com/4.jpg',
  ];

  it('groups pictures by host, in the article\'s order, with the pattern each needs', () => {
    expect(picturesByHost(urls.slice(0, 4))).toEqual([
      { host: 'www.kabarkota.example.id', pattern: '*://www.kabarkota.example.id/*', count: 1 },
      { host: 'images.example-cdn.com', pattern: '*://images.example-cdn.com/*', count: 2 },
      { host: 'foto.example-media.net', pattern: '*://foto.example-media.net/*', count: 1 },
    ]);
    expect(pictureHostPattern('Images.Example-CDN.com')).toBe('*://images.example-cdn.com/*');
  });

  it('the unkept pictures are the wanted ones without a stored copy', () => {
    expect(unkeptPictures(urls.slice(0, 3), [urls[1]])).toEqual([urls[0], urls[2]]);
  });

  it('asks only for hosts not granted; never for a private address of a public article, nor for the page\'s own origin it can reach', async () => {
    const granted = async (p: string) => p === '*://foto.example-media.net/*';
    expect((await hostsToAsk(urls, page, granted, { pageOriginReachable: true })).map((h) => [h.host, h.count])).toEqual([['images.example-cdn.com', 2]]);
    // The saved copy has no activeTab: the article's own site is asked for too.
    expect((await hostsToAsk(urls, page, granted)).map((h) => h.host)).toEqual(['www.kabarkota.example.id', 'images.example-cdn.com']);
    // An intranet article may keep pictures of its own network.
    expect((await hostsToAsk(['http://192.168.1.1/a.png'], 'http://10.0.0.5/wiki', granted)).map((h) => h.host)).toEqual(['192.168.1.1']);
    // A permission check that fails counts as not granted.
    expect((await hostsToAsk([urls[1]], page, () => Promise.reject(new Error('x')))).map((h) => h.host)).toEqual(['images.example-cdn.com']);
  });

  it('the guard accepts a granted picture host by that same pattern', async () => {
    const granted = async (p: string) => p === 'https://images.example-cdn.com/*';
    expect(await mayFetchPicture(urls[1], page, granted)).toBe(true);
    expect(await mayFetchPicture(urls[3], page, granted)).toBe(false);
  });
});
