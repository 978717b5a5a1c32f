import {
  Kind,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { fieldWeight } from './field-weights';
import type { GraphSizes } from '../../../read/graph-sizes';
import { firstMaximum, largestListSize } from './list-sizes';

/** A selection set's estimated cost and how many fields it selects at its own level. */
export interface Measured {
  readonly cost: number;
  readonly fields: number;
}

const NOTHING: Measured = { cost: 0, fields: 0 };

/**
 * The cost estimate of one document (see costRule): every field costs its weight, plus, for a field with a
 * selection, its items times the cost of that selection. Each fragment is costed once per parent type and the
 * result reused at every further spread; cycles count as nothing.
 */
export class CostEstimate {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly costed = new Map<string, Measured>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly context: ValidationContext,
    private readonly graph: GraphSizes,
  ) {
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
  }

  /**
   * `spread` holds the fragments already spread into this selection set (nested inline fragments
   * included): graphql-js executes a fragment once per selection set however often it is spread there,
   * so a repeated spread costs nothing more.
   */
  measure(selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, spread: Set<string> = new Set()): Measured {
    let cost = 0;
    let fields = 0;
    for (const selection of selectionSet.selections) {
      let inner: Measured;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        fields += 1;
        cost += this.fieldCost(selection, parentType);
        continue;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = this.typeNamed(selection.typeCondition?.name.value) ?? parentType;
        inner = this.measure(selection.selectionSet, type, spread);
      } else {
        if (spread.has(selection.name.value)) continue;
        spread.add(selection.name.value);
        inner = this.spreadCost(selection.name.value, parentType);
      }
      cost += inner.cost;
      fields += inner.fields;
    }
    return { cost, fields };
  }

  private spreadCost(name: string, parentType: GraphQLCompositeType): Measured {
    const key = `${name}@${parentType.name}`;
    const known = this.costed.get(key);
    if (known) return known;
    const fragment = this.fragments.get(name);
    if (!fragment || this.inProgress.has(key)) return NOTHING;
    this.inProgress.add(key);
    const measured = this.measure(
      fragment.selectionSet,
      this.typeNamed(fragment.typeCondition.name.value) ?? parentType,
    );
    this.inProgress.delete(key);
    this.costed.set(key, measured);
    return measured;
  }

  private fieldCost(field: FieldNode, parentType: GraphQLCompositeType): number {
    const definition = 'getFields' in parentType ? parentType.getFields()[field.name.value] : undefined;
    if (!definition) return 1; // an unknown field: graphql's own rules report it
    const weight = fieldWeight(parentType.name, field.name.value);
    const named = getNamedType(definition.type);
    if (!field.selectionSet || !isCompositeType(named)) return weight;
    return weight + this.items(field, definition, parentType) * this.measure(field.selectionSet, named).cost;
  }

  private items(
    field: FieldNode,
    definition: GraphQLField<unknown, unknown>,
    parentType: GraphQLCompositeType,
  ): number {
    // A connection's page was counted at the connection (its `first`); its edges and nodes are that page.
    if (parentType.name.endsWith('Connection')) return 1;
    const named = getNamedType(definition.type).name;
    const type = isNonNullType(definition.type) ? definition.type.ofType : definition.type;
    if (!isListType(type) && !named.endsWith('Connection')) return 1;
    const largest = largestListSize(parentType.name, field.name.value, named, this.graph);
    const first = firstArgument(field, definition, parentType.name);
    return first === undefined ? largest : Math.min(first, largest);
  }

  private typeNamed(name: string | undefined): GraphQLCompositeType | undefined {
    const type = name === undefined ? undefined : this.context.getSchema().getType(name);
    return type && isCompositeType(type) ? type : undefined;
  }
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
