import { cypher, hole, joined, naming, param, variable, type Names } from '../../../src/db/cypher';
import { parseFragment } from '../../../src/db/cypher-fragment';
import { CypherRegistry } from '../../../src/db/cypher-registry';

describe('the Cypher builder', () => {
  it('renders open slots as they are written, and holes as their default', () => {
    const part = cypher`CALL (${hole('imports', '')}) { MATCH (${variable('n')}) WHERE n.x = ${param('c0')} } RETURN ${hole('result', '*')}`;
    expect(part.render()).toBe('CALL () { MATCH (n) WHERE n.x = $c0 } RETURN *');
    expect(() => cypher`${hole('type')}`.render()).toThrow('$(type) was not filled');
  });

  it('binds names from the inside out, each place naming what it put there', () => {
    // A page folded into a page folded into a root: its parameters prefixed twice, its parents the ids of
    // the page around it, as compile-prefetch.ts folds them.
    const fold =
      (column: string, parents: string): Names =>
      (slot) => {
        if (slot.kind === 'param') return slot.name === 'parents' ? variable(parents) : param(`${column}_${slot.name}`);
        return slot.kind === 'variable' ? variable(`${column}_${slot.name}`) : undefined;
      };
    const inner = cypher`UNWIND ${param('parents')} AS parent WHERE x > ${param('c0')}`;
    const middle = cypher`WITH [1] AS ${variable('parentIds')} CALL (${variable('parentIds')}) { ${inner.bind(fold('page1', 'parentIds'))} }`;
    const root = middle.bind(fold('page1', 'parentIds'));
    expect(root.render()).toBe(
      'WITH [1] AS page1_parentIds CALL (page1_parentIds) { UNWIND page1_parentIds AS parent WHERE x > $page1_page1_c0 }',
    );
  });

  it('joins parts and binds a record of names of one kind', () => {
    const part = joined([cypher`a = ${param('value')}`, 'b'], '\n').bind(naming('param', { value: param('c3') }));
    expect(part.render()).toBe('a = $c3\nb');
    expect(part.bind(naming('param', { c3: '[x]' })).render()).toBe('a = [x]\nb');
  });
});

describe('a cypher/ file as a part', () => {
  it('makes slots of parameters, holes and declared variables, never of strings, properties or quoted names', () => {
    const part = parseFragment(
      'test',
      "MATCH (parent)-[:$($type)]->(node) WHERE node.parent = $value AND node.name <> 'node $value' AND `node` = {{fragments/x}}\nRETURN node",
      ['parent', 'node'],
    );
    const bound = part
      .bind(naming('variable', { parent: 'n0', node: 'n1' }))
      .bind(naming('param', { value: param('c0') }))
      .bind(naming('hole', { type: 'HAS_ITEM', 'fragments/x': '(1)' }));
    expect(bound.render()).toBe(
      "MATCH (n0)-[:HAS_ITEM]->(n1) WHERE n1.parent = $c0 AND n1.name <> 'node $value' AND `node` = (1)\nRETURN n1",
    );
  });

  it('refuses a file that never names a variable it is said to declare', () => {
    expect(() => parseFragment('projection/x', 'MATCH (parent)-->(n) RETURN n', ['parent', 'node'])).toThrow(
      'cypher/projection/x.cypher declares node but never names it',
    );
  });

  it('reads every fragment of cypher/ as it is sent, its includes in parentheses', () => {
    const registry = CypherRegistry.load();
    // The templates (fragments/common/…: declared numbers, texts, anchors, conditions, facets) have holes their
    // callers fill: each is filled here with a name of its own, so the rest reads exactly as written.
    const filled = (holeName: string): string => `filled_${holeName}`;
    for (const name of registry.names().filter((n) => n.startsWith('fragments/'))) {
      const text = registry
        .part(name)
        .bind((slot) => (slot.kind === 'hole' ? filled(slot.name) : undefined))
        .render();
      const raw = registry.get(name);
      expect(text).not.toContain('{{');
      if (!raw.includes('{{')) {
        expect(text).toBe(raw.replace(/\$\(\$(\w+)\)/g, (_hole, holeName: string) => filled(holeName)));
      }
    }
  });
});
