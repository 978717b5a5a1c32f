import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CYPHER_DIRECTORY, CypherRegistry } from '../../../src/db/cypher-registry';
import { ROOT_PAGES } from '../../../src/model/node/root-pages';
import { fragment } from '../../../src/read/page/fragments';
import type { PageSpec } from '../../../src/read/page/page-spec';
import { SheetRole } from '../../../src/graph/enums';
import { RELATIONSHIPS, type Relationship } from '../../../src/read/relationships';

/**
 * Code names Cypher files by string (`'fragments/measure/statuses'`, a page spec's `anchor-departments`), and the
 * registry finds a file only when a statement is compiled: a typo would fail at run time, on the one request
 * that reaches it. Here every name the code holds is looked up without a database: each string literal of
 * src/ that names a file under one of cypher/'s folders, every fragment of every root connection's page spec
 * (scan, anchors, context, orders, facets, aggregates; kindPageSpec builds most of them from conventions), and
 * every path fragment of the relationship table.
 */
const PROJECT_ROOT = join(CYPHER_DIRECTORY, '..');
const registry = CypherRegistry.load();
const known: ReadonlySet<string> = new Set(registry.names());
const folders = readdirSync(CYPHER_DIRECTORY, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const RELATIONSHIP_TABLE = join('src', 'read', 'relationships.ts');

/** Each quoted name (no `${…}` in it) that starts with a folder of cypher/, with where it is written. */
function namedInSource(): { name: string; at: string }[] {
  const quoted = new RegExp(`['\`]((?:${folders.join('|')})/[A-Za-z0-9/._-]+)['\`]`, 'g');
  // The relationship table names its paths relative to cypher/projection/; the last test checks those.
  const files = sourceFiles(join(PROJECT_ROOT, 'src')).filter((file) => !file.endsWith(RELATIONSHIP_TABLE));
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, at) =>
        [...line.matchAll(quoted)].map((match) => ({
          name: match[1] ?? '',
          at: `${relative(PROJECT_ROOT, file)}:${at + 1}`,
        })),
      ),
  );
}

/** Whether `fragment(name)` finds it (a file, or a declared attribute's template filled with the name). */
function resolves(name: string): boolean {
  try {
    fragment(name);
    return true;
  } catch {
    return false;
  }
}

function specFragments(spec: PageSpec): string[] {
  return [
    ...(spec.scan === undefined ? [] : [spec.scan]),
    ...spec.anchors.flatMap((anchor) => [anchor.condition, anchor.anchor]),
    ...(spec.context === undefined ? [] : [spec.context.fragment]),
    ...Object.values<string | null>(spec.orderFields).flatMap((name) => (name === null ? [] : [name])),
    ...Object.values<string>(spec.facets),
    ...Object.values(spec.aggregates).map((aggregate) => aggregate.quantity),
  ];
}

describe('the Cypher files the code names', () => {
  const named = namedInSource();

  it('finds names in the source (the scan is not empty)', () => {
    expect(named.map((n) => n.name)).toEqual(
      expect.arrayContaining(['fragments/common/item-sdgs', 'graph/node-by-id']),
    );
  });

  it('exist: every quoted name of a file under cypher/', () => {
    const missing = named.filter(({ name }) =>
      name.startsWith('fragments/') ? !resolves(name) : !known.has(name) && !known.has(name.replace(/\.cypher$/, '')),
    );
    expect(missing).toEqual([]);
  });

  it.each(ROOT_PAGES.map((spec) => [spec.name, spec] as const))(
    'exist: every fragment of the %s page spec',
    (_name, spec) => {
      expect(specFragments(spec).filter((name) => !resolves(name))).toEqual([]);
    },
  );

  it('exist: every path fragment of the relationship table', () => {
    // A hop may depend on the field's arguments (a department's sheets by role): each role is asked.
    const hops = (relationship: Relationship) =>
      Object.values(SheetRole).map((role) => relationship.hop({ role, includeDeleted: false }));
    const relationships: Relationship[] = Object.values(RELATIONSHIPS).flatMap((fields) => Object.values(fields));
    const paths = relationships.flatMap((relationship) =>
      hops(relationship).flatMap((found) => (found.kind === 'path' ? [`projection/${found.path}`] : [])),
    );
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((name) => !known.has(name))).toEqual([]);
  });

  it('would catch a typo: a misspelt fragment does not resolve', () => {
    expect(resolves('fragments/measure/statuses')).toBe(true);
    expect(resolves('fragments/measure/statusses')).toBe(false);
    expect(resolves('fragments/common/property.startYear')).toBe(true);
  });
});
