import { naming, type Cypher } from '../../db/cypher';
import type { CypherSource } from '../../db/cypher-registry';
import { NODE_LABELS, type NodeLabel } from '../../graph/graph-model';
import type { AnchorDeclaration, AnchorHop } from '../../graph/properties/anchor';
import type { FacetDeclaration } from '../../graph/properties/facet';
import { LABEL_ANCHORS, LABEL_FACETS } from '../../graph/properties/label-pages';

/**
 * The anchors and facets kinds declare (src/graph/properties/anchor.ts, facet.ts) as fragments:
 * `fragments/<folder>/anchor-<name>` (the name kindPageSpec gives a condition's anchor) is the template
 * cypher/fragments/common/anchor-by-key or anchor-by-field-id, `fragments/<folder>/facet-<name>` the template
 * facet-per-sdg or facet-per-value, their holes filled with the declaration's labels, key, property and path.
 * Declarations are code, never a request's text; each name filled in is still checked to be an identifier.
 */
const ANCHOR_NAME = /^fragments\/([a-z-]+)\/anchor-([a-z-]+)$/;
const FACET_NAME = /^fragments\/([a-z-]+)\/facet-([a-z-]+)$/;

const LABEL_OF_FOLDER: ReadonlyMap<string, NodeLabel> = new Map(
  Object.entries(NODE_LABELS).map(([label, folder]): [string, NodeLabel] => [folder, label as NodeLabel]),
);

/** The declared anchor a fragment name stands for, with the label it binds as `n`; undefined for any other name. */
export function declaredAnchorOf(name: string): { label: NodeLabel; anchor: AnchorDeclaration } | undefined {
  const [, folder = '', condition = ''] = ANCHOR_NAME.exec(name) ?? [];
  const label = LABEL_OF_FOLDER.get(folder);
  const anchor = label === undefined ? undefined : LABEL_ANCHORS[label]?.[condition];
  return label === undefined || anchor === undefined ? undefined : { label, anchor };
}

function identifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not an identifier in a declared anchor: ${name}`);
  return name;
}

function hopText(hop: AnchorHop): string {
  const types = hop.types.map(identifier).join('|');
  const arrow = hop.direction === 'out' ? `-[:${types}]->` : `<-[:${types}]-`;
  return hop.to === undefined ? arrow : `${arrow}(:${identifier(hop.to)})`;
}

/**
 * A declared path, hop by hop, as a pattern's middle (`<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->`): the
 * last hop arrives at the pattern's end node, which the template writes, so it names no label.
 */
export function pathOf(hops: readonly AnchorHop[]): string {
  const last = hops.at(-1);
  if (last === undefined || last.to !== undefined) throw new Error('an anchor path ends with a hop to n (no `to`)');
  if (hops.slice(0, -1).some((hop) => hop.to === undefined))
    throw new Error('every hop of an anchor path but the last names the label it reaches');
  return hops.map(hopText).join('');
}

/** The path from `a` to `n` of a declared anchor. */
export function anchorPath(anchor: AnchorDeclaration): string {
  return pathOf(anchor.hops);
}

const CONDITION_NAME = /^fragments\/([a-z-]+)\/([a-z-]+)$/;

/** The declared anchor whose condition a fragment name stands for (`fragments/<folder>/<condition>`). */
export function declaredConditionOf(name: string): AnchorDeclaration | undefined {
  const [, folder = '', condition = ''] = CONDITION_NAME.exec(name) ?? [];
  const label = LABEL_OF_FOLDER.get(folder);
  const anchor = label === undefined ? undefined : LABEL_ANCHORS[label]?.[condition];
  return anchor?.condition === undefined ? undefined : anchor;
}

/** The hops of a path walked the other way: from `n` back to the node it started from (the anchor's `a`). */
export function reversedHops(hops: readonly AnchorHop[]): AnchorHop[] {
  return hops
    .map((hop, at): AnchorHop => {
      const before = hops[at - 1]?.to;
      const direction = hop.direction === 'out' ? 'in' : 'out';
      return before === undefined ? { direction, types: hop.types } : { direction, types: hop.types, to: before };
    })
    .reverse();
}

/** A declared anchor's condition, from the template: the anchor's path walked back from `n`. */
export function declaredCondition(source: CypherSource, anchor: AnchorDeclaration): Cypher {
  if (anchor.condition === undefined || anchor.key === 'field-id')
    throw new Error('only an anchor by key declares its condition');
  return source.part('fragments/common/condition-by-key').bind(
    naming('hole', {
      path: pathOf(reversedHops(anchor.hops)),
      as: identifier(anchor.condition.as),
      from: identifier(anchor.from),
      key: anchor.key,
    }),
  );
}

/** The declared facet a fragment name stands for; undefined for any other name. */
export function declaredFacetOf(name: string): FacetDeclaration | undefined {
  const [, folder = '', facet = ''] = FACET_NAME.exec(name) ?? [];
  const label = LABEL_OF_FOLDER.get(folder);
  return label === undefined ? undefined : LABEL_FACETS[label]?.[facet];
}

/** The declared facet's Cypher, from its template. */
export function declaredFacet(source: CypherSource, facet: FacetDeclaration): Cypher {
  if ('perSdg' in facet) {
    return source.part('fragments/common/facet-per-sdg').bind(naming('hole', { path: pathOf(facet.perSdg) }));
  }
  return source
    .part('fragments/common/facet-per-value')
    .bind(naming('hole', { property: identifier(facet.perValueOf), as: facet.as }));
}

/** The declared anchor's Cypher, from its template. */
export function declaredAnchor(source: CypherSource, label: NodeLabel, anchor: AnchorDeclaration): Cypher {
  const path = anchorPath(anchor);
  if (anchor.key === 'field-id') {
    return source.part('fragments/common/anchor-by-field-id').bind(naming('hole', { path, label: identifier(label) }));
  }
  return source
    .part('fragments/common/anchor-by-key')
    .bind(naming('hole', { from: identifier(anchor.from), path, label: identifier(label), key: anchor.key }));
}
