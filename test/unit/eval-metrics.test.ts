/**
 * The pure parts of `npm run eval` (scripts/lib/eval): token metrics, trafilatura's snippet scoring, the
 * Indonesian label check, the statistics, and turning the sets' gold files into text.
 */
import { describe, expect, it } from 'vitest';
import {
  bagOfWords, checkLabel, countSnippets, firstAbsentSpan, mean, median, percentile, snippetScores, spans, tokenDiff,
  tokenize, MAX_CHUNKS,
} from '@/scripts/lib/eval/metrics';
import { differences, scorePage, summarizeSet, worstPages } from '@/scripts/lib/eval/score';
import { decodeHtml, declaredEncoding, markdownToText } from '@/scripts/lib/eval/text';
import { defuddleUrl } from '@/scripts/lib/eval/sets/defuddle';
import { labelProblem } from '@/scripts/lib/eval/sets/indonesian';
import { pageUrl } from '@/scripts/lib/eval/sets/trafilatura';
import type { Gold, PageRun } from '@/scripts/lib/eval/types';

describe('tokens', () => {
  it('are lower-cased runs of letters and digits in any script', () => {
    expect(tokenize('Jokowi\'s 2024 visit — "Jakarta", São Paulo; 北京!')).toEqual(['jokowi', 's', '2024', 'visit', 'jakarta', 'são', 'paulo', '北京']);
    expect(tokenize(' … ')).toEqual([]);
  });

  it('read a word broken by soft hyphens as the one word a reader sees', () => {
    expect(tokenize('im Mit\u00adtel\u00adal\u00adter')).toEqual(['im', 'mittelalter']);
    expect(bagOfWords('im Mittelalter', 'im Mit\u00adtel\u00adal\u00adter').f1).toBe(1);
    expect(countSnippets('Werkzeugtypen und ihre Laufzeiten', ['erk\u00adzeug\u00adty\u00adpen und'], [])).toEqual({ tp: 1, fn: 0, fp: 0, tn: 0 });
    expect(countSnippets('Werk\u00adzeug\u00adty\u00adpen und', ['Werkzeugtypen und'], [])).toEqual({ tp: 1, fn: 0, fp: 0, tn: 0 });
  });

  it('score a bag of words with multiset overlap', () => {
    // out: a a b c (4), gold: a b b d (4); overlap = min(2,1) a + min(1,2) b = 2
    const s = bagOfWords('a a b c', 'a b b d');
    expect(s.precision).toBe(0.5);
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBe(0.5);
    expect(bagOfWords('The cat', 'the CAT')).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('score an empty output 0, not a division by zero', () => {
    expect(bagOfWords(null, 'some gold')).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(bagOfWords('   ', 'some gold')).toEqual({ precision: 0, recall: 0, f1: 0 });
    // No gold words: recall and F1 have no meaning.
    expect(bagOfWords('words', '')).toEqual({ precision: 0, recall: null, f1: null });
  });

  it('list the most frequent missing and leaked tokens', () => {
    const d = tokenDiff('b c c c x', 'a a a b b c', 5);
    expect(d.missing).toEqual(['a ×3', 'b']);
    expect(d.leaked).toEqual(['c ×2', 'x']);
    expect(tokenDiff(null, 'a b', 1).missing).toEqual(['a']);
  });

  it('find the first sentence-ish span that is absent', () => {
    expect(spans('One two. Three four\nstill three\n\nFive')).toEqual(['One two.', 'Three four still three', 'Five']);
    const gold = 'The first sentence is here. The second sentence went missing. Short one.';
    expect(firstAbsentSpan(gold, 'the first sentence is here, short one')).toBe('The second sentence went missing.');
    expect(firstAbsentSpan(gold, gold)).toBeNull();
    // Spans under four words are too short to tell.
    expect(firstAbsentSpan('Too short.', '')).toBeNull();
  });
});

describe('trafilatura snippets (tests/eval_common.py)', () => {
  it('count with/without snippets on whitespace-normalised, case-sensitive text', () => {
    const out = 'Die GEMA dreht  völlig\nam Zeiger! Impressum';
    expect(countSnippets(out, ['Die GEMA dreht völlig am Zeiger!', 'missing'], ['Impressum', 'Twitter', 'impressum'])).toEqual({ tp: 1, fn: 1, fp: 1, tn: 2 });
  });

  it('count a missing output as finding nothing', () => {
    expect(countSnippets(null, ['a', 'b'], ['c'])).toEqual({ tp: 0, fn: 2, fp: 0, tn: 1 });
  });

  it('use at most MAX_CHUNKS snippets a side', () => {
    const many = Array.from({ length: MAX_CHUNKS + 3 }, (_, i) => `s${i}`);
    const c = countSnippets('', many, many);
    expect(c.fn + c.tp).toBe(MAX_CHUNKS);
    expect(c.tn + c.fp).toBe(MAX_CHUNKS);
  });

  it('score as ConfusionMatrix.scores', () => {
    expect(snippetScores({ tp: 6, fp: 2, fn: 2, tn: 6 })).toEqual({ precision: 0.75, recall: 0.75, f1: 0.75, accuracy: 0.75 });
    expect(snippetScores({ tp: 0, fp: 0, fn: 0, tn: 0 })).toEqual({ precision: 0, recall: 0, f1: 0, accuracy: 0 });
  });
});

describe('Indonesian labels', () => {
  const label = {
    first: 'Presiden Joko Widodo meresmikan jalan tol.',
    last: 'Acara berlangsung hingga sore.',
    middle: ['Tol itu sepanjang 40 kilometer.'],
    clutter: ['Baca juga:', 'ADVERTISEMENT'],
  };
  const body = 'presiden joko widodo  meresmikan jalan tol. Tol itu sepanjang 40 kilometer. Acara berlangsung hingga sore.';

  it('are clean when every sentence is in and no clutter is (whitespace and case folded)', () => {
    expect(checkLabel(body, label)).toEqual({ clean: true, missing: [], leaks: [] });
  });

  it('name the missing sentences and the leaked clutter', () => {
    const check = checkLabel(`${body.replace('Acara berlangsung hingga sore.', '')} baca juga: Berita lain`, label);
    expect(check.clean).toBe(false);
    expect(check.missing).toEqual([label.last]);
    expect(check.leaks).toEqual(['Baca juga:']);
  });

  it('compare Unicode in NFC (é typed as e + accent matches é)', () => {
    const nfd = { ...label, first: 'Kafe\u0301 itu ramai.', middle: [], last: 'Selesai.' };
    expect(checkLabel('Kafé itu ramai. Selesai.', nfd).clean).toBe(true);
  });

  it('are never clean on an empty output', () => {
    expect(checkLabel(null, label).clean).toBe(false);
    expect(checkLabel(null, label).leaks).toEqual([]);
  });

  it('check a label file for its required fields', () => {
    const ok = { source: { repo: 'anpandu/indonesian-news-scraper', path: 'a.html' }, url: 'https://kompas.com/a', site: 'kompas', ...label };
    expect(labelProblem(ok)).toBeNull();
    expect(labelProblem({ ...ok, source: { repo: 'nope', path: 'a' } })).toMatch(/owner\/name/);
    expect(labelProblem({ ...ok, middle: 'x' })).toMatch(/lists of strings/);
    expect(labelProblem({ ...ok, source: { ...ok.source, commit: 'HEAD' } })).toMatch(/hash/);
  });
});

describe('statistics', () => {
  it('median, nearest-rank percentile and mean skip nothing they should not', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([5], 90)).toBe(5);
    expect(mean([1, null, 3])).toBe(2);
    expect(mean([null])).toBeNull();
  });
});

describe('gold files as text', () => {
  it('strip defuddle\'s metadata preamble and the non-words of Markdown', () => {
    const md = '```json\n{\n  "title": "T",\n  "author": "Jane"\n}\n```\n\n## Heading\n\nSee [the docs](https://x.test/a_(b)) and ![a cat](https://x.test/c.png "t") <https://x.test/raw>.\n\n```js\nconst x = 1;\n```\n';
    const text = markdownToText(md);
    expect(text).not.toMatch(/Jane|https|```/);
    expect(tokenize(text)).toEqual(['heading', 'see', 'the', 'docs', 'and', 'a', 'cat', 'const', 'x', '1']);
    expect(markdownToText('---\ntitle: T\n---\nBody')).toBe('Body');
  });

  it('decode pages in their declared encoding, else UTF-8, else windows-1252', () => {
    const latin = Buffer.from('<meta charset="iso-8859-1"><p>caf\xe9</p>', 'latin1');
    expect(declaredEncoding(latin)).toBe('iso-8859-1');
    expect(decodeHtml(latin)).toContain('café');
    expect(decodeHtml(Buffer.from('<p>café</p>', 'utf8'))).toContain('café');
    expect(decodeHtml(Buffer.from('<p>caf\xe9</p>', 'latin1'))).toContain('café');
  });

  it('take a trafilatura page\'s URL from its key, where the key is one', () => {
    expect(pageUrl('https://die-partei.net/luebeck/', 'a.html')).toBe('https://die-partei.net/luebeck/');
    expect(pageUrl('xhttps://www.zoo-berlin.de/de/x', 'z.html')).toBe('https://www.zoo-berlin.de/de/x');
    expect(pageUrl('hard::nowgrenada.com-pm.html', 'nowgrenada.com-pm.html')).toBe('https://example.com/nowgrenada.com-pm.html');
  });

  it('find a defuddle fixture\'s URL as its test does', () => {
    expect(defuddleUrl('<!-- {"url":"https://example.com/docs/quickstart"} --><p>x</p>', 'codeblocks--mintlify')).toBe('https://example.com/docs/quickstart');
    expect(defuddleUrl('<p>x</p>', 'codeblocks--rockthejvm.com-articles')).toBe('https://rockthejvm.com-articles');
    expect(defuddleUrl('<p>x</p>', 'bad name [x]')).toBe('https://example.com/bad%20name%20%5Bx%5D');
  });
});

describe('page scores and set summaries', () => {
  const gold: Gold = { kind: 'text', text: 'alpha beta gamma delta. epsilon zeta eta theta.' };
  const side = (text: string | null, ms: number, error: string | null = null) => ({ text, ms, error, score: scorePage(text, gold) });
  const run = (id: string, engine: string | null, readability: string | null, ms = 10): PageRun => ({
    id, url: 'https://example.com/', bytes: 1, gold, engine: side(engine, ms), readability: side(readability, ms / 2),
  });

  it('sum up F1, empties, times and the engine/Readability ratio', () => {
    const runs = [run('a', gold.text, gold.text), run('b', null, gold.text, 30)];
    const s = summarizeSet(runs);
    expect(s.engine.f1).toBe(0.5);
    expect(s.readability.f1).toBe(1);
    expect(s.engine.empty).toBe(1);
    expect(s.engine.medianMs).toBe(20);
    expect(s.ratio.median).toBe(2);
  });

  it('list the pages the engine loses, worst first', () => {
    const runs = [run('same', gold.text, gold.text), run('half', 'alpha beta gamma delta.', gold.text), run('lost', null, gold.text)];
    expect(worstPages(runs, 10).map((r) => r.id)).toEqual(['lost', 'half']);
    const d = differences('alpha beta gamma delta.', gold, 3);
    expect(d.missingSpan).toBe('epsilon zeta eta theta.');
    expect(d.missing).toEqual(['epsilon', 'eta', 'theta']);
  });

  it('score a page that is not an article right when there is no output', () => {
    expect(scorePage(null, { kind: 'not-article' })).toMatchObject({ declined: true, loss: 0 });
    expect(scorePage('Berita terkini hari ini', { kind: 'not-article' })).toMatchObject({ declined: false, loss: 1 });
  });

  it('score snippet pages by eval_common and leave token figures empty', () => {
    const s = scorePage('keep this', { kind: 'snippets', with: ['keep this'], without: ['drop'] });
    expect(s.snippets).toEqual({ tp: 1, fp: 0, fn: 0, tn: 1 });
    expect(s.tokens).toEqual({ precision: null, recall: null, f1: null });
    expect(s.loss).toBe(0);
  });
});
