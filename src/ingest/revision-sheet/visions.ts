import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import { alignInOrder, textSimilarity } from './align-in-order';
import { readStatusCell, splitChangeColumn } from './change-status';
import type { ChangeStatus, VisionRecord } from './records';
import { filledTexts } from '../tab-row';
import type { SheetSection } from './sheet-sections';
import { nameKey } from '../../core/text/index';
import { sheetProse, withoutBullet } from './sheet-text';

/** A status read from the change column, with the rewritten text written after it. */
interface StatusEntry {
  readonly status: ChangeStatus;
  readonly text: string | null;
  readonly line: number;
}

/** How alike a rewritten text and a vision must be for the text to say which vision it rewrites. */
const ANCHOR_SIMILARITY = 0.5;

interface CurrentVision {
  readonly text: string;
  readonly line: number;
  readonly inline: StatusEntry | null;
}

/**
 * めざす姿. The current visions are bullets (`●…`, `- …`); their statuses come either in the same row
 * (`●text ⇥ ←変更あり ⇥ ●new text`), or as a block of `←…` lines below all visions, or both (the block then
 * repeats the row statuses, or supplies the new text a row status left out). `新規 ●…` adds a vision.
 */
export function readVisions(doc: SourceDocument, section: SheetSection): VisionRecord[] {
  const current: CurrentVision[] = [];
  const detached: StatusEntry[] = [];
  const added: VisionRecord[] = [];
  for (const row of section.rows) {
    const [first = '', ...others] = filledTexts(row);
    const leading = readStatusCell(first);
    if (leading?.status === 'NEW') {
      added.push(newVision([leading.rest, ...others].join(' '), doc, row.line));
    } else if (leading) {
      detached.push(...statusEntries(doc, [first, ...others], row.line));
    } else if (/^(?:[●・]|-\s)/.test(first)) {
      const [inline = null, ...extra] = statusEntries(doc, others, row.line);
      if (extra.length > 0) throw new ParseError(doc.ref(row.line), 'one status per vision row', row.raw);
      current.push({ text: sheetProse(withoutBullet(first)), line: row.line, inline });
    } else {
      throw new ParseError(doc.ref(row.line), 'a vision bullet (●, -), a status (←変更なし) or 新規', row.raw);
    }
  }
  if (current.length === 0 && added.length === 0) {
    throw new ParseError(doc.ref(section.line), 'at least one vision under めざす姿', doc.line(section.line));
  }
  const resolved = resolveStatuses(doc, section, current, detached);
  return [...current.map((vision, i) => toRecord(doc, vision, resolved[i] ?? null)), ...added];
}

/** The statuses in a run of change-column cells, each with the rewritten text written after it. */
function statusEntries(doc: SourceDocument, cells: readonly string[], line: number): StatusEntry[] {
  const { before, entries } = splitChangeColumn(cells);
  if (before.length > 0) throw new ParseError(doc.ref(line), 'a change status after the vision', doc.line(line));
  return entries.map(({ status, pieces }) => {
    const text = sheetProse(withoutBullet(pieces.join(' ').trim()));
    return { status, text: text === '' ? null : text, line };
  });
}

/**
 * Decides which detached status belongs to which vision. When the block has one entry per vision it is
 * read in order (and must agree with any row status); when it has one per vision still missing a status
 * or a new text, it fills those in order; when it has fewer (6-2: three visions, two statuses), an entry
 * with a new text goes to the vision it resembles and the visions left over get no status.
 */
function resolveStatuses(
  doc: SourceDocument,
  section: SheetSection,
  visions: readonly CurrentVision[],
  detached: readonly StatusEntry[],
): Array<StatusEntry | null> {
  const open = visions.flatMap((vision, i) => (needsDetached(vision) ? [i] : []));
  let targets: readonly number[];
  if (detached.length === visions.length) targets = visions.map((_, i) => i);
  else if (detached.length === open.length) targets = open;
  else if (detached.length < open.length) {
    const texts = open.map((i) => nameKey(visions[i]?.text ?? ''));
    const similarity = (entry: StatusEntry, text: string): number =>
      entry.text ? textSimilarity(nameKey(entry.text), text) : 0;
    const placed = alignInOrder(detached, texts, similarity);
    // Only a rewritten text that clearly resembles one vision tells where the gap is; without one the
    // statuses cannot be placed and the sheet is malformed.
    const anchored = detached.some((entry, e) => similarity(entry, texts[placed[e] ?? -1] ?? '') >= ANCHOR_SIMILARITY);
    if (!anchored) {
      throw new ParseError(
        doc.ref(section.line),
        `a status for each of the ${visions.length} visions`,
        doc.line(section.line),
      );
    }
    targets = placed.map((k) => open[k] ?? -1);
  } else {
    throw new ParseError(
      doc.ref(section.line),
      `at most ${visions.length} vision statuses, found ${detached.length}`,
      doc.line(section.line),
    );
  }
  const resolved = visions.map((vision) => vision.inline);
  detached.forEach((entry, k) => {
    const i = targets[k] ?? -1;
    resolved[i] = merge(doc, resolved[i] ?? null, entry);
  });
  return resolved;
}

function needsDetached(vision: CurrentVision): boolean {
  return vision.inline === null || (vision.inline.status === 'CHANGED' && vision.inline.text === null);
}

/** A row status and a block status for the same vision must say the same; the new text may come from either. */
function merge(doc: SourceDocument, inline: StatusEntry | null, detached: StatusEntry): StatusEntry {
  if (!inline) return detached;
  if (inline.status !== detached.status) {
    throw new ParseError(
      doc.ref(detached.line),
      `the same status as the vision row at line ${inline.line}`,
      doc.line(detached.line),
    );
  }
  const textFromDetached = inline.text === null && detached.text !== null;
  return {
    status: inline.status,
    text: inline.text ?? detached.text,
    line: textFromDetached ? detached.line : inline.line,
  };
}

function toRecord(doc: SourceDocument, vision: CurrentVision, entry: StatusEntry | null): VisionRecord {
  return {
    text: vision.text,
    status: entry?.status ?? null,
    revisedText: entry?.status === 'CHANGED' ? entry.text : null,
    source: doc.ref(vision.line),
    statusSource: entry ? doc.ref(entry.line) : null,
  };
}

function newVision(text: string, doc: SourceDocument, line: number): VisionRecord {
  const cleaned = sheetProse(withoutBullet(text.trim()));
  if (cleaned === '') throw new ParseError(doc.ref(line), 'the text of the new vision after 新規', doc.line(line));
  return { text: cleaned, status: 'NEW', revisedText: null, source: doc.ref(line), statusSource: doc.ref(line) };
}
