import { parseArgs } from 'node:util';

/** What `npm run ingest -- …` was asked to do. */
export interface IngestArguments {
  /** The folder of the five documents (seed/sources/ by default). */
  readonly sources: string | undefined;
  /** Print what the documents change against seed/graph.json instead of writing it. */
  readonly diff: boolean;
  /** With --diff: write seed/graph.json after printing the diff. */
  readonly write: boolean;
  /** With --diff: print the diff as one JSON object. */
  readonly json: boolean;
  /** With --diff: list every sourceLine-only change instead of counting them. */
  readonly lines: boolean;
  /** With --diff: read recorded results from this records backup instead of the database. */
  readonly records: string | undefined;
  /** With --diff: do not look for recorded results at all. */
  readonly noRecords: boolean;
  readonly help: boolean;
}

/** A command line the ingest command cannot follow; the message says what is wrong, then the usage. */
export class IngestUsageError extends Error {}

/** Reads the command line; unknown options, stray words and options that need --diff are refused. */
export function parseIngestArguments(argv: readonly string[]): IngestArguments {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        sources: { type: 'string' },
        diff: { type: 'boolean', default: false },
        write: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        lines: { type: 'boolean', default: false },
        records: { type: 'string' },
        'no-records': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new IngestUsageError(error instanceof Error ? error.message : String(error));
  }
  const parsed: IngestArguments = {
    sources: values.sources,
    diff: values.diff,
    write: values.write,
    json: values.json,
    lines: values.lines,
    records: values.records,
    noRecords: values['no-records'],
    help: values.help,
  };
  const needsDiff = (['write', 'json', 'lines', 'records', 'noRecords'] as const).filter(
    (key) => parsed[key] !== false && parsed[key] !== undefined,
  );
  if (!parsed.diff && needsDiff.length > 0) {
    // Without --diff the command writes seed/graph.json as it always did; these options only shape a diff.
    throw new IngestUsageError(`${needsDiff.map(optionName).join(', ')}: only with --diff`);
  }
  if (parsed.records !== undefined && parsed.noRecords) {
    throw new IngestUsageError('--records and --no-records exclude each other');
  }
  return parsed;
}

function optionName(key: string): string {
  return key === 'noRecords' ? '--no-records' : `--${key}`;
}
