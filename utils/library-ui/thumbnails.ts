/**
 * Thumbnails for the library's rows (issue 13), made from the pictures stored with each saved article and handed
 * to the list as blob: URLs. Kept cheap for a library of thousands:
 * - only rows that are mounted ask (the list is windowed), and a row that goes away before its turn costs nothing
 *   (its request is aborted and skipped);
 * - a few pictures are read and shrunk at a time;
 * - each picture is decoded once, shrunk to about the size it is shown at (a 2000 px photo would otherwise be
 *   decoded whole for every row that shows it), and the small copy is kept in a bounded cache for scrolling back;
 * - every URL handed out is revoked when its row lets it go (`release`), so nothing outlives its row.
 * The environment is injected (the library's read, the decoder, URL), so it runs in unit tests without a browser.
 */
import type { ArticleSummary } from '../library/types';

export interface ThumbnailSource {
  /**
   * A blob: URL of the row's thumbnail, or null (no stored picture, one that does not decode, or aborted). The
   * caller owns the URL: it calls `release(url)` when the row goes away.
   */
  acquire(item: ArticleSummary, signal?: AbortSignal): Promise<string | null>;
  release(url: string): void;
}

export interface ThumbnailEnv {
  /** The stored picture to show (Library.thumbnail). */
  read: (item: ArticleSummary) => Promise<Blob | null>;
  /** A smaller copy whose shorter side is about `px`; rejects when the bytes do not decode. */
  shrink: (blob: Blob, px: number) => Promise<Blob>;
  createObjectURL: (blob: Blob) => string;
  revokeObjectURL: (url: string) => void;
  /** Shorter side of the small copies, in device pixels. */
  px: number;
  /** Small copies kept (default 300: a few hundred KB). */
  cacheSize?: number;
  /** Pictures read and shrunk at the same time (default 3). */
  concurrency?: number;
}

export function thumbnailSource(env: ThumbnailEnv): ThumbnailSource {
  const cacheSize = env.cacheSize ?? 300;
  const concurrency = env.concurrency ?? 3;
  /** Small copies by article and version (a saved-again article gets a new one); null: nothing to show. Oldest first. */
  const cache = new Map<string, Blob | null>();
  /** Work in progress by key, so two rows of one article (or a quick remount) share it. */
  const running = new Map<string, Promise<Blob | null | undefined>>();
  const live = new Set<string>();
  const queue: (() => void)[] = [];
  let active = 0;

  const slot = (): Promise<void> =>
    new Promise((resolve) => {
      if (active < concurrency) {
        active++;
        resolve();
      } else queue.push(resolve);
    });
  const done = () => {
    const next = queue.shift();
    if (next) next();
    else active--;
  };

  const remember = (key: string, value: Blob | null) => {
    cache.delete(key);
    cache.set(key, value);
    while (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
  };

  const make = async (item: ArticleSummary, signal?: AbortSignal): Promise<Blob | null | undefined> => {
    await slot();
    try {
      // Scrolled past while waiting: do no work for it.
      if (signal?.aborted) return undefined;
      const stored = await env.read(item);
      if (!stored) return null;
      if (signal?.aborted) return undefined;
      return await env.shrink(stored, env.px).catch(() => null);
    } finally {
      done();
    }
  };

  return {
    async acquire(item, signal) {
      const key = `${item.id}:${item.updatedAt}`;
      let small: Blob | null | undefined;
      while (small === undefined) {
        if (signal?.aborted) return null;
        if (cache.has(key)) {
          small = cache.get(key) ?? null;
          remember(key, small);
          break;
        }
        let work = running.get(key);
        if (!work) {
          work = make(item, signal)
            .then((b) => {
              // Aborted before it started (undefined): nothing learned, nothing cached; another row asking tries again.
              if (b !== undefined) remember(key, b);
              return b;
            }, () => null)
            .finally(() => running.delete(key));
          running.set(key, work);
        }
        small = await work;
      }
      if (!small || signal?.aborted) return null;
      const url = env.createObjectURL(small);
      live.add(url);
      return url;
    },
    release(url) {
      if (!live.delete(url)) return;
      env.revokeObjectURL(url);
    },
  };
}

/**
 * The browser's shrink: decode once at a reduced size (createImageBitmap resizes while decoding), then encode the
 * small bitmap (OffscreenCanvas). Only the shorter side is asked for; the other follows the picture's proportions.
 */
export function browserShrink(win: Window & typeof globalThis): ThumbnailEnv['shrink'] | null {
  if (typeof win.createImageBitmap !== 'function' || typeof win.OffscreenCanvas !== 'function') return null;
  return async (blob, px) => {
    // Most news pictures are landscape: ask for the height first, and again by width for a portrait one.
    let bmp = await win.createImageBitmap(blob, { resizeHeight: px, resizeQuality: 'medium' });
    if (bmp.width < px) {
      bmp.close();
      bmp = await win.createImageBitmap(blob, { resizeWidth: px, resizeQuality: 'medium' });
    }
    try {
      const canvas = new win.OffscreenCanvas(bmp.width, bmp.height);
      const g = canvas.getContext('2d');
      if (!g) throw new Error('no 2d context');
      g.drawImage(bmp, 0, 0);
      return await canvas.convertToBlob({ type: 'image/webp', quality: 0.82 });
    } finally {
      bmp.close();
    }
  };
}
