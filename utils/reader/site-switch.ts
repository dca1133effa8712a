/**
 * The per-site switch a page falls under: a built-in rule's article page, or a site the user added. The reader
 * shows it (More menu), auto-clean obeys it, the popup offers it. Pure: the settings come in as an argument.
 */
// The sites' addresses only, not their rules: the auto-clean script (on every page of those sites) decides with this.
import { findSite, SITE_ADDRESSES } from '../extract/sites/addresses';
import { normalizeHost, type Settings } from '../settings';

/** `site`: the key of the switch (rule id or host); `label`: the name shown ("kompas.com"). */
export interface SiteSwitch {
  site: string;
  label: string;
}

/** Which switch governs this page: a built-in rule's article page, or a site the user added. */
export function siteFor(url: string, settings: Pick<Settings, 'userSites'> | null): SiteSwitch | null {
  const known = findSite(url, SITE_ADDRESSES);
  if (known) return { site: known.id, label: known.matches ? known.name : known.hosts[0] };
  let host: string | null = null;
  try {
    host = normalizeHost(new URL(url).hostname);
  } catch {
    return null;
  }
  const user = host && settings?.userSites.find((h) => host === h || host!.endsWith(`.${h}`));
  return user ? { site: user, label: user } : null;
}
