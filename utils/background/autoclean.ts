/**
 * The background's half of auto-clean (issue 15): the small script declared on every page of the supported sites
 * asks at document_start; only for an article page of a site switched on does the reader (and the engine with it)
 * load, injected into that frame. The decision is made from the page's address as the browser reports it (the
 * sender's URL), never from what the script says. Browser APIs come in as arguments, so it is unit-tested.
 */
import { autoCleanOn, type Settings } from '../settings';
import type { AutoCleanPrepared } from '../reader/autoclean';
import { siteFor } from '../reader/site-switch';

export interface PrepareDeps {
  loadSettings: () => Promise<Settings>;
  /** Injects the reader into the asking frame, where it waits for the auto-clean script (utils/reader/instance.ts). */
  injectReader: () => Promise<void>;
}

export async function prepareAutoClean(pageUrl: string | undefined, deps: PrepareDeps): Promise<AutoCleanPrepared> {
  const settings = await deps.loadSettings().catch(() => null);
  const site = pageUrl ? siteFor(pageUrl, settings) : null;
  if (!site) return { skip: 'not-article-url' };
  if (!settings || !autoCleanOn(settings, site.site)) return { skip: 'switched-off' };
  // Answered at once, not when the injection is done: the reader hands itself to the waiting script when it arrives.
  // If it never does (the page went away, access was taken back), the script's time limit shows the page as it is.
  deps.injectReader().catch(() => undefined);
  return { site };
}
