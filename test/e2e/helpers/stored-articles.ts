/**
 * The library's records exactly as stored (the trash included), read from the extension's IndexedDB inside one of
 * its own pages: the one reader of the store for the Chromium (playwright) and Firefox (puppeteer) tests; each test
 * picks the fields it checks.
 */

export interface StoredArticle {
  id: string;
  article: { title: string; url: string; contentHtml: string; leadImage: { src: string } | null };
  read: boolean;
  tags: string[];
  images: string[];
  position: { progress: number; block: number };
  savedAt: number;
  deletedAt: number | null;
}

/** A page of the extension (playwright's or puppeteer's Page: both evaluate a function in it). */
interface ExtensionPage {
  evaluate<R>(fn: () => Promise<R>): Promise<R>;
}

export function storedArticles(page: ExtensionPage): Promise<StoredArticle[]> {
  return page.evaluate(
    () =>
      new Promise<StoredArticle[]>((ok, fail) => {
        const open = indexedDB.open('jernih-library');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('articles').objectStore('articles').getAll();
          all.onerror = () => fail(all.error);
          all.onsuccess = () => {
            db.close();
            ok(all.result as StoredArticle[]);
          };
        };
      }),
  );
}
