import { useEffect, useState } from 'preact/hooks';
import { queryGraphQL } from '../common/graphql-client';

/** What a year holds now: the revision a new recording builds on, and the current record, described. */
export interface YearBase {
  readonly fiscalYear: number;
  /** The latest revision, retracted ones included (0 when none): the write's `expectedRevision`. */
  readonly revision: number;
  readonly current: {
    readonly revision: number;
    readonly recordedBy: string;
    readonly fields: Record<string, unknown>;
  } | null;
}

/** The subject kinds with records: what to ask for, and which fields describe a record. */
export const RECORD_KINDS = {
  indicator: { list: 'results', type: 'Indicator', fields: 'value note' },
  sheet: { list: 'evaluations', type: 'ReformSheet', fields: 'grade summary' },
} as const;
export type RecordKind = keyof typeof RECORD_KINDS;

interface YearAnswer {
  readonly subject: {
    readonly years?: readonly {
      readonly current: ({ readonly revision: number; readonly recordedBy: string } & Record<string, unknown>) | null;
      readonly history: readonly { readonly revision: number }[];
    }[];
  } | null;
}

/** What readYearBase asks for a kind: one text per kind, each listed in ../operations.ts. */
export function recordBaseQuery(kind: RecordKind): string {
  const { list, type, fields } = RECORD_KINDS[kind];
  return `query RecordBase($id: ID!, $fy: Int!) { subject: node(id: $id) { ... on ${type} {
       years: ${list}(fiscalYear: $fy) { current { revision recordedBy ${fields} } history { revision } } } } }`;
}

/** Reads one year of a subject afresh (not through the view's query, which may be older). */
export async function readYearBase(kind: RecordKind, subjectId: string, fiscalYear: number): Promise<YearBase> {
  const answer = await queryGraphQL<YearAnswer>(recordBaseQuery(kind), { id: subjectId, fy: fiscalYear });
  const year = answer.subject?.years?.[0];
  const revision = Math.max(0, ...(year?.history ?? []).map((entry) => entry.revision));
  const current = year?.current ?? null;
  return {
    fiscalYear,
    revision,
    current: current === null ? null : { revision: current.revision, recordedBy: current.recordedBy, fields: current },
  };
}

/**
 * The base of the year the form names, read when the year changes and then kept: a recording made meanwhile
 * by someone else must come back as CONFLICT, not be taken in silently.
 */
export function useYearBase(kind: RecordKind, subjectId: string, fiscalYear: number | null): YearBase | null {
  const [base, setBase] = useState<YearBase | null>(null);
  useEffect(() => {
    setBase(null);
    if (fiscalYear === null) return undefined;
    let current = true;
    readYearBase(kind, subjectId, fiscalYear).then(
      (read) => current && setBase(read),
      () => current && setBase({ fiscalYear, revision: 0, current: null }),
    );
    return () => {
      current = false;
    };
  }, [kind, subjectId, fiscalYear]);
  return base;
}
