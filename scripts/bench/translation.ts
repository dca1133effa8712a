/**
 * (t) Translation speed (scripts/lib/translate-bench.ts): a long fixture article through the LibreTranslate provider
 * against the Apertium test server on 127.0.0.1, cold and from the cache; skipped with a reason without Apertium.
 */
import { benchTranslation, type TranslateBench } from '../lib/translate-bench';
import { fx, ROOT, type BenchSuite } from './shared';

type TranslationFigures = TranslateBench | { skipped: string };

function report(translation: TranslationFigures): string[] {
  if ('skipped' in translation) return [`(t) translation: skipped (${translation.skipped})`];
  return [
    `(t) translation, ${translation.fixture} (${translation.words} words, ${translation.blocks} blocks, ${translation.pair}) through LibreTranslate -> Apertium on 127.0.0.1: ` +
      `first block ${fx(translation.cold.firstBlockMs, 0)} ms, whole article ${fx(translation.cold.totalMs, 0)} ms (${translation.cold.requests} requests, ${translation.cold.failed} failed); ` +
      `reopened from the cache: first block ${fx(translation.warm.firstBlockMs, 1)} ms, whole ${fx(translation.warm.totalMs, 1)} ms.`,
  ];
}

export const translationSuite: BenchSuite<TranslationFigures> = {
  run: () => benchTranslation(ROOT),
  report,
};
