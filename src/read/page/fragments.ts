import { naming, type Cypher } from '../../db/cypher';
import type { CypherFile } from '../../db/cypher-files';
import type { CypherSource } from '../../db/cypher-registry';
import { fragmentOf, HOP_VARIABLES, singleHopScope, type Hop } from '../declared-relationships';
import type { TemplatePart } from './cypher-part';

/**
 * One template serves every declared attribute (src/graph/kinds/) of a use: the part `property` of
 * `startYear` is cypher/fragments/common/property.cypher (a number as a sort value, filter quantity or
 * aggregate) with its hole `$($property)` filled by `startYear`; `text-in` and `text-contains` are a declared
 * text's conditions. The name filled in is the declaration's, checked to be an identifier, so no text from a
 * request ever reaches the hole.
 */
const ATTRIBUTE_TEMPLATES = {
  property: 'fragments/common/property',
  'text-in': 'fragments/common/text-in',
  'text-contains': 'fragments/common/text-contains',
} as const satisfies Record<string, CypherFile>;
export type AttributeTemplate = keyof typeof ATTRIBUTE_TEMPLATES;

/** The part of a declared attribute stored as `property` through `template`. */
export function declaredFragment(template: AttributeTemplate, property: string): TemplatePart {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(property)) throw new Error(`not a declared attribute name: ${property}`);
  return {
    name: `fragments/common/${template}.${property}`,
    compose: (source) => source.part(ATTRIBUTE_TEMPLATES[template]).bind(naming('hole', { property })),
  };
}

/** The quantity (and sort value) part of a declared number stored as `property`. */
export function propertyQuantity(property: string): TemplatePart {
  return declaredFragment('property', property);
}

/**
 * The scope of a nested connection over a relationship field's hop: binds `parent` (each id of `$parents`)
 * and `n` (its related nodes). A path goes through the same fragment the field's loader and the selection
 * compiler use (cypher/projection/scope-by-relationship), so the connection pages the nodes the plain list
 * lists; a single hop is the same relationship type and label as one pattern from the parent's id
 * (cypher/projection/scope-by-outgoing|incoming), without the subquery per parent the path needs: that
 * subquery was most of what a nested aggregate cost beyond raw Cypher (see compile-counts-page.ts).
 */
export function relationshipScope(source: CypherSource, hop: Hop): Cypher {
  if (hop.kind !== 'path') return singleHopScope(source, hop);
  // The hop's `parent` and `node` keep their own names here: the scope's subquery imports `parent` as such.
  const found = fragmentOf(source, hop).bind(naming('variable', Object.fromEntries(HOP_VARIABLES.map((v) => [v, v]))));
  return source.part('projection/scope-by-relationship').bind(naming('hole', { hop: found }));
}
