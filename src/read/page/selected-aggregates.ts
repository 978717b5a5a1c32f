import type { CypherPart } from './cypher-part';
import { getArgumentValues, getNamedType, isObjectType, type FieldNode, type GraphQLResolveInfo } from 'graphql';
// graphql-js's own field collection (fragments, @skip/@include), as src/read/prefetch/selection-plan.ts uses it.
import { collectSubfields } from 'graphql/execution/collectFields';
import { aggregateKey } from './aggregate';
import type { PageSpec } from './page-spec';

/** One figure `aggregate` asks for: its key in the answer, its quantity fragment and its fiscal year. */
export interface AggregateRequest {
  readonly key: string;
  readonly quantity: CypherPart;
  readonly fiscalYear?: number;
}

/**
 * The numbers selected below the connection's `aggregate` (every alias and fiscal year of them, once each),
 * so the page statement computes only those. `count` needs nothing: it is the total.
 */
export function selectedAggregates(
  info: Pick<GraphQLResolveInfo, 'returnType' | 'fieldNodes' | 'schema' | 'fragments' | 'variableValues'>,
  spec: PageSpec,
): AggregateRequest[] {
  const connection = getNamedType(info.returnType);
  if (!isObjectType(connection)) return [];
  const aggregateField = connection.getFields()['aggregate'];
  const aggregateType = aggregateField && getNamedType(aggregateField.type);
  if (!aggregateType || !isObjectType(aggregateType)) return [];
  const collect = (type: typeof connection, nodes: readonly FieldNode[]) =>
    collectSubfields(info.schema, info.fragments, info.variableValues, type, nodes);
  const aggregateNodes = [...collect(connection, info.fieldNodes).values()]
    .flat()
    .filter((node) => node.name.value === 'aggregate');
  if (aggregateNodes.length === 0) return [];
  const requests = new Map<string, AggregateRequest>();
  for (const node of [...collect(aggregateType, aggregateNodes).values()].flat()) {
    const field = node.name.value;
    const quantity = spec.aggregates[field];
    const definition = aggregateType.getFields()[field];
    if (!quantity || !definition) continue;
    const fiscalYear = quantity.byFiscalYear
      ? (getArgumentValues(definition, node, info.variableValues)['fiscalYear'] as number)
      : undefined;
    const key = aggregateKey(field, fiscalYear);
    requests.set(key, { key, quantity: quantity.quantity, ...(fiscalYear === undefined ? {} : { fiscalYear }) });
  }
  return [...requests.values()];
}
