/**
 * The eval's worker thread: runs a set's pages one after the other and reports each to the main thread, which
 * watches the clock. A page that never finishes (a runaway regular expression, say) cannot be interrupted from
 * inside: the main thread ends this worker and starts another after that page.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pickEntries, SETS } from './sets';
import { runPage, warmUp, type Phase } from './page-run';
import type { LoadContext, PageRun } from './types';

export interface WorkerJob {
  set: string;
  ctx: LoadContext;
  page?: string;
  limit?: number;
  /** Only these page ids (re-timing the slow pages), else every picked page. */
  only?: string[];
  /** Index (in the picked list) to start at. */
  startAt: number;
  /** Sides not to run on one page, because they hung there. */
  skip: { index: number; phases: Phase[] } | null;
  /** Wait for the main thread's go-ahead after each page (it times the page in Chromium meanwhile). */
  handBack: boolean;
}

export type WorkerMessage =
  | { type: 'phase'; index: number; id: string; phase: Phase }
  | { type: 'page'; index: number; run: PageRun; html?: string }
  | { type: 'missing'; index: number; id: string }
  | { type: 'done' };

async function main(job: WorkerJob): Promise<void> {
  const port = parentPort!;
  const post = (m: WorkerMessage) => port.postMessage(m);
  const goAhead = () => new Promise<void>((next) => port.once('message', () => next()));
  const set = await SETS[job.set](job.ctx);
  if ('skipped' in set) return post({ type: 'done' });
  try {
    const picked = pickEntries(set, job.page, job.limit);
    const entries = job.only ? picked.filter((e) => job.only!.includes(e.id)) : picked;
    warmUp();
    for (let index = job.startAt; index < entries.length; index++) {
      const entry = entries[index];
      const page = await entry.load();
      if (!page) {
        post({ type: 'missing', index, id: entry.id });
        continue;
      }
      const skip = job.skip?.index === index ? job.skip.phases : [];
      const run = runPage(entry, page, index, { skip, onPhase: (phase) => post({ type: 'phase', index, id: entry.id, phase }) });
      post({ type: 'page', index, run, ...(job.handBack ? { html: page.html } : {}) });
      if (job.handBack) await goAhead();
    }
  } finally {
    set.close();
  }
  post({ type: 'done' });
}

void main(workerData as WorkerJob);
