import { HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import {
  typeFromAST,
  validate,
  valueFromAST,
  isInputType,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import {
  argumentLengthRule,
  recordedVariablePositions,
  tooLongIn,
  type VariablePosition,
} from '../graphql/limits/argument-length.rule';
import { tooLongString } from '../graphql/limits/too-long';
import { requestHooksPlugin } from './request-hooks.plugin';

/**
 * Checks the request's variables against the maximum of every argument they give (`@MaxChars`), as the
 * validation rule checks the document's literals: a string variable too long for its argument is
 * BAD_USER_INPUT (HTTP 400) before the operation runs. Variables change from request to request while the
 * validated document is reused, so this check runs for each request, over the positions validation recorded.
 *
 * The refusal is thrown from the hook, not returned as a rejected promise: Apollo calls every plugin's
 * didResolveOperation before it awaits any, so a throw here keeps the hooks of the plugins after this one (an
 * Idempotency-Key's claim, which runs a statement) from starting at all.
 */
export function argumentLengthPlugin<TContext extends BaseContext>(
  schema: GraphQLSchema,
): ApolloServerPlugin<TContext> {
  return requestHooksPlugin<TContext>({
    didResolveOperation({ request, document, operation }) {
      const refusal = variableRefusal(schema, document, operation, request.variables ?? {});
      if (refusal !== undefined) throw refusal;
      return Promise.resolve();
    },
  });
}

function variableRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | undefined,
  variables: Readonly<Record<string, unknown>>,
): GraphQLError | undefined {
  if (operation === undefined) return undefined;
  for (const position of positionsOf(schema, document, operation)) {
    const found = tooLongIn(valueOf(schema, operation, variables, position), position);
    if (found !== undefined) {
      const refusal = tooLongString(found);
      refusal.extensions.http = { status: 400, headers: new HeaderMap() };
      return refusal;
    }
  }
  return undefined;
}

function positionsOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): readonly VariablePosition[] {
  // Recorded when the document was validated; a document validated elsewhere is walked here once.
  if (recordedVariablePositions(document) === undefined) validate(schema, document, [argumentLengthRule]);
  return recordedVariablePositions(document)?.get(operation.name?.value ?? '') ?? [];
}

/** The variable's value in this request: as sent, else its default in the operation. */
function valueOf(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  position: VariablePosition,
): unknown {
  if (Object.hasOwn(variables, position.variable)) return variables[position.variable];
  const definition = operation.variableDefinitions?.find((d) => d.variable.name.value === position.variable);
  if (definition?.defaultValue === undefined) return undefined;
  const type = typeFromAST(schema, definition.type);
  return type !== undefined && isInputType(type) ? valueFromAST(definition.defaultValue, type) : undefined;
}
