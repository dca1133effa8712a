/**
 * Lines that say where a picture came from, or who runs the site, and nothing else: judged as a block's whole
 * text by the text cleaners (cleaners.ts isClutterText), so a caption that describes its picture and ends with
 * its credit stays, and so does a sentence that names Instagram or an address.
 */

/** Picture credits standing alone (in a paragraph under the picture, or as its whole caption). */
const PICTURE_CREDITS: readonly RegExp[] = [
  // "©2022 Merdeka.com/Istimewa", "© 2021 Kabar Priangan/Nurul Hidayah", "(c) Reuters/Ajeng Dinar": source and
  // photographer, no description.
  /^(©|\(c\)|copyright)\s*(\d{4}\s*)?[\p{L}\d .,&_-]{1,40}\/\s*@?[\p{L}\d .,&_-]{1,40}$/iu,
  // "Instagram.com/riamiranda", "Foto: Instagram/@kebunteh", "Twitter @akun": a social-media address.
  /^((foto|photo|sumber|source|dok\.?|dokumentasi|credit)\s*:?\s*)?(instagram|twitter|x|facebook|tiktok|youtube)(\.com)?\s*[/:@]\s*@?[\w.]+\/?$/i,
  // "Photo: Reuters/Ajeng Dinar", "Bild: Werk/Christian Houdek", "Foto: ANTARA/Budi": a label, then source and
  // photographer, no description.
  /^(photo|foto|bild|bildquelle|image|picture|imagen|fotografía|crédit photo|zdjęcie|fot\.)\s*:\s*[\p{L}\d .,&_'’-]{1,40}\/\s*[\p{L}\d .,&_'’-]{1,40}$/iu,
  // A picture's own label or its credit alone: "Beitragsbild", "Bild anzeigen", "Externer Inhalt" (an embed not
  // loaded), "Bild via Pixabay", "Credit:", "Crédits photos : Bestimage", "(Quelle: Fleischmann/Unsplash/DJV)".
  /^(beitragsbild|titelbild|bild anzeigen|bild vergrößern|externer inhalt|credits?|crédits?( photos?)?|bildnachweis|fotonachweis)\s*:?$/iu,
  /^(bild|foto|photo|image) via\s+[\p{L}\d .,&_'’-]{1,40}$/iu,
  /^(credits?|crédits?( photos?)?|bildnachweis|fotonachweis)\s*:\s*[\p{L}\d .,&_'’/@-]{1,40}$/iu,
  /^\((quelle|source|fuente|fonte|źródło|crédito|credit|foto|photo|bild)\s*:\s*[^()]{1,60}\)$/iu,
  // A picture agency's name alone, or after the photographer's: "iStock.com", "TebNad/Shutterstock.com".
  /^([\p{L}\d .&_'’-]{1,40}\/\s*)?(shutterstock|istock(photo)?|getty ?images|adobe ?stock|depositphotos|dreamstime|123rf|pixabay|unsplash|pexels)(\.com)?$/iu,
  // A source or picture label with nothing after it: "Źródło:", "Titelbild:", "Quellenangaben:".
  /^(źródło|quelle|quellen|quellenangaben|source|sources|fuente|fuentes|fonte|fonti|titelbild|bildquelle|bildnachweis|photo|foto|bild)\s*:$/iu,
  /^zum vergrößern\b.{0,40}$/iu,
  // Stock pictures: "ilustrasi secangkir teh/Photo by Maria Lestari from Pexels", "Photo by X on Unsplash".
  /^((ilustrasi|illustration)\b[^/.!?]{0,60}\/\s*)?(copyright\s+)?(photo|foto|image|gambar)\s+(by|oleh)\s+[^/]{1,50}\s+(from|on|via|di|dari)\s+(pexels|unsplash|pixabay|freepik|shutterstock|istock(photo)?|canva)(\.com)?$/i,
];

/** A campaign hashtag line closing the text: "#ChangeMaker with FIMELA", "#PopbelaOOTD". */
const HASHTAG_LINE = /^(#[\p{L}\d_]+\s*){1,3}((with|bersama|by|x)\s+[\p{L}\d.]+)?$/iu;

/** The site's imprint: "Redaksi: redaksi[at]… Informasi pemasangan iklan hubungi : sales[at]…". */
const IMPRINT = /^(redaksi\s*:|(informasi\s+)?pemasangan\s+iklan\b)/i;
const MAIL = /[\w.-]+\s*(@|\[at\]|\(at\))\s*[\w-]+\.[\w.]+/i;

/** True when `text` (a block's whole text, `words` long) is a credit line, a hashtag line or the site's imprint. */
export function isCreditLine(text: string, words: number): boolean {
  if (words <= 12 && PICTURE_CREDITS.some((re) => re.test(text))) return true;
  if (words <= 6 && HASHTAG_LINE.test(text)) return true;
  return words <= 30 && IMPRINT.test(text) && MAIL.test(text) && /\biklan\b/i.test(text);
}
