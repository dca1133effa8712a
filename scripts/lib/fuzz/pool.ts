/**
 * Main-thread side of the fuzz run: a few worker threads (scripts/lib/fuzz/worker.ts) fed jobs from one queue,
 * each watched as the eval's runner watches its worker (scripts/lib/eval/runner.ts): a job whose current phase
 * runs past HANG_MS is a finding that no code can interrupt from inside, so the worker is ended, the job reported
 * as hung, and a new worker takes the next job. A worker that dies (out of memory, say) is reported the same way.
 */
import { Worker } from 'node:worker_threads';
import { HANG_MS, PARSE_HANG_MS, type Phase } from './run';
import type { CatalogueSummary, Job, Reply, WorkerMessage, WorkerSetup } from './worker';

/** A worker thread does not inherit tsx's loader: it registers it, then imports the TypeScript worker. */
const BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./worker.ts', import.meta.url).href)}); })`;

export type JobEnd = { job: Job; reply: Reply } | { job: Job; stopped: { phase: Phase | 'start'; reason: 'hang' | 'crash'; message: string } };

interface Slot {
  worker: Worker;
  ready: Promise<CatalogueSummary>;
}

export class Pool {
  private slots: Slot[] = [];
  summary: CatalogueSummary | null = null;

  constructor(private size: number, private setup: WorkerSetup, private hangMs = HANG_MS) {}

  private spawn(): Slot {
    // A larger stack than the default, as a browser's: deep trees are walked recursively in places.
    const worker = new Worker(BOOT, { eval: true, workerData: this.setup, resourceLimits: { stackSizeMb: 8 } });
    const ready = new Promise<CatalogueSummary>((resolve, reject) => {
      const onMessage = (m: WorkerMessage) => {
        if (m.type !== 'ready') return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve(m.summary);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    return { worker, ready };
  }

  /** Runs `jobs` (in order, spread over `lanes` workers); `goOn` is asked before each job whether to go on. */
  async run(jobs: Job[], onEnd: (end: JobEnd) => void, goOn: () => boolean = () => true, lanes = this.size): Promise<void> {
    let index = 0;
    const take = (): Job | null => (index < jobs.length && goOn() ? jobs[index++] : null);
    const lane = async (lane: number): Promise<void> => {
      let slot = this.slots[lane] ?? (this.slots[lane] = this.spawn());
      this.summary ??= await slot.ready;
      await slot.ready;
      for (let job = take(); job; job = take()) {
        const end = await this.runJob(slot, job);
        onEnd(end);
        if ('stopped' in end) {
          void slot.worker.terminate();
          slot = this.slots[lane] = this.spawn();
          await slot.ready;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(lanes, this.size, Math.max(1, jobs.length)) }, (_, i) => lane(i)));
  }

  private runJob(slot: Slot, job: Job): Promise<JobEnd> {
    return new Promise((resolve) => {
      const { worker } = slot;
      let phase: Phase | 'start' = 'start';
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        // Building an input and jsdom parsing it are the harness's work, not the engine's: they get longer. So
        // does the sanitizer's run on the whole input (a safety check, not a budget: the reader sanitizes only
        // the article), which is mostly jsdom parsing the input once more.
        const parsing = phase === 'build' || phase === 'parse' || phase === 'sanitizer';
        const limit = parsing ? Math.max(this.hangMs, PARSE_HANG_MS) : this.hangMs;
        timer = setTimeout(() => done({ job, stopped: { phase, reason: 'hang', message: `no result after ${limit / 1000} s in phase ${phase} (worker stopped)` } }), limit);
      };
      const onMessage = (m: WorkerMessage) => {
        if (m.type === 'phase') {
          phase = m.phase;
          arm();
        } else if (m.type !== 'ready') {
          done({ job, reply: m });
        }
      };
      const onError = (error: Error) => done({ job, stopped: { phase, reason: 'crash', message: `worker died in phase ${phase}: ${error.message}` } });
      const onExit = (code: number) => done({ job, stopped: { phase, reason: 'crash', message: `worker exited (code ${code}) in phase ${phase}` } });
      const done = (end: JobEnd) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(end);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      arm();
      worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }
}
