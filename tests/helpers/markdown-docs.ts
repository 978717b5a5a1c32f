import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The project's documentation as the tests read it: README.md and every guide in docs/. The tests that keep the
 * docs true (their GraphQL validates, their example queries run, their settings table matches the code) all
 * read the files through here, so a new guide is checked the moment it exists.
 */
const ROOT = join(__dirname, '..', '..');

export interface MarkdownFile {
  /** Path from the project root, for messages (`docs/analysts.md`). */
  readonly path: string;
  readonly text: string;
}

export interface CodeBlock {
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly language: string;
  readonly code: string;
  /** The next fenced block when only blank lines and prose of at most one paragraph separate them. */
  readonly next: CodeBlock | undefined;
}

export function documentationFiles(): MarkdownFile[] {
  const docs = join(ROOT, 'docs');
  const paths = [
    join(ROOT, 'README.md'),
    ...readdirSync(docs)
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => join(docs, name)),
  ];
  return paths.map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
}

/** Every fenced code block of a file, in order, each linked to the block right after it (for answers). */
export function codeBlocks(file: MarkdownFile): CodeBlock[] {
  const lines = file.text.split('\n');
  const found: { line: number; language: string; code: string; end: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\S*)\s*$/.exec(lines[i] ?? '');
    if (!open) continue;
    const indent = open[1] ?? '';
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i] ?? ''); i++)
      body.push((lines[i] ?? '').slice(indent.length));
    found.push({ line: start + 1, language: open[2] ?? '', code: body.join('\n'), end: i });
  }
  const blocks: CodeBlock[] = [];
  for (let k = found.length - 1; k >= 0; k--) {
    const here = found[k];
    const following = found[k + 1];
    if (!here) continue;
    const between = following ? lines.slice(here.end + 1, following.line - 1) : [];
    const adjacent = following !== undefined && between.filter((l) => l.trim() !== '').length <= 3;
    blocks.unshift({
      file: file.path,
      line: here.line,
      language: here.language,
      code: here.code,
      next: adjacent ? blocks[0] : undefined,
    });
  }
  return blocks;
}

/** The rows of the first Markdown table under a `## heading` of a file, as arrays of trimmed cells. */
export function tableUnder(file: MarkdownFile, heading: string): string[][] {
  const lines = file.text.split('\n');
  const at = lines.findIndex((l) => l.trim() === `## ${heading}`);
  if (at < 0) throw new Error(`${file.path} has no "## ${heading}" section`);
  const rows: string[][] = [];
  for (let i = at + 1; i < lines.length && !/^## /.test(lines[i] ?? ''); i++) {
    const line = (lines[i] ?? '').trim();
    if (!line.startsWith('|')) {
      if (rows.length > 0) break;
      continue;
    }
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
  }
  // The header and the |---| rule are not rows of data.
  return rows.slice(2);
}

/** Folders that hold no guide of the project (dependencies, build output, data the service writes). */
const NOT_GUIDES = new Set(['node_modules', 'dist', 'coverage', 'test-artifacts', '.data', '.git', 'target']);

/**
 * Every guide: README.md, the guides in docs/ and each folder's README.md (src/read/README.md …), in that order.
 */
export function guideFiles(): MarkdownFile[] {
  const folderReadmes: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory() && !NOT_GUIDES.has(entry.name)) walk(join(folder, entry.name));
      else if (entry.isFile() && entry.name === 'README.md' && folder !== ROOT)
        folderReadmes.push(join(folder, entry.name));
    }
  };
  walk(ROOT);
  return [
    ...documentationFiles(),
    ...folderReadmes.sort().map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') })),
  ];
}

export interface ProseSpan {
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** What the span says: an inline code span's text, or a link's target. */
  readonly text: string;
  readonly kind: 'code' | 'link';
}

/** The inline code spans and link targets of a file's prose: outside fenced code blocks, in order. */
export function proseSpans(file: MarkdownFile): ProseSpan[] {
  const spans: ProseSpan[] = [];
  let fenced = false;
  file.text.split('\n').forEach((line, i) => {
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (fenced || /^\s*```/.test(line)) return;
    for (const match of line.matchAll(/`([^`]+)`/g))
      spans.push({ file: file.path, line: i + 1, text: match[1] ?? '', kind: 'code' });
    // Link targets outside code spans: `[a](b)` inside backticks is code, not a link.
    for (const match of line.replace(/`[^`]+`/g, '').matchAll(/\]\(([^)\s]+)\)/g))
      spans.push({ file: file.path, line: i + 1, text: match[1] ?? '', kind: 'link' });
  });
  return spans;
}
