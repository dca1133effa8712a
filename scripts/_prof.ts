import { extractArticle } from '../utils/extract';
import { listFixtures } from '../test/helpers/fixtures';
import { loadPage } from './lib/page';
const fx = listFixtures().filter((f) => f.expected.article !== false);
const docs = fx.map((f) => ({ doc: loadPage(f.html, f.expected.url).window.document, url: f.expected.url }));
for (let i = 0; i < 8; i++) for (const d of docs) extractArticle(d.doc, { url: d.url });
