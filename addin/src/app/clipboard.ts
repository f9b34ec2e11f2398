import type { CopyText } from '../components/IntakeLink';

/** The browser's Clipboard API where the host offers it (not every Outlook webview does, nor an insecure origin). */
export function clipboardCopier(): CopyText | null {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  return clipboard?.writeText ? (text) => clipboard.writeText(text) : null;
}
