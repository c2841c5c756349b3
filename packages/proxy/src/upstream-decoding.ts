import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** Content encodings the proxy can read (and so asks upstreams for). */
export const ACCEPTED_ENCODINGS = 'gzip, deflate, br';

/** Wraps `body` in the decoder for `encoding`; undefined when it cannot be decoded. */
export function decodedStream(body: Readable, encoding: string | undefined): Readable | undefined {
  const e = (encoding ?? '').trim().toLowerCase();
  if (e === '' || e === 'identity') return body;
  let decoder: NodeJS.ReadWriteStream & Readable;
  if (e === 'gzip' || e === 'x-gzip') decoder = createGunzip();
  else if (e === 'br') decoder = createBrotliDecompress();
  else if (e === 'deflate') decoder = createInflate();
  else return undefined;
  body.on('error', (err) => decoder.destroy(err));
  decoder.on('close', () => {
    if (!body.destroyed) body.destroy();
  });
  return body.pipe(decoder);
}
