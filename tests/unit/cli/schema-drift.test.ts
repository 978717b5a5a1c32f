import { readFileSync } from 'node:fs';
import {
  buildSchema,
  type GraphQLArgument,
  isObjectType,
  isInterfaceType,
  isInputObjectType,
  isEnumType,
} from 'graphql';
import { SCHEMA_FILE, schemaText } from '../../../src/cli/schema-text';

describe('schema/schema.graphql', () => {
  it('is what the code builds (run `npm run schema:emit` after changing the schema)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await schemaText());
  });

  it('describes every type, field, argument and enum value', () => {
    const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        const fields: Record<string, { name: string; description?: string | null; args?: readonly GraphQLArgument[] }> =
          type.getFields();
        for (const field of Object.values(fields)) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args ?? [])
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
