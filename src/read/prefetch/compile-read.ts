import type { CypherFile } from '../../db/cypher-files';
import type { CypherSource } from '../../db/cypher-registry';
import type { CompiledStatement, Params } from '../../db/graph-gateway';
import { compilePrefetch } from './compile-prefetch';
import type { CompiledRead, RootShape } from './compiled-read';
import type { ParsedSelection } from './parse-selection';
import { projectedProperties } from './property-demand';

/** A root field's own statement: a cypher/ file by name or a statement compiled at run time, and its params. */
export interface RootStatement {
  readonly statement: CypherFile | CompiledStatement;
  readonly params: Params;
  readonly shape: RootShape;
}

/**
 * Step 2: when the selection asks for relationship fields the compiler knows, they are compiled into the
 * root's statement (its rows then prime the loaders, so the whole selection costs one statement);
 * otherwise the root statement is the read.
 */
export function compileRead(
  source: CypherSource,
  root: RootStatement,
  selection: ParsedSelection | undefined,
): CompiledRead {
  if (!selection || (selection.projections.length === 0 && selection.pages.length === 0))
    return Object.assign({ columns: [] }, root);
  const statement =
    typeof root.statement === 'string' ? { text: source.get(root.statement), origin: root.statement } : root.statement;
  const compiled = compilePrefetch(
    source,
    statement,
    root.shape,
    selection.projections,
    (label) => projectedProperties(selection.info, label, 'related'),
    selection.pages,
  );
  const params = Object.assign({}, root.params, compiled.params);
  return { statement: compiled.statement, params, shape: root.shape, columns: compiled.columns, pages: compiled.pages };
}

/**
 * The question a nested page asks, as text: parents asking the same one share a statement. Made once per
 * compiled read (every parent's resolver asks for it; the statement text is over a kilobyte).
 */
export function batchKey(compiled: Pick<CompiledRead, 'statement' | 'params'>): string {
  let key = batchKeys.get(compiled);
  if (key === undefined) {
    const { statement, params } = compiled;
    key = `${typeof statement === 'string' ? statement : statement.text}\n${JSON.stringify(params)}`;
    batchKeys.set(compiled, key);
  }
  return key;
}

const batchKeys = new WeakMap<object, string>();
