/** Match patterns of the supported sites: what the auto-clean content script is declared for, nothing more. */
import type { SiteRule } from './sites/types';

export function sitePatterns(rules: readonly SiteRule[]): string[] {
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
