import { applyTextFixes, type Corrections } from '../corrections';
import { removeExtractionNoise } from '../extraction-noise';
import { parseFinalPlan, type FinalPlanDocument } from '../final-plan';
import { parseLinkagePlans, type LinkagePlanDocument } from '../linkage-plan';
import {
  DepartmentGlossary,
  loadFields,
  loadIndicatorOwners,
  loadSdgs,
  type IndicatorOwnersReference,
  type PlanField,
  type Sdg,
} from '../reference';
import { parseReformSheets, type ReformSheetDocument } from '../reform-sheet';
import { parseRevisionSheets, type RevisionSheetDocument } from '../revision-sheet';
import { type DocumentParser, type ParsedDocument, SourceDocument } from '../source-document';

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
  readonly sdgs: readonly Sdg[];
  readonly fields: readonly PlanField[];
  readonly glossary: DepartmentGlossary;
  /** Who answers for each indicator (seed/reference/indicator-owners.yaml). */
  readonly indicatorOwners: IndicatorOwnersReference;
}

/**
 * The documents whose reader reads every paragraph as pieces, whatever its breaks (src/ingest/README.md), so
 * the running-text joiner is not run on them. 003's only paragraphs are its headings, theme and sheet headers.
 */
const PARAGRAPHS_AS_PIECES: ReadonlySet<SourceRole> = new Set<SourceRole>(['reformSheets']);

/**
 * Reads the five documents from `sourceDirectory`, removes their extraction noise, applies the text fixes of the corrections file and runs
 * each document's parser. `override` lets tests hand in a mutated copy of one document.
 */
export function parseSources(
  sourceDirectory: string,
  referenceDirectory: string,
  corrections: Corrections,
  override: Partial<Record<SourceRole, SourceDocument>> = {},
): ParsedSources {
  const read = (role: SourceRole): SourceDocument =>
    applyTextFixes(
      removeExtractionNoise(override[role] ?? SourceDocument.read(sourceDirectory, SOURCE_FILES[role]), {
        joinRunningText: !PARAGRAPHS_AS_PIECES.has(role),
      }),
      corrections.textFixes,
    );
  const parse = <T extends ParsedDocument>(parser: DocumentParser<T>, role: SourceRole): T => parser(read(role));
  return {
    revisionSheets: [parse(parseRevisionSheets, 'fieldFiveSheets'), parse(parseRevisionSheets, 'fieldSixSheets')],
    finalPlan: parse(parseFinalPlan, 'finalPlan'),
    reformSheets: parse(parseReformSheets, 'reformSheets'),
    linkagePlans: parse(parseLinkagePlans, 'linkagePlans'),
    reference: {
      sdgs: loadSdgs(referenceDirectory),
      fields: loadFields(referenceDirectory),
      glossary: DepartmentGlossary.load(referenceDirectory),
      indicatorOwners: loadIndicatorOwners(referenceDirectory),
    },
    corrections,
  };
}
