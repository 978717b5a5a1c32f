import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { SCHEMA_FILE, schemaText } from './schema-text';

/** `npm run schema:emit`: writes schema/schema.graphql from the code. */
schemaText().then(
  (text) => {
    writeFileSync(SCHEMA_FILE, text);
    process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`schema emit failed: ${String(error)}\n`);
    process.exit(1);
  },
);
