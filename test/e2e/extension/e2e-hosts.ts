/**
 * Hosts the e2e build may touch without a gesture: the test server, and the site fixtures' real host names
 * (the Firefox test maps every host name to 127.0.0.1 with network.dns.forceResolve, so a site rule such as
 * Kompas applies as it would on kompas.com). Used by wxt.config.ts (host permissions, e2e mode only) and by the
 * e2e content script (matches).
 */
export const E2E_HOST_PATTERNS = ['http://127.0.0.1/*', 'http://*.kompas.com/*'];

/**
 * The site the user-added-site test adds in the Chromium e2e build. A permission prompt cannot be answered from
 * a test, so that build holds the permission from the start: permissions.request then resolves at once, and the
 * rest of the flow (settings, script registration, auto-clean on the site) runs as it does for a person.
 */
export const E2E_USER_SITE = 'tribunjateng.com';
export const E2E_USER_SITE_PATTERNS = [`*://${E2E_USER_SITE}/*`, `*://*.${E2E_USER_SITE}/*`];

/**
 * Held in the e2e build for the "detect articles everywhere" test, for the same reason: the mode asks for
 * access to all sites, and a test cannot answer the browser's prompt.
 */
export const E2E_ALL_SITES = ['*://*/*'];
