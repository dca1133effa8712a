/**
 * What a PNG's header says about it, read without decoding the picture: the store images are checked against it
 * (`npm run screenshots -- --store` and test/unit/store-docs.test.ts). The Chrome Web Store takes screenshots and
 * promo tiles only at their exact sizes, as JPEG or 24-bit PNG without alpha.
 */
import { readFileSync } from 'node:fs';

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** 2: truecolour (RGB), 6: truecolour with alpha, 3: palette, 0/4: grey (with alpha). */
  colourType: number;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The IHDR chunk (always the first, right after the 8-byte signature); throws when the bytes are not a PNG. */
export function pngHeader(bytes: Uint8Array): PngHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ihdr = String.fromCharCode(...bytes.subarray(12, 16));
  if (bytes.length < 29 || SIGNATURE.some((b, i) => bytes[i] !== b) || ihdr !== 'IHDR') throw new Error('not a PNG file');
  return { width: view.getUint32(16), height: view.getUint32(20), bitDepth: bytes[24], colourType: bytes[25] };
}

/** Why `file` is not a store image of exactly width x height (24-bit RGB, no alpha), or null when it is one. */
export function storeImageProblem(file: string, width: number, height: number): string | null {
  let h: PngHeader;
  try {
    h = pngHeader(readFileSync(file));
  } catch (error) {
    return `${file}: ${(error as Error).message}`;
  }
  if (h.width !== width || h.height !== height) return `${file}: ${h.width}x${h.height}, not ${width}x${height}`;
  if (h.bitDepth !== 8 || h.colourType !== 2) return `${file}: bit depth ${h.bitDepth}, colour type ${h.colourType}; the stores want 24-bit RGB without alpha`;
  return null;
}
