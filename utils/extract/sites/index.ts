/**
 * The ordered registry of site rules. Order matters only where hosts overlap: more specific hosts first.
 * Adding a site: its rule file, one line here and one in addresses.ts (same order), and its fixture folder
 * (test/fixtures/<id>/); `npm run new-rule -- <id> <host>` does all of it.
 */
import type { SiteRule } from './types';
import { findSite } from './addresses';
import { kompas } from './kompas';
import { detik } from './detik';
import { jpnn } from './jpnn';
import { bbcindonesia } from './bbcindonesia';
import { tempo } from './tempo';
import { cnnindonesia } from './cnnindonesia';
import { antaranews } from './antaranews';
import { republika } from './republika';
import { cnbc } from './cnbc';
import { suara } from './suara';
import { tribunnews } from './tribunnews';
import { okezone } from './okezone';
import { sindonews } from './sindonews';
import { liputan6 } from './liputan6';
import { merdeka } from './merdeka';
import { kumparan } from './kumparan';
import { idntimes } from './idntimes';

export type { SiteAddress, SiteRule } from './types';

export const SITE_RULES: readonly SiteRule[] = [
  kompas, // kompas.com and every kanal subdomain
  detik, // detik.com
  jpnn, // jpnn.com
  bbcindonesia, // bbc.com
  tempo, // tempo.co
  cnnindonesia, // cnnindonesia.com
  antaranews, // antaranews.com
  republika, // republika.co.id
  cnbc, // cnbcindonesia.com
  suara, // suara.com
  tribunnews, // tribunnews.com
  okezone, // okezone.com
  sindonews, // sindonews.com
  liputan6, // liputan6.com
  merdeka, // merdeka.com
  kumparan, // kumparan.com
  idntimes, // idntimes.com
];

/** The rule for this URL, or null. A rule whose articleUrl does not match gives null: not an article page of it. */
export function findRule(url: string, rules: readonly SiteRule[] = SITE_RULES): SiteRule | null {
  return findSite(url, rules);
}
