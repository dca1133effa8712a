/**
 * The one Markdown writer (utils/markdown): what an article body needs from it, case by case. The library's
 * export (library-export.test.ts), the command line (cli.test.ts) and the fixtures' snapshots
 * (fixture-snapshots.test.ts) use it whole.
 */
import { describe, expect, it } from 'vitest';
import { articleToMarkdown, escapeMarkdown, frontMatter, htmlToMarkdown } from '@/utils/markdown';
import { makeArticle } from '../helpers/library';

const BASE = 'https://news.example/2026/01/story';
const md = (html: string, imageSrc?: (url: string) => string | null) => htmlToMarkdown(html, { doc: document, baseUrl: BASE, imageSrc });

describe('Markdown writer: blocks', () => {
  it('headings on one line, paragraphs, hard breaks (none at a paragraph end), rules', () => {
    expect(md('<h2>Two<br>lines</h2><p>One<br>two<br></p><hr><h3> </h3><p>End</p>')).toBe('## Two lines\n\nOne  \ntwo\n\n---\n\nEnd');
  });

  it('emphasis, strong, strikethrough and inline code; superscripts and the like as inline HTML', () => {
    expect(md('<p>a <em>b</em> <strong>c</strong> <del>d</del> <code>e`f</code></p>')).toBe('a *b* **c** ~~d~~ ``e`f``');
    expect(md('<p>10<sup>6</sup> m, CO<sub>2</sub>, <kbd>Enter</kbd>, <mark>new</mark><sup> </sup></p>')).toBe(
      '10<sup>6</sup> m, CO<sub>2</sub>, <kbd>Enter</kbd>, <mark>new</mark>',
    );
  });

  it('lists: one space after the marker, nested items indented under their text, ordered lists keep their start', () => {
    expect(md('<ul><li>one</li><li>two<ol start="3"><li>three</li><li>four</li></ol></li></ul>')).toBe(
      '- one\n- two\n  3. three\n  4. four',
    );
  });

  it('quotes', () => {
    expect(md('<blockquote><p>First</p><p>Second</p></blockquote>')).toBe('> First\n>\n> Second');
  });

  it('code blocks are fenced, with the language of the <pre> or its <code>, longer fences around backticks', () => {
    expect(md('<pre><code class="language-ts">const a = 1 &lt; 2;\n</code></pre>')).toBe('```ts\nconst a = 1 < 2;\n```');
    expect(md('<pre class="lang-py">print("```")</pre>')).toBe('````py\nprint("```")\n````');
    expect(md('<pre>ls *_*</pre>')).toBe('```\nls *_*\n```');
    // Code keeps its blank lines and trailing spaces; text around it is tidied.
    expect(md('<p>a<br></p><pre>x  \n\n\n\ty</pre>')).toBe('a\n\n```\nx  \n\n\n\ty\n```');
  });

  it('tables: GFM, a header row even when the page gave none, pipes escaped, the caption in italics above', () => {
    expect(md('<table><caption>Rain <b>2025</b></caption><tr><th>City</th><th>mm</th></tr><tr><td>Bogor</td><td>120 | 130</td></tr></table>')).toBe(
      '*Rain **2025***\n\n| City | mm  |\n| --- | --- |\n| Bogor | 120 \\| 130 |',
    );
    const headless = md('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>');
    expect(headless.split('\n')).toEqual(['|     |     |', '| --- | --- |', '| a   | b   |', '| c   | d   |']);
  });
});

describe('Markdown writer: links, pictures, players', () => {
  it('links are absolute, keep their title, and a link with no text is left out', () => {
    expect(md('<p><a href="/other" title="More">other</a> <a href="https://x.example/a(b)">x</a><a href="/empty"> </a></p>')).toBe(
      '[other](https://news.example/other "More") [x](<https://x.example/a(b)>)',
    );
  });

  it('in-page links stay in the file: their targets get an anchor', () => {
    expect(md('<p>Claim<a href="#fn1">1</a></p><ol><li id="fn1">Source</li></ol>')).toBe('Claim[1](#fn1)\n\n1. <a id="fn1"></a>Source');
  });

  it('pictures are absolute or local, alt escaped; a figure caption is an italic line under its picture', () => {
    const local = (url: string) => (url.endsWith('/a.jpg') ? 'images/1.jpg' : null);
    expect(md('<figure><img src="/a.jpg" alt="A [b] *c*"><figcaption>Photo: <i>AP</i></figcaption></figure><p><img src="b.png" alt=""></p>', local)).toBe(
      '![A \\[b\\] \\*c\\*](images/1.jpg)\n\n*Photo: *AP**\n\n![](https://news.example/2026/01/b.png)',
    );
  });

  it('players become links on their own line', () => {
    expect(md('<p>Watch<iframe src="https://www.youtube.com/embed/abc"></iframe>now</p>')).toBe('Watch\n\n[Video](https://www.youtube.com/embed/abc)\n\nnow');
    expect(md('<video controls><source src="/v.mp4"></video><audio src="/a.mp3" title="Interview"></audio>')).toBe(
      '[Video](https://news.example/v.mp4)\n\n[Interview](https://news.example/a.mp3)',
    );
  });
});

describe('Markdown writer: escaping', () => {
  it("escapes what would be read as syntax, '<' included, and drops control characters", () => {
    expect(md('<p>2024. A year</p><p># not a heading</p><p>- not a list</p><p>a*b_c [d] `e` &lt;tag&gt;\u0007</p>')).toBe(
      '2024\\. A year\n\n\\# not a heading\n\n\\- not a list\n\na\\*b\\_c \\[d\\] \\`e\\` \\<tag>',
    );
    expect(escapeMarkdown('> quote <b>')).toBe('\\> quote \\<b>');
  });

  it('never keeps what the sanitizer removes', () => {
    expect(md('<p>ok</p><script>alert(1)</script><img src="x" onerror="alert(1)">')).toBe('ok\n\n![](https://news.example/2026/01/x)');
  });
});

describe('Markdown writer: whole articles', () => {
  it('title, preface, lead picture with caption, body; front matter first when given', () => {
    const a = makeArticle(1, { title: 'A <b> title', url: BASE });
    const out = articleToMarkdown(a, { doc: document, preface: ['*By someone*'], frontMatter: { title: a.title, tags: ['x'], read: false } });
    expect(out).toBe(
      '---\ntitle: "A <b> title"\ntags: ["x"]\nread: false\n---\n\n' +
        '# A \\<b> title\n\n*By someone*\n\n![Foto 1](https://asset.kompas.com/lead-1.jpg)\n\n*Keterangan foto 1*\n\n' +
        'Berita nomor 1 tentang banjir di Jakarta dan harga beras yang naik.\n\n![Gambar 1](https://asset.kompas.com/body-1.jpg)\n\n*Gambar 1*\n\n' +
        'Paragraf kedua 1 & penutup.\n',
    );
    expect(articleToMarkdown(a, { doc: document, leadImage: false })).not.toContain('lead-1.jpg');
  });

  it('an article saved as a link only: its excerpt and the link', () => {
    const a = makeArticle(2, { contentHtml: '', excerpt: 'Later *maybe*', url: 'https://example.org/later_on', leadImage: null, title: 'Later' });
    expect(articleToMarkdown(a, { doc: document })).toBe('# Later\n\nLater \\*maybe\\*\n\n[https://example.org/later\\_on](https://example.org/later_on)\n');
  });

  it('front matter strings are JSON strings (valid YAML)', () => {
    expect(frontMatter({ title: 'a: "b"\nc', n: 3, none: null })).toBe('---\ntitle: "a: \\"b\\"\\nc"\nn: 3\nnone: null\n---\n');
  });
});
