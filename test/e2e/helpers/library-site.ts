/**
 * The saved-articles browser tests' test site and helpers (library-save.chromium.test.ts, library-list.chromium.test.ts):
 * three Indonesian news articles with pictures on the site's own host and on its picture host (CDN), served under
 * made-up host names (the host-resolver rule sends them to 127.0.0.1); a library in use to import; reading the
 * extension's IndexedDB; saving an article from the reader.
 */
import { storedArticles } from './stored-articles';
import { libraryExport } from './library-seeds';
import type { Page } from 'playwright-core';
import type { TestServer } from './server';
import { waitForReader, type ChromiumWithExtension } from './chromium';
import { axeViolations, describeViolations, seriousOnly } from './axe';
import { gradientPng } from './png';
import { POLL } from './wait';

export const HOST = 'www.kabarkota.example.id';
export const CDN = 'img.kabarkota.example.id';
export const BODY_WORD = 'zamrudkhatulistiwa';

export interface TestArticle {
  path: string;
  title: string;
  paragraphs: string[];
  /** Pictures: [path, host] (host: the page's own, or the CDN). */
  lead: string;
  body: { path: string; host: string }[];
}

const para = (topic: string, n: number) =>
  `${topic} Warga di kawasan itu ${['bergotong royong membersihkan lumpur', 'mengungsi ke balai warga', 'menunggu bantuan dari kelurahan', 'memindahkan barang ke lantai dua'][n % 4]} sejak pagi, sementara petugas ${['memompa air dari permukiman', 'mendirikan dapur umum', 'memeriksa tanggul sementara', 'membagikan masker dan obat-obatan'][n % 4]}. Menurut keterangan pejabat setempat, situasi diperkirakan membaik dalam beberapa hari ke depan bila cuaca bersahabat.`;

export const ARTICLES: TestArticle[] = [
  {
    path: '/berita/2026/11/banjir-rob-pesisir-utara',
    title: 'Banjir rob rendam pesisir utara, ratusan warga mengungsi',
    paragraphs: Array.from({ length: 14 }, (_, i) => para(i === 9 ? `Di dermaga lama yang dijuluki ${BODY_WORD} oleh nelayan,` : 'Air laut pasang kembali masuk ke permukiman.', i)),
    lead: '/foto/banjir-lead.png',
    body: [{ path: '/foto/banjir-posko.png', host: HOST }],
  },
  {
    path: '/ekonomi/2026/11/harga-beras-naik',
    title: 'Harga beras naik menjelang akhir tahun, pedagang pasar mengeluh',
    paragraphs: Array.from({ length: 8 }, (_, i) => para('Harga beras medium di pasar tradisional naik lagi pekan ini.', i)),
    lead: '/foto/beras-lead.png',
    body: [{ path: '/foto/beras-pasar.png', host: CDN }],
  },
  {
    path: '/olahraga/2026/11/timnas-menang',
    title: 'Timnas menang tipis di laga uji coba, pelatih puji lini tengah',
    paragraphs: Array.from({ length: 6 }, (_, i) => para('Tim nasional menutup laga uji coba dengan kemenangan.', i)),
    lead: '/foto/timnas-lead.png',
    body: [],
  },
];

/** The test site as one server serves it: its port, its articles' addresses and pages. */
export interface LibrarySite {
  port: string;
  /** Address of `a` on the site (`query`: e.g. '?utm_source=wa'). */
  urlOf(a: TestArticle, query?: string): string;
  /** Address of a picture of the site ('/foto/…' on HOST, or on `host`). */
  pictureUrl(path: string, host?: string): string;
  /** Opens `a` in a new tab of `b`, loaded. */
  openArticle(b: ChromiumWithExtension, a: TestArticle, query?: string): Promise<Page>;
}

function articleHtml(a: TestArticle, pictureUrl: LibrarySite['pictureUrl']): string {
  const img = (path: string, host: string, alt: string) => `<img src="${pictureUrl(path, host)}" alt="${alt}" width="640" height="360">`;
  const body = [...a.paragraphs];
  a.body.forEach((b, i) => body.splice(3 + i * 3, 0, `<figure>${img(b.path, b.host, 'Foto kegiatan warga')}<figcaption>Suasana di lokasi, Selasa (24/11/2026).</figcaption></figure>`));
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${a.title} - Kabar Kota</title>
<meta property="og:site_name" content="Kabar Kota"><meta property="og:title" content="${a.title}">
<meta property="og:image" content="${pictureUrl(a.lead)}"><meta name="author" content="Sari Wulandari">
<meta property="article:published_time" content="2026-11-24T09:30:00+07:00"></head><body>
<header><nav><a href="/">Beranda</a> <a href="/berita">Berita</a> <a href="/ekonomi">Ekonomi</a></nav></header>
<main><article><h1>${a.title}</h1><p class="byline">Oleh Sari Wulandari</p>
<figure>${img(a.lead, HOST, a.title)}<figcaption>Foto: Kabar Kota</figcaption></figure>
${body.map((p) => (p.startsWith('<') ? p : `<p>${p}</p>`)).join('\n')}
</article><aside><h3>Baca juga</h3><ul><li><a href="/x">Berita lain</a></li></ul></aside></main>
<footer>© 2026 Kabar Kota</footer></body></html>`;
}

/** Serves the articles and their pictures (small real PNGs) on `server`. */
export function serveLibrarySite(server: TestServer): LibrarySite {
  const port = new URL(server.origin).port;
  const site: LibrarySite = {
    port,
    urlOf: (a, query = '') => `http://${HOST}:${port}${a.path}${query}`,
    pictureUrl: (path, host = HOST) => `http://${host}:${port}${path}`,
    async openArticle(b, a, query = '') {
      const page = await b.context.newPage();
      await page.goto(site.urlOf(a, query), { waitUntil: 'load' });
      return page;
    },
  };
  for (const a of ARTICLES) server.page(a.path, articleHtml(a, site.pictureUrl));
  const colours: [number, number, number][][] = [
    [[14, 116, 144], [250, 204, 21]],
    [[190, 18, 60], [59, 130, 246]],
    [[22, 101, 52], [163, 230, 53]],
    [[88, 28, 135], [244, 114, 182]],
    [[30, 64, 175], [125, 211, 252]],
  ];
  const pics = ARTICLES.flatMap((a) => [a.lead, ...a.body.map((b) => b.path)]);
  pics.forEach((p, i) => server.asset(p, gradientPng(640, 360, colours[i % colours.length][0], colours[i % colours.length][1]), 'image/png'));
  return site;
}

/** Articles of a library in use (for the screenshots), as a Jernih export to import: [title, site, host, tags, read, progress, hours ago]. */
export const SEED: [string, string, string, string[], boolean, number, number][] = [
  ['Pemerintah siapkan subsidi transportasi umum untuk pekerja komuter', 'Kompas.com', 'www.kompas.com', ['transportasi'], false, 0.4, 30],
  ['Kereta cepat tambah jadwal perjalanan saat libur akhir tahun', 'detikNews', 'news.detik.com', ['transportasi'], true, 1, 52],
  ['BMKG: puncak musim hujan diperkirakan Januari, warga diminta waspada', 'CNN Indonesia', 'www.cnnindonesia.com', ['cuaca', 'banjir'], false, 0, 75],
  ['Mengapa harga cabai selalu melonjak menjelang hari raya', 'Tempo.co', 'bisnis.tempo.co', ['ekonomi'], false, 0.15, 98],
  ['Sekolah di daerah terpencil mulai terima internet satelit', 'Antara', 'www.antaranews.com', [], true, 1, 140],
  ['Festival film pendek Yogyakarta tampilkan 120 karya sineas muda', 'Republika', 'news.republika.co.id', ['budaya'], false, 0, 190],
  ['In praise of slow reading: why long articles still matter', 'The Long Read', 'longread.example.com', ['reading'], false, 0.6, 260],
];

export function seedExport(): string {
  const now = Date.now();
  return libraryExport(
    SEED.map(([title, site, host, tags, read, progress, hours], i) => {
      const url = `https://${host}/read/2026/11/${20 + (i % 6)}/${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
      const text = `${title}. ${para('Laporan lengkap tentang peristiwa ini.', i)} ${para('Warga dan pejabat memberi tanggapan.', i + 1)}`;
      const savedAt = now - hours * 3600_000;
      return {
        id: `seed-${i}`, url, title, byline: 'Redaksi', site, publishedTime: new Date(savedAt - 7200_000).toISOString(),
        contentHtml: `<p>${text}</p>`, text, excerpt: `${text.slice(title.length + 2, title.length + 220).replace(/\s+\S*$/, '')}…`,
        wordCount: 420 + i * 90, readingMinutes: 2 + i, savedAt, read, position: { progress, block: Math.round(progress * 10) }, tags,
      };
    }),
    new Date(now),
  );
}

export async function extensionPage(b: ChromiumWithExtension, path: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await b.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(`chrome-extension://${b.extensionId}/${path}`);
  return page;
}

/** Articles in the library (not the trash), newest first, read straight from the extension's IndexedDB in one of its pages. */
export async function records(page: Page): Promise<{ id: string; title: string; read: boolean; tags: string[]; images: string[]; position: { progress: number; block: number } }[]> {
  return (await storedArticles(page))
    .filter((x) => x.deletedAt === null)
    .sort((a, b) => b.savedAt - a.savedAt)
    .map((x) => ({ id: x.id, title: x.article.title, read: x.read, tags: x.tags, images: x.images, position: x.position }));
}

/** The reader's status line once it says something (after a save). */
export const readerStatus = (page: Page): Promise<string> =>
  page.waitForFunction(() => document.body.shadowRoot?.querySelector('.status')?.textContent || null, null, POLL).then((h) => h.jsonValue() as Promise<string>);

/** Waits until the reader's Save button shows the article saved. */
export const savedInReader = (page: Page): Promise<unknown> =>
  page.waitForFunction(() => document.body.shadowRoot!.querySelector('[data-action="save"]')?.getAttribute('aria-pressed') === 'true', null, POLL);

/** Opens `a` in the reader (the toolbar button) and saves it with the reader's Save button, as a person does. */
export async function saveFromReader(b: ChromiumWithExtension, site: LibrarySite, a: TestArticle): Promise<void> {
  const page = await site.openArticle(b, a);
  await b.clickAction(page);
  await waitForReader(page);
  await page.locator('[data-action="save"]').click();
  await savedInReader(page);
  await page.close();
}

/** Serious and critical axe violations on an extension page. */
export const axe = async (page: Page): Promise<string[]> => describeViolations(seriousOnly(await axeViolations(page)));
