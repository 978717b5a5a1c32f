import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import type { IndicatorKind, IndicatorProposalRecord, IndicatorVerdict } from './records';
import { filledTexts } from '../tab-row';
import type { SheetSection } from './sheet-sections';

const KINDS: Readonly<Record<string, readonly IndicatorKind[]>> = {
  '成果指標/現状': ['OUTCOME', 'CURRENT_STATE'],
  成果指標: ['OUTCOME'],
  現状: ['CURRENT_STATE'],
};

const VERDICTS: Readonly<Record<string, IndicatorVerdict>> = {
  問題なし: 'NO_ISSUE',
  要変更: 'NEEDS_CHANGE',
  新規案: 'NEW_PROPOSAL',
};

const BASES = new Set(['現行通り', '新規', '変更']);

/**
 * 「成果指標」「現状」の項目案 (各課回答より): rows `kind [basis] [current name] ←verdict [proposal]`, where
 * the kind is 成果指標, 現状 or both. Lines that do not start with a kind (`↓各課意見` and the comments
 * under it, a proposal's wrapped second line) are notes on the row above.
 */
export function readIndicatorProposals(doc: SourceDocument, section: SheetSection): IndicatorProposalRecord[] {
  const proposals: Array<IndicatorProposalRecord & { notes: string[] }> = [];
  for (const row of section.rows) {
    const cells = filledTexts(row);
    const kinds = KINDS[cells[0] ?? ''];
    if (!kinds) {
      const previous = proposals[proposals.length - 1];
      if (!previous)
        throw new ParseError(doc.ref(row.line), 'an indicator row starting with 成果指標 or 現状', row.raw);
      previous.notes.push(cells.join(' '));
      continue;
    }
    const verdictAt = cells.findIndex((cell) => cell.startsWith('←'));
    const verdict = /^←\s*(\S+)(?:\s+(.*))?$/.exec(cells[verdictAt] ?? '');
    const verdictValue = VERDICTS[verdict?.[1] ?? ''];
    if (!verdict || verdictValue === undefined)
      throw new ParseError(doc.ref(row.line), 'a verdict ←問題なし, ←要変更 or ←新規案', row.raw);
    const before = cells.slice(1, verdictAt);
    const basis = before[0] !== undefined && BASES.has(before[0]) ? before[0] : null;
    const currentName = (basis === null ? before : before.slice(1)).join(' ');
    const proposal = [verdict[2] ?? '', ...cells.slice(verdictAt + 1)].join(' ').trim();
    proposals.push({
      kinds,
      basis,
      currentName: currentName === '' ? null : currentName,
      verdict: verdictValue,
      proposal: proposal === '' ? null : proposal,
      notes: [],
      source: doc.ref(row.line),
    });
  }
  return proposals;
}
