/** Packing segments into requests within a provider's limits. Pure. */

export interface BatchLimits {
  /** Largest number of items in one request (LibreTranslate's batch_limit, DeepL's 50 texts). */
  maxItems: number;
  /** Largest total size of one request, in `size` units (characters of the marker HTML). */
  maxChars: number;
}

/**
 * Splits `items` into consecutive batches, keeping their order, each within both limits. An item bigger than
 * maxChars on its own gets a batch to itself: the provider decides, and a 'too-long' answer makes the article
 * code report that block rather than stall the rest.
 */
export function packBatches<T>(items: readonly T[], limits: BatchLimits, size: (item: T) => number): T[][] {
  const maxItems = Math.max(1, Math.floor(limits.maxItems));
  const batches: T[][] = [];
  let current: T[] = [];
  let chars = 0;
  for (const item of items) {
    const n = size(item);
    if (current.length && (current.length >= maxItems || chars + n > limits.maxChars)) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(item);
    chars += n;
  }
  if (current.length) batches.push(current);
  return batches;
}

/** Halves of a batch, for a second try after the provider said it was too long. */
export function splitBatch<T>(batch: readonly T[]): [T[], T[]] {
  const mid = Math.ceil(batch.length / 2);
  return [batch.slice(0, mid), batch.slice(mid)];
}
