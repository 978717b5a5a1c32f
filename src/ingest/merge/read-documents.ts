import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyTextFixes, type Corrections } from '../corrections';
import { parseFinalPlan, type FinalPlanDocument } from '../final-plan';
import { parseLinkagePlans, type LinkagePlanDocument } from '../linkage-plan';
import { DepartmentGlossary, loadFields, loadSdgs, type PlanField, type Sdg } from '../reference';
import { parseReformSheets, type ReformSheetDocument } from '../reform-sheet';
import { parseRevisionSheets, type RevisionSheetDocument } from '../revision-sheet';
import { SourceDocument, type SourceRef } from '../source-document';

/** Which file of seed/sources/ plays which part. The names are the files' own (as delivered). */
export const SOURCE_FILES = {
  fieldFiveSheets: '000_c612850dd0d0a3ba.txt',
  finalPlan: '001_ce2878ebb8c6f072.txt',
  fieldSixSheets: '002_5efac60f894371f5.txt',
  reformSheets: '003_333ee31cbdb593ac.txt',
  linkagePlans: '004_c772f55bb03f2e1d.txt',
} as const;

export type SourceRole = keyof typeof SOURCE_FILES;

/** Every document parsed (after the text fixes), plus the reference tables. */
export interface ParsedSources {
  readonly revisionSheets: readonly RevisionSheetDocument[];
  readonly finalPlan: FinalPlanDocument;
  readonly reformSheets: ReformSheetDocument;
  readonly linkagePlans: LinkagePlanDocument;
  readonly reference: Reference;
  /** The judgement calls (decisions) the merge rules consult. */
  readonly corrections: Corrections;
}

export interface Reference {
  readonly sdgs: readonly (Sdg & { readonly source: SourceRef })[];
  readonly fields: readonly PlanField[];
  readonly glossary: DepartmentGlossary;
}

/**
 * Reads the five documents from `sourceDirectory`, applies the text fixes of the corrections file and runs
 * each document's parser. `override` lets tests hand in a mutated copy of one document.
 */
export function parseSources(
  sourceDirectory: string,
  referenceDirectory: string,
  corrections: Corrections,
  override: Partial<Record<SourceRole, SourceDocument>> = {},
): ParsedSources {
  const read = (role: SourceRole): SourceDocument =>
    applyTextFixes(override[role] ?? SourceDocument.read(sourceDirectory, SOURCE_FILES[role]), corrections.textFixes);
  return {
    revisionSheets: [parseRevisionSheets(read('fieldFiveSheets')), parseRevisionSheets(read('fieldSixSheets'))],
    finalPlan: parseFinalPlan(read('finalPlan')),
    reformSheets: parseReformSheets(read('reformSheets')),
    linkagePlans: parseLinkagePlans(read('linkagePlans')),
    reference: readReference(referenceDirectory),
    corrections,
  };
}

function readReference(directory: string): Reference {
  const sdgText = readFileSync(join(directory, 'sdgs.yaml'), 'utf8').split('\n');
  const sdgs = loadSdgs(directory).map((sdg) => {
    const index = sdgText.findIndex((line) => new RegExp(`^\\s*-\\s*number:\\s*${sdg.number}\\s*$`).test(line));
    return { ...sdg, source: { document: 'reference/sdgs.yaml', line: index + 1 } };
  });
  return { sdgs, fields: loadFields(directory), glossary: DepartmentGlossary.load(directory) };
}
