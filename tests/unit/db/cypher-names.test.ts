import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CYPHER_DIRECTORY, CypherRegistry } from '../../../src/db/cypher-registry';
import { ROOT_PAGES } from '../../../src/model/node/root-pages';
import { composed, partName, type CypherPart, type FragmentFile } from '../../../src/read/page/cypher-part';
import { propertyQuantity } from '../../../src/read/page/fragments';
import type { PageSpec } from '../../../src/read/page/page-spec';
import { SheetRole } from '../../../src/graph/enums';
import { RELATIONSHIPS, type Relationship } from '../../../src/read/declared-relationships';

/**
 * Code names Cypher files by typed values: a literal is a member of CypherFile (src/db/cypher-files.ts), so tsc
 * refuses a misspelt one. What tsc cannot see is checked here without a database: the parts every root
 * connection's page spec holds (scan, anchors, context, orders, facets, aggregates; kindPageSpec makes most of
 * them from the folder's conventions and the kind's declarations) compose, every path fragment of the
 * relationship table exists, and each name quoted in src/ (comments included) is a file or a spec's part.
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

/** Each quoted name (no `${…}` in it) that starts with a folder of cypher/, with where it is written. */
function namedInSource(): { name: string; at: string }[] {
  const quoted = new RegExp(`['\`]((?:${folders.join('|')})/[A-Za-z0-9/._-]+)['\`]`, 'g');
  const files = sourceFiles(join(PROJECT_ROOT, 'src'));
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

/** Whether the part composes from the registry (a file, or a declaration's template filled in). */
function resolves(part: CypherPart): boolean {
  try {
    composed(registry, part).render();
    return true;
  } catch {
    return false;
  }
}

function specParts(spec: PageSpec): CypherPart[] {
  return [
    ...(spec.scan === undefined ? [] : [spec.scan]),
    ...spec.anchors.flatMap((anchor) => [anchor.condition, anchor.anchor]),
    ...(spec.context === undefined ? [] : [spec.context.fragment]),
    ...Object.values<CypherPart | null>(spec.orderFields).flatMap((part) => (part === null ? [] : [part])),
    ...Object.values<CypherPart>(spec.facets),
    ...Object.values(spec.aggregates).map((aggregate) => aggregate.quantity),
  ];
}

/** The names the page specs' parts stand for: a quoted name in a comment may be a declared part's. */
const partNames = new Set(ROOT_PAGES.flatMap((spec) => specParts(spec).map(partName)));

describe('the Cypher files the code names', () => {
  const named = namedInSource();

  it('finds names in the source (the scan is not empty)', () => {
    expect(named.map((n) => n.name)).toEqual(
      expect.arrayContaining(['fragments/common/item-sdgs', 'graph/node-by-id']),
    );
  });

  it('exist: every quoted name of a file under cypher/', () => {
    const missing = named.filter(({ name }) =>
      name.startsWith('fragments/')
        ? !known.has(name) && !partNames.has(name)
        : !known.has(name) && !known.has(name.replace(/\.cypher$/, '')),
    );
    expect(missing).toEqual([]);
  });

  it.each(ROOT_PAGES.map((spec) => [spec.name, spec] as const))(
    'exist: every fragment of the %s page spec',
    (_name, spec) => {
      expect(
        specParts(spec)
          .filter((part) => !resolves(part))
          .map(partName),
      ).toEqual([]);
    },
  );

  it('exist: every path fragment of the relationship table', () => {
    // A hop may depend on the field's arguments (a department's sheets by role): each role is asked.
    const hops = (relationship: Relationship) =>
      Object.values(SheetRole).map((role) => relationship.hop({ role, includeDeleted: false }));
    const relationships: Relationship[] = Object.values(RELATIONSHIPS).flatMap((fields) => Object.values(fields));
    const paths = relationships.flatMap((relationship) =>
      hops(relationship).flatMap((found) => (found.kind === 'path' ? [`projection/${found.file}`] : [])),
    );
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((name) => !known.has(name))).toEqual([]);
  });

  it('would catch a typo: a misspelt fragment is no FragmentFile (tsc), and a template needs its declaration', () => {
    const spelt: FragmentFile = 'fragments/measure/statuses';
    // @ts-expect-error -- the misspelt name is a compile error; tsc fails here if it ever compiles.
    const misspelt: FragmentFile = 'fragments/measure/statusses';
    expect(resolves(spelt)).toBe(true);
    expect(resolves(misspelt)).toBe(false);
    expect(resolves(propertyQuantity('startYear'))).toBe(true);
    expect(() => propertyQuantity('start-year')).toThrow('not a declared attribute name: start-year');
  });
});
