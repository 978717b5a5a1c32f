import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeDocument, UnreadableDocumentError } from './unreadable-document';

/**
 * Where a record was read: the source file's name (as in seed/sources/) and its 1-based line. In a PDF the
 * line is counted on its page (every printed line from the top, margins included), and `page` names the
 * page; a text file has no `page`, so its references (and today's seed/graph.json) stay as they were.
 */
export interface SourceRef {
  readonly document: string;
  readonly line: number;
  readonly page?: number;
}

/** A line of a PDF's extracted text and where it is printed: 1-based page, 1-based line on that page. */
export interface PageLine {
  readonly page: number;
  readonly line: number;
}

/**
 * The other ways a PDF can be read where its print leaves a boundary open: on each page of `framedTops`, the
 * first row of a table going on from the page before is framed as a new row, as a producer frames the rest of a
 * row that a page break cut (LibreOffice does): whether it is a new row or the rest of the last one, only what
 * it says can tell. `reading` reads the PDF again with the first rows of `rowsGoingOn` (pages) taken as the
 * rest of the row before.
 */
export interface PdfReadings {
  readonly framedTops: readonly number[];
  readonly reading: (rowsGoingOn: ReadonlySet<number>) => SourceDocument;
}

/** A document's name without `.txt` or `.pdf`: the same document whichever of its files was read. */
export function documentStem(name: string): string {
  return name.replace(/\.(?:txt|pdf)$/, '');
}

/** A reference as messages print it: `000_….txt:12`, or `000_….pdf p. 3 line 12` for a page of a PDF. */
export function formatRef(ref: SourceRef): string {
  return ref.page === undefined ? `${ref.document}:${ref.line}` : `${ref.document} p. ${ref.page} line ${ref.line}`;
}

/**
 * A record read from one line of a document, which `source` names. Records whose `source` is a particular
 * line (a heading above the record, say) declare it themselves, with a comment that says which.
 */
export interface Sourced {
  readonly source: SourceRef;
}

/** What every parser returns: the records of one document, named by the file they were read from. */
export interface ParsedDocument {
  readonly document: string;
}

/**
 * The one entry point of each document kind (`parseFinalPlan`, `parseRevisionSheets`, `parseReformSheets`,
 * `parseLinkagePlans`, exported by src/ingest/<kind>/index.ts): one document in, its records out, a
 * ParseError naming document and line when the document is not shaped as expected.
 */
export type DocumentParser<T extends ParsedDocument> = (doc: SourceDocument) => T;

/**
 * One raw document, split into lines (1-based access through `line(n)`), after the extraction noise was
 * removed and the text corrections of seed/corrections.yaml were applied. Parsers never read files
 * themselves: they get one of these, so a test can hand them a mutated copy.
 *
 * Removing noise drops and joins lines, so a line here need not be the line of that number in the file.
 * Each line remembers the file line it starts on, and `ref` reports that one: every SourceRef (and so
 * every node's sourceDocument/sourceLine and every error) points into the file as delivered.
 */
export class SourceDocument {
  readonly lines: readonly string[];
  /** For each line, the 1-based line of the file where it starts. */
  private readonly fileLines: readonly number[];

  /**
   * `pageLines`: for a PDF, where each line of its extracted text (the "file") is printed, so `ref` names
   * page and line rather than a line of text nobody can open.
   */
  constructor(
    readonly name: string,
    text: string,
    fileLines?: readonly number[],
    private readonly pageLines?: readonly PageLine[],
    private readonly printedLines?: readonly (string | undefined)[],
    /** A PDF's other readings, where its print leaves a boundary open (only on the document as first read). */
    readonly readings?: PdfReadings,
  ) {
    // Normalise line endings only here; the extraction-noise pass decides what else is layout.
    this.lines = text.replace(/\r\n?/g, '\n').split('\n');
    this.fileLines = fileLines ?? this.lines.map((_, index) => index + 1);
    if (this.fileLines.length !== this.lines.length) {
      throw new Error(`${name}: ${this.lines.length} lines but ${this.fileLines.length} file line numbers`);
    }
  }

  /** The file `name` of `directory`; an UnreadableDocumentError names it when it is missing or not UTF-8 text. */
  static read(directory: string, name: string): SourceDocument {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(directory, name));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
      throw new UnreadableDocumentError(name, null, reason);
    }
    return new SourceDocument(name, decodeDocument(name, bytes));
  }

  /** A PDF's extracted text, one entry per line, each with the page and line where it is printed. */
  static fromPdf(
    name: string,
    lines: readonly (PageLine & { readonly text: string })[],
    readings?: PdfReadings,
  ): SourceDocument {
    const text = lines.map((line) => line.text).join('\n');
    return new SourceDocument(name, text, undefined, lines, undefined, readings);
  }

  /**
   * A copy with other lines, each still tied to the file line it came from (`fileLines`, one per line) and,
   * where known, to its text as printed before widths were folded (`printed`, one per line).
   */
  withFileLines(
    lines: readonly string[],
    fileLines: readonly number[],
    printed?: readonly (string | undefined)[],
  ): SourceDocument {
    return new SourceDocument(this.name, lines.join('\n'), fileLines, this.pageLines, printed);
  }

  /** A copy with the same number of lines, changed in place (text fixes): file and printed lines are kept. */
  withLines(lines: readonly string[]): SourceDocument {
    return this.withFileLines(lines, this.fileLines, this.printedLines);
  }

  /** The text of 1-based line `n` ('' past the end). */
  line(n: number): string {
    return this.lines[n - 1] ?? '';
  }

  /**
   * Line `n` as printed, before full-width digits and Latin letters were folded: where a line break fell
   * between two full-width letters, no space was lost there (`paragraph.ts`). The line itself where unknown.
   */
  printedLine(n: number): string {
    return this.printedLines?.[n - 1] ?? this.line(n);
  }

  /** The file line where 1-based line `n` starts (`n` itself until noise removal moved lines). */
  fileLine(n: number): number {
    return this.fileLines[n - 1] ?? n;
  }

  ref(line: number): SourceRef {
    return this.fileRef(this.fileLine(line));
  }

  /** Where 1-based line `fileLine` of the file (a PDF: of its extracted text) is: a line, or page and line. */
  fileRef(fileLine: number): SourceRef {
    const printed = this.pageLines?.[fileLine - 1];
    return printed
      ? { document: this.name, page: printed.page, line: printed.line }
      : { document: this.name, line: fileLine };
  }
}
