/** Saves bytes as a file: a browser download; Electron shows its save dialog. */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the download has its own copy by then; the URL would otherwise live as long as the page
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The same for bytes a procedure answered as base64 (reports, claims, templates). */
export function saveBase64(fileName: string, mime: string, base64: string): void {
  saveBlob(fileName, new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: mime }));
}
