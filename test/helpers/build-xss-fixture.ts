/**
 * Writes test/fixtures/security/xss-article/source.html from the XSS corpus (test/helpers/xss-vectors.ts).
 * Run from the project root after changing the corpus:  npx tsx test/helpers/build-xss-fixture.ts
 * expected.json beside it is written by hand (its needles do not depend on the vector list).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { XSS_VECTORS } from './xss-vectors';
import { buildXssFixtureHtml } from './xss-page';

const dir = resolve(import.meta.dirname, '..', 'fixtures', 'security', 'xss-article');
mkdirSync(dir, { recursive: true });
const html = buildXssFixtureHtml(XSS_VECTORS);
writeFileSync(join(dir, 'source.html'), html);
const body = XSS_VECTORS.filter((v) => v.where === 'body').length;
console.log(`wrote ${join(dir, 'source.html')}: ${XSS_VECTORS.length} vectors (${body} body, ${XSS_VECTORS.length - body} meta), ${html.length} bytes`);
