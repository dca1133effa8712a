/**
 * What the XSS corpus (../xss-vectors.ts) is written with: the statement every vector runs, the encodings vectors
 * hide it in, and the shape of a vector's definition.
 */

/** A vector as written: its id, its markup made from the id, and what it tries. */
export type VectorDef = [id: string, html: (id: string) => string, note: string];

/** The statement every vector would run: the browser test reads window.__jernihPwned. */
export const pwn = (id: string): string => `window.__jernihPwned = (window.__jernihPwned || []).concat('${id}')`;

/** The same statement without whitespace, for unquoted attribute values. */
export const pwnCompact = (id: string): string => `window.__jernihPwned=(window.__jernihPwned||[]).concat('${id}')`;

/** Escape a string for a double-quoted attribute value (so the DECODED value is exactly `s`). */
export const escAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Every character as a decimal character reference. */
export const decEntities = (s: string): string => [...s].map((c) => `&#${c.codePointAt(0)};`).join('');

/** Every character as a hex character reference without the closing semicolon (legacy-tolerant parsing). */
export const hexEntitiesNoSemicolon = (s: string): string => [...s].map((c) => `&#x${c.codePointAt(0)!.toString(16)}`).join('');

/** Base64 that works in Node and in browsers. */
export const b64 = (s: string): string => btoa(s);

/** JSON-LD block whose strings may contain markup; `<` is escaped so the block can't be closed early. */
export const jsonLd = (data: unknown): string =>
  `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;

export const js = (id: string): string => `javascript:${pwn(id)}`;
export const htmlDoc = (id: string): string => `<script>${pwn(id)}</script>`;
