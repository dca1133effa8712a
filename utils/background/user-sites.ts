/**
 * Sites the user adds: their auto-clean content script is registered at run time (scripting API) and kept in
 * step with settings.userSites; "detect articles everywhere" registers the cheap detector for every site.
 * The scripting API comes in as an argument, so the bookkeeping is unit-tested without a browser.
 */
import { userSitePatterns } from '../extract/site-patterns';
import type { Settings } from '../settings';

export const AUTOCLEAN_SCRIPT = '/content-scripts/autoclean.js';
export const DETECT_SCRIPT = '/content-scripts/detect.js';
const USER_PREFIX = 'user-site:';
const DETECT_ID = 'detect-everywhere';

export interface ScriptingLike {
  getRegisteredContentScripts(): Promise<{ id: string }[]>;
  registerContentScripts(scripts: { id: string; matches: string[]; js: string[]; runAt?: 'document_start' | 'document_idle'; persistAcrossSessions?: boolean; allFrames?: boolean }[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}

export interface PermissionsLike {
  contains(p: { origins: string[] }): Promise<boolean>;
}

export const ALL_SITES = ['*://*/*'];

/** Registers what settings ask for (and permissions allow), unregisters what they no longer ask for. */
export async function syncRegisteredScripts(settings: Settings, scripting: ScriptingLike, permissions: PermissionsLike): Promise<{ registered: string[]; removed: string[] }> {
  const existing = new Set((await scripting.getRegisteredContentScripts()).map((s) => s.id));
  const wanted = new Map<string, { id: string; matches: string[]; js: string[]; runAt: 'document_start' | 'document_idle'; persistAcrossSessions: boolean }>();
  for (const host of settings.userSites) {
    const matches = userSitePatterns(host);
    // A site whose permission was taken back (in the browser's own settings) is not registered.
    if (await permissions.contains({ origins: matches })) {
      wanted.set(USER_PREFIX + host, { id: USER_PREFIX + host, matches, js: [AUTOCLEAN_SCRIPT], runAt: 'document_start', persistAcrossSessions: true });
    }
  }
  if (settings.detectEverywhere && (await permissions.contains({ origins: ALL_SITES }))) {
    wanted.set(DETECT_ID, { id: DETECT_ID, matches: ALL_SITES, js: [DETECT_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true });
  }
  const removed = [...existing].filter((id) => (id.startsWith(USER_PREFIX) || id === DETECT_ID) && !wanted.has(id));
  if (removed.length) await scripting.unregisterContentScripts({ ids: removed });
  const toAdd = [...wanted.values()].filter((s) => !existing.has(s.id));
  if (toAdd.length) await scripting.registerContentScripts(toAdd);
  return { registered: toAdd.map((s) => s.id), removed };
}
