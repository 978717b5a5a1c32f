// `npm run lint` step, three rules over src/:
// 1. Every top-level folder of src/ imports only the folders its README allows. Each folder's README.md has one
//    line `May import: core, db, graph.` (or `May import: nothing.`), and that line is the rule: the
//    architecture is written where a reader looks for it, and the check holds the code to it. The entry points
//    at the top of src/ (index.ts, server.ts, schema.ts) compose everything and may import anything; only cli/
//    may import them. Type-only imports (`import type`, `export type`) follow the same rule: a type named
//    up the layers is still an arrow back up (a lower folder that cannot be read, moved or tested without the
//    one above it). What a lower folder must name of an upper one is an interface of its own, which the upper
//    folder's classes implement (the request context's Viewer, Log, AccessLine, DepartmentLookup).
// 2. Every top-level folder has that README, and the layering it describes has no loop (a folder may not,
//    through the folders it may import, reach itself).
// 3. No file circle: no file reaches itself through imports, type-only ones included (a circle of types is
//    still two modules that cannot be understood, moved or tested one without the other).
// 4. Steps run one way. A folder's README may list the steps of its engine in the order they run, one line each
//    (`Step parse: page/page-selection.ts, …`, paths inside the folder); no file of a step reaches a file of a
//    later step through the folder's imports, type-only ones and files of no step included. src/read/ lists
//    parse → compile → execute: a parse that needs what a compile makes is a step that cannot be tested alone.
// Usage: node scripts/check-layers.js [src directory]
const { readFileSync, readdirSync, statSync, existsSync } = require('node:fs');
const { dirname, join, relative, resolve, sep } = require('node:path');
const ts = require('typescript');

/** The files at the top of src/ that compose the service; anything may be imported by them. */
const ENTRY_POINTS = ['index.ts', 'server.ts', 'schema.ts'];
/** The folder that may import the entry points (a command builds the schema or starts what index.ts starts). */
const ENTRY_POINT_IMPORTERS = ['cli'];

/**
 * Each top-level folder of src/ with the folders it may import at run time, read from the `May import:` line
 * of its README.md; a folder without one is reported.
 */
function layerTable(srcDirectory) {
  const table = new Map();
  const problems = [];
  for (const entry of readdirSync(srcDirectory).sort()) {
    const folder = join(srcDirectory, entry);
    if (!statSync(folder).isDirectory()) continue;
    const readme = join(folder, 'README.md');
    const line = existsSync(readme) ? /^May import: (.+?)\.?\s*$/m.exec(readFileSync(readme, 'utf8')) : null;
    if (!line) {
      problems.push(`src/${entry} has no README.md with a line \`May import: …\` (what it may import at run time)`);
      continue;
    }
    const names = line[1].trim() === 'nothing' ? [] : line[1].split(',').map((name) => name.trim().replace(/`/g, ''));
    table.set(entry, names);
  }
  for (const [folder, names] of table) {
    for (const name of names) {
      if (!table.has(name)) problems.push(`src/${folder}/README.md: may import '${name}', which is no folder of src/`);
    }
  }
  for (const folder of table.keys()) {
    const seen = new Set();
    const queue = [...table.get(folder)];
    while (queue.length > 0) {
      const next = queue.shift();
      if (next === folder) {
        problems.push(`src/${folder}: the layering loops (it may import a folder that may import it back)`);
        break;
      }
      if (seen.has(next) || !table.has(next)) continue;
      seen.add(next);
      queue.push(...table.get(next));
    }
  }
  return { table, problems };
}

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

/** Every import of src/ (type-only ones included) that its folder's README does not allow, and every missing README, as messages. */
function layerViolations(srcDirectory) {
  const { table, problems } = layerTable(srcDirectory);
  for (const path of sourceFiles(srcDirectory)) {
    const folder = topFolder(srcDirectory, path);
    if (folder === '' || !table.has(folder)) continue;
    const allowed = table.get(folder);
    for (const { specifier, typeOnly } of importsOf(path)) {
      const target = resolveModule(path, specifier);
      if (relative(srcDirectory, target).startsWith('..')) continue;
      const targetFolder = topFolder(srcDirectory, target);
      if (targetFolder === folder) continue;
      const ok =
        targetFolder === ''
          ? ENTRY_POINTS.includes(relative(srcDirectory, target)) && ENTRY_POINT_IMPORTERS.includes(folder)
          : allowed.includes(targetFolder);
      if (!ok) {
        const what = targetFolder === '' ? `src/${relative(srcDirectory, target)}` : `src/${targetFolder}`;
        problems.push(
          `${relative(process.cwd(), path)} imports '${specifier}'${typeOnly ? ' (type-only)' : ' at run time'}: src/${folder} may import ${
            allowed.length > 0 ? allowed.join(', ') : 'nothing of src/'
          } (its README.md), not ${what} (move the code down, or name an interface of src/${folder} or below that ${what} implements)`,
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

/**
 * The steps a folder's README lists (`Step <name>: <file>, <file>`), in order, each with its files as absolute
 * paths; a listed file that does not exist is reported.
 */
function stepTable(folder) {
  const readme = join(folder, 'README.md');
  if (!existsSync(readme)) return { steps: [], problems: [] };
  const steps = [];
  const problems = [];
  for (const [, name, list] of readFileSync(readme, 'utf8').matchAll(/^Step (\w+): (.+?)\.?\s*$/gm)) {
    const files = list.split(',').map((file) => join(folder, file.trim().replace(/`/g, '')));
    for (const file of files.filter((path) => !existsSync(path)))
      problems.push(
        `${relative(process.cwd(), readme)}: step ${name} lists ${relative(folder, file)}, which is no file`,
      );
    steps.push({ name, files: new Set(files) });
  }
  return { steps, problems };
}

/**
 * Every import path by which a file of a folder's step reaches a file of a later step (rule 4), one message
 * each naming the step, the file and the path taken, found breadth-first through the folder's own files.
 */
function stepViolations(srcDirectory) {
  const problems = [];
  for (const entry of readdirSync(srcDirectory).sort()) {
    const folder = join(srcDirectory, entry);
    if (!statSync(folder).isDirectory()) continue;
    const { steps, problems: listed } = stepTable(folder);
    problems.push(...listed);
    if (steps.length === 0) continue;
    const inFolder = (path) => !relative(folder, path).startsWith('..');
    const importsIn = (path) =>
      [...new Set(importsOf(path).map(({ specifier }) => resolveModule(path, specifier)))].filter(
        (target) => inFolder(target) && existsSync(target),
      );
    steps.forEach(({ name, files }, at) => {
      const later = steps.slice(at + 1);
      for (const start of files) {
        if (!existsSync(start)) continue;
        const cameFrom = new Map([[start, null]]);
        const queue = [start];
        while (queue.length > 0) {
          const file = queue.shift();
          const reached = later.find((step) => step.files.has(file));
          if (reached) {
            const path = [file];
            while (cameFrom.get(path[0])) path.unshift(cameFrom.get(path[0]));
            problems.push(
              `${relative(process.cwd(), start)} (step ${name}) reaches step ${reached.name}: ${path
                .map((p) => relative(folder, p))
                .join(' → ')} (a step imports only the steps before it, src/${entry}/README.md)`,
            );
            break;
          }
          for (const next of importsIn(file)) {
            if (cameFrom.has(next)) continue;
            cameFrom.set(next, file);
            queue.push(next);
          }
        }
      }
    });
  }
  return problems;
}

module.exports = { layerViolations, fileCircles, layerTable, stepViolations };

if (require.main === module) {
  const src = resolve(process.argv[2] ?? join(__dirname, '..', 'src'));
  const problems = layerViolations(src);
  const circles = fileCircles(src);
  const steps = stepViolations(src);
  for (const problem of [...problems, ...circles, ...steps]) process.stderr.write(`${problem}\n`);
  if (problems.length > 0) {
    process.stderr.write(`check-layers: ${problems.length} layer problem(s)\n`);
  }
  if (circles.length > 0) process.stderr.write(`check-layers: ${circles.length} file circle(s)\n`);
  if (steps.length > 0) process.stderr.write(`check-layers: ${steps.length} step(s) importing a later step\n`);
  if (problems.length > 0 || circles.length > 0 || steps.length > 0) process.exit(1);
}
