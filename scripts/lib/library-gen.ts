/**
 * Generated articles for the library bench (Node: scripts/lib/library-bench.ts; Chromium: library-seed.ts): bodies
 * of 1,000-2,000 words from a small Indonesian word list, grouped by topic, with made-up names, and one small
 * picture in every tenth article. Deterministic (seeded), and free of Node APIs so it runs in a browser page too.
 */
import type { Article } from '../../utils/extract/types';

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
export function imageBlob(i: number): Blob {
  const bytes = new Uint8Array(30_000);
  for (let k = 0; k < bytes.length; k++) bytes[k] = (k * 31 + i) & 255;
  return new Blob([bytes], { type: 'image/jpeg' });
}

