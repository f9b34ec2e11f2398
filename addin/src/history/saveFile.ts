/**
 * Hands downloaded bytes to the browser as a file to save under the given name: a temporary object
 * URL on a download link, never opened or rendered in the pane.
 */
export function saveFile(blob: Blob, fileName: string, doc: Document = document) {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click's download started; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
