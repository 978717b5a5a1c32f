import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_FILES, type SourceRole } from './merge/read-documents';
import { readPdfDocument } from './pdf/read-pdf';
import { SourceDocument } from './source-document';

/** A source folder that cannot be ingested: the message names the folder or the document and line. */
export class SourceDirectoryError extends Error {}

const ROLES = Object.keys(SOURCE_FILES) as SourceRole[];

/**
 * The file a folder holds for a document: its delivered name (`000_….txt`), or the same name ending in
 * `.pdf` (the city's PDF, read directly). Undefined when there is neither; both is refused, since which one
 * to read would be a guess.
 */
export function sourceFileName(directory: string, role: SourceRole): string | undefined {
  const text = SOURCE_FILES[role];
  const pdf = text.replace(/\.txt$/, '.pdf');
  const present = [text, pdf].filter((name) => existsSync(join(directory, name)));
  if (present.length > 1) {
    throw new SourceDirectoryError(`${directory}: both ${text} and ${pdf} (keep the one to ingest, remove the other)`);
  }
  return present[0];
}

/**
 * Checks a folder of documents before any parser runs: it exists, holds the five documents under their
 * names (each as text or as PDF), and each text file is UTF-8 (a file in another encoding would otherwise
 * be read with replacement characters and fail far from its cause, or not at all). PDFs are checked as
 * they are read (`readSourceDocuments`).
 */
export function checkSourceDirectory(directory: string): void {
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    throw new SourceDirectoryError(`${directory}: no such folder (--sources names the folder of the five documents)`);
  }
  const missing = ROLES.filter((role) => sourceFileName(directory, role) === undefined).map(
    (role) => SOURCE_FILES[role],
  );
  if (missing.length > 0) {
    throw new SourceDirectoryError(
      `${directory}: missing ${missing.join(', ')} (the documents keep their delivered names: ` +
        `${Object.values(SOURCE_FILES).join(', ')}; each may be the .pdf of that name instead)`,
    );
  }
  for (const role of ROLES) {
    const name = sourceFileName(directory, role);
    if (name?.endsWith('.txt')) checkUtf8(name, readFileSync(join(directory, name)));
  }
}

/** The five documents of a checked folder, text files and PDFs alike, ready for `ingest`. */
export async function readSourceDocuments(directory: string): Promise<Record<SourceRole, SourceDocument>> {
  const documents: Partial<Record<SourceRole, SourceDocument>> = {};
  for (const role of ROLES) {
    const name = sourceFileName(directory, role) ?? SOURCE_FILES[role];
    documents[role] = name.endsWith('.pdf')
      ? await readPdfDocument(join(directory, name), name)
      : SourceDocument.read(directory, name);
  }
  return documents as Record<SourceRole, SourceDocument>;
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
