// `npm run lint` step, two rules over the imports of src/:
// 1. Shared folders never import a feature at run time. The shared ground (the read home, the graph model,
//    common types, the database layer, the text module, the ingest pipeline) sits below the features; a value
//    import upwards ties them into one cycle of module initialisation. Type-only imports (`import type`,
//    `export type`) are erased by the compiler and allowed: features may be named in types, as type-graphql's
//    `() => Type` references are.
// 2. No file circle: no file reaches itself through imports, type-only ones included (a circle of types is
//    still two modules that cannot be understood, moved or tested one without the other).
// Usage: node scripts/check-layers.js [src directory]
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

/** The relative module specifiers a file imports or re-exports, each with whether it is type-only. */
function importsOf(path) {
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
      found.push({ specifier: statement.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      found.push({ specifier: statement.moduleSpecifier.text, typeOnly: statement.isTypeOnly });
    }
  }
  return found.filter(({ specifier }) => specifier.startsWith('.'));
}

/** The relative module specifiers a file imports or re-exports at run time (type-only ones left out). */
function runtimeSpecifiers(path) {
  return importsOf(path)
    .filter(({ typeOnly }) => !typeOnly)
    .map(({ specifier }) => specifier);
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

/**
 * Every file circle of src/ (files that reach themselves through imports, type-only ones included), one
 * message each naming the circle's files in import order. Found as the strongly connected components of the
 * import graph (Tarjan), so each circle is reported once however many paths run around it.
 */
function fileCircles(srcDirectory) {
  const files = sourceFiles(srcDirectory);
  const known = new Set(files);
  const edges = new Map(
    files.map((path) => [
      path,
      [...new Set(importsOf(path).map(({ specifier }) => resolveModule(path, specifier)))].filter((target) =>
        known.has(target),
      ),
    ]),
  );
  const order = new Map();
  const lowest = new Map();
  const stack = [];
  const onStack = new Set();
  const circles = [];
  const visit = (file) => {
    order.set(file, order.size);
    lowest.set(file, order.get(file));
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file)) {
      if (!order.has(next)) {
        visit(next);
        lowest.set(file, Math.min(lowest.get(file), lowest.get(next)));
      } else if (onStack.has(next)) {
        lowest.set(file, Math.min(lowest.get(file), order.get(next)));
      }
    }
    if (lowest.get(file) !== order.get(file)) return;
    const component = new Set();
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.add(member);
    } while (member !== file);
    if (component.size > 1 || edges.get(file).includes(file)) circles.push(circleThrough(file, component, edges));
  };
  for (const file of files) if (!order.has(file)) visit(file);
  return circles.map(
    (circle) =>
      `file circle: ${[...circle, circle[0]].map((path) => relative(srcDirectory, path)).join(' → ')} (move what they share into a file both import)`,
  );
}

/** One way round a strongly connected component, from `start` back to it (breadth-first, so a shortest one). */
function circleThrough(start, component, edges) {
  const cameFrom = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const next of edges.get(file)) {
      if (!component.has(next)) continue;
      if (next === start) {
        const circle = [file];
        while (circle[0] !== start) circle.unshift(cameFrom.get(circle[0]));
        return circle;
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
  }
  return [start];
}

module.exports = { layerViolations, fileCircles, SHARED };

if (require.main === module) {
  const src = resolve(process.argv[2] ?? join(__dirname, '..', 'src'));
  const problems = layerViolations(src);
  const circles = fileCircles(src);
  for (const problem of [...problems, ...circles]) process.stderr.write(`${problem}\n`);
  if (problems.length > 0) {
    process.stderr.write(`check-layers: ${problems.length} run-time import(s) from shared ground to features\n`);
  }
  if (circles.length > 0) process.stderr.write(`check-layers: ${circles.length} file circle(s)\n`);
  if (problems.length > 0 || circles.length > 0) process.exit(1);
}
