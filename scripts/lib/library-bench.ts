/**
 * Bench of the saved-articles library (DESIGN.md budgets: popup list painted under 150 ms and search under 30 ms
 * a keystroke with 10,000 saved articles). Measured, never asserted in tests.
 *
 *   benchLibrary({ n: 10000 }) -> figures (ms, MB)
 *   npx tsx scripts/lib/library-bench.ts [n]     (prints the figures as JSON)
 *
 * Runs in Node on fake-indexeddb, an in-memory IndexedDB written in JavaScript: its requests are slower than a
 * browser's, so the IndexedDB parts (list, save, export) are an upper bound; the search figures are mostly
 * MiniSearch and carry over. Articles are generated: bodies of 1,000-2,000 words from a small Indonesian word
 * list, grouped by topic (so a topic word is in a fraction of the library, not in all of it), with made-up
 * names, and one small stored image in every tenth article.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Library } from '../../utils/library/library';
import { exportEpub, exportJson, exportMarkdownZip } from '../../utils/library/export';
import { JSDOM } from 'jsdom';
import type { Article } from '../../utils/extract/types';
import type { MergeItem, SavedArticle } from '../../utils/library/types';
import { canonicalUrl } from '../../utils/library/canonical';

export interface LibraryBenchOptions {
  n: number;
  /** Keystrokes are taken from these queries, typed one character at a time. */
  queries?: string[];
  /** Saves to time. */
  saves?: number;
  /** Articles in the Markdown and EPUB exports (they sanitize every body in a jsdom window: slow in Node). */
  exportSample?: number;
  seed?: number;
  log?: (msg: string) => void;
}

export interface LibraryBenchFigures {
  n: number;
  seedMs: number;
  /** Popup open: a new page opens the database and reads the first 50 summaries. */
  listFirstPageColdMs: number;
  listFirstPageMs: { median: number; p95: number };
  countMs: number;
  /** Loading the persisted indexes in a new page (heads, then body). */
  searchLoadHeadsMs: number;
  searchLoadBodyMs: number;
  /** Every keystroke of the queries (three rounds), with both indexes loaded; max includes GC pauses of a ~1 GB Node heap. */
  searchKeystrokeMs: { median: number; p95: number; max: number; keystrokes: number };
  /**
   * The same keystrokes (one round) on the heads index only (waitForBodies: false before the body index is there).
   * The body snapshot loads meanwhile, in the same thread: its slices land in some of these keystrokes.
   */
  searchHeadsOnlyKeystrokeMs: { median: number; p95: number; max: number };
  /** Rebuilding both indexes from the stores (first use, missing or corrupt snapshot). */
  searchRebuildMs: { heads: number; body: number };
  snapshotMB: { heads: number; body: number };
  saveMs: { median: number; p95: number };
  /** A save while a loaded search index is kept in step. */
  saveWithIndexMs: { median: number; p95: number };
  exportAllJsonMs: number;
  exportAllJsonMB: number;
  /** Markdown zip and EPUB of the newest `exportSample` articles, and per article. */
  exportSample: number;
  exportMarkdownMs: number;
  exportEpubMs: number;
  exportMarkdownMsPerArticle: number;
  exportEpubMsPerArticle: number;
  heapUsedMB: number;
}

// --- generated articles -------------------------------------------------------------------------------------------

const FUNCTION_WORDS = (
  'yang dan di ke dari ini itu dengan untuk pada dalam tidak akan juga ada adalah atau oleh karena saat sudah telah ' +
  'bisa dapat lebih para tersebut kata namun tetapi serta masih harus sebagai secara bahwa setelah hingga mereka kami ' +
  'ia dia pun lagi sangat hanya seperti bagi maka'
).split(' ');

const GENERAL_WORDS = (
  'warga kota daerah pemerintah presiden menteri tahun bulan hari minggu pagi malam lokasi kondisi situasi masyarakat ' +
  'informasi keterangan petugas pihak kepala bagian laporan jumlah data angka persen rupiah juta miliar triliun baru ' +
  'besar kecil tinggi rendah panjang cepat lambat penting utama terakhir pertama kedua ketiga sejumlah beberapa ' +
  'berbagai upaya langkah rencana program kebijakan aturan keputusan sikap tanggapan pernyataan penjelasan alasan ' +
  'dampak akibat penyebab hasil proses tahap rapat pertemuan acara kegiatan wilayah kawasan jalan gedung kantor ' +
  'provinsi kabupaten desa kecamatan nasional internasional lokal publik umum khusus resmi sementara'
).split(' ');

const TOPICS: string[][] = [
  'banjir hujan sungai tanggul pengungsi posko bpbd genangan rob evakuasi longsor cuaca bmkg curah drainase pompa',
  'harga beras pasar pedagang pasokan inflasi sembako cabai minyak goreng stok bulog distribusi petani panen gabah',
  'pemilu partai calon suara kampanye kpu bawaslu koalisi pilkada debat survei elektabilitas caleg pemilih tps',
  'korupsi kpk hakim sidang terdakwa jaksa vonis penyidik suap gratifikasi tersangka pengadilan tipikor banding',
  'timnas sepak bola pelatih pemain liga gol stadion suporter piala turnamen klub laga skuad kiper penalti',
  'kereta cepat stasiun penumpang tiket jadwal commuter mrt lrt transportasi rel gerbong operator tarif peron',
  'gempa magnitudo tsunami pusat guncangan retakan relawan bantuan korban reruntuhan basarnas episentrum mitigasi',
  'saham bursa investor emiten rupiah dolar obligasi ihsg dividen pasar modal ojk perbankan kredit bunga',
  'sekolah siswa guru kurikulum ujian beasiswa kampus mahasiswa dosen rektor pendidikan sertifikasi zonasi',
  'vaksin rumah sakit dokter pasien kesehatan virus puskesmas obat bpjs perawat klinik gizi stunting imunisasi',
  'ponsel aplikasi internet digital startup data keamanan siber teknologi platform pengguna fitur kecerdasan',
  'konser musik film festival artis penonton panggung album sutradara bioskop penyanyi pameran seni budaya',
].map((t) => t.split(' '));

const SITES = [
  ['Kompas.com', 'www.kompas.com'],
  ['detikNews', 'news.detik.com'],
  ['Tribunnews.com', 'www.tribunnews.com'],
  ['CNN Indonesia', 'www.cnnindonesia.com'],
  ['Liputan6', 'www.liputan6.com'],
  ['Tempo.co', 'nasional.tempo.co'],
  ['Republika', 'news.republika.co.id'],
  ['Antara', 'www.antaranews.com'],
];

const SYLLABLES = 'ba bu di da ka ko lu ma mi na no ra ri sa si su ta ti to wa ya ga ha ja pe se te an ar in'.split(' ');

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    // mulberry32: small, fast and deterministic, so two runs bench the same library.
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeGenerator(seed = 42) {
  const rand = rng(seed);
  const pick = <T>(a: readonly T[], skew = 1): T => a[Math.floor(Math.pow(rand(), skew) * a.length)];
  const names: string[] = [];
  for (let i = 0; i < 3000; i++) {
    let w = '';
    for (let j = 0, k = 2 + Math.floor(rand() * 2); j < k; j++) w += pick(SYLLABLES);
    names.push(w[0].toUpperCase() + w.slice(1));
  }
  const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

  return function article(i: number): { article: Article; imageUrl: string | null } {
    const topic = TOPICS[i % TOPICS.length];
    const people = [pick(names, 1.5), pick(names, 1.5), pick(names, 2)];
    const [site, host] = SITES[i % SITES.length];
    const word = () => {
      const r = rand();
      if (r < 0.42) return pick(FUNCTION_WORDS, 1.6);
      if (r < 0.72) return pick(GENERAL_WORDS, 1.4);
      if (r < 0.94) return pick(topic, 1.3);
      return pick(people);
    };
    const target = 1000 + Math.floor(rand() * 1000);
    const paragraphs: string[] = [];
    let count = 0;
    while (count < target) {
      const len = 40 + Math.floor(rand() * 50);
      const words = Array.from({ length: len }, word);
      paragraphs.push(`${cap(words.join(' '))}.`);
      count += len;
    }
    const title = cap([pick(topic), pick(topic), pick(GENERAL_WORDS), people[0], pick(topic), pick(GENERAL_WORDS)].join(' '));
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const url = `https://${host}/read/2026/${String((i % 12) + 1).padStart(2, '0')}/${10000000 + i}/${slug}`;
    const imageUrl = i % 10 === 0 ? `https://img.${host.replace(/^www\./, '')}/photo/${i}.jpg` : null;
    const body = paragraphs.map((p) => `<p>${p}</p>`);
    if (imageUrl) body.splice(1, 0, `<figure><img src="${imageUrl}" alt="${title}"><figcaption>${people[1]}</figcaption></figure>`);
    const text = paragraphs.join('\n\n');
    return {
      imageUrl,
      article: {
        url,
        title,
        byline: people[2],
        siteName: site,
        publishedTime: new Date(Date.UTC(2026, i % 12, (i % 28) + 1, 3)).toISOString(),
        lang: 'id',
        dir: 'ltr',
        leadImage: imageUrl ? { src: imageUrl, alt: title, caption: people[1], inBody: true } : null,
        contentHtml: body.join(''),
        textContent: text,
        excerpt: paragraphs[0].slice(0, 200),
        wordCount: count,
        readingMinutes: Math.max(1, Math.round(count / 200)),
        ruleId: null,
      },
    };
  };
}

/** About 30 KB: a small photo. */
function imageBlob(i: number): Blob {
  const bytes = new Uint8Array(30_000);
  for (let k = 0; k < bytes.length; k++) bytes[k] = (k * 31 + i) & 255;
  return new Blob([bytes], { type: 'image/jpeg' });
}

// --- measuring ----------------------------------------------------------------------------------------------------

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  const r = (x: number) => Math.round(x * 100) / 100;
  return { median: r(at(0.5)), p95: r(at(0.95)), max: r(s[s.length - 1]) };
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await fn();
  return [v, performance.now() - t];
}

const mb = (chars: number) => Math.round((chars / 1e6) * 10) / 10;

export async function benchLibrary(opts: LibraryBenchOptions): Promise<LibraryBenchFigures> {
  const log = opts.log ?? (() => undefined);
  const n = opts.n;
  const queries = opts.queries ?? ['banjir jakarta', 'harga beras', 'korupsi hakim', 'timnas pelatih', 'kereta cepat', 'saham ihsg'];
  const factory = new IDBFactory();
  const start = Date.UTC(2025, 0, 1);
  const env = { indexedDB: factory, IDBKeyRange, name: 'bench', searchPersistDelayMs: 0, now: () => Date.now() };
  const gen = makeGenerator(opts.seed ?? 42);

  // Seed through the import path (Library.merge), a batch per transaction, as a large import would.
  const seeding = new Library(env);
  const [, seedMs] = await time(async () => {
    const BATCH = 500;
    for (let from = 0; from < n; from += BATCH) {
      const items: MergeItem[] = [];
      for (let i = from; i < Math.min(n, from + BATCH); i++) {
        const { article, imageUrl } = gen(i);
        const savedAt = start + i * 60_000;
        const record: Omit<SavedArticle, 'rev'> = {
          id: `bench-${String(i).padStart(6, '0')}`,
          canonicalUrl: canonicalUrl(article.url),
          article,
          savedAt,
          updatedAt: savedAt,
          read: i % 3 === 0,
          position: { progress: 0, block: 0 },
          tags: i % 7 === 0 ? ['penting'] : [],
          images: imageUrl ? [imageUrl] : [],
          needsContent: false,
          deletedAt: null,
        };
        items.push({ kind: 'record', record, images: imageUrl ? [{ url: imageUrl, blob: imageBlob(i) }] : [] });
      }
      await seeding.merge(items);
      if ((from / BATCH) % 4 === 0) log(`seeded ${Math.min(n, from + BATCH)}/${n}`);
    }
  });
  log(`seeded ${n} articles in ${Math.round(seedMs)} ms`);

  // Index rebuild (what the first search after an upgrade pays), which also writes the snapshots.
  const [, rebuildHeads] = await time(() => seeding.searchStore.index('heads'));
  const [, rebuildBody] = await time(() => seeding.searchStore.index('body'));
  log(`rebuilt indexes: heads ${Math.round(rebuildHeads)} ms, body ${Math.round(rebuildBody)} ms`);
  await seeding.close();

  // The popup opens: list first.
  const popup = new Library(env);
  const [, listFirstPageColdMs] = await time(() => popup.list({ limit: 50 }));
  const listRuns: number[] = [];
  for (let k = 0; k < 15; k++) listRuns.push((await time(() => popup.list({ limit: 50 })))[1]);
  const [, countMs] = await time(() => popup.count());

  // Then search: the first keystrokes answer from the heads index while the body index loads.
  const keystrokes = queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)).filter((s) => s.trim()));
  const [, searchLoadHeadsMs] = await time(() => popup.searchStore.index('heads'));
  const headsOnly: number[] = [];
  for (const k of keystrokes) headsOnly.push((await time(() => popup.search(k, { waitForBodies: false })))[1]);
  await popup.searchReady();
  // Loading the body snapshot on its own, in another new page (in the popup above it loads behind the keystrokes).
  const other = new Library(env);
  const [, searchLoadBodyMs] = await time(() => other.searchStore.index('body'));
  await other.close();
  // Three rounds, so the percentiles rest on a few hundred keystrokes.
  const full: number[] = [];
  for (let round = 0; round < 3; round++) for (const k of keystrokes) full.push((await time(() => popup.search(k)))[1]);
  log(`search: ${keystrokes.length} keystrokes, median ${stats(full).median} ms`);

  const db = await popup.db();
  const snap = async (key: string) =>
    new Promise<number>((resolve) => {
      const r = db.transaction(['meta']).objectStore('meta').get(key);
      r.onsuccess = () => resolve((r.result?.json?.length as number) ?? 0);
    });
  const snapshotMB = { heads: mb(await snap('search:heads')), body: mb(await snap('search:body')) };

  // Saves: new articles with one image each, first in a page without a search index (the reader page or the
  // background), then in the popup whose indexes follow every save.
  const saves = opts.saves ?? 20;
  const fetchImage = async (url: string) => imageBlob(url.length);
  const saver = new Library({ ...env, fetchImage });
  const saveRuns: number[] = [];
  for (let k = 0; k < saves; k++) {
    const { article } = gen(n + k);
    saveRuns.push((await time(() => saver.save({ ...article, leadImage: { src: `https://img.example/${k}.jpg`, alt: '', caption: null, inBody: false } })))[1]);
  }
  await saver.close();
  await popup.search('a');
  const withIndex: number[] = [];
  const popupSaver = popup;
  for (let k = 0; k < saves; k++) {
    const { article } = gen(n + saves + k);
    withIndex.push((await time(() => popupSaver.save(article)))[1]);
  }

  const [json, exportAllJsonMs] = await time(() => exportJson(popup));
  const sample = Math.min(opts.exportSample ?? 200, n);
  const ids = (await popup.list({ limit: 500 })).items.slice(0, sample).map((s) => s.id);
  const doc = new JSDOM('<!doctype html><body></body>').window.document;
  const [, exportMarkdownMs] = await time(() => exportMarkdownZip(popup, { ids, doc }));
  const [, exportEpubMs] = await time(() => exportEpub(popup, { ids, doc }));
  const heapUsedMB = Math.round(process.memoryUsage().heapUsed / 1e6);
  await popup.close();

  return {
    n,
    seedMs: Math.round(seedMs),
    listFirstPageColdMs: Math.round(listFirstPageColdMs * 100) / 100,
    listFirstPageMs: (({ median, p95 }) => ({ median, p95 }))(stats(listRuns)),
    countMs: Math.round(countMs * 100) / 100,
    searchLoadHeadsMs: Math.round(searchLoadHeadsMs),
    searchLoadBodyMs: Math.round(searchLoadBodyMs),
    searchKeystrokeMs: { ...stats(full), keystrokes: full.length },
    searchHeadsOnlyKeystrokeMs: stats(headsOnly),
    searchRebuildMs: { heads: Math.round(rebuildHeads), body: Math.round(rebuildBody) },
    snapshotMB,
    saveMs: (({ median, p95 }) => ({ median, p95 }))(stats(saveRuns)),
    saveWithIndexMs: (({ median, p95 }) => ({ median, p95 }))(stats(withIndex)),
    exportAllJsonMs: Math.round(exportAllJsonMs),
    exportAllJsonMB: mb(json.length),
    exportSample: sample,
    exportMarkdownMs: Math.round(exportMarkdownMs),
    exportEpubMs: Math.round(exportEpubMs),
    exportMarkdownMsPerArticle: Math.round((exportMarkdownMs / Math.max(1, sample)) * 10) / 10,
    exportEpubMsPerArticle: Math.round((exportEpubMs / Math.max(1, sample)) * 10) / 10,
    heapUsedMB,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 1000);
  benchLibrary({ n, log: (m) => process.stderr.write(`${m}\n`) }).then(
    (f) => console.log(JSON.stringify(f, null, 2)),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
