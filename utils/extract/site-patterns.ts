/** Match patterns of the supported sites: what the auto-clean content script is declared for, nothing more. */
import type { SiteAddress, SiteRule } from './sites/types';

export function sitePatterns(rules: readonly SiteAddress[]): string[] {
  const out = new Set<string>();
  for (const r of rules) {
    if (r.matches) r.matches.forEach((m) => out.add(m));
    else for (const h of r.hosts) {
      out.add(`*://${h}/*`);
      out.add(`*://*.${h}/*`);
    }
  }
  return Array.from(out).sort();
}

/** Patterns for a host the user added (the host and its subdomains). */
export const userSitePatterns = (host: string): string[] => [`*://${host}/*`, `*://*.${host}/*`];

/**
 * Install-time host permissions for the supported sites' pictures on other hosts (SiteRule.pictureHosts): one
 * exact host each, never a wildcard, so saving an article of a supported site keeps its pictures with no prompt.
 */
export function pictureHostPatterns(rules: readonly SiteRule[]): string[] {
  return Array.from(new Set(rules.flatMap((r) => r.pictureHosts ?? []).map((h) => `*://${h}/*`))).sort();
}
