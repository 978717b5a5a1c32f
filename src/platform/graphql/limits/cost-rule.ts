import type { ASTVisitor, ValidationContext, ValidationRule } from 'graphql';
import type { GraphSizes } from '../../../read/graph-sizes';
import { CostEstimate } from './cost-estimate';
import { queryTooComplex } from './too-complex';
import type { QueryLimits } from '../../../core/config';
import type { OperationCosts } from './operation-costs';

/** The cost rule's limits (QUERY_MAX_COST, QUERY_MAX_ROOT_FIELDS). */
type CostLimits = Pick<QueryLimits, 'maxCost' | 'maxRootFields'>;

/**
 * Refuses operations whose estimated cost or number of top-level fields is over the limit, before anything
 * runs. Cost: every field costs its weight (field-weights.ts; 1 for most), plus, for a field with a
 * selection, its items times the cost of that selection. Items: `first` when given (or its default), capped
 * by the largest such list in the loaded graph (list-sizes.ts); a plain list counts as that largest list.
 * Introspection fields are free (the IDE needs them). Each operation's estimate is kept in `costs` when given,
 * for the admission by cost.
 *
 * Linear in the document's size: each fragment is costed once per parent type and the result reused at
 * every further spread, so a chain of fragments each spreading the previous one twice costs one walk of
 * each fragment, not 2^n; and, as graphql-js executes it, a fragment spread twice into the same selection
 * set counts once. Cycles (reported by graphql's own NoFragmentCycles rule) count as nothing.
 */
export function costRule(limits: CostLimits, graph: GraphSizes, costs?: OperationCosts): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const estimate = new CostEstimate(context, graph);
    return {
      OperationDefinition(operation) {
        const root = context.getSchema().getRootType(operation.operation);
        if (!root) return; // an operation type the schema lacks: reported by knownOperationTypesRule
        const { cost, fields } = estimate.measure(operation.selectionSet, root);
        costs?.record(context.getDocument(), operation.name?.value, cost);
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
