/**
 * Every site rule says which of its addresses are articles (articleUrl): auto-clean hides and replaces those pages
 * by itself, so a home or tag page taken for an article would be taken from the person. Each rule lists examples
 * both ways (SiteRule.examples), and here its URL test answers them as the rule says, through the same lookup the
 * auto-clean script uses (findSite over the addresses).
 */
import { describe, expect, it } from 'vitest';
import { SITE_RULES } from '@/utils/extract/sites';
import { findSite, SITE_ADDRESSES } from '@/utils/extract/sites/addresses';
import { siteFor } from '@/utils/reader/site-switch';

const hostOf = (url: string) => new URL(url).hostname;
const onRuleHost = (url: string, hosts: readonly string[]) => hosts.some((h) => hostOf(url) === h || hostOf(url).endsWith(`.${h}`));

describe.each(SITE_RULES.map((rule) => [rule.id, rule] as const))('%s: the article URL test against its examples', (_id, rule) => {
  it('lists articles and pages that are not (home, section, tag, search, index), all on its own hosts', () => {
    expect(rule.examples.articles.length).toBeGreaterThanOrEqual(2);
    expect(rule.examples.notArticles.length).toBeGreaterThanOrEqual(5);
    for (const url of [...rule.examples.articles, ...rule.examples.notArticles]) expect(onRuleHost(url, rule.hosts), url).toBe(true);
  });

  it('says yes to every article example (auto-clean would open it)', () => {
    for (const url of rule.examples.articles) {
      expect(findSite(url, SITE_ADDRESSES)?.id, url).toBe(rule.id);
      expect(siteFor(url, null)?.site, url).toBe(rule.id);
    }
  });

  it('says no to every page that is not an article (auto-clean leaves it alone)', () => {
    for (const url of rule.examples.notArticles) {
      expect(findSite(url, SITE_ADDRESSES), url).toBeNull();
      expect(siteFor(url, null), url).toBeNull();
    }
  });
});
