import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_FILES } from './merge/read-documents';

/** A source folder that cannot be ingested: the message names the folder or the document and line. */
export class SourceDirectoryError extends Error {}

/**
 * Checks a folder of documents before any parser runs: it exists, holds the five files under their names,
 * and each is UTF-8 text (a file in another encoding would otherwise be read with replacement characters
 * and fail far from its cause, or not at all).
 */
export function checkSourceDirectory(directory: string): void {
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    throw new SourceDirectoryError(`${directory}: no such folder (--sources names the folder of the five documents)`);
  }
  const missing = Object.values(SOURCE_FILES).filter((name) => !existsSync(join(directory, name)));
  if (missing.length > 0) {
    throw new SourceDirectoryError(
      `${directory}: missing ${missing.join(', ')} (the documents keep their delivered names: ` +
        `${Object.values(SOURCE_FILES).join(', ')})`,
    );
  }
  for (const name of Object.values(SOURCE_FILES)) checkUtf8(name, readFileSync(join(directory, name)));
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function checkUtf8(name: string, bytes: Buffer): void {
  try {
    decoder.decode(bytes);
  } catch {
    // Find the first line that does not decode, so the message points at it.
    let start = 0;
    for (let line = 1; start <= bytes.length; line += 1) {
      const end = bytes.indexOf(0x0a, start);
      const slice = bytes.subarray(start, end === -1 ? bytes.length : end);
      try {
        decoder.decode(slice);
      } catch {
        throw new SourceDirectoryError(`${name}:${line}: not UTF-8 text (convert the file to UTF-8)`);
      }
      if (end === -1) break;
      start = end + 1;
    }
    throw new SourceDirectoryError(`${name}: not UTF-8 text (convert the file to UTF-8)`);
  }
}
