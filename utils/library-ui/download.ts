/** Saves a file through the browser's download of a blob link (no downloads permission needed). */
export function download(doc: Document, name: string, data: Uint8Array | string, type: string): void {
  const win = doc.defaultView!;
  const url = win.URL.createObjectURL(new win.Blob([data as BlobPart], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  doc.body.append(a);
  a.click();
  a.remove();
  // Long enough for a large export to be written out.
  win.setTimeout(() => win.URL.revokeObjectURL(url), 60_000);
}
