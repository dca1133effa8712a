/**
 * The supported sites' addresses in the registry's order (index.ts; a unit test keeps the two in step): which
 * pages are a site's articles, and nothing else of the rules. The auto-clean script loads on every page of these
 * sites at document_start, so it decides from this alone and stays a few kilobytes (issue 15).
 */
import type { SiteAddress } from './types';
import { kompasAddress } from './kompas';
import { detikAddress } from './detik';
import { jpnnAddress } from './jpnn';
import { bbcindonesiaAddress } from './bbcindonesia';
import { tempoAddress } from './tempo';
import { cnnindonesiaAddress } from './cnnindonesia';
import { antaranewsAddress } from './antaranews';
import { republikaAddress } from './republika';
import { cnbcAddress } from './cnbc';
import { suaraAddress } from './suara';
import { tribunnewsAddress } from './tribunnews';
import { okezoneAddress } from './okezone';
import { sindonewsAddress } from './sindonews';
import { liputan6Address } from './liputan6';
import { merdekaAddress } from './merdeka';
import { kumparanAddress } from './kumparan';
import { idntimesAddress } from './idntimes';

export const SITE_ADDRESSES: readonly SiteAddress[] = [
  kompasAddress,
  detikAddress,
  jpnnAddress,
  bbcindonesiaAddress,
  tempoAddress,
  cnnindonesiaAddress,
  antaranewsAddress,
  republikaAddress,
  cnbcAddress,
  suaraAddress,
  tribunnewsAddress,
  okezoneAddress,
  sindonewsAddress,
  liputan6Address,
  merdekaAddress,
  kumparanAddress,
  idntimesAddress,
];

const hostMatches = (host: string, siteHost: string): boolean => host === siteHost || host.endsWith(`.${siteHost}`);

/**
 * The site this URL is an article page of, or null: the first whose hosts hold the URL's host (more specific hosts
 * come first in the registry); a site whose articleUrl does not match gives null (not one of its articles).
 */
export function findSite<T extends SiteAddress>(url: string, sites: readonly T[]): T | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const host = u.hostname.toLowerCase();
  const site = sites.find((s) => s.hosts.some((h) => hostMatches(host, h)));
  if (!site) return null;
  if (site.articleUrl && !site.articleUrl.test(u.pathname + u.search)) return null;
  return site;
}
