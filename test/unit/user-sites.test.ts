import { describe, expect, it } from 'vitest';
import { syncRegisteredScripts, AUTOCLEAN_SCRIPT, DETECT_SCRIPT, type ScriptingLike } from '@/utils/background/user-sites';
import { migrateSettings } from '@/utils/settings';
import { sitePatterns } from '@/utils/extract/site-patterns';
import { SITE_RULES } from '@/utils/extract/sites';

function fakeScripting(initial: string[] = []) {
  const ids = new Set(initial);
  const registered: { id: string; matches: string[]; js: string[] }[] = [];
  const api: ScriptingLike = {
    getRegisteredContentScripts: async () => [...ids].map((id) => ({ id })),
    registerContentScripts: async (scripts) => scripts.forEach((s) => (ids.add(s.id), registered.push(s))),
    unregisterContentScripts: async ({ ids: gone }) => gone.forEach((id) => ids.delete(id)),
  };
  return { api, ids, registered };
}

describe('user-added sites and detect-everywhere', () => {
  it('registers the auto-clean script for each added site it has permission for', async () => {
    const s = fakeScripting();
    const granted = new Set(['*://tribunjateng.com/*']);
    const r = await syncRegisteredScripts(migrateSettings({ userSites: ['tribunjateng.com', 'nopermission.id'] }), s.api, {
      contains: async ({ origins }) => origins.every((o) => granted.has(o) || granted.has(o.replace('*.', ''))),
    });
    expect(r.registered).toEqual(['user-site:tribunjateng.com']);
    expect(s.registered[0]).toMatchObject({ matches: ['*://tribunjateng.com/*', '*://*.tribunjateng.com/*'], js: [AUTOCLEAN_SCRIPT] });
  });

  it('unregisters sites that were removed, and the detector when the mode goes off', async () => {
    const s = fakeScripting(['user-site:old.example.id', 'detect-everywhere', 'someone-else']);
    const r = await syncRegisteredScripts(migrateSettings({}), s.api, { contains: async () => true });
    expect(r.removed.sort()).toEqual(['detect-everywhere', 'user-site:old.example.id']);
    expect([...s.ids]).toEqual(['someone-else']);
  });

  it('registers the detector for all sites only when the mode is on and permitted', async () => {
    const s = fakeScripting();
    await syncRegisteredScripts(migrateSettings({ detectEverywhere: true }), s.api, { contains: async () => false });
    expect(s.registered).toEqual([]);
    await syncRegisteredScripts(migrateSettings({ detectEverywhere: true }), s.api, { contains: async () => true });
    expect(s.registered[0]).toMatchObject({ id: 'detect-everywhere', js: [DETECT_SCRIPT], matches: ['*://*/*'] });
  });

  it('declares the auto-clean script for the supported sites only', () => {
    const patterns = sitePatterns(SITE_RULES);
    expect(patterns).toContain('*://*.kompas.com/*');
    expect(patterns.every((p) => p !== '<all_urls>' && p !== '*://*/*')).toBe(true);
  });
});
