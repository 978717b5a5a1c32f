import { naming, type Cypher } from '../../db/cypher';
import type { CypherSource } from '../../db/cypher-registry';
import { NODE_LABELS, type NodeLabel } from '../../graph/graph-model';
import { reversedHops, type AnchorDeclaration, type AnchorHop, type Anchors } from '../../graph/kinds/anchor';
import { PER_VALUE_COLUMNS, type FacetDeclaration } from '../../graph/kinds/facet';
import type { Relationships } from '../../graph/kinds/relationship';
import { relationshipAnchors } from '../../graph/kinds/relationship-pages';
import type { TemplatePart } from './cypher-part';

/**
 * The anchors and facets kinds declare (src/graph/kinds/anchor.ts, facet.ts) as parts of a page: an anchor
 * is the template cypher/fragments/common/anchor-by-key or anchor-by-field-id, a condition condition-by-key, a
 * facet facet-per-sdg or facet-per-value, their holes filled with the declaration's labels, key, property and
 * path. kindPageSpec makes them from the declarations it reads, so no name is looked up to find them.
 * Declarations are code, never a request's text; each name filled in is still checked to be an identifier.
 */

/** A declared anchor of `label` as a part: its name is the one a file of the kind's folder would have. */
export function declaredAnchorPart(label: NodeLabel, condition: string, anchor: AnchorDeclaration): TemplatePart {
  return {
    name: `fragments/${NODE_LABELS[label]}/anchor-${condition}`,
    compose: (source) => declaredAnchor(source, label, anchor),
  };
}

/** A declared anchor's condition as a part (`fragments/<folder>/<condition>`). */
export function declaredConditionPart(label: NodeLabel, condition: string, anchor: AnchorDeclaration): TemplatePart {
  return {
    name: `fragments/${NODE_LABELS[label]}/${condition}`,
    compose: (source) => declaredCondition(source, anchor),
  };
}

/** The anchors of `A` that declare a condition: the names a filter can test through the template. */
export type DeclaredConditionName<A extends Anchors> = {
  [K in keyof A]: A[K] extends { readonly condition: object } ? K : never;
}[keyof A] &
  string;

/**
 * The condition `condition` of the kind's declared anchors as a part, the name checked by tsc against the
 * declaration (`declaredConditionIn('Measure', MEASURE_ANCHORS, 'departments')`).
 */
export function declaredConditionIn<A extends Anchors>(
  label: NodeLabel,
  anchors: A,
  condition: DeclaredConditionName<A>,
): TemplatePart {
  const anchor = anchors[condition];
  if (anchor?.condition === undefined) throw new Error(`${label} declares no condition ${condition}`);
  return declaredConditionPart(label, condition, anchor);
}

/** The relationships of `R` that declare a filter: the names whose condition a filter can test. */
export type FilteredRelationshipName<R extends Relationships> = {
  [K in keyof R]: R[K] extends { readonly filter: string } ? K : never;
}[keyof R] &
  string;

/**
 * The condition of a relationship's filter as a part, the relationship's name checked by tsc against the
 * declaration (`relationshipConditionIn('Measure', MEASURE_RELATIONSHIPS, 'reformSheets')`): the anchor the
 * filter makes (src/graph/kinds/relationship-pages.ts) walked back from the node.
 */
export function relationshipConditionIn<R extends Relationships>(
  label: NodeLabel,
  relationships: R,
  relationship: FilteredRelationshipName<R>,
): TemplatePart {
  const made = Object.entries(relationshipAnchors(relationships)).find(
    ([, anchor]) => anchor.condition?.filter?.field === relationship,
  );
  if (made === undefined) throw new Error(`${label}.${relationship} declares no filter`);
  const [condition, anchor] = made;
  return declaredConditionPart(label, condition, anchor);
}

/** A declared facet as a part (`fragments/<folder>/facet-<name>`). */
export function declaredFacetPart(label: NodeLabel, name: string, facet: FacetDeclaration): TemplatePart {
  return { name: `fragments/${NODE_LABELS[label]}/facet-${name}`, compose: (source) => declaredFacet(source, facet) };
}

function identifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not an identifier in a declared anchor: ${name}`);
  return name;
}

function hopText(hop: AnchorHop, name = ''): string {
  const types = hop.types.map(identifier).join('|');
  const arrow = hop.direction === 'out' ? `-[:${types}]->` : `<-[:${types}]-`;
  if (hop.to === undefined) return arrow;
  return `${arrow}(${name === '' ? '' : identifier(name)}:${identifier(hop.to)})`;
}

/** A node on a path the pattern names (`m`: a condition tests it), by the index of the hop reaching it. */
export interface NamedNode {
  readonly at: number;
  readonly as: string;
}

/**
 * A declared path, hop by hop, as a pattern's middle (`<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->`): the
 * last hop arrives at the pattern's end node, which the template writes, so it names no label. `named` gives
 * one node on the way a variable (`(m:Measure)`).
 */
export function pathOf(hops: readonly AnchorHop[], named?: NamedNode): string {
  const last = hops.at(-1);
  if (last === undefined || last.to !== undefined) throw new Error('an anchor path ends with a hop to n (no `to`)');
  if (hops.slice(0, -1).some((hop) => hop.to === undefined))
    throw new Error('every hop of an anchor path but the last names the label it reaches');
  return hops.map((hop, at) => hopText(hop, named?.at === at ? named.as : '')).join('');
}

/** The path from `a` to `n` of a declared anchor. */
export function anchorPath(anchor: AnchorDeclaration): string {
  return pathOf(anchor.hops);
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

/** The declared facet's Cypher, from its template. */
export function declaredFacet(source: CypherSource, facet: FacetDeclaration): Cypher {
  if ('perSdg' in facet) {
    return source.part('fragments/common/facet-per-sdg').bind(naming('hole', { path: pathOf(facet.perSdg) }));
  }
  return source
    .part('fragments/common/facet-per-value')
    .bind(naming('hole', { property: identifier(facet.perValueOf), as: PER_VALUE_COLUMNS[facet.counted] }));
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
