/**
 * Every fixture's whole body, as Markdown, is kept beside it as expected.md: expected.json checks chosen parts of
 * an article (title, first and last paragraph, what must not be there), the snapshot shows all of it, so a change
 * anywhere in a body shows in review. `npm run test:unit -- -u` rewrites the snapshots: do it on purpose, and read
 * the diff (test/fixtures/README.md).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { extractArticle, readArticle } from '@/utils/extract';
import { articleToMarkdown } from '@/utils/markdown';
import { fixtureFetcher, listFixtures } from '../helpers/fixtures';

/** The snapshot of a page the engine finds no article in (what auto-clean does with it). */
const NO_ARTICLE = 'No article: the engine returns null for this page.\n';

describe('fixture snapshots (expected.md)', () => {
  for (const f of listFixtures()) {
    it(f.id, async () => {
      const e = f.expected;
      const doc = new DOMParser().parseFromString(f.html, 'text/html');
      // Read as fixtures.test.ts reads it: a page that is no article is judged as auto-clean judges it (gated).
      const gate = e.article === false;
      const article = e.pages
        ? await readArticle(doc, { url: e.url, fetchPage: fixtureFetcher(f), timeoutMs: 2000, gate })
        : extractArticle(doc, { url: e.url, gate });
      // The title and the body: the lead picture and the metadata are expected.json's to check.
      const markdown = article ? articleToMarkdown(article, { doc: document, leadImage: false }) : NO_ARTICLE;
      await expect(markdown).toMatchFileSnapshot(join(f.dir, 'expected.md'));
    });
  }
});
