/** Decodes standard or URL-safe base64 to a latin1 string; undefined when it is not base64. */
export function decodeBase64(value: string): string | undefined {
  let s = value.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(s) || s.length % 4 === 1) return undefined;
  while (s.length % 4 !== 0) s += '=';
  try {
    return atob(s);
  } catch {
    return undefined;
  }
}
