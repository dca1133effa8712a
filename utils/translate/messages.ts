/**
 * What the reader is told about translation, in English and Indonesian. The UI will move these into
 * public/_locales later (keys map 1:1, with '.' and '-' becoming '_'); until then they live here, next to the
 * error kinds they name. Placeholders are {name}. Every error says what happened and what to do.
 */
import type { TranslationErrorKind } from './errors';

const en = {
  'error.auth': 'The translation service did not accept the API key. Check the key in Options.',
  'error.quota': 'The translation quota of this account is used up. Try again when it renews, or choose another service in Options.',
  'error.rate-limited': 'The translation service is busy. Wait a minute and try again.',
  'error.unsupported-pair': 'This service cannot translate from {source} to {target}. Choose another language or service.',
  'error.network': 'No connection to the translation service. Check your internet connection and try again.',
  'error.timed-out': 'The translation took too long and was stopped. Try again.',
  'error.needs-click': 'Chrome must download the {source}–{target} language pack first. Click Translate to start the download.',
  'error.download-failed': 'The language pack could not be downloaded. Check your connection and try again.',
  'error.too-long': 'This block is too long for the translation service and was left in the original language.',
  'error.server': 'The translation service had a problem. Try again later.',
  'error.bad-response': 'The translation service sent an answer Jernih could not read. Try again, or choose another service.',
  'error.unavailable': 'This translation service is not available in this browser. Choose another one in Options.',
  'error.cancelled': 'Translation cancelled.',
  'action.translate': 'Translate',
  'action.cancel': 'Cancel',
  'action.retry': 'Try again',
  'view.translated': 'Translation',
  'view.original': 'Original',
  'view.side-by-side': 'Side by side',
  'progress.downloading': 'Downloading the language pack… {percent}%',
  'progress.translating': 'Translating… {done} of {total}',
  'progress.done': 'Translated {done} of {total} blocks',
  'status.translated-by': 'Translated by {provider}',
  'status.formatting-simplified': 'Some formatting of this block could not be kept.',
  'status.remote-privacy': 'The article text is sent to {provider} to be translated.',
  'source.label': 'From',
  'source.detected': 'Detected: {language}',
  'source.choose': 'Choose the language of the article',
  'source.id-ms-note': 'Indonesian and Malay are easy to mix up. Check the source language if the translation looks wrong.',
  'target.label': 'To',
  'provider.choose': 'Choose a translation service in Options.',
} as const;

export type TranslateMessageKey = keyof typeof en;

const id: Record<TranslateMessageKey, string> = {
  'error.auth': 'Layanan terjemahan menolak kunci API. Periksa kuncinya di Pengaturan.',
  'error.quota': 'Kuota terjemahan akun ini sudah habis. Coba lagi setelah kuota diperbarui, atau pilih layanan lain di Pengaturan.',
  'error.rate-limited': 'Layanan terjemahan sedang sibuk. Tunggu sebentar, lalu coba lagi.',
  'error.unsupported-pair': 'Layanan ini tidak dapat menerjemahkan dari {source} ke {target}. Pilih bahasa atau layanan lain.',
  'error.network': 'Tidak ada sambungan ke layanan terjemahan. Periksa koneksi internet Anda, lalu coba lagi.',
  'error.timed-out': 'Terjemahan terlalu lama sehingga dihentikan. Coba lagi.',
  'error.needs-click': 'Chrome perlu mengunduh paket bahasa {source}–{target} lebih dulu. Klik Terjemahkan untuk mulai mengunduh.',
  'error.download-failed': 'Paket bahasa gagal diunduh. Periksa koneksi Anda, lalu coba lagi.',
  'error.too-long': 'Blok ini terlalu panjang untuk layanan terjemahan sehingga dibiarkan dalam bahasa aslinya.',
  'error.server': 'Layanan terjemahan sedang bermasalah. Coba lagi nanti.',
  'error.bad-response': 'Jawaban layanan terjemahan tidak dapat dibaca oleh Jernih. Coba lagi, atau pilih layanan lain.',
  'error.unavailable': 'Layanan terjemahan ini tidak tersedia di peramban ini. Pilih layanan lain di Pengaturan.',
  'error.cancelled': 'Terjemahan dibatalkan.',
  'action.translate': 'Terjemahkan',
  'action.cancel': 'Batal',
  'action.retry': 'Coba lagi',
  'view.translated': 'Terjemahan',
  'view.original': 'Asli',
  'view.side-by-side': 'Berdampingan',
  'progress.downloading': 'Mengunduh paket bahasa… {percent}%',
  'progress.translating': 'Menerjemahkan… {done} dari {total}',
  'progress.done': '{done} dari {total} blok diterjemahkan',
  'status.translated-by': 'Diterjemahkan oleh {provider}',
  'status.formatting-simplified': 'Sebagian format blok ini tidak dapat dipertahankan.',
  'status.remote-privacy': 'Teks artikel dikirim ke {provider} untuk diterjemahkan.',
  'source.label': 'Dari',
  'source.detected': 'Terdeteksi: {language}',
  'source.choose': 'Pilih bahasa artikel',
  'source.id-ms-note': 'Bahasa Indonesia dan Melayu mudah tertukar. Periksa bahasa sumber jika terjemahannya terasa janggal.',
  'target.label': 'Ke',
  'provider.choose': 'Pilih layanan terjemahan di Pengaturan.',
};

export const translateMessages: { en: Record<TranslateMessageKey, string>; id: Record<TranslateMessageKey, string> } = { en, id };

export type UiLanguage = keyof typeof translateMessages;

/** Message for `key` in `lang` (English when the language is not one of ours), placeholders filled. */
export function formatMessage(lang: string, key: TranslateMessageKey, params: Record<string, string | number> = {}): string {
  const table = lang.toLowerCase().startsWith('id') ? translateMessages.id : translateMessages.en;
  return table[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The message key for an error kind (the type checks that every kind has one). */
export function errorMessageKey(kind: TranslationErrorKind): TranslateMessageKey {
  return `error.${kind}`;
}
