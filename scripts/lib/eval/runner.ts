/**
 * Running a set from the main thread: the pages run one at a time in a worker thread (scripts/lib/eval/
 * worker.ts) while this thread keeps a watchdog. A page whose parse or side is still running after HANG_MS is
 * a finding, and also something no code can interrupt from inside: the worker is ended, the side is recorded
 * as stopped, and a new worker carries on from that page without it.
 */
import { Worker } from 'node:worker_threads';
import type { Phase } from './page-run';
import { HANG_MS, isSlow } from './score';
import type { BrowserTiming, LoadContext, PageRun } from './types';
import type { WorkerJob, WorkerMessage } from './worker';

export type BrowserTimer = (url: string, html: string, index: number) => Promise<BrowserTiming>;

export interface RunOptions {
  /** Only pages whose id contains this. */
  page?: string;
  /** At most this many pages (after the --page filter). */
  limit?: number;
  /** Also time each page in Chromium. */
  browser?: BrowserTimer;
  /** One character a page: "." done, "x" an exception, "S" slower than SLOW_MS, "H" stopped, "-" no file. */
  progress?: (mark: string) => void;
}

export interface SetRun {
  runs: PageRun[];
  /** Pages listed but whose file the snapshot lacks. */
  missing: string[];
}

/**
 * Loads the worker through tsx's loader: a worker thread does not inherit the loader tsx gave this thread, so
 * it registers it first, then imports the TypeScript module.
 */
const BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./worker.ts', import.meta.url).href)}); })`;

type WorkerEnd = { kind: 'done' } | { kind: 'hung'; index: number; id: string; phase: Phase };

/** One worker on `job` until it is done or hangs; `onPage` sees every finished page (and may take its time). */
function runWorker(job: WorkerJob, onPage: (m: Extract<WorkerMessage, { type: 'page' | 'missing' }>) => Promise<void> | void): Promise<WorkerEnd> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, { eval: true, workerData: job });
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = (end: WorkerEnd) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(end);
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'phase') {
        clearTimeout(timer);
        timer = setTimeout(() => finish({ kind: 'hung', index: m.index, id: m.id, phase: m.phase }), HANG_MS);
      } else if (m.type === 'done') {
        finish({ kind: 'done' });
      } else {
        clearTimeout(timer);
        Promise.resolve(onPage(m)).then(
          () => job.handBack && m.type === 'page' && worker.postMessage('next'),
          (error: unknown) => {
            settled = true;
            void worker.terminate();
            reject(error);
          },
        );
      }
    });
    worker.on('error', (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`eval worker ended early (exit ${code})`));
    });
  });
}

/**
 * Runs `job` across as many workers as hangs need: after a hang the next worker starts at the same page with
 * the hung parse or side left out (recorded as stopped), so the other side of that page still runs.
 */
async function runWithRestarts(job: WorkerJob, onPage: Parameters<typeof runWorker>[1]): Promise<void> {
  let next: WorkerJob | null = job;
  while (next) {
    const end = await runWorker(next, onPage);
    if (end.kind === 'done') return;
    const before: Phase[] = next.skip?.index === end.index ? next.skip.phases : [];
    next = { ...next, startAt: end.index, skip: { index: end.index, phases: [...before, end.phase] } };
  }
}

export async function runSet(set: string, ctx: LoadContext, options: RunOptions): Promise<SetRun> {
  const runs: PageRun[] = [];
  const missing: string[] = [];
  const mark = options.progress ?? (() => {});
  const job: WorkerJob = { set, ctx, page: options.page, limit: options.limit, startAt: 0, skip: null, handBack: !!options.browser };
  await runWithRestarts(
    job,
    async (m) => {
      if (m.type === 'missing') {
        missing.push(m.id);
        return mark('-');
      }
      const run = m.run;
      if (options.browser && !run.stopped) run.browser = await options.browser(run.url, m.html!, m.index);
      runs.push(run);
      mark(run.stopped ? 'H' : run.engine.error || run.readability.error ? 'x' : isSlow(run) ? 'S' : '.');
    },
  );
  await timeSlowPagesAgain(runs, { ...job, handBack: false });
  return { runs, missing };
}

/**
 * Slow pages are timed once more, after the set (the first timings stay the figures): on a busy machine one
 * slow run can be a collection or another process, and a real slow page is slow twice. Pages that hung are not
 * run again; a hang here ends the re-timing.
 */
async function timeSlowPagesAgain(runs: readonly PageRun[], job: WorkerJob): Promise<void> {
  const slow = runs.filter((r) => isSlow(r) && !r.stopped);
  if (!slow.length) return;
  const byId = new Map(slow.map((r) => [r.id, r]));
  await runWorker({ ...job, only: [...byId.keys()], startAt: 0, skip: null }, (m) => {
    if (m.type !== 'page') return;
    byId.get(m.run.id)!.again = { engineMs: m.run.engine.ms, readabilityMs: m.run.readability.ms };
  });
}
