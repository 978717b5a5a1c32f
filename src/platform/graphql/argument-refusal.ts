import { Kind, visit, type DocumentNode } from 'graphql';

/**
 * True when an execution error is located at argument values only: the argument refused the value a variable
 * gave it, which graphql-js and graphql-jit check only while executing the field. After validation and the
 * variables' coercion, one such refusal remains possible: a nullable variable stands where a non-null argument
 * has a default (valid by GraphQL's rules, as Relay apps declare `count: Int` for `first: Int! = 50`) and the
 * client sends `null`. Both executors locate it at the argument's value (graphql-js's node, graphql-jit's
 * location); a resolver's or a non-null field's error is located at the field. The refusal is the caller's.
 */
export function refusesArgument(document: DocumentNode, positions: readonly number[]): boolean {
  if (positions.length === 0) return false;
  const valueStarts = new Set<number>();
  visit(document, {
    [Kind.ARGUMENT]: (argument) => {
      if (argument.value.loc) valueStarts.add(argument.value.loc.start);
    },
  });
  return positions.every((position) => valueStarts.has(position));
}
