/**
 * The saved articles the store pictures show: Indonesian news from made-up outlets (no real site's name over a
 * headline it never wrote), each with a small drawing as its kept picture, imported through the library's own
 * import as a person would (the export format of test/e2e/helpers/library-seeds.ts).
 */
import type { BrowserContext } from 'playwright-core';
import { FLOOD_SVG } from '../../test/e2e/helpers/reader-pages';
import { libraryExport, type ExportArticle } from '../../test/e2e/helpers/library-seeds';

const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360">${body}</svg>`;
const SKY = '<rect width="640" height="360" fill="#bfdcec"/>';

/** Drawings, one a picture: simple shapes, so the thumbnails read at 64 px. */
const SCENES = {
  flood: FLOOD_SVG,
  coffee: svg(`${SKY}<path d="M150 250 L320 70 L490 250Z" fill="#7b8f7a"/><path d="M285 108 L320 70 L355 108 Q320 122 285 108Z" fill="#e9efe9"/>
<circle cx="330" cy="48" r="16" fill="#dfe6ea"/><circle cx="352" cy="30" r="12" fill="#dfe6ea"/><rect y="230" width="640" height="130" fill="#3f7d3a"/>
${[60, 150, 240, 400, 490, 580].map((x) => `<circle cx="${x}" cy="275" r="34" fill="#2f6a2c"/><circle cx="${x - 10}" cy="268" r="6" fill="#c0392b"/><circle cx="${x + 9}" cy="280" r="6" fill="#c0392b"/>`).join('')}`),
  train: svg(`${SKY}<rect y="250" width="640" height="110" fill="#9aa58f"/><rect y="292" width="640" height="8" fill="#5b5b5b"/>
<rect x="70" y="168" width="500" height="112" rx="26" fill="#f4f4f4" stroke="#2c5d8f" stroke-width="6"/><rect x="70" y="238" width="500" height="14" fill="#2c5d8f"/>
${[110, 190, 270, 350, 430].map((x) => `<rect x="${x}" y="188" width="56" height="36" rx="6" fill="#7fb2d9"/>`).join('')}<rect x="505" y="188" width="44" height="36" rx="6" fill="#2c5d8f"/>
${[130, 230, 410, 510].map((x) => `<circle cx="${x}" cy="286" r="14" fill="#333"/>`).join('')}`),
  chilli: svg(`<rect width="640" height="360" fill="#f3e4c4"/>${Array.from({ length: 8 }, (_, i) => `<rect x="${i * 80}" y="0" width="40" height="70" fill="#d94f3d"/>`).join('')}
<rect y="70" width="640" height="10" fill="#a33a2c"/><rect x="40" y="250" width="560" height="110" fill="#8a5a3b"/>
${[150, 320, 490].map((x) => `<ellipse cx="${x}" cy="250" rx="120" ry="60" fill="#c62828"/><ellipse cx="${x - 30}" cy="225" rx="50" ry="18" fill="#e53935"/><ellipse cx="${x + 40}" cy="240" rx="40" ry="14" fill="#43a047"/>`).join('')}`),
  boats: svg(`<rect width="640" height="200" fill="#f6c89f"/><circle cx="470" cy="170" r="50" fill="#f59e0b"/><rect y="190" width="640" height="170" fill="#2f6f8f"/>
${[[120, 240], [330, 280], [520, 230]].map(([x, y]) => `<path d="M${x - 70} ${y} L${x + 70} ${y} L${x + 45} ${y + 30} L${x - 45} ${y + 30}Z" fill="#7a3e1d"/><rect x="${x - 3}" y="${y - 90}" width="6" height="90" fill="#4a2a14"/><path d="M${x + 4} ${y - 86} L${x + 60} ${y - 10} L${x + 4} ${y - 10}Z" fill="#fafafa"/>`).join('')}`),
  terraces: svg(`${SKY}${['#9ccc65', '#7cb342', '#689f38', '#558b2f', '#33691e'].map((c, i) => `<path d="M0 ${120 + i * 50} Q160 ${90 + i * 50} 320 ${125 + i * 50} T640 ${110 + i * 50} L640 360 L0 360Z" fill="${c}"/>`).join('')}
<path d="M450 130 L500 95 L550 130Z" fill="#8d6e63"/><rect x="462" y="130" width="76" height="34" fill="#d7ccc8"/>`),
} as const;
type Scene = keyof typeof SCENES;

/** [title, outlet, byline, tags, hours ago, share read (1: finished), picture, first paragraph]. */
const ARTICLES: [string, string, string, string[], number, number, Scene | null, string][] = [
  ['Banjir Rob Rendam Pesisir Utara, Ratusan Rumah Terdampak', 'Warta Pesisir', 'Rina Wulandari', ['banjir'], 3, 0.35, 'flood',
    'Banjir rob kembali merendam permukiman warga di pesisir utara sejak Kamis pagi, ketika air laut pasang bersamaan dengan hujan deras yang turun semalaman.'],
  ['Petani kopi di lereng gunung panen lebih awal tahun ini', 'Kabar Jogja', 'Dimas Prasetyo', ['ekonomi'], 20, 0, 'coffee',
    'Cuaca yang lebih kering membuat buah kopi di lereng gunung matang lebih cepat. Petani mulai memetik sejak awal bulan dan berharap harga tetap baik.'],
  ['Kereta tambahan disiapkan untuk arus mudik Lebaran', 'Warta Kota', 'Andi Saputra', ['transportasi'], 30, 1, 'train',
    'Operator kereta menambah dua puluh perjalanan selama masa mudik. Tiket untuk keberangkatan tambahan mulai dijual pekan depan.'],
  ['Harga cabai rawit turun setelah panen raya', 'Pasar Hari Ini', 'Sri Handayani', ['ekonomi'], 52, 0, 'chilli',
    'Pedagang di pasar tradisional menjual cabai rawit lebih murah dibanding bulan lalu, karena pasokan dari sentra produksi kembali normal.'],
  ['Nelayan kembali melaut setelah cuaca membaik', 'Kabar Kepulauan', 'Yohanes Lado', [], 75, 1, 'boats',
    'Setelah sepekan tertahan gelombang tinggi, ratusan perahu nelayan kembali berangkat sejak subuh. Hasil tangkapan pertama langsung dijual di tempat pelelangan.'],
  ['Sawah terasering ramai dikunjungi wisatawan saat libur panjang', 'Kabar Bali', 'Ni Luh Putu Ayu', ['wisata'], 98, 0.6, 'terraces',
    'Jalan setapak di antara petak sawah dipadati pengunjung sejak pagi. Warga desa membuka warung dan jasa pemandu untuk menambah penghasilan.'],
  ['Sekolah di pedalaman kini terhubung internet satelit', 'Warta Timur', 'Redaksi', ['pendidikan'], 140, 0, null,
    'Murid dan guru di tiga sekolah dasar kini bisa membuka materi pelajaran daring. Sebelumnya, sinyal hanya ada di ibu kota kecamatan.'],
];

const SECOND =
  'Warga dan petugas setempat menyebut keadaan mulai membaik, meski mereka masih menunggu langkah lanjutan dari pemerintah daerah.';

/** Each drawing as a PNG (the library keeps raster pictures only), drawn by the browser at 640x360. */
async function scenePngs(context: BrowserContext): Promise<Map<Scene, Buffer>> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 640, height: 360 });
  const out = new Map<Scene, Buffer>();
  try {
    for (const [name, drawing] of Object.entries(SCENES) as [Scene, string][]) {
      await page.setContent(`<style>html,body{margin:0}svg{display:block;width:640px;height:360px}</style>${drawing}`);
      out.set(name, await page.screenshot());
    }
  } finally {
    await page.close();
  }
  return out;
}

/** The store pictures' library as a Jernih export file (its text), pictures included. */
/** A fixed "now", so that running the script again gives the same pictures (the list shows the dates). */
const NOW = Date.UTC(2026, 4, 20, 5);

export async function storeLibraryExport(context: BrowserContext, now = NOW): Promise<{ json: string; count: number }> {
  const pngs = await scenePngs(context);
  const articles: ExportArticle[] = ARTICLES.map(([title, site, byline, tags, hours, progress, scene, first], i) => {
    const host = `${site.toLowerCase().replace(/[^a-z]+/g, '')}.example.id`;
    const url = `https://${host}/berita/${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    const picture = scene ? `https://${host}/foto/${scene}.png` : null;
    const savedAt = now - hours * 3_600_000;
    const minutes = 3 + (i % 4);
    return {
      id: `store-${i}`, url, title, byline, site, publishedTime: new Date(savedAt - 5 * 3_600_000).toISOString(), lead: picture,
      contentHtml: `<p>${first}</p>${picture ? `<figure><img src="${picture}" alt=""></figure>` : ''}<p>${SECOND}</p>`,
      text: `${first} ${SECOND}`, excerpt: `${first} ${SECOND}`, wordCount: minutes * 200, readingMinutes: minutes, savedAt,
      read: progress === 1, position: { progress, block: Math.round(progress * 3) }, tags,
      pictures: picture && scene ? [[picture, pngs.get(scene)!]] : [],
    };
  });
  return { json: libraryExport(articles, new Date(now)), count: articles.length };
}
