/**
 * The ordered registry of site rules. Order matters only where hosts overlap: more specific hosts first.
 * Adding a site: its rule file, one line here, and its fixture folder (test/fixtures/<id>/); `npm run new-rule -- <id> <host>` does all three.
 */
import type { SiteRule } from './types';
import { kompas } from './kompas';

export type { SiteRule } from './types';

export const SITE_RULES: readonly SiteRule[] = [
  kompas, // kompas.com and every kanal subdomain
];

const hostMatches = (host: string, ruleHost: string): boolean => host === ruleHost || host.endsWith(`.${ruleHost}`);

/** The rule for this URL, or null. A rule whose articleUrl does not match gives null: not an article page of it. */
export function findRule(url: string, rules: readonly SiteRule[] = SITE_RULES): SiteRule | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const host = u.hostname.toLowerCase();
  const rule = rules.find((r) => r.hosts.some((h) => hostMatches(host, h)));
  if (!rule) return null;
  if (rule.articleUrl && !rule.articleUrl.test(u.pathname + u.search)) return null;
  return rule;
}
