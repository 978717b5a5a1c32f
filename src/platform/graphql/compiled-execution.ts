import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { setFlagsFromString } from 'node:v8';
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
import { compileQuery, isCompiledQuery, type CompiledQuery, type CompilerOptions } from 'graphql-jit';
import { ErrorCode } from '../../core/errors';
import { refusesArgument } from './argument-refusal';
import { DEFAULT_MEMORY_LIMIT_MB, memoryBudget } from '../../core/memory-limit';
import { expandedSelectionSize } from './expanded-selection-size';
import { nullCheckedVariables } from './null-checked-variables';
import { hasRecursiveInputVariable } from './recursive-input-variables';

/**
 * The most fields an operation may select, fragments expanded, to be compiled; larger ones are executed by
 * graphql-js. The service's largest questions (the dashboard's, the IDE's examples, introspection) select a
 * few hundred; a compile's code and time grow with this size, and a document can make it exponential.
 */
export const MAX_COMPILED_SELECTIONS = 2000;

/**
 * The heap a compiled executor keeps, per character of the code graphql-jit generated for it: its generated
 * functions' source, their bytecode (made when a function first runs) and closures, one resolve-info function
 * per field. Measured over wide and narrow operations of the service's schema: compiled only, 1.98 and 2.12
 * bytes per character (bench/investigations/compiled-executor-size.js: a wide operation of 520 fields generates
 * 1.2 M characters and keeps 2.3 MiB, a narrow one of 54 fields 124 k characters and 257 KiB); compiled and run,
 * 3.0 (tests/unit/platform/graphql/compiled-execution-budget.test.ts checks the ceiling holds). The ceiling is
 * taken with a margin.
 */
export const BYTES_PER_GENERATED_CHARACTER = 4;

/**
 * The heap an executor keeps per field selected (fragments expanded), from the same measurements: 4.5 to 4.8 KiB
 * compiled only, about 7 KiB compiled and run; with a margin. An operation whose fields alone would take more
 * than a quarter of the budget is not compiled at all.
 */
export const BYTES_PER_COMPILED_FIELD = 10 * 1024;

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

/** A document's compiled operations and the heap they are estimated to keep. */
interface KeptDocument {
  readonly operations: Map<string, Compiled>;
  bytes: number;
}

/**
 * V8 keeps every function made by `new Function` in its compilation cache, keyed by its source, until a
 * collection that reduces memory at any cost (near the heap's limit, or a heap snapshot): graphql-jit makes each
 * executor that way, from source unique to its document, so every executor ever compiled stayed in the heap after
 * it was dropped (1.5 MiB per wide operation; bench/investigations/compiled-executor-size.js --cache on). The
 * cache never serves graphql-jit (no two documents generate the same source, and a document's executor is kept
 * here), and the service evaluates no other code twice, so it is turned off for the process.
 */
let compilationCacheOff = false;
function turnCompilationCacheOff(): void {
  if (compilationCacheOff) return;
  setFlagsFromString('--no-compilation-cache');
  compilationCacheOff = true;
}

/**
 * Executes every GraphQL operation through an executor graphql-jit compiled once per document and operation,
 * instead of graphql-js walking the document again for every request (issue: the request path at the floor).
 * Apollo Server takes it through its gateway interface, the hook it has for an executor of one's own: parsing,
 * validation, the limits and every plugin hook still run in Apollo as before; only `execute` is replaced.
 *
 * Compiled executors are kept per parsed document (Apollo's document store hands every request sending the
 * same text the same document) and operation name, the least recently used dropped first once their estimated
 * heap (the length of the code graphql-jit generated, times BYTES_PER_GENERATED_CHARACTER) passes `budgetBytes`.
 * An operation too large for a quarter of the budget, and every new one while the service sheds memory
 * (`shed`, src/platform/service/memory-guard.ts), is executed by graphql-js instead: the budget never grows.
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
   * Compiled executors, the most recently used last. Bounded by their own estimated heap rather than left to
   * Apollo's document store: a store sized by document text keeps hundreds of documents, and an executor's
   * generated code and closures are hundreds of times larger than its text.
   */
  private readonly kept = new Map<DocumentNode, KeptDocument>();
  private keptBytes = 0;
  private compileCount = 0;
  private compiledCount = 0;
  private fallbackCount = 0;
  /** Until this time (ms) nothing new is compiled: the service is short of memory. */
  private shedUntil = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    readonly budgetBytes: number = memoryBudget(DEFAULT_MEMORY_LIMIT_MB).compiledExecutionBytes,
  ) {
    turnCompilationCacheOff();
  }

  /** The estimated heap of the executors kept, in bytes (at most `budgetBytes`). */
  get bytes(): number {
    return this.keptBytes;
  }

  /**
   * Drops every executor and compiles nothing new for `pauseMs`: new documents are executed by graphql-js
   * meanwhile. Called when the service runs short of memory.
   */
  shed(pauseMs: number): void {
    this.kept.clear();
    this.keptBytes = 0;
    this.shedUntil = Date.now() + pauseMs;
  }

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
    const key = name ?? operation.name?.value ?? '';
    const kept = this.kept.get(document);
    const found = kept?.operations.get(key);
    if (kept) {
      // The most recently used last.
      this.kept.delete(document);
      this.kept.set(document, kept);
    }
    if (found) return found;
    if (Date.now() < this.shedUntil) return { fallback: 'the service is short of memory' };
    this.compileCount += 1;
    const maxFields = Math.min(MAX_COMPILED_SELECTIONS, Math.floor(this.budgetBytes / 4 / BYTES_PER_COMPILED_FIELD));
    const made =
      whyNotCompiled(this.schema, document, operation, maxFields) ?? compile(this.schema, document, operation, name);
    const entry = kept ?? { operations: new Map<string, Compiled>(), bytes: 0 };
    entry.operations.set(key, made.compiled);
    entry.bytes += made.bytes;
    this.keptBytes += made.bytes;
    if (!kept) this.kept.set(document, entry);
    this.dropOldestPast(this.budgetBytes);
    return made.compiled;
  }

  /** Drops the least recently used documents' executors until the rest fit in `bytes`. */
  private dropOldestPast(bytes: number): void {
    for (const [document, entry] of this.kept) {
      if (this.keptBytes <= bytes) return;
      this.kept.delete(document);
      this.keptBytes -= entry.bytes;
    }
  }
}

/** What a compile made and the heap it is estimated to keep. */
interface Made {
  readonly compiled: Compiled;
  readonly bytes: number;
}

/** Why graphql-js rather than a compiled executor answers an operation; undefined when it can be compiled. */
function whyNotCompiled(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  maxFields: number,
): Made | undefined {
  if (expandedSelectionSize(schema, document, operation, maxFields + 1) > maxFields) {
    const why =
      maxFields < MAX_COMPILED_SELECTIONS
        ? `more than ${maxFields} fields selected (a quarter of the compiled executors' memory budget)`
        : `more than ${MAX_COMPILED_SELECTIONS} fields selected, fragments and abstract types expanded`;
    return { compiled: { fallback: why }, bytes: 0 };
  }
  if (hasRecursiveInputVariable(schema, operation))
    return { compiled: { fallback: 'a variable of an input type that contains itself' }, bytes: 0 };
  return undefined;
}

/**
 * graphql-jit's `debug` option (read by its compileQuery, absent from its types) leaves the code it generated
 * on the executor, under GENERATED_CODE: its length is what the executor keeps, measured.
 */
const DEBUG: Partial<CompilerOptions> & { readonly debug: true } = { debug: true };
const GENERATED_CODE = '__DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation';

function compile(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  operationName: string | undefined,
): Made {
  try {
    const compiled: CompiledQuery | ExecutionResult = compileQuery(schema, document, operationName, DEBUG);
    if (!isCompiledQuery(compiled))
      return {
        compiled: { fallback: compiled.errors?.map((error) => error.message).join('; ') ?? 'not compiled' },
        bytes: 0,
      };
    const debugged = compiled as CompiledQuery & { [GENERATED_CODE]?: string };
    const code = debugged[GENERATED_CODE]?.length ?? 0;
    // The copy of the code on the executor is the function's source joined to another string: let it go.
    delete debugged[GENERATED_CODE];
    return {
      compiled: { executor: compiled, nullChecked: nullCheckedVariables(schema, document, operation) },
      bytes: Math.ceil(code * BYTES_PER_GENERATED_CHARACTER),
    };
  } catch (error) {
    return { compiled: { fallback: error instanceof Error ? error.message : String(error) }, bytes: 0 };
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
