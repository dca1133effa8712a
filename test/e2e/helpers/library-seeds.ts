/**
 * The saved articles the library-row tests fill the library with (Chromium: library-rows.chromium.test.ts;
 * Firefox: new-user.firefox.test.ts), through the real import: a Jernih export with its pictures, so nothing is
 * fetched at all. Colours are distinct, so a thumbnail's colour says which picture it was made from.
 */
import { gradientPng } from './png';

export type Rgb = [number, number, number];
export const LEAD_COLOUR: Rgb = [14, 116, 144];
export const BODY_COLOUR: Rgb = [190, 18, 60];
const SMALL_COLOUR: Rgb = [22, 101, 52];

const LONG_TITLE =
  'Pemerintah daerah menyiapkan anggaran tambahan untuk perbaikan tanggul, jalan desa dan saluran irigasi yang rusak diterjang banjir bandang pekan lalu';

export interface Seed {
  id: string;
  title: string;
  site: string;
  byline: string | null;
  publishedTime: string | null;
  savedAt: number;
  /** [url, picture]: the lead first when there is one. */
  pictures: [string, Buffer][];
  lead: string | null;
  text: string;
}

export const png = (c: Rgb, w = 640, h = 360) => gradientPng(w, h, c, [250, 204, 21]);
const day = (m: number, d: number) => Date.UTC(2026, m - 1, d, 12);

export const SEEDS: Seed[] = [
  {
    id: 'row-lead',
    title: 'Kafé di Bénoa ramai dikunjungi wisatawan saat libur panjang',
    site: 'Kabar Bali',
    byline: 'Ni Luh Putu Ayu',
    publishedTime: '2026-11-03T12:00:00Z',
    savedAt: day(12, 1),
    // The lead picture and a larger body picture: the lead is the thumbnail.
    pictures: [
      ['https://img.kabarbali.example.id/foto/kafe-lead.png', png(LEAD_COLOUR)],
      ['https://img.kabarbali.example.id/foto/kafe-dalam.png', png(BODY_COLOUR, 800, 450)],
    ],
    lead: 'https://img.kabarbali.example.id/foto/kafe-lead.png',
    text: 'Wisatawan memenuhi kafe di kawasan pantai sejak pagi.',
  },
  {
    id: 'row-body-only',
    title: 'Petani garam menunggu kemarau yang tak kunjung datang',
    site: 'Kabar Madura',
    byline: null,
    publishedTime: null,
    savedAt: day(11, 20),
    // No lead picture: the largest stored picture stands in (not the small icon).
    pictures: [
      ['https://kabarmadura.example.id/ikon.png', png(SMALL_COLOUR, 48, 48)],
      ['https://kabarmadura.example.id/foto/tambak.png', png(BODY_COLOUR)],
    ],
    lead: null,
    text: 'Petani garam di pesisir selatan belum bisa memanen.',
  },
  {
    id: 'row-long',
    title: LONG_TITLE,
    site: 'Kabar Kota',
    byline: 'Redaksi Kabar Kota',
    publishedTime: '2026-11-28T09:30:00Z',
    savedAt: day(11, 29),
    pictures: [],
    lead: null,
    text: 'Anggaran tambahan dibahas bersama dewan.',
  },
  {
    id: 'row-markup',
    title: 'Ulasan buku <i>Laut Bercerita</i> dan <b>kafe</b> sastra',
    site: 'Kabar Buku',
    byline: 'Dewi',
    publishedTime: '2026-10-15T12:00:00Z',
    savedAt: day(11, 10),
    pictures: [],
    lead: null,
    text: 'Sebuah kafe sastra membahas novel itu.',
  },
];

/** One saved article for an export file: what the tests choose; the rest is what a fresh save stores. */
export interface ExportArticle {
  id: string;
  url: string;
  title: string;
  byline: string | null;
  site: string;
  publishedTime: string | null;
  lead?: string | null;
  contentHtml: string;
  text: string;
  excerpt?: string;
  wordCount: number;
  readingMinutes: number;
  savedAt: number;
  read?: boolean;
  position?: { progress: number; block: number };
  tags?: string[];
  /** Kept pictures: their address and PNG bytes. */
  pictures?: [string, Buffer][];
}

/** A Jernih library export (the format the library's import reads) holding `articles`. */
export function libraryExport(articles: ExportArticle[], exportedAt = new Date()): string {
  const records = articles.map((a) => {
    const pictures = a.pictures ?? [];
    return {
      id: a.id,
      canonicalUrl: a.url,
      article: {
        url: a.url, title: a.title, byline: a.byline, siteName: a.site, publishedTime: a.publishedTime, lang: 'id', dir: 'ltr',
        leadImage: a.lead ? { src: a.lead, alt: '', caption: null, inBody: false } : null,
        contentHtml: a.contentHtml, textContent: a.text, excerpt: a.excerpt ?? a.text, wordCount: a.wordCount, readingMinutes: a.readingMinutes, ruleId: null,
      },
      savedAt: a.savedAt, updatedAt: a.savedAt, read: a.read ?? false, position: a.position ?? { progress: 0, block: 0 }, tags: a.tags ?? [],
      images: pictures.map(([u]) => u), needsContent: false, deletedAt: null,
      imageData: pictures.map(([u, bytes]) => ({ url: u, type: 'image/png', base64: bytes.toString('base64') })),
    };
  });
  return JSON.stringify({ format: 'jernih-library', version: 1, exportedAt: exportedAt.toISOString(), schemaVersion: 2, count: records.length, articles: records });
}

/** SEEDS as an export file. */
export function seedExport(): string {
  return libraryExport(
    SEEDS.map((s) => ({
      id: s.id,
      url: `https://${s.site.toLowerCase().replace(/\s+/g, '')}.example.id/read/${s.id}`,
      title: s.title, byline: s.byline, site: s.site, publishedTime: s.publishedTime, lead: s.lead,
      contentHtml: `<p>${s.text}</p>${s.pictures.map(([u]) => `<figure><img src="${u}" alt=""></figure>`).join('')}`,
      text: s.text, wordCount: 300, readingMinutes: 2, savedAt: s.savedAt, pictures: s.pictures,
    })),
  );
}

/** Two colours alike within what scaling and compression change. */
export const near = (a: Rgb, b: Rgb) => a.every((v, i) => Math.abs(v - b[i]) <= 40);
