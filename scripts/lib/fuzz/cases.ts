/**
 * One fuzz case from (seed, case number): its source page (real, fixture or synthetic) and its mutations, each
 * drawn from its own stream of the seeded generator so the same pair always rebuilds the same input.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseRng } from './prng';
import { mutate, stressKindOf, type MutationKind, type Parse } from './mutate';
import { synthPage, type Shape } from './synth';
import type { PayloadKind } from './payloads';
import type { Catalogue } from './sources';

export type SourceKind = 'real' | 'fixture' | 'synthetic';

export interface BuiltCase {
  seed: number;
  caseNo: number;
  kind: SourceKind;
  /** "readability/ars-1", "fixture:test/fixtures/kompas/basic/source.html", "synthetic/site". */
  source: string;
  /** Report category: the real set, "fixture", or "synthetic/<shape>". */
  category: string;
  shape?: Shape;
  url: string;
  html: string;
  mutations: MutationKind[];
  payloads: PayloadKind[];
}

/** How often each kind of source is picked (a kind with no pages is never picked). */
export const SOURCE_WEIGHTS: Record<SourceKind, number> = { real: 5, fixture: 10, synthetic: 85 };

export async function buildCase(seed: number, caseNo: number, cat: Pick<Catalogue, 'real' | 'fixtures' | 'sites'>, root: string, parse: Parse): Promise<BuiltCase> {
  const pick = caseRng(seed, caseNo, 'source');
  const kind = pick.weighted<SourceKind>([
    ['real', cat.real.some((r) => r.entries.length) ? SOURCE_WEIGHTS.real : 0],
    ['fixture', cat.fixtures.length ? SOURCE_WEIGHTS.fixture : 0],
    ['synthetic', SOURCE_WEIGHTS.synthetic],
  ]);
  let base: Omit<BuiltCase, 'html' | 'mutations' | 'payloads'> & { html: string } | null = null;
  if (kind === 'real') {
    const set = pick.weighted(cat.real.filter((r) => r.entries.length).map((r) => [r, r.weight] as const));
    const entry = pick.pick(set.entries);
    const page = await entry.load();
    if (page) base = { seed, caseNo, kind, source: entry.id, category: set.set, url: page.url ?? entry.url, html: page.html };
  } else if (kind === 'fixture') {
    const f = pick.pick(cat.fixtures);
    base = { seed, caseNo, kind, source: `fixture:${f.path}`, category: 'fixture', url: f.url, html: readFileSync(join(root, f.path), 'utf8') };
  }
  if (!base) {
    // Synthetic, or a real page whose file the snapshot lacks.
    const page = synthPage(caseRng(seed, caseNo, 'synth'), cat.sites);
    base = { seed, caseNo, kind: 'synthetic', source: `synthetic/${page.shape}`, category: `synthetic/${page.shape}`, shape: page.shape, url: page.url, html: page.html };
  }
  const m = mutate(base.html, caseRng(seed, caseNo, 'mutate'), parse, stressKindOf(caseNo));
  return { ...base, html: m.html, mutations: m.mutations, payloads: m.payloads };
}
