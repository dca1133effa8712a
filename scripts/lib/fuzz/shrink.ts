/**
 * Shrinking a failing input to a small one that fails the same way: markup tokens (tags and text runs) are taken
 * out in chunks, halving the chunk size whenever no chunk can go (delta debugging), then long text runs are cut
 * short. Bounded by runs and time; what it returns always still fails.
 */

export interface ShrinkBudget {
  maxRuns: number;
  maxMs: number;
}

export interface Shrunk {
  output: string;
  runs: number;
}

const tokenize = (html: string): string[] => html.match(/<[^>]*>|[^<]+|</g) ?? [];

export function shrink(input: string, fails: (html: string) => boolean, { maxRuns, maxMs }: ShrinkBudget, now: () => number = () => Date.now()): Shrunk {
  const start = now();
  let runs = 0;
  const out = () => runs >= maxRuns || now() - start > maxMs;
  const test = (tokens: string[]): boolean => {
    runs++;
    try {
      return fails(tokens.join(''));
    } catch {
      return false;
    }
  };
  let tokens = tokenize(input);
  let size = Math.max(1, Math.floor(tokens.length / 2));
  while (size >= 1 && !out()) {
    let removed = false;
    for (let at = 0; at < tokens.length && !out(); ) {
      const candidate = [...tokens.slice(0, at), ...tokens.slice(at + size)];
      if (candidate.length < tokens.length && test(candidate)) {
        tokens = candidate;
        removed = true;
      } else {
        at += size;
      }
    }
    if (!removed) size = Math.floor(size / 2);
    else size = Math.min(size, Math.max(1, Math.floor(tokens.length / 2)));
  }
  // Long text runs and long tags, cut short where the failure does not need them.
  for (let i = 0; i < tokens.length && !out(); i++) {
    const t = tokens[i];
    if (t.length <= 40) continue;
    const cut = t.startsWith('<') ? null : `${t.slice(0, 20)}`;
    if (cut === null) continue;
    const candidate = [...tokens];
    candidate[i] = cut;
    if (test(candidate)) tokens = candidate;
  }
  return { output: tokens.join(''), runs };
}
