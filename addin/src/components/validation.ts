/** A pragmatic client-side check; the service applies the full RFC 5321 / IDN rules. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@"]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) && value.trim().length <= 254;
}
