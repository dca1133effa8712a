/**
 * Reading pages straight out of the bare git snapshots in the mirror folder (<mirror>/<owner>+<name>/repo, no
 * work tree): nothing is checked out or copied into this repository. Files are listed with `git ls-tree` and
 * read through one long-lived `git cat-file --batch` per snapshot (a process per file would cost more than
 * extracting the page).
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface Snapshot {
  /** owner/name */
  repo: string;
  /** The commit HEAD points at, reported with the results. */
  commit: string;
  /** Paths of the files at HEAD under `prefix` (a folder, with or without the trailing slash). */
  list(prefix: string): string[];
  /** A file's bytes at HEAD (or at `commit`), null when it is not in the snapshot. */
  read(path: string, commit?: string): Promise<Buffer | null>;
  close(): void;
}

/**
 * Where a repository's snapshot lives in the mirror folder: `owner+name/repo`, a bare git directory, or (as some
 * snapshots arrive) the git directory inside it, `owner+name/repo/.git`.
 */
export function snapshotDir(mirror: string, repo: string): string {
  const dir = join(mirror, repo.replace('/', '+'), 'repo');
  return !existsSync(join(dir, 'HEAD')) && existsSync(join(dir, '.git', 'HEAD')) ? join(dir, '.git') : dir;
}

/** The one line printed when a set cannot run for want of its snapshot. */
export const missingSnapshot = (set: string, repo: string): string =>
  `skipped ${set}: needs a snapshot of ${repo} in ../.mirror`;

function git(gitDir: string, args: string[]): string {
  return execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
}

/** The snapshot of `repo`, or null when the mirror has none (or it is not a readable git directory). */
export function openSnapshot(mirror: string, repo: string): Snapshot | null {
  const gitDir = snapshotDir(mirror, repo);
  if (!existsSync(gitDir)) return null;
  let commit: string;
  try {
    commit = git(gitDir, ['rev-parse', 'HEAD']).trim();
  } catch {
    return null;
  }
  let reader: BlobReader | null = null;
  return {
    repo,
    commit,
    list(prefix) {
      const folder = prefix.endsWith('/') ? prefix : `${prefix}/`;
      // -z: paths come raw (no quoting of spaces and non-ASCII names).
      return git(gitDir, ['ls-tree', '-r', '-z', '--name-only', commit, '--', folder]).split('\0').filter(Boolean);
    },
    read(path, at = commit) {
      reader ??= new BlobReader(gitDir);
      return reader.read(`${at}:${path}`);
    },
    close() {
      reader?.close();
      reader = null;
    },
  };
}

/**
 * `git cat-file --batch`: a line "<rev>:<path>" in, "<sha> <type> <size>\n<bytes>\n" (or "<rev>:<path> missing")
 * out. Requests are answered in order, so a FIFO of waiting promises is all the bookkeeping needed.
 */
class BlobReader {
  private proc: ChildProcessWithoutNullStreams;
  private waiting: ((blob: Buffer | null) => void)[] = [];
  private pending: Buffer = Buffer.alloc(0);

  constructor(gitDir: string) {
    this.proc = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch']);
    this.proc.stdout.on('data', (chunk: Buffer) => {
      this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
      this.drain();
    });
    this.proc.on('exit', () => {
      for (const answer of this.waiting.splice(0)) answer(null);
    });
  }

  read(spec: string): Promise<Buffer | null> {
    // A newline would end the request early: such a path cannot be asked for.
    if (spec.includes('\n')) return Promise.resolve(null);
    return new Promise((answer) => {
      this.waiting.push(answer);
      this.proc.stdin.write(`${spec}\n`);
    });
  }

  /** Answers every request whose reply has fully arrived. */
  private drain(): void {
    for (;;) {
      const eol = this.pending.indexOf(10);
      if (eol < 0 || !this.waiting.length) return;
      const header = this.pending.subarray(0, eol).toString('utf8');
      const m = header.match(/^[0-9a-f]+ (\w+) (\d+)$/);
      if (!m) {
        // "missing" or "ambiguous": a header alone.
        this.pending = this.pending.subarray(eol + 1);
        this.waiting.shift()!(null);
        continue;
      }
      const size = Number(m[2]);
      if (this.pending.length < eol + 1 + size + 1) return;
      const blob = Buffer.from(this.pending.subarray(eol + 1, eol + 1 + size));
      this.pending = this.pending.subarray(eol + 1 + size + 1);
      this.waiting.shift()!(m[1] === 'blob' ? blob : null);
    }
  }

  close(): void {
    this.proc.stdin.end();
  }
}
