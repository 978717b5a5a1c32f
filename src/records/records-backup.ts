import type { GraphGateway } from '../db/graph-gateway';
import type { PlainValue } from '../db/plain-values';
import { RowReader } from '../db/row-reader';

/** One line of an export: a node's label and its properties. */
export interface BackupLine {
  readonly label: string;
  readonly properties: Readonly<Record<string, PlainValue>>;
}

const RECORD_LABELS = ['IndicatorResult', 'SheetEvaluation'] as const;

/** Every record, series and audit entry as JSON Lines text (one node per line, series first). */
export async function exportRecords(gateway: GraphGateway): Promise<string> {
  const rows = (await gateway.read('records/export-all')).map((row) => new RowReader(row));
  return rows
    .map((row) => `${JSON.stringify({ label: row.string('label'), properties: row.map('properties').values })}\n`)
    .join('');
}

export interface ImportResult {
  readonly series: number;
  readonly records: number;
  readonly changes: number;
}

/**
 * Restores an export in one write transaction, merging on ids: into an empty or reseeded database, and a
 * second import of the same file changes nothing. Records whose subject is in the graph are linked to it.
 * A line that is not an export line stops the import before anything is written, naming the line.
 */
export async function importRecords(gateway: GraphGateway, text: string): Promise<ImportResult> {
  const lines = parseLines(text);
  const ofLabel = (label: string) => lines.filter((l) => l.label === label);
  return gateway.writeTransaction(async (tx) => {
    const series = ofLabel('RecordSeries').map((l) => l.properties);
    await tx.run('records/import-series', { rows: series });
    let records = 0;
    for (const label of RECORD_LABELS) {
      // A record's id is its series id plus `:r<revision>`.
      const rows = ofLabel(label).map((l) => ({ series: l.id.replace(/:r\d+$/, ''), properties: l.properties }));
      if (rows.length === 0) continue;
      const [row] = await tx.run('records/import-records', { label, rows });
      records += Number(row?.written ?? 0);
    }
    await tx.run('load/relink-records');
    const changes = ofLabel('Change').map((l) => l.properties);
    await tx.run('records/import-changes', { rows: changes });
    return { series: series.length, records, changes: changes.length };
  });
}

const KNOWN_LABELS: ReadonlySet<string> = new Set(['RecordSeries', 'Change', ...RECORD_LABELS]);

function parseLines(text: string): (BackupLine & { readonly id: string })[] {
  return text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (error) {
        throw new Error(`line ${number}: not JSON (${(error as Error).message})`);
      }
      const { label, properties } = (parsed ?? {}) as Partial<BackupLine>;
      if (typeof label !== 'string' || !KNOWN_LABELS.has(label)) {
        throw new Error(`line ${number}: label must be one of ${[...KNOWN_LABELS].join(', ')}`);
      }
      if (!properties || typeof properties !== 'object' || typeof properties.id !== 'string') {
        throw new Error(`line ${number}: properties must be an object with a string id`);
      }
      return { label, properties, id: properties.id };
    });
}
