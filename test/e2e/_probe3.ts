import { launchChromium } from './helpers/chromium';
import { startServer } from './helpers/server';
const server = await startServer();
server.page('/a', '<!doctype html><title>a</title><p>hello');
const b = await launchChromium();
const holder = await b.context.newPage();
await holder.goto(`chrome-extension://${b.extensionId}/library.html?view=tab`);
const page = await b.context.newPage();
await page.goto(`${server.origin}/a`);
const tabId = await b.worker.evaluate(async (u) => (await (globalThis as any).chrome.tabs.query({})).find((t: any) => t.url === u)?.id, page.url());
console.log('tab', tabId);
await b.worker.evaluate((id) => (globalThis as any).chrome.action.setPopup({ tabId: id, popup: '/library.html' }), tabId);
console.log('popup now', await b.worker.evaluate((id) => (globalThis as any).chrome.action.getPopup({ tabId: id }), tabId));
await b.clickAction(page);
await new Promise((r) => setTimeout(r, 500));
console.log('body', await page.evaluate(() => document.body.id));
for (let i = 0; i < 20; i++) {
  await new Promise((r) => setTimeout(r, 250));
  const n = await holder.evaluate(() => (globalThis as any).chrome.extension.getViews({ type: 'popup' }).length);
  const ctx = await b.worker.evaluate(async () => (await (globalThis as any).chrome.runtime.getContexts({})).map((c: any) => c.contextType + ':' + c.documentUrl));
  console.log(i, n, ctx);
  if (n) break;
}
await b.close(); await server.close();
