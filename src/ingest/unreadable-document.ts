/**
 * A source file that cannot be read as text at all: missing, binary, or in another encoding than UTF-8 (an
 * extraction saved as Shift_JIS), or a PDF without text or damaged. Parsing it would turn every byte it cannot
 * decode into U+FFFD and fail somewhere else, far from the cause; this names the document, the line of the
 * first bad byte (or the PDF's page), and why.
 */
export class UnreadableDocumentError extends Error {
  constructor(
    readonly document: string,
    readonly line: number | null,
    readonly reason: string,
    readonly page?: number,
  ) {
    super(
      `${document}${page === undefined ? '' : ` p. ${page}`}${line === null ? '' : page === undefined ? `:${line}` : ` line ${line}`}: cannot be read: ${reason}`,
    );
    this.name = 'UnreadableDocumentError';
  }
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a file's bytes, or an UnreadableDocumentError naming the first line that is not UTF-8 text. */
export function decodeDocument(document: string, bytes: Uint8Array): string {
  let lineStart = 0;
  for (let line = 1; lineStart <= bytes.length; line++) {
    const newline = bytes.indexOf(0x0a, lineStart);
    const lineEnd = newline === -1 ? bytes.length : newline;
    const lineBytes = bytes.subarray(lineStart, lineEnd);
    if (lineBytes.includes(0)) {
      throw new UnreadableDocumentError(document, line, 'it holds a NUL byte, so it is binary, not extracted text');
    }
    try {
      STRICT_UTF8.decode(lineBytes);
    } catch {
      throw new UnreadableDocumentError(
        document,
        line,
        'bytes that are not UTF-8 (another encoding such as Shift_JIS? export the text as UTF-8)',
      );
    }
    lineStart = lineEnd + 1;
  }
  return STRICT_UTF8.decode(bytes);
}
