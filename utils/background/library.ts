/**
 * The background's part in saving articles: it checks who asks, extracts the tab's article through the reader
 * content script, fetches the pictures (it holds the host access) and writes through utils/library. Browser APIs
 * come in as arguments, so every check is unit-tested without a browser.
 *
 * Who may ask (utils/messages.ts): a content script only to save the article of its own tab, and only an article
 * of that tab's site; the extension's own pages to save or read the page of any tab. Nothing here lists, reads or
 * deletes saved articles: only extension pages do that, with utils/library.
 */
import type { Article } from '../extract/types';
import type { FetchImage, Library } from '../library';
import { LibraryError } from '../library/types';
import type { Settings } from '../settings';
import { hostsToAsk, mayFetchPicture, picturesToKeep, unkeptPictures, type HostGranted, type PicturesToKeep } from './pictures';
import { imageUrlsOf } from '../library/images';
import { isExtractReply, isPageToBackground, isReaderToBackground, type PageToBackground, type ReaderToBackground, type SaveReply } from '../messages';

export { savedMessage } from '../messages';

/** The fields of runtime.MessageSender this needs. */
export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/** Hosts that serve the same article under another edition prefix (the engine accepts canonical links across these). */
const EDITION = /^(www|m|amp|mobile)\./;

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * Is `articleUrl` an article of the page at `pageUrl`? Same origin, or the same host but for an edition prefix
 * (the page at http://m.kompas.com declares https://www.kompas.com/... as its canonical URL: the engine keeps
 * that one, and it is the same site).
 */
export function sameSiteArticle(articleUrl: string, pageUrl: string | undefined): boolean {
  const a = originOf(articleUrl);
  const p = originOf(pageUrl);
  if (!a || !p) return false;
  if (a === p) return true;
  const host = (u: string) => new URL(u).hostname.toLowerCase().replace(EDITION, '');
  return host(articleUrl) === host(pageUrl!);
}

/** A content script's request, if it is one this background honours: from our own extension, a tab's top frame, its own site. */
export function contentRequest(message: unknown, sender: Sender, runtimeId: string): { request: ReaderToBackground; tabId: number; pageUrl: string } | null {
  if (sender.id !== runtimeId || sender.tab?.id === undefined || !isReaderToBackground(message)) return null;
  // The reader runs in the top frame only; a frame of another site inside the page has no say.
  if (sender.frameId !== undefined && sender.frameId !== 0) return null;
  const pageUrl = sender.url ?? sender.tab.url;
  if (!pageUrl || !originOf(pageUrl)) return null;
  if (message.type === 'library:save' && !sameSiteArticle(message.article.url, pageUrl)) return null;
  return { request: message, tabId: sender.tab.id, pageUrl };
}

/** A request from one of the extension's own pages (the library popup or tab), if it is one. */
export function pageRequest(message: unknown, sender: Sender, runtimeId: string, extensionOrigin: string): PageToBackground | null {
  if (sender.id !== runtimeId || !isPageToBackground(message)) return null;
  const origin = extensionOrigin.replace(/\/+$/, '');
  if (!sender.url || !(sender.url === origin || sender.url.startsWith(`${origin}/`))) return null;
  return message;
}

export interface SaveDeps {
  /** A library connection whose image fetch is `fetchImage` (closed after the save). */
  openLibrary: (fetchImage: FetchImage) => Promise<Library>;
  loadSettings: () => Promise<Settings>;
  /** Fetches a picture with the extension's host access. */
  fetchImage: FetchImage;
  /** Access to all sites is granted (pictures on other hosts can be fetched). */
  hasAllSites: () => Promise<boolean>;
  /** The user granted access to this origin pattern (permissions.contains). */
  hostGranted: HostGranted;
  t: (key: string, subs?: string | string[]) => string;
}

/**
 * Saves an article read from the page at `pageUrl` (or updates its entry). Pictures are kept when the setting
 * says so; those that cannot be fetched leave the save intact, and the reply counts the ones that failed because
 * they are on another site Jernih has no access to, so the person can be told why.
 */
export async function saveArticle(deps: SaveDeps, article: Article, pageUrl: string): Promise<SaveReply> {
  const settings = await deps.loadSettings();
  const allSites = await deps.hasAllSites().catch(() => false);
  let lib: Library | null = null;
  try {
    lib = await deps.openLibrary(guardedFetch(deps, pageUrl));
    const r = await lib.save(article, { storeImages: settings.saveImages });
    const kept = (await lib.get(r.id))?.images ?? [];
    // Issue 13: the hosts of the pictures not kept that the person could let Jernih reach (the page's own origin
    // is reachable through activeTab: a picture there that failed is simply missing or not a picture).
    const unkept = settings.saveImages ? unkeptPictures(imageUrlsOf(article), kept) : [];
    const hosts = allSites ? [] : await hostsToAsk(unkept, pageUrl, deps.hostGranted, { pageOriginReachable: true });
    const blocked = hosts.reduce((n, h) => n + h.count, 0);
    const images = { ...r.images, blocked, hosts: hosts.map((h) => h.host), ask: blocked > 0 && settings.imageAccess !== 'declined' };
    return { ok: true, id: r.id, created: r.created, title: article.title, images };
  } catch (e) {
    return saveError(e, deps.t);
  } finally {
    await lib?.close().catch(() => undefined);
  }
}

/** The picture fetch a save uses: only what the guard allows (the page names the addresses; pictures.ts). */
function guardedFetch(deps: Pick<SaveDeps, 'fetchImage' | 'hostGranted'>, pageUrl: string): FetchImage {
  return async (url) => {
    if (!(await mayFetchPicture(url, pageUrl, deps.hostGranted))) throw new Error('not fetched: another site, or a private address');
    return deps.fetchImage(url);
  };
}

/** What keeping a saved article's missing pictures did: how many are kept now, and the hosts still out of reach. */
export type KeepPicturesReply = { ok: true; stored: number; missing: number; hosts: string[] } | { ok: false; message: string };

/**
 * Issue 13: after the person allowed the hosts of a saved article's pictures (the in-place question, or the note
 * on the saved copy), fetch the pictures it has not kept yet into the same record. The same guard as a save: the
 * article's own site and granted hosts only, never a private address unless the article is on one.
 */
export async function keepPictures(deps: SaveDeps, id: string): Promise<KeepPicturesReply> {
  let lib: Library | null = null;
  try {
    const allSites = await deps.hasAllSites().catch(() => false);
    // The guard judges each picture against the saved article's own address (read below, before any fetch).
    let pageUrl = '';
    lib = await deps.openLibrary((url) => guardedFetch(deps, pageUrl)(url));
    const record = await lib.get(id);
    if (!record || record.deletedAt !== null || record.needsContent) return { ok: false, message: deps.t('savedMissing') };
    pageUrl = record.article.url;
    // Saving the same article again fetches only the pictures it has no copy of, and keeps everything else.
    await lib.save(record.article, { storeImages: true });
    const kept = (await lib.get(id))?.images ?? [];
    const unkept = unkeptPictures(imageUrlsOf(record.article), kept);
    const hosts = allSites ? [] : await hostsToAsk(unkept, pageUrl, deps.hostGranted);
    return { ok: true, stored: kept.length, missing: unkept.length, hosts: hosts.map((h) => h.host) };
  } catch (e) {
    return { ok: false, message: deps.t('saveFailed', e instanceof Error ? e.message : String(e)) };
  } finally {
    await lib?.close().catch(() => undefined);
  }
}

/** What a saved article still lacks, judged with the background's own permissions (null: nothing, or no such article). */
export async function picturesToKeepOf(deps: SaveDeps, id: string): Promise<PicturesToKeep | null> {
  if (await deps.hasAllSites().catch(() => false)) return null;
  const lib = await deps.openLibrary(async () => Promise.reject(new Error('nothing is fetched here')));
  try {
    const record = await lib.get(id);
    return record && record.deletedAt === null && !record.needsContent ? await picturesToKeep(record, deps.hostGranted) : null;
  } finally {
    await lib.close().catch(() => undefined);
  }
}

export function saveError(e: unknown, t: SaveDeps['t']): SaveReply {
  if (e instanceof LibraryError && e.code === 'quota') return { ok: false, code: 'quota', message: t('saveQuota') };
  if (e instanceof LibraryError && e.code === 'invalid-url') return { ok: false, code: 'invalid', message: t('saveInvalidUrl') };
  return { ok: false, code: 'error', message: t('saveFailed', e instanceof Error ? e.message : String(e)) };
}

export interface ExtractDeps {
  sendMessage: (tabId: number, message: unknown) => Promise<unknown>;
  /** Injects the reader content script without opening the reader (it then answers reader:extract). */
  injectForExtract: (tabId: number) => Promise<void>;
}

export type TabArticle = { ok: true; article: Article } | { ok: false; code: 'no-article' | 'cannot-run' | 'error'; message: string };

/** The article of a tab, as the reader shows it (asked of the reader already there, or of one injected now). */
export async function extractTab(tabId: number, deps: ExtractDeps, t: SaveDeps['t']): Promise<TabArticle> {
  const ask = () => deps.sendMessage(tabId, { type: 'reader:extract' }).catch(() => null);
  let reply = await ask();
  if (!isExtractReply(reply)) {
    try {
      await deps.injectForExtract(tabId);
    } catch {
      return { ok: false, code: 'cannot-run', message: t('cannotRun') };
    }
    reply = await ask();
  }
  if (!isExtractReply(reply)) return { ok: false, code: 'error', message: t('saveFailed', 'no answer from the page') };
  if (reply.error) return { ok: false, code: 'error', message: t('saveFailed', reply.error) };
  if (!reply.article) return { ok: false, code: 'no-article', message: t('saveNoArticle') };
  return { ok: true, article: reply.article };
}

/** Extracts the tab's article and saves it: what the menus and the popup's "Save this page" do. */
export async function saveTab(tabId: number, deps: SaveDeps & ExtractDeps & { tabUrl: (tabId: number) => Promise<string | undefined> }): Promise<SaveReply> {
  const found = await extractTab(tabId, deps, deps.t);
  if (!found.ok) return { ok: false, code: found.code, message: found.message };
  const tabUrl = (await deps.tabUrl(tabId).catch(() => undefined)) ?? found.article.url;
  // The reader answered for the page the tab shows; an article of another site would mean something is wrong.
  if (!sameSiteArticle(found.article.url, tabUrl)) return { ok: false, code: 'invalid', message: deps.t('saveInvalidUrl') };
  return saveArticle(deps, found.article, tabUrl);
}
