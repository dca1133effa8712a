/**
 * Pages written for the reader-feature browser tests (served by helpers/server.ts under made-up hosts that the
 * host-resolver rule sends to 127.0.0.1). Indonesian text, so the reader's Indonesian defaults are what is seen.
 */

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

/** A long Indonesian news article with headings, a figure and an info box a reader may want gone. */
export const ARTICLE_PATH = '/2024/05/02/banjir-rob-pesisir-utara';
export const ARTICLE_HTML = `<!doctype html><html lang="id"><head><meta charset="utf-8">
<title>Banjir Rob Rendam Pesisir Utara, Ratusan Rumah Terdampak - Warta Pesisir</title>
<meta property="og:site_name" content="Warta Pesisir"><meta property="og:type" content="article">
<meta name="author" content="Rina Wulandari"><meta property="article:published_time" content="2024-05-02T09:30:00+07:00">
</head><body>
<header class="masthead"><a href="/">Warta Pesisir</a><nav><a href="/nasional">Nasional</a> <a href="/daerah">Daerah</a></nav></header>
<main><article class="artikel">
<h1>Banjir Rob Rendam Pesisir Utara, Ratusan Rumah Terdampak</h1>
<p class="penulis">Oleh Rina Wulandari</p>
<div class="isi-artikel">
<figure><img src="/img/banjir-rob.jpg" alt="Warga melintasi genangan banjir rob" width="800" height="450"><figcaption>Warga melintasi genangan banjir rob di pesisir utara.</figcaption></figure>
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
