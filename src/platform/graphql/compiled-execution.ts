import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import {
  execute,
  getVariableValues,
  GraphQLError,
  type Source,
  type SourceLocation,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { ErrorCode } from '../../core/errors';
import { refusesArgument } from './argument-refusal';
import { expandedSelectionSize } from './expanded-selection-size';
import { nullCheckedVariables } from './null-checked-variables';
import { hasRecursiveInputVariable } from './recursive-input-variables';

/**
 * The most fields an operation may select, fragments expanded, to be compiled; larger ones are executed by
 * graphql-js. The service's largest questions (the dashboard's, the IDE's examples, introspection) select a
 * few hundred; a compile's code and time grow with this size, and a document can make it exponential.
 */
export const MAX_COMPILED_SELECTIONS = 2000;

/** How many documents' compiled executors are kept; the least recently used goes first. */
export const MAX_COMPILED_DOCUMENTS = 500;

/** Apollo Server's gateway interface: how a server hands Apollo its schema and its own executor. */
type Gateway = NonNullable<ApolloServerOptionsWithGateway<BaseContext>['gateway']>;
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type ExecutorRequest = Parameters<Executor>[0];

/**
 * How many documents' operations were compiled, how many operations a compiled executor answered, and how many
 * graphql-js answered because their document did not compile.
 */
export interface CompiledExecutionCounts {
  readonly compiles: number;
  readonly compiled: number;
  readonly fallback: number;
}

/**
 * What one document's operation compiled to: graphql-jit's executor and the variables whose `null` only
 * graphql-js refuses (null-checked-variables.ts), or why graphql-js answers it instead.
 */
type Compiled =
  { readonly executor: CompiledQuery; readonly nullChecked: ReadonlySet<string> } | { readonly fallback: string };

/**
 * Executes every GraphQL operation through an executor graphql-jit compiled once per document and operation,
 * instead of graphql-js walking the document again for every request (issue: the request path at the floor).
 * Apollo Server takes it through its gateway interface, the hook it has for an executor of one's own: parsing,
 * validation, the limits and every plugin hook still run in Apollo as before; only `execute` is replaced.
 *
 * Compiled executors are kept per parsed document (Apollo's document store hands every request sending the
 * same text the same document) and operation name, for the most recently used MAX_COMPILED_DOCUMENTS documents.
 * What graphql-jit cannot compile is executed by graphql-js and counted (`counts`).
 *
 * Variables are coerced by graphql-js first: graphql-jit's coercion words its errors its own way, and clients
 * rely on graphql-js's texts (`Variable "$first" got invalid value …`). A request whose variables do not
 * coerce is answered with graphql-js's errors, as graphql-js's `execute` answers it; the others go on to the
 * compiled executor, which coerces the same values to the same results. A request sending `null` for a variable
 * that stands for a non-null input field with a default, which graphql-jit does not check, is answered by
 * graphql-js too (not counted: its document compiled).
 */
export class CompiledExecution {
  /**
   * Compiled executors, the most recently used last. Bounded by count rather than left to Apollo's document
   * store: a store sized by document text keeps thousands of short documents, and an executor's generated
   * code and closures are far larger than its text.
   */
  private readonly kept = new Map<DocumentNode, Map<string, Compiled>>();
  private compileCount = 0;
  private compiledCount = 0;
  private fallbackCount = 0;

  constructor(private readonly schema: GraphQLSchema) {}

  /** Apollo's gateway: the schema as it is, and `execute` below as the executor. */
  gateway(): Gateway {
    const schema = this.schema;
    let announce: ((context: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void) | undefined;
    return {
      onSchemaLoadOrUpdate: (callback) => {
        announce = callback;
        return () => (announce = undefined);
      },
      load: () => {
        // The SDL is for federation's query planner, which is not used here.
        announce?.({ apiSchema: schema, coreSupergraphSdl: '' });
        return Promise.resolve({ executor: (request: ExecutorRequest) => this.execute(request) });
      },
      stop: () => Promise.resolve(),
    };
  }

  get counts(): CompiledExecutionCounts {
    return { compiles: this.compileCount, compiled: this.compiledCount, fallback: this.fallbackCount };
  }

  private async execute(request: ExecutorRequest): Promise<ExecutionResult> {
    const { document, operation, context } = request;
    const variables = request.request.variables ?? {};
    // The name the client sent: the context's own `operationName` is that of the operation Apollo resolved,
    // null when none resolved, and graphql-js words its error from what was sent.
    const operationName = request.request.operationName ?? undefined;
    // No operation to run (several and no name, a name naming none): graphql-js's execute words the error
    // Apollo answers 400 OPERATION_RESOLUTION_FAILURE with.
    const compiled = operation ? this.compiledFor(document, operation, operationName) : undefined;
    const byGraphqlJs = () =>
      execute({ schema: this.schema, document, contextValue: context, variableValues: variables, operationName });
    if (!compiled || 'fallback' in compiled) {
      if (compiled) this.fallbackCount += 1;
      return byGraphqlJs();
    }
    for (const name of compiled.nullChecked) if (variables[name] === null) return byGraphqlJs();
    if (operation?.variableDefinitions?.length) {
      const coerced = getVariableValues(this.schema, operation.variableDefinitions, variables);
      if (coerced.errors) return { errors: coerced.errors };
    }
    this.compiledCount += 1;
    const result = await compiled.executor.query(undefined, context, variables);
    return result.errors
      ? Object.assign({}, result, { errors: result.errors.map((e) => asExecuteMadeIt(e, document)) })
      : result;
  }

  private compiledFor(document: DocumentNode, operation: OperationDefinitionNode, name: string | undefined): Compiled {
    let operations = this.kept.get(document);
    if (operations) this.kept.delete(document);
    else operations = new Map();
    this.kept.set(document, operations);
    if (this.kept.size > MAX_COMPILED_DOCUMENTS) this.kept.delete(this.kept.keys().next().value as DocumentNode);
    const key = name ?? operation.name?.value ?? '';
    let compiled = operations.get(key);
    if (!compiled) {
      this.compileCount += 1;
      compiled = whyNotCompiled(this.schema, document, operation) ?? compile(this.schema, document, operation, name);
      operations.set(key, compiled);
    }
    return compiled;
  }
}

/** Why graphql-js rather than a compiled executor answers an operation; undefined when it can be compiled. */
function whyNotCompiled(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): { fallback: string } | undefined {
  if (expandedSelectionSize(schema, document, operation, MAX_COMPILED_SELECTIONS + 1) > MAX_COMPILED_SELECTIONS)
    return { fallback: `more than ${MAX_COMPILED_SELECTIONS} fields selected, fragments and abstract types expanded` };
  if (hasRecursiveInputVariable(schema, operation))
    return { fallback: 'a variable of an input type that contains itself' };
  return undefined;
}

function compile(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  operationName: string | undefined,
): Compiled {
  try {
    const compiled = compileQuery(schema, document, operationName);
    return isCompiledQuery(compiled)
      ? { executor: compiled, nullChecked: nullCheckedVariables(schema, document, operation) }
      : { fallback: compiled.errors?.map((error) => error.message).join('; ') ?? 'not compiled' };
  } catch (error) {
    return { fallback: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A field error of graphql-jit as graphql-js's `execute` makes it. graphql-jit's errors carry their locations
 * as numbers but no source, positions or nodes, and no `extensions` unless the thrown error had some; Apollo
 * rebuilds every error from its source and positions (so the locations were lost) and reads
 * `extensions.code` (so a null in a non-null field failed the error's formatting). graphql-js wraps every
 * field error around what was thrown, or around an Error of its message when nothing was (a null in a
 * non-null field): the service's error formatting decides by that original error what a client may read, and
 * masks it. An argument refusing a variable's value (argument-refusal.ts) is no fault of the service: it
 * keeps no original error and carries BAD_USER_INPUT, with graphql-js's message naming the argument.
 */
function asExecuteMadeIt(error: GraphQLError, document: DocumentNode): GraphQLError {
  const source = document.loc?.source;
  const positions =
    source && error.locations ? error.locations.map((location) => positionOf(source, location)) : undefined;
  if (error.originalError === undefined && positions && refusesArgument(document, positions)) {
    return new GraphQLError(error.message, {
      source,
      positions,
      path: error.path,
      extensions: { ...error.extensions, code: ErrorCode.BAD_USER_INPUT },
    });
  }
  return new GraphQLError(error.message, {
    source,
    positions,
    path: error.path,
    originalError: error.originalError ?? new Error(error.message),
    extensions: error.extensions,
  });
}

/** The character offset of a line and column (both from 1) in a source, as graphql-js's getLocation inverts. */
function positionOf(source: Source, { line, column }: SourceLocation): number {
  const lineStart = /\r\n|[\n\r]/g;
  let start = 0;
  for (let passed = 1; passed < line; passed++) {
    const match = lineStart.exec(source.body);
    if (!match) break;
    start = match.index + match[0].length;
  }
  return start + column - 1;
}
