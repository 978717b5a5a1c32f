import {
  getVariableValues,
  Kind,
  parse,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { CypherRegistry } from '../../src/db/cypher-registry';
import type { BatchReader } from '../../src/read/graph-loaders';
import { GraphLoaders } from '../../src/read/graph-loaders';
import { RowReader } from '../../src/db/row-reader';
import { readSeedFile } from '../../src/ingest/load/seed-file';
import { Department } from '../../src/model/department/department.type';
import { DepartmentDirectory } from '../../src/model/department/department-directory';
import type { CompileContext } from '../../src/read/compile-context';
import { compileRootRead } from '../../src/read/root-reads';
import type { RootField } from '../../src/read/prefetch/selection-plan';
import { graphSchema } from '../../src/schema';

/**
 * The compile tier's one step: a GraphQL operation in, the statement and parameters its first root field
 * compiles to out, through the same compile its resolver runs (src/read/root-reads.ts), with no database.
 * The departments a filter names resolve against the committed seed's (seed/graph.json, the ingestion's
 * output); the loaders refuse to run anything, so a compile that tried to read would fail here.
 */
export async function compiledSelection(query: string, variables: Record<string, unknown> = {}): Promise<string> {
  const info = await rootField(query, variables);
  const compiled = await compileRootRead(info, compileContext());
  if (compiled === null) return '(no statement of its own: the node loader reads it)';
  const { statement, params } = compiled;
  const text = typeof statement === 'string' ? `cypher/${statement}.cypher` : statement.text;
  return `${text}\n-- params\n${JSON.stringify(params, null, 1)}`;
}

/** `<Type>.<field>` of every field an operation selects (the compile tier's coverage check reads them). */
export async function selectedFields(query: string): Promise<string[]> {
  const schema = await graphSchema();
  const typeInfo = new TypeInfo(schema);
  const fields: string[] = [];
  visit(
    parse(query),
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent) fields.push(`${parent.name}.${node.name.value}`);
      },
    }),
  );
  return fields;
}

async function rootField(query: string, variables: Record<string, unknown>): Promise<RootField> {
  const schema: GraphQLSchema = await graphSchema();
  const document = parse(query);
  const errors = validate(schema, document);
  if (errors.length > 0) throw new Error(`invalid operation: ${errors.map((e) => e.message).join('; ')}`);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const field = operation?.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD);
  const definition = field && schema.getQueryType()?.getFields()[field.name.value];
  if (!operation || !field || !definition) throw new Error(`no root field in ${query}`);
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) throw new Error(coerced.errors.map((e) => e.message).join('; '));
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return {
    schema,
    fragments,
    variableValues: coerced.coerced,
    operation,
    returnType: definition.type,
    fieldNodes: [field],
  };
}

const statements = CypherRegistry.load();

/** The seed's departments, as the database holds them once it is loaded. */
function seedDepartments(): Promise<Department[]> {
  const seed = readSeedFile();
  if (!seed) return Promise.reject(new Error('seed/graph.json does not exist: run `npm run ingest` first'));
  return Promise.resolve(
    seed.graph.nodes
      .filter((node) => node.label === 'Department')
      .map((node) => Department.from(new RowReader({ id: node.id, ...node.properties }))),
  );
}

const departments = new DepartmentDirectory(seedDepartments, { current: () => 'seed' });

/** Refuses every read: the compile tier has no database, and nothing it compiles may need one. */
const NO_DATABASE: BatchReader = {
  statements,
  read: () => Promise.reject(new Error('the compile tier runs no statement')),
  readStatement: () => Promise.reject(new Error('the compile tier runs no statement')),
};

/** A fresh context per compile, as a request has: its loaders hold the marks one compile leaves. */
function compileContext(): CompileContext {
  return { gateway: { statements }, departments, loaders: new GraphLoaders(NO_DATABASE) };
}

/**
 * Marks an operation of the compile tier, so its coverage check (tests/unit/read/compile-tier/coverage.test.ts)
 * finds every operation in the tier's files by this tag.
 */
export function graphql(strings: TemplateStringsArray, ...values: readonly unknown[]): string {
  return strings.reduce((text, part, at) => `${text}${at > 0 ? String(values[at - 1]) : ''}${part}`, '');
}
