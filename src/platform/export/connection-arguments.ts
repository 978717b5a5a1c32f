import {
  type GraphQLInputObjectType,
  getNullableType,
  isInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/** The arguments of a root connection an export passes on, read from the schema the service runs. */
export interface ConnectionArguments {
  /** The connection's root field, e.g. `measures`. */
  readonly connection: string;
  /** Its `filter` input type (`MeasureFilter`); its fields are the export's flat parameters. */
  readonly filter: GraphQLInputObjectType;
  /** Its `orderBy` argument's type, when the connection has one. */
  readonly orderBy: GraphQLInputType | undefined;
}

/**
 * Read from the schema rather than written down, so a filter key or an `orderBy` added to a connection is
 * an export parameter at once, with the same validation.
 */
export function connectionArguments(schema: GraphQLSchema, connection: string): ConnectionArguments {
  const field = schema.getQueryType()?.getFields()[connection];
  if (!field) throw new Error(`the schema has no root connection ${connection}`);
  const filterType = field.args.find((argument) => argument.name === 'filter')?.type;
  const filter = filterType === undefined ? undefined : getNullableType(filterType);
  if (!isInputObjectType(filter)) throw new Error(`${connection} has no filter input object`);
  return { connection, filter, orderBy: field.args.find((argument) => argument.name === 'orderBy')?.type };
}
