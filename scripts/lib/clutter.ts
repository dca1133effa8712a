/**
 * The shared list of clutter that must never reach a reader's text: what the seed and the notes show leaking
 * from Indonesian and English news pages. Patterns match the clutter itself, not sentences that merely share
 * a word (fixtures such as kompas/baca-juga-in-sentence keep "baca juga" inside real sentences).
 */
export const CLUTTER_PATTERNS: readonly { name: string; re: RegExp }[] = [
  { name: 'Baca juga:', re: /\bBaca juga\s*:/i },
  { name: 'Lihat juga:', re: /\bLihat juga\s*:/i },
  { name: 'Simak juga Video', re: /\bSimak juga video\b/i },
  { name: 'ADVERTISEMENT', re: /\bADVERTISEMENT\b/ },
  { name: 'SCROLL TO CONTINUE WITH CONTENT', re: /SCROLL TO CONTINUE WITH CONTENT/i },
  { name: '[Gambas:…]', re: /\[Gambas:[^\]]*\]/i },
  { name: 'Scroll down/ke bawah untuk melanjutkan membaca', re: /Scroll (down|ke bawah) untuk melanjutkan membaca/i },
  { name: 'N dari M halaman', re: /\b\d+ dari \d+ halaman\b/i },
  { name: 'Telegram/WhatsApp promo', re: /Dapatkan update berita (pilihan|teknologi)/i },
  { name: 'Kompas.com+ gate', re: /Baca berita tanpa iklan|Gabung Kompas\.com\+/i },
  { name: 'Ikuti kami di Google News', re: /Ikuti (kami|berita \S+) di Google News/i },
  { name: 'Lanjutkan Membaca', re: /Lanjutkan Membaca\s*[↓⬇]/i },
  { name: 'Story continues below advertisement', re: /(Story|Article) continues below advertisement/i },
  { name: 'Sign up for our newsletter', re: /Sign up for (our|the) \w* ?newsletter/i },
  { name: 'Share this article', re: /^Share this article$/im },
  { name: 'Recommended for you', re: /^Recommended for you$/im },
  { name: 'Rekomendasi untuk anda', re: /Rekomendasi untuk anda/i },
  { name: 'Terkini Lainnya', re: /Terkini Lainnya/i },
];

export function findClutter(text: string): string[] {
  return CLUTTER_PATTERNS.filter((p) => p.re.test(text)).map((p) => p.name);
}
