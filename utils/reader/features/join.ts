/**
 * A multi-page article: the reader shows the first page at once and joins the others in the background (the
 * user's removed blocks leave every page, as they left the first). A picked body stands alone: nothing is joined.
 */
import { planPages, readArticle, type Article } from '../../extract';
import type { ReaderCore, ReaderFeature, UserRuleInput } from './types';

/**
 * The article with its other pages joined, read from `doc` (which it does not change) with the user's `rule`;
 * `found` (the first page) when there is nothing to join or the join fails.
 */
export async function withOtherPages(
  doc: Document,
  url: string,
  found: Article,
  rule: UserRuleInput | null,
  fetchPage: ((url: string) => Promise<string>) | undefined,
): Promise<Article> {
  if (!fetchPage || rule?.body || planPages(doc, url).kind === 'single') return found;
  const remove = rule?.remove ?? [];
  return (await readArticle(doc, { url, fetchPage, userRule: remove.length ? { remove } : undefined }).catch(() => null)) ?? found;
}

export function join(core: ReaderCore): ReaderFeature {
  const { env } = core;
  let joining = false;
  let joined: Promise<void> = Promise.resolve();
  /** Counts the readers opened and closed: a join finishing for an earlier one is dropped. */
  let generation = 0;
  /** A copy of the page taken before the swap (by then the live body is the reader's); null: nothing to join. */
  let original: Document | null = null;

  const joinPages = async (page: Document, gen: number, remove: string[]) => {
    joining = true;
    core.paint();
    try {
      const whole = await readArticle(page, { url: core.url, fetchPage: env.fetchPage, userRule: remove.length ? { remove } : undefined });
      if (gen === generation && whole && core.swap) core.article = whole;
    } catch {
      // Keep the first page; readArticle reports missing pages itself, this is only for the unexpected.
    } finally {
      if (gen === generation) {
        joining = false;
        core.paint();
      }
    }
  };

  return {
    props: () => ({ joining }),
    opening() {
      const { doc } = env;
      const multiPage = !!env.fetchPage && !core.baseRule?.body && planPages(doc, core.url).kind !== 'single';
      original = multiPage ? (doc.cloneNode(true) as Document) : null;
    },
    opened() {
      generation++;
      joined = original ? joinPages(original, generation, core.baseRule?.remove ?? []) : Promise.resolve();
      original = null;
    },
    closed() {
      generation++;
      joining = false;
    },
    settled: () => joined,
  };
}
