/**
 * The fuzzer's only source of randomness: a small seeded generator (sfc32, seeded from a 128-bit string hash), so
 * that a seed and a case number name one input exactly and `--replay <seed>:<case>` rebuilds it byte for byte.
 * Nothing in scripts/lib/fuzz may call Math.random or read the clock to decide what an input looks like.
 */

/** Four 32-bit words from a string (murmur-style mixing of each character into four lanes). */
export function hash128(text: string): [number, number, number, number] {
  let h1 = 0x6a09e667;
  let h2 = 0xbb67ae85;
  let h3 = 0x3c6ef372;
  let h4 = 0xa54ff53a;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 0x9e3779b1);
    h2 = h3 ^ Math.imul(h2 ^ k, 0x85ebca6b);
    h3 = h4 ^ Math.imul(h3 ^ k, 0xc2b2ae35);
    h4 = h1 ^ Math.imul(h4 ^ k, 0x27d4eb2f);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 16), 0x85ebca6b);
  h2 = Math.imul(h4 ^ (h2 >>> 13), 0xc2b2ae35);
  h3 = Math.imul(h1 ^ (h3 >>> 16), 0x9e3779b1);
  h4 = Math.imul(h2 ^ (h4 >>> 13), 0x27d4eb2f);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A generator for `label` (e.g. "7:1234:mutate"); the same label always gives the same sequence. */
  constructor(label: string) {
    [this.a, this.b, this.c, this.d] = hash128(label);
    // The first outputs of sfc32 are still close to the seed: skip them.
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max], both included. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new Error('Rng.pick: empty list');
    return items[this.int(items.length)];
  }

  /** One of `entries`, each as likely as its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** A new list in random order. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** A lower-case identifier of `len` characters (class and id names). */
  ident(len = this.range(3, 10)): string {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    let s = letters[this.int(26)];
    const chars = `${letters}0123456789-_`;
    while (s.length < len) s += chars[this.int(chars.length)];
    return s;
  }
}

/** The generator of one stage of one case: stages draw from their own streams so one never shifts another. */
export const caseRng = (seed: number, caseNo: number, stage: string): Rng => new Rng(`jernih-fuzz:${seed}:${caseNo}:${stage}`);
