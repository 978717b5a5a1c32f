import { naming, type Cypher, type Slot } from '../../db/cypher';
import type { CypherFile } from '../../db/cypher-files';
import type { CypherSource } from '../../db/cypher-registry';

/** A file of cypher/fragments/, by its name in the typed index (src/db/cypher-files.ts): tsc checks it. */
export type FragmentFile = Extract<CypherFile, `fragments/${string}`>;

/**
 * A part made from a template of cypher/fragments/common/ and a declaration (a declared anchor, condition,
 * facet or attribute): built where the declaration is read (declared-anchors.ts, fragments.ts), never found
 * by its name. `name` is what it stands for (`fragments/measure/anchor-sdgs`, `fragments/common/property.current`):
 * in errors, and as its identity when the compiler looks for a page spec's anchor among the required conditions.
 */
export interface TemplatePart {
  readonly name: string;
  readonly compose: (source: CypherSource) => Cypher;
}

/**
 * A Cypher part of a page statement, reached through a typed value: a fragment file (a literal tsc checks
 * against cypher/) or a template filled from a declaration. Composed from the registry the compile context
 * carries (`ctx.gateway.statements`), the one registry there is.
 */
export type CypherPart = FragmentFile | TemplatePart;

/** What a part stands for: the file's name, or the template part's. */
export function partName(part: CypherPart): string {
  return typeof part === 'string' ? part : part.name;
}

/** The part's Cypher, from `source`. */
export function composed(source: CypherSource, part: CypherPart): Cypher {
  return typeof part === 'string' ? source.part(part) : part.compose(source);
}

/** The part with its `$value` parameter bound to `parameter`, so one statement can use it often. */
export function composedWithParameter(source: CypherSource, part: CypherPart, parameter: Slot): Cypher {
  return composed(source, part).bind(naming('param', { value: parameter }));
}
