import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ENVIRONMENT_VARIABLES } from '../../../src/core/config';
import { envExample, settingsTableRows } from '../../../src/core/settings-docs';
import { documentationFiles, tableUnder } from '../../helpers/markdown-docs';

/**
 * The operators' settings table (docs/operators.md, "## Settings") and .env.example are what the settings'
 * declaration (src/core/settings.ts) makes of them (`npm run docs:settings` writes both), and the table names every
 * environment variable the code reads, and nothing else: the service's own (the declaration, the one place the
 * service reads its settings), any other `process.env.X` in src/, and the variables the scripts in scripts/ read.
 * Rows marked "(OpenTelemetry SDK)" are standard variables the tracing SDK reads itself.
 */
const ROOT = join(__dirname, '..', '..', '..');
/** The shell's own, read to find programs; not a setting of this project. */
const NOT_SETTINGS = new Set(['PATH']);

function filesUnder(folder: string, ending: RegExp): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return filesUnder(path, ending);
    return ending.test(name) ? [path] : [];
  });
}

/** `process.env.NAME`, `process.env['NAME']` and, in scripts that take the environment as `env`, `env.NAME`. */
function variablesReadIn(paths: readonly string[], pattern: RegExp): Set<string> {
  const names = new Set<string>();
  for (const path of paths) {
    for (const match of readFileSync(path, 'utf8').matchAll(pattern)) {
      const name = match[1] ?? match[2];
      if (name) names.add(name);
    }
  }
  return names;
}

function variablesTheCodeReads(): Set<string> {
  // A quoted `'process.env.NODE_ENV'` is the dashboard bundler's text replacement in browser code, not a read.
  const fromSource = variablesReadIn(
    filesUnder(join(ROOT, 'src'), /\.ts$/),
    /(?<!['"])process\.env(?:\.([A-Z][A-Z0-9_]+)|\[['"]([A-Z][A-Z0-9_]+)['"]\])/g,
  );
  const fromScripts = variablesReadIn(filesUnder(join(ROOT, 'scripts'), /\.js$/), /\benv\.([A-Z][A-Z0-9_]+)/g);
  const all = new Set([...Object.keys(ENVIRONMENT_VARIABLES), ...fromSource, ...fromScripts]);
  for (const name of NOT_SETTINGS) all.delete(name);
  return all;
}

function committedTable(): string[][] {
  const operators = documentationFiles().find((f) => f.path === join('docs', 'operators.md'));
  if (!operators) throw new Error('docs/operators.md is missing');
  return tableUnder(operators, 'Settings');
}

function settingsTable(): { name: string; sdk: boolean }[] {
  return committedTable().map(([variable = '', , , meaning = '']) => ({
    name: variable.replace(/`/g, ''),
    sdk: meaning.startsWith('_(OpenTelemetry SDK)_'),
  }));
}

describe("the operators' settings table", () => {
  const table = settingsTable();

  it('is the one the declaration makes (else run `npm run docs:settings`)', () => {
    expect(committedTable()).toEqual(settingsTableRows());
  });

  it('has .env.example beside it, made from the same declaration', () => {
    expect(readFileSync(join(ROOT, '.env.example'), 'utf8')).toBe(envExample());
  });

  const read = variablesTheCodeReads();

  it('finds the settings the code reads (the scan itself works)', () => {
    expect(read.has('PORT')).toBe(true);
    expect(read.has('JAVA_HOME')).toBe(true); // src/db/embedded-neo4j.ts
    expect(read.has('CHROMIUM_PATH')).toBe(true); // scripts/system-prerequisites.js
    expect(table.length).toBeGreaterThan(40);
  });

  it('lists every setting the code reads', () => {
    const listed = new Set(table.map((row) => row.name));
    expect([...read].filter((name) => !listed.has(name)).sort()).toEqual([]);
  });

  it('lists nothing the code does not read, but the OpenTelemetry SDK variables it marks', () => {
    expect(table.filter((row) => !row.sdk && !read.has(row.name)).map((row) => row.name)).toEqual([]);
    for (const row of table.filter((r) => r.sdk)) expect(row.name).toMatch(/^OTEL_/);
  });

  it('has one row per variable', () => {
    const names = table.map((row) => row.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    for (const name of names) expect(name).toMatch(/^[A-Z][A-Z0-9_]+$/);
  });
});
