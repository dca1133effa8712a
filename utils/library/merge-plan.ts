/**
 * The decisions of an import's merge (Library.planMerge and Library.merge): what each entry does to the library
 * (add, update, replace, skip) and the plan counted from them. Both run the same code here, so the plan shown
 * before an import and the merge that follows cannot disagree.
 */
import type { MergeItem, MergePlan, MergePlanStep, SavedArticle } from './types';
import { canonicalUrl } from './canonical';
import { req } from './idb';
import { asRasterBlob } from './images';
import { isPlainId, mergeLinkEntry, mergeRecordEntry, type MergeDecision } from './records';
import { I, S } from './schema';

export interface DecidedStep extends MergeDecision, MergePlanStep {
  /** Pictures stored for the saved copy before this step. */
  replacedImages: string[];
}

export function planOf(steps: readonly (MergePlanStep & { action: MergePlanStep['action'] })[]): MergePlan {
  const plan: MergePlan = { added: 0, updated: 0, replaced: 0, skipped: 0, steps: [] };
  const count = { add: 'added', update: 'updated', replace: 'replaced', skip: 'skipped' } as const;
  for (const s of steps) {
    plan[count[s.action]]++;
    plan.steps.push({ action: s.action, id: s.id, title: s.title, url: s.url });
  }
  return plan;
}

/** The same decisions for the same pages (ids of new entries are made at write time and do not count). */
export function samePlan(a: MergePlan, b: MergePlan): boolean {
  return a.steps.length === b.steps.length && a.steps.every((s, i) => s.action === b.steps[i].action && s.id === b.steps[i].id && s.url === b.steps[i].url);
}

function titleOfItem(item: MergeItem): string {
  const t = item.kind === 'record' ? item.record?.article?.title : item.title;
  return typeof t === 'string' ? t : '';
}

/**
 * Pictures of full records, kept only when their bytes are a raster image, and typed by them (images.ts). The
 * import checks this already; merge is public, so it checks again, before its transaction opens (reading a blob
 * inside it would let it commit early).
 */
export async function rasterImagesOnly(items: readonly MergeItem[]): Promise<MergeItem[]> {
  return Promise.all(
    items.map(async (item) => {
      if (item.kind !== 'record' || !item.images?.length) return item;
      const kept: { url: string; blob: Blob }[] = [];
      for (const img of item.images) {
        const blob = await asRasterBlob(img.blob).catch(() => null);
        if (blob) kept.push({ url: img.url, blob });
      }
      return { ...item, images: kept };
    }),
  );
}

interface DecideContext {
  rev: number;
  now: () => number;
  newId: () => string;
}

/**
 * Reads what each entry meets in the library and decides, in order (a later entry sees the earlier ones). `rev` is
 * the generation the records written get; `newId` names the entries new to the library.
 */
export async function decideMerge(tx: IDBTransaction, items: readonly MergeItem[], ctx: DecideContext): Promise<DecidedStep[]> {
  const articles = tx.objectStore(S.articles);
  const now = ctx.now();
  // Canonical URL -> the record as it stands after the entries so far (null: not in the library).
  const known = new Map<string, SavedArticle | null>();
  const newIds = new Set<string>();
  const steps: DecidedStep[] = [];
  for (const item of items) {
    const url = item.kind === 'record' ? item.record?.article?.url : item.url;
    let canon: string;
    try {
      canon = canonicalUrl(url);
    } catch {
      steps.push({ action: 'skip', id: null, title: titleOfItem(item), url: String(url), record: null, images: null, replacedImages: [] });
      continue;
    }
    if (!known.has(canon)) known.set(canon, ((await req(articles.index(I.url).get(canon))) as SavedArticle | undefined) ?? null);
    const existing = known.get(canon) ?? null;
    let id = existing?.id;
    if (!id) {
      // Keep the exported id (links to it stay valid) unless it already names another page here or is not a
      // plain id (it ends up in the reader page's address).
      const wanted = item.kind === 'record' && isPlainId(item.record.id) ? item.record.id : null;
      id = wanted && !newIds.has(wanted) && (await req(articles.getKey(wanted))) === undefined ? wanted : ctx.newId();
    }
    const entry = { id, canonicalUrl: canon, now, rev: ctx.rev };
    const d: MergeDecision = item.kind === 'record' ? mergeRecordEntry(existing, item, entry) : mergeLinkEntry(existing, item, entry);
    if (d.record) {
      known.set(canon, d.record);
      if (!existing) newIds.add(d.record.id);
    }
    steps.push({
      ...d,
      id: existing?.id ?? null,
      title: existing?.article.title ?? d.record?.article.title ?? titleOfItem(item),
      url: canon,
      replacedImages: existing?.images ?? [],
    });
  }
  return steps;
}
