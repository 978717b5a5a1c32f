import {
  Kind,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { fieldWeight } from './field-weights';
import type { GraphSizes } from './graph-statistics';
import { firstMaximum, largestListSize } from './list-sizes';
import { queryTooComplex } from './too-complex';
import type { CostLimits } from '../../../core/settings-types';

/** A selection set's estimated cost and how many fields it selects at its own level. */
interface Measured {
  readonly cost: number;
  readonly fields: number;
}

const NOTHING: Measured = { cost: 0, fields: 0 };

/**
 * Refuses operations whose estimated cost or number of top-level fields is over the limit, before anything
 * runs. Cost: every field costs its weight (field-weights.ts; 1 for most), plus, for a field with a
 * selection, its items times the cost of that selection. Items: `first` when given (or its default), capped
 * by the largest such list in the loaded graph (list-sizes.ts); a plain list counts as that largest list.
 * Introspection fields are free (the IDE needs them).
 *
 * Linear in the document's size: each fragment is costed once per parent type and the result reused at
 * every further spread, so a chain of fragments each spreading the previous one twice costs one walk of
 * each fragment, not 2^n; and, as graphql-js executes it, a fragment spread twice into the same selection
 * set counts once. Cycles (reported by graphql's own NoFragmentCycles rule) count as nothing.
 */
export function costRule(limits: CostLimits, graph: GraphSizes): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const costed = new Map<string, Measured>();
    const inProgress = new Set<string>();

    /**
     * `spread` holds the fragments already spread into this selection set (nested inline fragments
     * included): graphql-js executes a fragment once per selection set however often it is spread there,
     * so a repeated spread costs nothing more.
     */
    const measure = (
      selectionSet: SelectionSetNode,
      parentType: GraphQLCompositeType,
      spread: Set<string> = new Set(),
    ): Measured => {
      let cost = 0;
      let fields = 0;
      for (const selection of selectionSet.selections) {
        let inner: Measured;
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          fields += 1;
          cost += fieldCost(selection, parentType);
          continue;
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = typeNamed(selection.typeCondition?.name.value) ?? parentType;
          inner = measure(selection.selectionSet, type, spread);
        } else {
          if (spread.has(selection.name.value)) continue;
          spread.add(selection.name.value);
          inner = spreadCost(selection.name.value, parentType);
        }
        cost += inner.cost;
        fields += inner.fields;
      }
      return { cost, fields };
    };

    const spreadCost = (name: string, parentType: GraphQLCompositeType): Measured => {
      const key = `${name}@${parentType.name}`;
      const known = costed.get(key);
      if (known) return known;
      const fragment = fragments.get(name);
      if (!fragment || inProgress.has(key)) return NOTHING;
      inProgress.add(key);
      const measured = measure(fragment.selectionSet, typeNamed(fragment.typeCondition.name.value) ?? parentType);
      inProgress.delete(key);
      costed.set(key, measured);
      return measured;
    };

    const fieldCost = (field: FieldNode, parentType: GraphQLCompositeType): number => {
      const definition = 'getFields' in parentType ? parentType.getFields()[field.name.value] : undefined;
      if (!definition) return 1; // an unknown field: graphql's own rules report it
      const weight = fieldWeight(parentType.name, field.name.value);
      const named = getNamedType(definition.type);
      if (!field.selectionSet || !isCompositeType(named)) return weight;
      return weight + items(field, definition, parentType) * measure(field.selectionSet, named).cost;
    };

    const items = (
      field: FieldNode,
      definition: GraphQLField<unknown, unknown>,
      parentType: GraphQLCompositeType,
    ): number => {
      // A connection's page was counted at the connection (its `first`); its edges and nodes are that page.
      if (parentType.name.endsWith('Connection')) return 1;
      const named = getNamedType(definition.type).name;
      const type = isNonNullType(definition.type) ? definition.type.ofType : definition.type;
      if (!isListType(type) && !named.endsWith('Connection')) return 1;
      const largest = largestListSize(parentType.name, field.name.value, named, graph);
      const first = firstArgument(field, definition, parentType.name);
      return first === undefined ? largest : Math.min(first, largest);
    };

    const typeNamed = (name: string | undefined): GraphQLCompositeType | undefined => {
      const type = name === undefined ? undefined : context.getSchema().getType(name);
      return type && isCompositeType(type) ? type : undefined;
    };

    return {
      OperationDefinition(operation) {
        const root = context.getSchema().getRootType(operation.operation);
        if (!root) return; // an operation type the schema lacks: reported by knownOperationTypesRule
        const { cost, fields } = measure(operation.selectionSet, root);
        if (fields > limits.maxRootFields) {
          context.reportError(queryTooComplex('QUERY_MAX_ROOT_FIELDS', fields, limits.maxRootFields, operation));
        }
        if (cost > limits.maxCost) {
          context.reportError(queryTooComplex('QUERY_MAX_COST', cost, limits.maxCost, operation));
        }
      },
    };
  };
}

/**
 * The page a `first` argument asks for: its literal value, its largest allowed value when it is a variable
 * (validation runs before variables are known), or its declared default; undefined when there is none.
 */
function firstArgument(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  parentType: string,
): number | undefined {
  const given = field.arguments?.find((argument) => argument.name.value === 'first');
  if (given) {
    return given.value.kind === Kind.INT
      ? Math.max(0, Number(given.value.value))
      : firstMaximum(parentType, field.name.value);
  }
  const declared = definition.args.find((argument) => argument.name === 'first')?.defaultValue;
  return typeof declared === 'number' ? declared : undefined;
}
