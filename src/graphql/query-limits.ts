import {
  GraphQLError,
  Kind,
  getNamedType,
  isListType,
  isNonNullType,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type GraphQLCompositeType,
  isCompositeType,
} from 'graphql';
import { ErrorCode } from '../errors';

export interface QueryLimits {
  /** Deepest field nesting allowed (`{ a { b } }` has depth 2). */
  readonly maxDepth: number;
  /** Largest estimated number of values a request may resolve. */
  readonly maxCost: number;
}

/** How many items a list field is assumed to return when the request does not say (`first`). */
const ASSUMED_LIST_SIZE = 10;

/**
 * Rejects over-deep or over-expensive requests before anything runs, with a BAD_USER_INPUT error that
 * says by how much. Cost estimate: every field costs 1, times the sizes of the lists around it; a list
 * with a `first` argument counts as that many items, other lists as ASSUMED_LIST_SIZE. Fragments are
 * followed; introspection fields are free (the IDE needs them).
 */
export function queryLimitsRule(limits: QueryLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const fragments = new Map<string, FragmentDefinitionNode>(
        context
          .getDocument()
          .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
          .map((d) => [d.name.value, d]),
      );
      const root = context.getSchema().getRootType(operation.operation);
      if (!root) return;
      const { depth, cost } = measure(operation.selectionSet, root, fragments, 0, new Set());
      const name = operation.name?.value ?? 'the operation';
      if (depth > limits.maxDepth) {
        context.reportError(
          new GraphQLError(`${name} is nested ${depth} levels deep; the limit is ${limits.maxDepth}.`, {
            nodes: [operation],
            extensions: { code: ErrorCode.BAD_USER_INPUT, reason: 'QUERY_TOO_DEEP', depth, limit: limits.maxDepth },
          }),
        );
      }
      if (cost > limits.maxCost) {
        context.reportError(
          new GraphQLError(
            `${name} may resolve about ${cost} values; the limit is ${limits.maxCost}. Ask for fewer items (first) or fewer nested lists.`,
            {
              nodes: [operation],
              extensions: { code: ErrorCode.BAD_USER_INPUT, reason: 'QUERY_TOO_COMPLEX', cost, limit: limits.maxCost },
            },
          ),
        );
      }
    },
  });
}

interface Measured {
  depth: number;
  cost: number;
}

function measure(
  selectionSet: SelectionSetNode,
  parentType: GraphQLCompositeType,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  depth: number,
  visiting: Set<string>,
): Measured {
  let deepest = depth;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const definition = 'getFields' in parentType ? parentType.getFields()[selection.name.value] : undefined;
      const inner = definition
        ? measureField(selection, definition, parentType, fragments, depth + 1, visiting)
        : { depth: depth + 1, cost: 1 };
      deepest = Math.max(deepest, inner.depth);
      cost += inner.cost;
      continue;
    }
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
    if (!fragment) continue;
    const key = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : '';
    if (key && visiting.has(key)) continue; // a fragment cycle is reported by graphql's own rules
    if (key) visiting.add(key);
    const inner = measure(fragment.selectionSet, parentType, fragments, depth, visiting);
    if (key) visiting.delete(key);
    deepest = Math.max(deepest, inner.depth);
    cost += inner.cost;
  }
  return { depth: deepest, cost };
}

function measureField(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  parentType: GraphQLCompositeType,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  depth: number,
  visiting: Set<string>,
): Measured {
  const named = getNamedType(definition.type);
  const children =
    field.selectionSet && isCompositeType(named)
      ? measure(field.selectionSet, named, fragments, depth, visiting)
      : { depth, cost: 0 };
  return { depth: children.depth, cost: 1 + multiplier(field, definition, parentType) * children.cost };
}

/**
 * Items a field stands for: its `first` argument (given, or its default), a list's assumed size, or 1.
 * A connection's `edges` and `nodes` are the page its `first` already counted.
 */
function multiplier(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  parentType: GraphQLCompositeType,
): number {
  const given = field.arguments?.find((a) => a.name.value === 'first');
  if (given) return given.value.kind === Kind.INT ? Number(given.value.value) : 100; // a variable: the largest page
  const declared = definition.args.find((a) => a.name === 'first')?.defaultValue;
  if (typeof declared === 'number') return declared;
  if (parentType.name.endsWith('Connection')) return 1;
  const unwrapped = isNonNullType(definition.type) ? definition.type.ofType : definition.type;
  return isListType(unwrapped) ? ASSUMED_LIST_SIZE : 1;
}
