/**
 * Pages written for the reader-feature browser tests and the README screenshots (served by helpers/server.ts
 * under made-up hosts that the host-resolver rule sends to 127.0.0.1). Indonesian text, so the reader's
 * Indonesian defaults are what is seen. The article's photo is a drawing served by a small image server here.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A flooded coastal street, drawn: sky, houses, water. */
export const FLOOD_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9cc7e4"/><stop offset="1" stop-color="#e8f1f6"/></linearGradient>
<linearGradient id="sea" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#5b8fa8"/><stop offset="1" stop-color="#2f5d75"/></linearGradient></defs>
<rect width="1200" height="675" fill="url(#sky)"/><circle cx="960" cy="140" r="56" fill="#fbe7a1"/>
<path d="M0 330 L160 300 L300 320 L470 290 L640 318 L820 286 L1000 312 L1200 296 L1200 420 L0 420Z" fill="#8aa79a"/>
<g fill="#d9cbb3" stroke="#7d6b55" stroke-width="3"><rect x="110" y="300" width="170" height="170"/><rect x="360" y="320" width="150" height="150"/><rect x="620" y="290" width="190" height="180"/><rect x="900" y="310" width="160" height="160"/></g>
<g fill="#b4553f"><path d="M95 300 L195 230 L295 300Z"/><path d="M345 320 L435 255 L525 320Z"/><path d="M605 290 L715 215 L825 290Z"/><path d="M885 310 L980 245 L1075 310Z"/></g>
<g fill="#5d7f8f"><rect x="160" y="340" width="40" height="40"/><rect x="410" y="355" width="36" height="36"/><rect x="680" y="330" width="44" height="44"/><rect x="950" y="345" width="38" height="38"/></g>
<rect y="420" width="1200" height="255" fill="url(#sea)"/>
<g fill="none" stroke="#cfe3ec" stroke-width="4" stroke-linecap="round" opacity="0.8">
<path d="M40 470 q30 -14 60 0 t60 0 t60 0"/><path d="M420 500 q30 -14 60 0 t60 0 t60 0"/><path d="M760 460 q30 -14 60 0 t60 0 t60 0"/><path d="M220 570 q30 -14 60 0 t60 0 t60 0"/><path d="M880 590 q30 -14 60 0 t60 0 t60 0"/></g>
<g fill="#3b3b3b"><circle cx="560" cy="405" r="14"/><rect x="548" y="418" width="24" height="40" rx="8"/></g>
</svg>`;

/** Serves FLOOD_SVG at any path; its origin is what the pages' image URLs use. */
export async function startImageServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' });
    res.end(FLOOD_SVG);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

const p = (text: string) => `<p>${text}</p>`;

const SECTIONS: [string, string[]][] = [
  ['Air laut masuk ke permukiman', [
    'Banjir rob kembali merendam permukiman warga di pesisir utara Semarang sejak Kamis pagi, ketika air laut pasang bersamaan dengan hujan deras yang turun semalaman di wilayah hulu.',
    'Ketinggian air di sejumlah gang mencapai lutut orang dewasa. Warga memindahkan barang elektronik ke tempat yang lebih tinggi dan menutup pintu rumah dengan papan serta karung pasir.',
    'Menurut petugas kelurahan, sedikitnya empat ratus rumah terdampak. Sebagian warga memilih bertahan di lantai dua rumah mereka, sementara yang lain mengungsi ke balai warga.',
  ]],
  ['Pompa air bekerja tanpa henti', [
    'Dinas Pekerjaan Umum mengoperasikan dua belas pompa air di rumah pompa Tawang dan Kali Semarang. Pompa tambahan didatangkan dari kabupaten tetangga untuk mempercepat surutnya genangan.',
    'Kepala dinas mengatakan kapasitas pompa sebenarnya cukup, tetapi sampah yang terbawa arus sering menyumbat saringan sehingga petugas harus membersihkannya setiap jam.',
    'Petugas juga memantau tanggul laut sementara yang dibangun dari karung pasir di sepanjang pantai, terutama di titik-titik yang pernah jebol pada musim hujan tahun lalu.',
  ]],
  ['Dapur umum dan layanan kesehatan', [
    'Pemerintah kota mendirikan dapur umum di tiga lokasi pengungsian. Relawan menyiapkan makanan dua kali sehari untuk warga yang rumahnya masih terendam air.',
    'Puskesmas setempat membuka posko kesehatan dan memeriksa warga yang mengeluhkan gatal-gatal, demam, serta diare setelah beberapa hari beraktivitas di genangan air.',
    'Warga berharap pembangunan tanggul laut permanen yang sudah lama direncanakan segera rampung agar banjir rob tidak lagi menjadi langganan setiap tahun.',
  ]],
];

/**
 * A long Indonesian news article with headings, a figure and an info box a reader may want gone. `imagePort`:
 * the image server's port (the photo is http://foto.example.id:<port>/banjir-rob.svg).
 */
export const ARTICLE_PATH = '/2024/05/02/banjir-rob-pesisir-utara';
export const articleHtml = (imagePort: number): string => `<!doctype html><html lang="id"><head><meta charset="utf-8">
<title>Banjir Rob Rendam Pesisir Utara, Ratusan Rumah Terdampak - Warta Pesisir</title>
<meta property="og:site_name" content="Warta Pesisir"><meta property="og:type" content="article">
<meta name="author" content="Rina Wulandari"><meta property="article:published_time" content="2024-05-02T09:30:00+07:00">
</head><body>
<header class="masthead"><a href="/">Warta Pesisir</a><nav><a href="/nasional">Nasional</a> <a href="/daerah">Daerah</a></nav></header>
<main><article class="artikel">
<h1>Banjir Rob Rendam Pesisir Utara, Ratusan Rumah Terdampak</h1>
<p class="penulis">Oleh Rina Wulandari</p>
<div class="isi-artikel">
<figure><img src="http://foto.example.id:${imagePort}/banjir-rob.svg" alt="Warga melintasi genangan banjir rob" width="1200" height="675"><figcaption>Warga melintasi genangan banjir rob di pesisir utara.</figcaption></figure>
${SECTIONS.map(([h, ps], i) => `<h2>${h}</h2>${ps.map(p).join('')}${i === 0 ? '<div class="kotak-info">Info grafis: data curah hujan bulan Mei dari stasiun meteorologi setempat menunjukkan angka tertinggi dalam sepuluh tahun terakhir.</div>' : ''}`).join('\n')}
</div></article></main>
<footer><p>Hak cipta Warta Pesisir</p></footer>
</body></html>`;

const para = (s: string, n: number) => `<p>${`${s} `.repeat(n).trim()}.</p>`;

/**
 * A page where the generic engine reads the wrong block: a long reader-comment thread outweighs the short story,
 * so "Pick the article" is the way to fix it. The story holds an inline promo the reader may remove.
 */
export const BLOG_PATH = '/2024/05/catatan-banjir';
export const BLOG_HTML = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Catatan dari pesisir</title></head><body>
<header><a href="/">Catatan</a></header>
<div class="story"><h1>Catatan dari pesisir</h1>
  ${para('Air laut naik ke permukiman warga di pesisir utara sejak pagi hari', 3)}
  <div class="sisipan">Sisipan promo: berlangganan buletin mingguan kami gratis setiap hari Jumat pagi.</div>
  ${para('Warga mengungsi ke balai desa sambil menunggu air surut kembali', 3)}
  ${para('Pemerintah daerah menyiapkan dapur umum dan pompa air tambahan', 3)}
</div>
<section class="thread">${Array.from({ length: 8 }, (_, i) => para(`Komentar pembaca nomor ${i + 1} tentang hal lain yang panjang sekali`, 3)).join('')}</section>
</body></html>`;

/**
 * In the page (pass it to waitForFunction): the reader's toolbar has settled for the width it has now. It moves
 * items into More until it fits and then marks the width it fitted (data-fitted-width, ReaderToolbar); a resize
 * reaches it a frame later, so a bar that merely fits may still show the split of the width before.
 */
export function toolbarFitted(): boolean {
  const bar = document.body.shadowRoot?.querySelector<HTMLElement>('.toolbar');
  return !!bar && bar.dataset.fittedWidth === String(bar.clientWidth) && bar.scrollWidth <= bar.clientWidth;
}
