/** Base64 for images in JSON exports, without Buffer (it runs in extension pages too). */
/** A multiple of 3, so no chunk but the last gets '=' padding. */
const CHUNK = 3 * 0x2000;

export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  // String.fromCharCode with a spread of a whole image would overflow the call stack: go by chunks.
  for (let i = 0; i < bytes.length; i += CHUNK) out += btoa(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  return out;
}

/** Decodes standard base64; throws on anything else (a damaged export must be rejected, not half-read). */
export function base64ToBytes(b64: string): Uint8Array {
  if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw new Error('not base64');
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
