/**
 * A line of a checksum list, as `sha256sum`, `sha1sum`, `md5sum` (and `shasum`) print it and read it back with `-c`:
 * the file's digest in hex, two spaces (a space and `*` in binary mode), the file's name
 * (`cad1…87f3  /usr/local/bin/vault`). Written into a script (`echo "…  /usr/local/bin/vault" | sha256sum -c -`,
 * `sha256sum -c <<< "…  manifest.json"`), a SHA256SUMS file or a runbook's code span, the hex is a digest of the
 * named file, which anyone holding the file can compute: never a key, whatever rule reads it.
 */

/** The lengths of the hex digests those tools print: MD5, SHA-1, SHA-224, SHA-256, SHA-384, SHA-512. */
const DIGEST_LENGTHS: ReadonlySet<number> = new Set([32, 40, 56, 64, 96, 128]);
const HEX_DIGEST = /^(?:[0-9a-f]+|[0-9A-F]+)$/;
/** After the digest: two spaces (text mode) or ` *` (binary mode), then the file's name, up to a blank, a quote or the line's end. */
const FILE_AFTER = /^(?: {2}| \*)([^\s"'`]{1,300})(?=[\s"'`]|$)/;
/** A file's name: it has an extension or a folder (`release.tar.gz`, `/usr/local/bin/vault`, `contigs/$CHUNK`). */
const FILE_NAME = /[./]/;
/** Before the digest on its line: indentation, maybe a comment's or a list's marker (`# `, `// `, `- `, `> `). */
const LINE_OPENING = /^[ \t]{0,8}(?:(?:#|\/\/|--|;|\*|>|-)[ \t]{1,4})?$/;
/** How far back the opening of the digest's line is read: an indentation and a marker. */
const OPENING_REACH = 16;

/**
 * Whether the text from `start` to `end` is the digest of a checksum list's line: hex of a digest's length, then the
 * file it sums, the digest opening its line or a quoted string (the echo or here-string a script checks it with, a
 * code span). Reads 16 characters before the digest and at most 300 after it.
 */
export function isChecksumLineDigest(text: string, start: number, end: number): boolean {
  if (!DIGEST_LENGTHS.has(end - start) || text.charCodeAt(end) !== 0x20 /* space */) return false;
  if (!HEX_DIGEST.test(text.slice(start, end))) return false;
  const file = FILE_AFTER.exec(text.slice(end, end + 303));
  if (file === null || !FILE_NAME.test(file[1]!)) return false;
  if (start === 0) return true;
  const quote = text.charCodeAt(start - 1);
  if (quote === 0x22 /* " */ || quote === 0x27 /* ' */ || quote === 0x60 /* ` */) return true;
  const from = Math.max(0, start - OPENING_REACH);
  const before = text.slice(from, start);
  const newline = before.lastIndexOf('\n');
  // No line break within the reach: more than an indentation and a marker stands before the digest.
  if (newline === -1 && from > 0) return false;
  return LINE_OPENING.test(before.slice(newline + 1).replace(/\r$/, ''));
}
