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
