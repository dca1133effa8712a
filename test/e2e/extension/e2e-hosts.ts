/**
 * Hosts the e2e build may touch without a gesture: the test server, and the site fixtures' real host names
 * (the Firefox test maps every host name to 127.0.0.1 with network.dns.forceResolve, so a site rule such as
 * Kompas applies as it would on kompas.com). Used by wxt.config.ts (host permissions, e2e mode only) and by the
 * e2e content script (matches).
 */
export const E2E_HOST_PATTERNS = ['http://127.0.0.1/*', 'http://*.kompas.com/*'];
