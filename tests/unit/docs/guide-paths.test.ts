import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import { guideFiles, proseSpans, type ProseSpan } from '../../helpers/markdown-docs';

/**
 * Every file or folder a guide names in its prose exists (README.md, docs/ and each folder's README.md).
 *
 * What counts as a path: a link's target, and an inline code span that is one word and either contains a `/` or
 * ends with the extension of a kind of file the project has (`.ts`, `.cypher`, `.md` …). Fenced code blocks are
 * not prose (tests/unit/docs/graphql-blocks.test.ts checks the GraphQL ones).
 *
 * Not a path of the project, so not checked:
 * - a URL or anything else with a colon (`https://…`, `bolt://host:7687`, `fd00::/8`, `/export/:file`);
 * - a path from the root of a host or container, or a route of the service: it starts with `/` or `…/`
 *   (`/health/ready`, `/run/secrets/…`, `…/v1/traces`);
 * - a setting (`NAME=value`), a list (`127.0.0.1,10.0.0.0/8`), an npm package (`@apollo/client`), a media type
 *   (`application/json`);
 * - a place the service, Neo4j or an operator makes at run time, git-ignored: under `.data/`, `<data>/` (the
 *   embedded database's folder), `data/` and `logs/` (Neo4j's own, inside it), `secrets/`, `backups/`, `dist/`.
 *
 * Where a path is looked for: a link from the guide's folder (as a Markdown viewer follows it); a code span from
 * the guide's folder, from the project root, from src/ (for the READMEs under src/, which name their sibling
 * folders so), or as a Cypher statement's name (`records/write-result` is `cypher/records/write-result.cypher`,
 * the name spans and the registry give it). A bare file name (`space-columns.ts`, next to the folder the
 * sentence is about) must be the name of a file somewhere in the project; one starting with a dot
 * (`.conditions.ts`, after `<entity>.filter.ts`) the end of one.
 *
 * Patterns name at least one file each: `<entity>` or `*` is part of one folder or file name, `**` any folders,
 * `…` anything; `outgoing|incoming.cypher` names both.
 */
const ROOT = join(__dirname, '..', '..', '..');
const EXTENSIONS = /\.(ts|tsx|js|mjs|cypher|graphql|md|json|ya?ml|txt|java|xml|sh|css|png|example)$/;
const RUN_TIME_FOLDERS = new Set(['.data', '<data>', 'data', 'logs', 'secrets', 'backups', 'dist']);
/** The folder a build writes its output in (the embedded Neo4j's Maven build), anywhere in a path. */
const BUILD_OUTPUT = 'target';
/** Not the project's own: dependencies, build output and what tests and the service leave behind. */
const NOT_THE_PROJECT = new Set(['node_modules', 'dist', 'coverage', 'test-artifacts', '.data', '.git', 'target']);

/** Every file and folder of the project, relative to the root with `/` between names (folders end in `/`). */
function projectPaths(): string[] {
  const paths: string[] = [];
  const walk = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (NOT_THE_PROJECT.has(entry.name)) continue;
      if (entry.isDirectory()) {
        paths.push(`${prefix}${entry.name}/`);
        walk(join(folder, entry.name), `${prefix}${entry.name}/`);
      } else paths.push(`${prefix}${entry.name}`);
    }
  };
  walk(ROOT, '');
  return paths;
}

/** Whether a span names a path of the project at all (see above), and if so which. */
function pathNamed(span: ProseSpan): string | undefined {
  if (span.text.startsWith('#')) return undefined;
  // A heading of a guide (`docs/operators.md#runbook-…`) is not checked; the guide is.
  const text = span.text.replace(/#.*$/, '');
  if (span.kind === 'code' && !text.includes('/') && !EXTENSIONS.test(text)) return undefined;
  if (/[\s:=,]/.test(text) || /^(\/|…\/|@)/.test(text)) return undefined;
  if (/^(application|text|image|multipart)\/[a-z0-9.+-]+$/.test(text)) return undefined;
  if (RUN_TIME_FOLDERS.has(text.split('/')[0] ?? '')) return undefined;
  // What a build makes (`neo4j/target/embedded-neo4j.jsa`) exists only once built; the unit tier runs before that.
  if (text.split('/').slice(0, -1).includes(BUILD_OUTPUT)) return undefined;
  return text;
}

/** `a|b` alternatives spelled out: `x/out|in.cypher` is `x/out.cypher` and `x/in.cypher`. */
function alternatives(path: string): string[] {
  const match = /(\w+)\|(\w+(?:\|\w+)*)/.exec(path);
  if (!match) return [path];
  const [whole, first = '', rest = ''] = match;
  return [first, ...rest.split('|')].flatMap((word) =>
    alternatives(path.slice(0, match.index) + word + path.slice(match.index + whole.length)),
  );
}

function patternOf(path: string): RegExp {
  const escaped = path
    .split(/(\*\*\/|\*|<[^>]+>|…)/)
    .map((part) => {
      if (part === '**/') return '(?:.+/)?';
      if (part === '*') return '[^/]*';
      if (part === '…') return '.+';
      if (/^<[^>]+>$/.test(part)) return '[^/]+';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${escaped}/?$`);
}

describe('paths named in the guides', () => {
  const paths = projectPaths();
  const names = paths.map((path) => basename(path));
  const exists = (path: string): boolean =>
    /[*<…]/.test(path) ? paths.some((known) => patternOf(path).test(known)) : existsSync(join(ROOT, path));

  function found(span: ProseSpan, path: string): boolean {
    const here = dirname(span.file);
    if (span.kind === 'link') return exists(posix.join(here, path));
    if (!path.includes('/')) {
      if (/[*<…]/.test(path)) return names.some((name) => patternOf(path).test(name));
      return path.startsWith('.') ? names.some((name) => name.endsWith(path)) : names.includes(path);
    }
    const bases = [here, '.', ...(span.file.startsWith('src/') ? ['src'] : [])];
    return (
      bases.some((base) => exists(posix.join(base, path))) ||
      (!EXTENSIONS.test(path) && !path.endsWith('/') && exists(`cypher/${path}.cypher`))
    );
  }

  const named = guideFiles().flatMap((file) =>
    proseSpans(file).flatMap((span) => {
      const path = pathNamed(span);
      return path === undefined ? [] : alternatives(path).map((one) => ({ span, path: one }));
    }),
  );

  it('reads the guides and the paths in them (the scan itself works)', () => {
    const files = new Set(named.map(({ span }) => span.file));
    for (const file of ['README.md', 'docs/operators.md', 'src/read/README.md', 'src/ingest/README.md'])
      expect(files).toContain(file);
    expect(named.length).toBeGreaterThan(300);
  });

  it('names only files and folders that exist', () => {
    const missing = named
      .filter(({ span, path }) => !found(span, path))
      .map(({ span, path }) => `${span.file}:${span.line}: ${path}`);
    expect(missing).toEqual([]);
  });

  it('tells a path from what is not one', () => {
    const code = (text: string): ProseSpan => ({ file: 'docs/x.md', line: 1, text, kind: 'code' });
    for (const text of ['/health/ready', 'https://idp.example.org', 'application/json', '@apollo/client'])
      expect(pathNamed(code(text))).toBeUndefined();
    for (const text of ['NEO4J_URI=neo4j://host', '127.0.0.1,10.0.0.0/8', '.data/neo4j', 'ctx.departments'])
      expect(pathNamed(code(text))).toBeUndefined();
    expect(pathNamed(code('src/core/text/'))).toBe('src/core/text/');
    expect(pathNamed(code('seed-cli.ts'))).toBe('seed-cli.ts');
    expect(alternatives('cypher/projection/outgoing|incoming.cypher')).toEqual([
      'cypher/projection/outgoing.cypher',
      'cypher/projection/incoming.cypher',
    ]);
    expect(patternOf('src/model/<entity>/<entity>.type.ts').test('src/model/sdg/sdg.type.ts')).toBe(true);
  });
});
