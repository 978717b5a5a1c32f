import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
} from 'graphql';
import type { NodeLabel } from '../../graph/graph-model';
import { NODE_PROPERTIES } from '../../graph/node-properties';
import { DECLARED_PROPERTIES } from '../../graph/kinds/declared-properties';
import { storedPropertiesOfDeclared } from '../../graph/kinds/declared-property';
import { relationshipOf } from '../declared-relationships';

/** Properties every node stores besides its label's own (see node-properties.ts). */
export const COMMON_PROPERTIES: readonly string[] = ['id', 'sortKey', 'sourceDocument', 'sourceLine'];

/**
 * Projected whatever the operation asks: `status` is what the relationship resolvers filter loaded nodes by
 * (`includeDeleted`), whether or not a `status` field is selected. The nodes a statement starts from (a list,
 * a lookup, search hits) carry their `id`, by which the compiled statement finds their relationships; the
 * nodes of a page also carry `sortKey`, which their cursors hold. Related nodes carry their `id` only when
 * something reads it (see `projectedProperties`); they are ordered in the statement, so a `sortKey` would be
 * bytes nobody reads.
 */
const ALWAYS_PROJECTED: Readonly<Record<ProjectedFor, readonly string[]>> = {
  root: ['id', 'status'],
  related: ['status'],
  page: ['id', 'sortKey', 'status'],
};

/**
 * What the projected nodes are: the nodes a statement starts from, a relationship's nodes (priming loaders)
 * or a connection page's nodes.
 */
export type ProjectedFor = 'root' | 'related' | 'page';

/**
 * GraphQL fields whose values the mappers (`static from` in src/<feature>/*.type.ts) assemble from stored
 * properties of other names. A field named like a stored property of its node reads exactly that property;
 * `kind` is a constant of the mapper.
 */
const ASSEMBLED_FROM: Readonly<Record<string, readonly string[]>> = Object.assign(declaredAssembled(), {
  kind: [],
  source: ['sourceDocument', 'sourcePage', 'sourceLine'],
  collectiveTerms: ['executingTerms', 'partnerTerms'],
  yearlyTargets: ['yearlyTargetLabels', 'yearlyTargetYears', 'yearlyTargetTexts'],
  survey: [
    'surveyQuestion',
    'surveyYearLabels',
    'surveyYears',
    'surveySatisfaction',
    'surveyImportance',
    'satisfactionRank',
    'importanceRank',
    'rankOutOf',
  ],
  satisfactionRate: ['satisfactionRateQuestion', 'satisfactionRatePercent'],
  periodStart: ['periodStartLabel', 'periodStartYear'],
});

/**
 * The declared fiscal years (src/graph/kinds/), each read from its era label and year. Declared plain
 * numbers need no entry: their fields are named like the stored property.
 */
function declaredAssembled(): Record<string, readonly string[]> {
  const assembled: Record<string, readonly string[]> = {};
  for (const declaration of Object.values(DECLARED_PROPERTIES)) {
    for (const [name, property] of Object.entries(declaration)) {
      if (property.type === 'FiscalYear') assembled[name] = storedPropertiesOfDeclared(name, property);
    }
  }
  return assembled;
}

/**
 * Field resolvers that read nothing of their node but its id: the nested connections (`<field>Connection`,
 * src/read/nested-connection.ts), which every node type's relationship lists have.
 */
function readsIdOnly(field: string): boolean {
  return field.endsWith('Connection');
}

/** The GraphQL object type whose objects the nodes of a label become (Field nodes are PolicyField). */
export function typeNameOf(label: NodeLabel): string {
  return label === 'Field' ? 'PolicyField' : label;
}

/** Every property a node of `label` may store: the common ones and the label's own (search-only ones too). */
export function storedPropertiesOf(label: NodeLabel): string[] {
  return [...COMMON_PROPERTIES, ...Object.keys(NODE_PROPERTIES[label])];
}

/**
 * The properties a compiled statement projects for related nodes of `label`: those the operation's fields
 * read of the label's type, judged on the whole document (the operation and all its fragments: every field
 * selected on the type, or on an interface it implements, anywhere), not one selection, because the loaders
 * the rows prime serve every field of the request that asks for the same relationship of the same node.
 *
 * For each field of the label's GraphQL type selected so: a field named like a stored
 * property reads it; an assembled field reads what ASSEMBLED_FROM says; a relationship the compiler fetches
 * (src/read/declared-relationships.ts) or a nested connection reads only the id; any other field (a resolver such as
 * `Indicator.progress`, a new field nobody listed here) makes the whole node projected. So what is not known
 * costs bytes, never a wrong answer. The search-only properties (`searchText`, `visionText`) are never
 * projected: no mapper reads them.
 *
 * A related node's `id` is projected only when read: selected, or keying what is fetched below the node (a
 * relationship field, which also keys the rows primed below it, or a nested connection). The leaves of the
 * dashboard's tree (`departments { name }`, `sdgs { number }`) read no id, and theirs were a tenth of its
 * statement's database time. Judged per type on the whole document, so a type whose nodes have rows primed
 * below them anywhere in the operation has its id everywhere.
 *
 * Nodes projected this way are read with `RowReader.projected`, so a property left out is absent rather than
 * a broken contract (node-properties.ts `readNode`).
 */
export function projectedProperties(
  document: Pick<GraphQLResolveInfo, 'operation' | 'fragments' | 'schema'>,
  label: NodeLabel,
  projectedFor: ProjectedFor,
): string[] {
  const stored = storedPropertiesOf(label);
  const readable = stored.filter((property) => !SEARCH_ONLY.has(property));
  const type = document.schema.getType(typeNameOf(label));
  if (!isObjectType(type)) return readable;
  const named = fieldsSelectedOn(document, type);
  const wanted = new Set(ALWAYS_PROJECTED[projectedFor]);
  for (const field of Object.keys(type.getFields())) {
    if (!named.has(field)) continue;
    const assembled = ASSEMBLED_FROM[field];
    if (assembled) for (const property of assembled) wanted.add(property);
    else if (stored.includes(field)) wanted.add(field);
    else if (relationshipOf(type.name, field) || readsIdOnly(field)) wanted.add('id');
    else return readable;
  }
  return readable.filter((property) => wanted.has(property));
}

/**
 * Whether the operation reads of `type` only fields its compiled statement's projected rows hold as they
 * are: `id`, fields the type takes over from stored properties unchanged (`storedAsIs`, src/graph/map-node.ts),
 * relationship fields and nested connections (they read only the id). Judged like `projectedProperties`, on
 * every field the document selects on the type, so every such property was projected; then a row can stand
 * for the node's object (src/read/primed-fields.ts). Computed once per parsed operation and type.
 */
export function rowsAnswer(
  document: Pick<GraphQLResolveInfo, 'operation' | 'fragments' | 'schema'>,
  type: GraphQLObjectType,
  storedAsIs: ReadonlySet<string>,
): boolean {
  let byType = answeredByOperation.get(document.operation);
  if (!byType) {
    byType = new Map();
    answeredByOperation.set(document.operation, byType);
  }
  let answered = byType.get(type.name);
  if (answered === undefined) {
    const named = fieldsSelectedOn(document, type);
    answered = Object.keys(type.getFields()).every(
      (field) =>
        !named.has(field) ||
        field === 'id' ||
        storedAsIs.has(field) ||
        relationshipOf(type.name, field) !== undefined ||
        readsIdOnly(field),
    );
    byType.set(type.name, answered);
  }
  return answered;
}

const answeredByOperation = new WeakMap<object, Map<string, boolean>>();

/** Stored only for the search statements (folded copies of a node's texts). */
const SEARCH_ONLY: ReadonlySet<string> = new Set(['searchText', 'visionText']);

const selectedByOperation = new WeakMap<object, ReadonlyMap<string, ReadonlySet<string>>>();

/**
 * The fields the document (the operation and all its fragments) selects on `type`, directly or through an
 * interface it implements (`search { node { id } }` selects `id` on every kind of node). Field names alone,
 * on any type, made a property asked of one kind projected for all: the dashboard's `sdgs { number }`
 * projected `number` for its items, measures and sheets too, a tenth of what its statement returned.
 */
export function fieldsSelectedOn(
  document: Pick<GraphQLResolveInfo, 'operation' | 'fragments' | 'schema'>,
  type: GraphQLObjectType,
): ReadonlySet<string> {
  const byType = selectedByParentType(document);
  const own = byType.get(type.name);
  const inherited = type.getInterfaces().flatMap((face) => [...(byType.get(face.name) ?? [])]);
  if (inherited.length === 0) return own ?? new Set();
  return new Set([...(own ?? []), ...inherited]);
}

/** Field names by the type they are selected on, for one parsed operation (computed once). */
function selectedByParentType(
  document: Pick<GraphQLResolveInfo, 'operation' | 'fragments' | 'schema'>,
): ReadonlyMap<string, ReadonlySet<string>> {
  const known = selectedByOperation.get(document.operation);
  if (known) return known;
  const byType = new Map<string, Set<string>>();
  const typeInfo = new TypeInfo(document.schema);
  const collect = (node: ASTNode): void => {
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Field(field) {
          const parent = typeInfo.getParentType();
          if (!parent || !(isObjectType(parent) || isInterfaceType(parent))) return;
          const name = getNamedType(parent).name;
          let fields = byType.get(name);
          if (!fields) {
            fields = new Set();
            byType.set(name, fields);
          }
          fields.add(field.name.value);
        },
      }),
    );
  };
  collect(document.operation);
  for (const fragment of Object.values(document.fragments)) collect(fragment);
  selectedByOperation.set(document.operation, byType);
  return byType;
}
