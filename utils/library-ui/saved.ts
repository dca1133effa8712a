/**
 * The saved-article page (saved.html?id=…): a saved article in the same reader as on the web (ReaderView through
 * the reader controller: toolbar, themes, contents, read aloud, shortcuts), with its pictures from the stored
 * files and nothing fetched from the network. It opens where the reading stopped, remembers where it is, and
 * marks the article read at its end.
 */
import { h, render } from 'preact';
import { createReaderController, type ReaderController, type ReaderEnv } from '../reader/controller';
import { uiShadowOf } from '../reader/swap';
import { deferRemoteMedia } from './click-to-load';
import { applyOfflineImages, objectUrls, type Library, type SavedArticle } from '../library';
import type { Article } from '../extract/types';
import { SavedNotice } from '@/components/SavedNotice';
import type { KeepPicturesReply } from '../background/library';
import { allowHosts, hostList, picturesToKeep, type PermissionEnv, type PicturesToKeep } from './picture-ask';

export interface SavedPageEnv extends Pick<ReaderEnv, 'doc' | 'win' | 't' | 'locale' | 'loadSettings' | 'saveSettings' | 'watchSettings' | 'speech' | 'fonts' | 'version' | 'translation' | 'translateIcon' | 'acceptSyntheticEvents'> {
  id: string | null;
  openLibrary: () => Promise<Library>;
  /** The library in a tab: where Exit goes. */
  libraryUrl: string;
  urls?: { createObjectURL: (b: Blob) => string; revokeObjectURL: (u: string) => void };
  /** Milliseconds between position writes while scrolling (default 700). */
  positionDelayMs?: number;
  /**
   * Issue 13: pictures not kept are named on the copy, with the one action that keeps them (the browser's
   * permission for their hosts, then the background fetches them into this record).
   */
  pictures?: PermissionEnv & { keep: (id: string) => Promise<KeepPicturesReply> };
}

export type SavedPageState = 'opened' | 'missing' | 'link-only';

export interface SavedPage {
  state: SavedPageState;
  reader?: ReaderController;
  /** Writes the reading position now (also done on scroll and when the page is hidden). */
  flush(): Promise<void>;
}

/** Blocks the reading position counts (in document order). */
const BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote, figure, pre, table, dl';
/** Scrolled this far, the article counts as read. */
const END = 0.98;

function absolute(src: string, base: string): string | null {
  try {
    return new URL(src, base).href;
  } catch {
    return null;
  }
}

export async function startSavedPage(env: SavedPageEnv): Promise<SavedPage> {
  const { doc, win, t } = env;
  const lib = await env.openLibrary();
  const record = env.id ? await lib.get(env.id) : null;
  const dark = !!win.matchMedia?.('(prefers-color-scheme: dark)').matches;
  const back = { href: env.libraryUrl, label: t('savedBackToLibrary') };
  if (!record || record.deletedAt !== null) {
    doc.title = 'Jernih';
    render(h(SavedNotice, { title: t('savedMissing'), links: [{ ...back, primary: true }], dark }), doc.body);
    return { state: 'missing', flush: async () => undefined };
  }
  if (record.needsContent) {
    doc.title = record.article.title;
    const original = { href: record.article.url, label: t('savedOpenOriginal'), primary: true };
    render(h(SavedNotice, { title: record.article.title, text: t('savedLinkOnly'), links: [original, back], dark }), doc.body);
    return { state: 'link-only', flush: async () => undefined };
  }

  const urlApi = env.urls ?? win.URL;
  const images = objectUrls(await lib.images(record.id), urlApi);
  const article = withOfflineLead(record.article, images.urls, doc);
  doc.title = article.title;
  doc.documentElement.lang = article.lang ?? '';

  const goBack = () => win.location.assign(env.libraryUrl);
  const pictures = env.pictures;
  const missing = pictures ? await picturesToKeep(record, (p) => pictures.contains([p])).catch(() => null) : null;
  const reader = createReaderController({
    doc,
    win,
    t,
    locale: env.locale,
    loadSettings: env.loadSettings,
    saveSettings: env.saveSettings,
    watchSettings: env.watchSettings,
    speech: env.speech,
    fonts: env.fonts,
    version: env.version,
    // Translation runs here (an extension page): the provider and the cache directly, no Port; blocks translated
    // before (on the web page, same provider, pair and text) come straight from the cache.
    translation: env.translation,
    translateIcon: env.translateIcon,
    acceptSyntheticEvents: env.acceptSyntheticEvents,
    extract: () => article,
    prepareBody: (fragment) => {
      applyOfflineImages(fragment, images.urls, article.url);
      if (missing && pictures) fragment.prepend(picturesNote(doc, missing, { ...env, pictures, id: record.id, reload: () => win.location.reload() }));
      // Opening a saved article contacts nobody: what was not kept waits for a click (click-to-load.ts).
      deferRemoteMedia(fragment, { t, baseUrl: article.url, acceptSynthetic: env.acceptSyntheticEvents });
    },
    onClose: goBack,
    fixable: false,
    exitLabel: t('libraryTitle'),
  });
  const opened = await reader.open();
  if (opened.state !== 'opened') {
    render(h(SavedNotice, { title: t('savedMissing'), links: [{ ...back, primary: true }], dark }), doc.body);
    return { state: 'missing', flush: async () => undefined };
  }

  const tracker = trackPosition(env, lib, record, doc);
  win.addEventListener('pagehide', () => {
    void tracker.flush();
    images.revoke();
  });
  doc.addEventListener('visibilitychange', () => {
    if (doc.visibilityState === 'hidden') void tracker.flush();
  });
  await tracker.restored;
  return { state: 'opened', reader, flush: tracker.flush };
}

/**
 * Issue 13: "9 pictures were not kept: they are on images.example-cdn.com…" at the top of the copy, with the one
 * action that keeps them. The button answers only a person's click (it asks the browser, which needs one).
 */
function picturesNote(
  doc: Document,
  missing: PicturesToKeep,
  env: Pick<SavedPageEnv, 't' | 'locale' | 'acceptSyntheticEvents'> & { pictures: NonNullable<SavedPageEnv['pictures']>; id: string; reload: () => void },
): HTMLElement {
  const { t } = env;
  const note = doc.createElement('aside');
  note.className = 'pictures-note';
  note.setAttribute('role', 'note');
  // No <p>: the reading position counts the body's paragraphs, and this note goes once the pictures are kept.
  const text = doc.createElement('div');
  const where = hostList(missing.hosts, env.locale ?? 'en');
  text.textContent = missing.count === 1 ? t('savedPictureNoteOne', where) : t('savedPicturesNote', [String(missing.count), where]);
  const status = doc.createElement('div');
  status.className = 'pictures-status';
  status.setAttribute('aria-live', 'polite');
  const button = doc.createElement('button');
  button.type = 'button';
  button.dataset.action = 'keep-pictures';
  button.textContent = t('savedPicturesAllow');
  button.addEventListener('click', (event) => {
    if ((!event.isTrusted && !env.acceptSyntheticEvents) || button.disabled) return;
    // Inside the click: the browser asks the person.
    const granted = allowHosts(env.pictures, missing.hosts.map((h) => h.pattern));
    button.disabled = true;
    status.textContent = t('pictureAskWaiting');
    void granted.then(async (ok) => {
      if (!ok) {
        button.disabled = false;
        status.textContent = t('savedPicturesRefused');
        return;
      }
      status.textContent = t('pictureAskKeeping');
      const reply = await env.pictures.keep(env.id).catch((e: unknown): KeepPicturesReply => ({ ok: false, message: String(e) }));
      if (reply.ok) return env.reload();
      button.disabled = false;
      status.textContent = reply.message;
    });
  });
  note.append(text, button, status);
  return note;
}

/**
 * The lead image from its stored copy (the body's images are pointed at theirs as the body is built). A lead
 * that was not kept goes to the top of the body instead, where it waits behind a "load" button like every other
 * remote picture (the header's lead picture would load on open).
 */
function withOfflineLead(article: Article, urls: ReadonlyMap<string, string>, doc: Document): Article {
  const lead = article.leadImage;
  if (!lead) return article;
  const abs = absolute(lead.src, article.url);
  const local = abs ? urls.get(abs) : undefined;
  if (local) return { ...article, leadImage: { ...lead, src: local } };
  if (lead.inBody || !abs) return { ...article, leadImage: lead.inBody ? lead : null };
  const figure = doc.createElement('figure');
  const img = doc.createElement('img');
  img.setAttribute('src', abs);
  img.setAttribute('alt', lead.alt);
  figure.append(img);
  if (lead.caption) {
    const caption = doc.createElement('figcaption');
    caption.textContent = lead.caption;
    figure.append(caption);
  }
  return { ...article, leadImage: null, contentHtml: figure.outerHTML + article.contentHtml };
}

function trackPosition(env: SavedPageEnv, lib: Library, record: SavedArticle, doc: Document) {
  const root = uiShadowOf(doc.body);
  const scroller = root?.querySelector('.reader') as HTMLElement | null;
  const blocks = () => Array.from(root?.querySelectorAll(`.body :is(${BLOCKS})`) ?? []) as HTMLElement[];
  const topOffset = () => (root?.querySelector('.top') as HTMLElement | null)?.getBoundingClientRect().bottom ?? 0;
  let ready = false;
  let read = record.read;
  let last = { progress: record.position.progress, block: record.position.block };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<unknown> = Promise.resolve();

  const measure = () => {
    if (!scroller) return last;
    const max = scroller.scrollHeight - scroller.clientHeight;
    const progress = max > 0 ? Math.min(1, Math.max(0, scroller.scrollTop / max)) : 1;
    const top = topOffset();
    const list = blocks();
    const i = list.findIndex((b) => b.getBoundingClientRect().bottom > top + 4);
    return { progress, block: Math.max(0, i) };
  };

  const write = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!ready) return writing;
    const now = measure();
    const moved = now.block !== last.block || Math.abs(now.progress - last.progress) > 0.001;
    const ops: Promise<unknown>[] = [];
    if (moved) {
      last = now;
      ops.push(lib.setPosition(record.id, now));
    }
    if (!read && now.progress >= END) {
      read = true;
      ops.push(lib.markRead(record.id, true));
    }
    writing = writing.then(() => Promise.all(ops)).catch(() => undefined);
    return writing;
  };

  const onScroll = () => {
    if (ready && timer === undefined) timer = setTimeout(write, env.positionDelayMs ?? 700);
  };
  scroller?.addEventListener('scroll', onScroll, { passive: true });

  const restored = (async () => {
    // Pictures first: they change the height of what comes before the block.
    const imgs = Array.from(root?.querySelectorAll('img') ?? []) as HTMLImageElement[];
    await Promise.race([Promise.all(imgs.map((img) => img.decode?.().catch(() => undefined))), new Promise((r) => setTimeout(r, 1500))]);
    const { block, progress } = record.position;
    if (scroller && (block > 0 || progress > 0)) {
      const target = blocks()[block];
      if (target) scroller.scrollTop += target.getBoundingClientRect().top - topOffset() - 12;
      else scroller.scrollTop = progress * (scroller.scrollHeight - scroller.clientHeight);
    }
    ready = true;
    // An article that fits in the window is read once it has been on screen a moment.
    if (scroller && scroller.scrollHeight - scroller.clientHeight <= 0) setTimeout(write, 4000);
  })();

  return { restored, flush: () => write() as Promise<void> };
}
