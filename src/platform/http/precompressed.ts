import { readFile, writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import Negotiator from 'negotiator';

/** Content codings a static file is stored in besides its plain bytes, best first. */
export const STORED_ENCODINGS = ['br', 'gzip'] as const;
export type StoredEncoding = (typeof STORED_ENCODINGS)[number];

/** The file name suffix of each stored coding, as web servers name precompressed files. */
const SUFFIX: Readonly<Record<StoredEncoding, string>> = { br: '.br', gzip: '.gz' };

/** A static file's bodies in the stored codings (absent when none was made, e.g. a file under 1 KiB). */
export type EncodedBodies = Partial<Readonly<Record<StoredEncoding, Buffer>>>;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Below this the codings save less than their headers and the client's decoding cost; the dynamic
 * compression of the HTTP front uses the same threshold.
 */
export const PRECOMPRESS_THRESHOLD_BYTES = 1024;

/**
 * Compresses a file as hard as the codings go: brotli at quality 11 (text mode, the size as a hint) and gzip at
 * level 9. That costs seconds for a megabyte, so it runs once, when the files are built, never per request.
 */
export async function compressForDelivery(body: Buffer): Promise<EncodedBodies> {
  if (body.length < PRECOMPRESS_THRESHOLD_BYTES) return {};
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gzipAsync(body, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  // A coding that does not make the file smaller is not worth the client's decoding.
  return {
    ...(br.length < body.length ? { br } : {}),
    ...(gz.length < body.length ? { gzip: gz } : {}),
  };
}

/** Writes `path.br` and `path.gz` beside `path` (only the codings that were made). */
export async function writeEncodedBodies(path: string, bodies: EncodedBodies): Promise<void> {
  await Promise.all(
    STORED_ENCODINGS.flatMap((encoding) => {
      const body = bodies[encoding];
      return body === undefined ? [] : [writeFile(`${path}${SUFFIX[encoding]}`, body)];
    }),
  );
}

/** Reads what `writeEncodedBodies` wrote beside `path`; a missing coding is simply absent. */
export async function readEncodedBodies(path: string): Promise<EncodedBodies> {
  const entries = await Promise.all(
    STORED_ENCODINGS.map(async (encoding): Promise<[StoredEncoding, Buffer] | undefined> => {
      try {
        return [encoding, await readFile(`${path}${SUFFIX[encoding]}`)];
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    }),
  );
  return Object.fromEntries(entries.filter((entry) => entry !== undefined));
}

/**
 * The stored coding to send for this request's `Accept-Encoding`, or undefined for the plain bytes. Among
 * codings the client accepts equally (browsers send `gzip, deflate, br, zstd`), brotli is preferred: it is
 * the smaller. Negotiation by `negotiator`, as Express and the compression middleware do it.
 */
export function negotiateEncoding(request: IncomingMessage, bodies: EncodedBodies): StoredEncoding | undefined {
  const available = STORED_ENCODINGS.filter((encoding) => bodies[encoding] !== undefined);
  if (available.length === 0) return undefined;
  const chosen = new Negotiator(request).encoding([...available, 'identity'], { preferred: STORED_ENCODINGS });
  return available.find((encoding) => encoding === chosen);
}
