import 'reflect-metadata';
import { isInputObjectType, isObjectType, type GraphQLSchema } from 'graphql';
import { InputType, ObjectType } from 'type-graphql';
import { CypherRegistry } from '../../../src/db/cypher-registry';
import { Node } from '../../../src/graph/node.interface';
import { declareAttributes } from '../../../src/graph/kinds/attribute';
import { DeclaredFields, declaredNode, storedAsIsOf } from '../../../src/graph/kinds/declared-fields';
import { INDICATOR_ATTRIBUTES } from '../../../src/graph/kinds/indicator.kind';
import { LABEL_ATTRIBUTES } from '../../../src/graph/kinds/label-attributes';
import { attributeSpecsOf } from '../../../src/graph/kinds/stored-specs';
import { searchableOf } from '../../../src/graph/searchable-fields';
import { withDeclaredColumns } from '../../../src/platform/export/declared-columns';
import { declaredComparisons, DeclaredFilters } from '../../../src/read/filter/declared-filters';
import { compilePage } from '../../../src/read/page/compile-page';
import { all } from '../../../src/read/page/condition';
import { declaredOrderDescriptions, declaredOrderFields } from '../../../src/read/page/declared-numbers';
import { kindPageSpec } from '../../../src/read/page/kind-page-spec';
import { recipeSchema } from '../../helpers/recipe-schema';

/**
 * The contributors' guide's recipe "Adding a text property" (docs/contributors.md), walked without a
 * database: outcome indicators' declaration with one text added, as its `<kind>.kind.ts` would hold it,
 * and everything that must follow from that one entry: the stored contract, the object type's field, the
 * filter input's field and the Cypher of its condition, the order value and its sort, the export column and
 * search. Nothing here is written for the new text but the entry itself.
 */
const REVIEW_NOTE = {
  type: 'String',
  optional: true,
  description: "The reviewer's note on the indicator (a text added to show the recipe).",
  filter: "The reviewer's note, as stored.",
  order: { value: 'REVIEW_NOTE', description: "The reviewer's note (Unicode order)." },
  export: { ja: '審査メモ', en: 'Review note' },
  search: 'substring',
} as const;

const WITH_NOTE = declareAttributes(Object.assign({}, INDICATOR_ATTRIBUTES, { reviewNote: REVIEW_NOTE }));

// The type and filter input as indicator.type.ts and indicator.list.ts declare theirs, under other names.
@DeclaredFields(WITH_NOTE)
@ObjectType('NotedIndicator', { description: 'An indicator with the added text.' })
class NotedIndicator extends declaredNode(Node, WITH_NOTE) {}

@DeclaredFilters(WITH_NOTE)
@InputType('NotedIndicatorFilter', { description: 'Conditions on indicators with the added text.' })
class NotedIndicatorFilter {}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await recipeSchema('notedIndicators', () => [NotedIndicator], NotedIndicatorFilter);
});

describe('a text added to a declaration', () => {
  it('is stored: the contract has it, optional', () => {
    expect(attributeSpecsOf(WITH_NOTE).reviewNote).toEqual({ type: 'string', optional: true });
  });

  it('is a field of the type, nullable, with its description, and taken over from the stored node as it is', () => {
    const type = schema.getType('NotedIndicator');
    if (!isObjectType(type)) throw new Error('NotedIndicator is not an object type');
    const field = type.getFields().reviewNote;
    expect(field?.description).toBe(REVIEW_NOTE.description);
    expect(String(field?.type)).toBe('String');
    expect(storedAsIsOf(WITH_NOTE)).toContain('reviewNote');
  });

  it('is a filter whose condition compares the stored text', () => {
    const filter = schema.getType('NotedIndicatorFilter');
    if (!isInputObjectType(filter)) throw new Error('NotedIndicatorFilter is not an input type');
    expect(filter.getFields().reviewNote?.description).toBe(REVIEW_NOTE.filter);
    expect(String(filter.getFields().reviewNote?.type)).toBe('TextMatch');

    const conditions = declaredComparisons(WITH_NOTE, { reviewNote: { contains: '要確認', in: ['済'] } }, 'filter');
    const spec = kindPageSpec('indicator', {
      name: 'notedIndicators',
      label: 'Indicator',
      anchors: [],
      facets: [],
      orderFields: declaredOrderFields(WITH_NOTE),
    });
    const { statement, params } = compilePage(CypherRegistry.load(), spec, all(conditions), [], [], ['id', 'sortKey']);
    expect(statement.text).toMatch(/n\.reviewNote IN \$c0\b/);
    expect(statement.text).toMatch(/n\.reviewNote CONTAINS \$c1\b/);
    expect(params).toMatchObject({ c0: ['済'], c1: '要確認' });
    expect(() => declaredComparisons(WITH_NOTE, { reviewNote: {} }, 'filter')).toThrow(
      'filter.reviewNote needs at least one of eq, in, contains',
    );
  });

  it('is an order value sorted by the stored text', () => {
    expect(declaredOrderDescriptions(WITH_NOTE)).toEqual(
      expect.objectContaining({ REVIEW_NOTE: REVIEW_NOTE.order.description }),
    );
    const spec = kindPageSpec('indicator', {
      name: 'notedIndicators',
      label: 'Indicator',
      anchors: [],
      facets: [],
      orderFields: declaredOrderFields(WITH_NOTE),
    });
    const { statement } = compilePage(
      CypherRegistry.load(),
      spec,
      all([]),
      [{ field: 'REVIEW_NOTE', direction: 'ASC' }],
      [],
      ['id'],
    );
    expect(statement.text).toContain('n.reviewNote');
  });

  it('is an export column, asked for in the selection', () => {
    const kind = withDeclaredColumns(WITH_NOTE, {
      name: 'noted-indicators',
      connection: 'indicators',
      title: { ja: '成果指標', en: 'Indicators' },
      selection: 'id',
      columns: [],
    });
    const column = kind.columns.find((c) => c.ja === '審査メモ');
    expect(column).toMatchObject({ en: 'Review note', type: 'text' });
    expect(column?.value({ reviewNote: '要確認' } as never)).toBe('要確認');
    expect(kind.selection.split(/\s+/)).toContain('reviewNote');
  });

  it('is searched by substring, reported after the texts reported first', () => {
    const searchable = searchableOf(Object.assign({}, LABEL_ATTRIBUTES, { Indicator: WITH_NOTE }));
    expect(searchable.fields.at(-1)).toBe('reviewNote');
    expect(searchable.substringOnly.has('reviewNote' as never)).toBe(true);
  });
});
