/**
 * A redacted preview of a secret for the text report: at most a quarter of its
 * characters show, and never more than 4 at each end (`ghp_…Q7mZ`); a value shorter
 * than 8 characters shows none (`…`). Line breaks inside (private keys) are flattened.
 */
export function redactPreview(secret: string): string {
  const chars = Array.from(secret.replace(/\s+/g, ' '));
  const show = Math.min(4, Math.floor(chars.length / 8));
  if (show === 0) return '…';
  return `${chars.slice(0, show).join('')}…${chars.slice(-show).join('')}`;
}
