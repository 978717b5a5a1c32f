import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CYPHER_DIRECTORY, CypherRegistry, isCypherFile } from '../../../src/db/cypher-registry';
import { INDICATOR_LIST } from '../../../src/model/indicator/indicator.list';
import { MEASURE_LIST } from '../../../src/model/measure/measure.list';
import { POLICY_ITEM_LIST } from '../../../src/model/policy-item/policy-item.list';
import { compileCountsPage } from '../../../src/read/page/compile-counts-page';
import { compilePage } from '../../../src/read/page/compile-page';
import { naming } from '../../../src/db/cypher';
import { composed, partName, type FragmentFile } from '../../../src/read/page/cypher-part';
import { declaredFragment, propertyQuantity, type AttributeTemplate } from '../../../src/read/page/fragments';
import { all, any, holds, matches, not, type Condition } from '../../../src/read/page/condition';
import type { PageSpec } from '../../../src/read/page/page-spec';
import { REFORM_SHEET_LIST } from '../../../src/model/reform-sheet/reform-sheet.list';
import { openTestDatabase, type TestDatabase } from '../../helpers/test-database';

/**
 * The files of cypher/fragments/ are pieces, not statements, so cypher-files.int.test.ts cannot EXPLAIN
 * them alone. Here every fragment is EXPLAINed inside statements compiled the way the API compiles them:
 * for each connection, one statement per anchor, using every condition and quantity of its folder (inside
 * `or` and `not` too), every order field and every facet. Each fragment's header says what it is
 * (`Start`, `Scope`, `Context`, `Condition`, `Quantity`, `Sort value`, `Facet`); the test reads that.
 */
const SPECS: PageSpec[] = [MEASURE_LIST.spec, POLICY_ITEM_LIST.spec, INDICATOR_LIST.spec, REFORM_SHEET_LIST.spec];
const registry = CypherRegistry.load();

/** A fragment named by a file of the folder (read from the folder, so not checked by tsc). */
function fileOf(name: string): FragmentFile {
  if (!isCypherFile(name) || !name.startsWith('fragments/')) throw new Error(`no fragment cypher/${name}.cypher`);
  return name as FragmentFile;
}

/** The declared attributes' templates of cypher/fragments/common/, by their files. */
const ATTRIBUTE_TEMPLATES: readonly AttributeTemplate[] = ['property', 'text-in', 'text-contains'];
function attributeTemplateOf(name: string): AttributeTemplate {
  const template = ATTRIBUTE_TEMPLATES.find((t) => name === `fragments/common/${t}`);
  if (template === undefined) throw new Error(`${name} is no declared attribute's template`);
  return template;
}

function role(name: string): string {
  const header = readFileSync(join(CYPHER_DIRECTORY, `${name}.cypher`), 'utf8').split('\n')[0] ?? '';
  return /^\/\/ (Start|Scope|Context|Condition|Quantity|Sort value|Facet|Part):/.exec(header)?.[1] ?? 'unknown';
}

/** A fragment's header lines (its role, what it binds, its parameters). */
function header(name: string): string {
  return readFileSync(join(CYPHER_DIRECTORY, `${name}.cypher`), 'utf8')
    .split('\n')
    .slice(0, 2)
    .join('\n');
}

/** Whether a fragment takes the user's value as `$value`. */
function takesValue(name: string): boolean {
  return readFileSync(join(CYPHER_DIRECTORY, `${name}.cypher`), 'utf8').includes('$value');
}

/**
 * Whether a fragment's text (its `$value` renamed to some `$cN`, a template's `$($property)` filled with a
 * declared property's name) is part of a compiled statement.
 */
function appearsIn(statement: string, name: string): boolean {
  // A template's holes are filled with a marker, then matched as what a declaration fills in: a property
  // name, or (an anchor's) labels, key and path.
  const text = registry
    .part(fileOf(name))
    .bind(naming('hole', Object.fromEntries(TEMPLATE_HOLES.map((hole) => [hole, 'DECLARED_HOLE']))))
    .render();
  const pattern = text
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\\\$value\b/g, '\\$c\\d+')
    .replace(/DECLARED_HOLE/g, '[^\\s]*?');
  return new RegExp(pattern).test(statement);
}

/**
 * A template filled from declarations (cypher/fragments/common/property, text-in, text-contains, anchor-by-key,
 * anchor-by-field-id, condition-by-key, facet-per-sdg, facet-per-value): the specs' sort orders and aggregates
 * fill the first, a declared text's filter the next two, the kinds' declared anchors, their conditions and
 * facets the last five.
 */
function isTemplate(name: string): boolean {
  return readFileSync(join(CYPHER_DIRECTORY, `${name}.cypher`), 'utf8').includes('$($');
}

/** The holes the templates of cypher/fragments/common/ have: a declared property's name, an anchor's or facet's parts. */
const TEMPLATE_HOLES = ['property', 'from', 'path', 'label', 'key', 'as'];

describe('compiled page statements', () => {
  let db: TestDatabase;
  beforeAll(() => {
    db = openTestDatabase();
  });
  afterAll(() => db.close());

  it('declare their role in the first header line of every fragment', () => {
    const unknown = db.cypher.namesUnder('fragments').filter((name) => role(name) === 'unknown');
    expect(unknown).toEqual([]);
  });

  it('expand the policy item context only when a condition or a sort key reads it', async () => {
    // Leaving it out is safe because every measure and indicator hangs from exactly one policy item: the
    // context's expansion never dropped or repeated a node.
    for (const [label, relationship] of [
      ['Measure', 'HAS_MEASURE'],
      ['Indicator', 'MEASURED_BY'],
    ]) {
      const { records } = await db.driver.executeQuery(
        `MATCH (n:${label}) RETURN count { (n)<-[:${relationship}]-(:PolicyItem) } AS items`,
      );
      const perNode = records.map((record) => Number(record.get('items')));
      expect(perNode.length).toBeGreaterThan(20);
      expect(perNode.filter((count) => count !== 1)).toEqual([]);
    }
    const contextOf = (spec: PageSpec) =>
      spec.context ? composed(registry, spec.context.fragment).render() : 'no context';
    const current = [{ key: 'current', quantity: propertyQuantity('current') }];
    const unfiltered = compileCountsPage(registry, INDICATOR_LIST.spec, all([]), current).statement.text;
    expect(unfiltered).not.toContain(contextOf(INDICATOR_LIST.spec));
    expect(unfiltered).not.toContain('WHERE true');
    const byCode = compilePage(registry, MEASURE_LIST.spec, all([]), [], [], ['id'], undefined).statement.text;
    expect(byCode).not.toContain(contextOf(MEASURE_LIST.spec));
    const itemSdgs = matches('fragments/common/item-sdgs', [11]);
    for (const spec of [MEASURE_LIST.spec, INDICATOR_LIST.spec] as PageSpec[]) {
      // Required, the condition is met by its exact anchor and nothing reads the item; tested (here inside
      // `not`, which no anchor serves), it reads the item.
      expect(compilePage(registry, spec, itemSdgs, [], [], ['id']).statement.text).not.toContain(contextOf(spec));
      expect(compilePage(registry, spec, not(itemSdgs), [], [], ['id']).statement.text).toContain(contextOf(spec));
      expect(compileCountsPage(registry, spec, not(itemSdgs), []).statement.text).toContain(contextOf(spec));
    }
    const byField = compilePage(
      registry,
      MEASURE_LIST.spec,
      all([]),
      [{ field: 'FIELD', direction: 'ASC' }],
      [],
      ['id'],
    );
    expect(byField.statement.text).toContain(contextOf(MEASURE_LIST.spec));
  });

  it('compile with every fragment of their folder', async () => {
    const explained = new Set<string>();
    const session = db.driver.session({ defaultAccessMode: 'READ' });
    try {
      for (const spec of SPECS) {
        const folder = spec.scan === undefined ? '' : partName(spec.scan).replace(/\/scan$/, '');
        const usable = (name: string) =>
          name.startsWith(`${folder}/`) ||
          (name.startsWith('fragments/common/') && !name.startsWith('fragments/common/item-')) ||
          (spec.context !== undefined && name.startsWith('fragments/common/item-'));
        const names: readonly string[] = db.cypher.namesUnder('fragments').filter(usable);
        const filled = names.filter((name) => !isTemplate(name));
        const conditions: Condition[] = filled.flatMap((name): Condition[] => {
          if (role(name) === 'Condition') {
            const text = readFileSync(join(CYPHER_DIRECTORY, `${name}.cypher`), 'utf8');
            // A map where the header says the fragment takes one (`$value (map`), else a list.
            const value = /\$value \(map/.test(text) ? {} : [];
            return [text.includes('$value') ? matches(fileOf(name), value) : holds(fileOf(name))];
          }
          if (role(name) === 'Quantity' && !takesValue(name)) {
            return [{ kind: 'compare', quantity: fileOf(name), operator: '>', value: 0.1 }];
          }
          return [];
        });
        // The conditions a kind declares with its anchors (template common/condition-by-key): no file of the folder.
        conditions.push(
          ...spec.anchors.filter((a) => !names.includes(partName(a.condition))).map((a) => matches(a.condition, [])),
        );
        // The conditions of a declared text (templates such as common/text-in), filled with a text every kind
        // stores, as src/read/filter/text-match.ts fills them.
        const textTemplates = names.filter(
          (name) =>
            role(name) === 'Condition' &&
            readFileSync(join(CYPHER_DIRECTORY, `${name}.cypher`), 'utf8').includes('$($property)'),
        );
        conditions.push(
          ...textTemplates.map((name) =>
            matches(
              declaredFragment(attributeTemplateOf(name), 'name'),
              /\$value \(string\)/.test(header(name)) ? '' : [],
            ),
          ),
        );
        // Every quantity also as an aggregate (those of a fiscal year only so: their $value is the year).
        const aggregates = filled
          .filter((name) => role(name) === 'Quantity')
          .map((quantity, at) => ({
            key: `q${at}`,
            quantity: fileOf(quantity),
            ...(takesValue(quantity) ? { fiscalYear: 2024 } : {}),
          }));
        // Every condition once inside `or` and once inside `not` (scan), then each anchor alone, which keeps
        // the statements small enough to plan quickly.
        const tree = (anchor: Condition[]) =>
          anchor.length === 0 ? all([any(conditions), not(all(conditions))]) : all(anchor);
        const order = Object.keys(spec.orderFields).map((field) => ({ field, direction: 'DESC' as const }));
        const anchors = [[], ...spec.anchors.map((a) => [matches(a.condition, [])])];
        for (const scope of names.filter((name) => role(name) === 'Scope')) {
          const { statement, params } = compilePage(
            registry,
            spec,
            all([]),
            [],
            [],
            ['id', 'sortKey'],
            registry.part(fileOf(scope)),
          );
          await session.run(`EXPLAIN ${statement.text}`, {
            ...params,
            parents: [],
            afterKey: null,
            afterValues: [],
            limit: 1,
          });
          explained.add(scope);
        }
        for (const anchor of anchors) {
          const everything = anchor.length === 0;
          const { statement, params } = compilePage(
            registry,
            spec,
            tree(anchor),
            everything ? order : [],
            everything ? Object.keys(spec.facets) : [],
            ['id', 'sortKey', 'name'],
            undefined,
            everything ? aggregates : [],
          );
          await session.run(`EXPLAIN ${statement.text}`, { ...params, afterKey: null, afterValues: [], limit: 1 });
          for (const name of names) if (appearsIn(statement.text, name)) explained.add(name);
        }
      }
    } finally {
      await session.close();
    }
    expect(db.cypher.namesUnder('fragments').filter((name) => !explained.has(name))).toEqual([]);
  }, 60_000);
});
