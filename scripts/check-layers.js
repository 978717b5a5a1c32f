// `npm run lint` step: shared folders of src/ never import a feature at run time. The shared ground (the
// read home, the graph model, common types, the database layer, the text module, the ingest pipeline) sits
// below the features; a value import upwards ties them into one cycle of module initialisation. Type-only
// imports (`import type`, `export type`) are erased by the compiler and allowed: features may be named in
// types, as type-graphql's `() => Type` references are. Usage: node scripts/check-layers.js [src directory]
const { readFileSync, readdirSync, statSync, existsSync } = require('node:fs');
const { dirname, join, relative, resolve, sep } = require('node:path');
const ts = require('typescript');

/** Folders of src/ that are shared ground: they may import each other, never anything else of src/. */
const SHARED = ['read', 'graph', 'common', 'db', 'text', 'ingest'];
/** Files at the top of src/ that are leaves anyone may import (no imports of features themselves). */
const LEAVES = ['errors.ts', 'project-root.ts', 'package-info.ts'];

function sourceFiles(directory) {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return entry.endsWith('.ts') && !entry.endsWith('.d.ts') ? [path] : [];
  });
}

/** The relative module specifiers a file imports or re-exports at run time (type-only ones left out). */
function runtimeSpecifiers(path) {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, false);
  const found = [];
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      if (!typeOnly) found.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      found.push(statement.moduleSpecifier.text);
    }
  }
  return found.filter((specifier) => specifier.startsWith('.'));
}

/** The first folder of src/ a path lies in ('' for a file at the top of src/). */
function topFolder(srcDirectory, path) {
  const parts = relative(srcDirectory, path).split(sep);
  return parts.length > 1 ? parts[0] : '';
}

function resolveModule(from, specifier) {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) if (existsSync(candidate)) return candidate;
  return base;
}

/** Every run-time import from a shared folder to anything of src/ that is not shared ground, as messages. */
function layerViolations(srcDirectory) {
  const problems = [];
  for (const path of sourceFiles(srcDirectory)) {
    const folder = topFolder(srcDirectory, path);
    if (!SHARED.includes(folder)) continue;
    for (const specifier of runtimeSpecifiers(path)) {
      const target = resolveModule(path, specifier);
      if (relative(srcDirectory, target).startsWith('..')) continue;
      const targetFolder = topFolder(srcDirectory, target);
      const allowed =
        targetFolder === '' ? LEAVES.includes(relative(srcDirectory, target)) : SHARED.includes(targetFolder);
      if (!allowed) {
        problems.push(
          `${relative(process.cwd(), path)} imports '${specifier}' at run time: shared ground (src/${folder}) must not depend on ${
            targetFolder === '' ? `src/${relative(srcDirectory, target)}` : `src/${targetFolder}`
          } (use \`import type\`, or move the code down)`,
        );
      }
    }
  }
  return problems;
}

module.exports = { layerViolations, SHARED };

if (require.main === module) {
  const problems = layerViolations(resolve(process.argv[2] ?? join(__dirname, '..', 'src')));
  for (const problem of problems) process.stderr.write(`${problem}\n`);
  if (problems.length > 0) {
    process.stderr.write(`check-layers: ${problems.length} run-time import(s) from shared ground to features\n`);
    process.exit(1);
  }
}
