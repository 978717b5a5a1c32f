import { naming, type Cypher, type Slot } from '../../db/cypher';
import type { CypherFile } from '../../db/cypher-files';
import { CypherRegistry, isCypherFile } from '../../db/cypher-registry';
import { fragmentOf, HOP_VARIABLES, singleHopScope, type Hop } from '../relationships';
import {
  declaredAnchor,
  declaredAnchorOf,
  declaredCondition,
  declaredConditionOf,
  declaredFacet,
  declaredFacetOf,
} from './declared-anchors';

/**
 * The fixed pieces compiled statements are assembled from: files of cypher/fragments/, read once, as the
 * registry keeps them (header comments and indentation dropped), each a part whose parameters are slots
 * (src/db/cypher.ts) and whose `{{fragments/…}}` marks are the included fragments.
 */
let registry: CypherRegistry | undefined;

export function fragment(name: string): Cypher {
  if (!name.startsWith('fragments/')) throw new Error(`not a fragment of cypher/fragments/: ${name}`);
  registry ??= CypherRegistry.load();
  const anchor = declaredAnchorOf(name);
  if (anchor) return declaredAnchor(registry, anchor.label, anchor.anchor);
  const facet = declaredFacetOf(name);
  if (facet) return declaredFacet(registry, facet);
  const condition = declaredConditionOf(name);
  if (condition) return declaredCondition(registry, condition);
  const declared = DECLARED_ATTRIBUTE.exec(name);
  if (declared) {
    const [, template = '', property = ''] = declared;
    return registry.part(TEMPLATE_FILES[template as AttributeTemplate]).bind(naming('hole', { property }));
  }
  if (!isCypherFile(name)) throw new Error(`no Cypher file cypher/${name}.cypher`);
  return registry.part(name);
}

/**
 * One template serves every declared attribute (src/graph/properties/) of a use: `fragments/common/property.startYear`
 * is cypher/fragments/common/property.cypher (a number as a sort value, filter quantity or aggregate) with its
 * hole `$($property)` filled by `startYear`; `text-in` and `text-contains` are a declared text's conditions.
 * The name is the declaration's, an identifier by this pattern, so no text from a request ever reaches the hole.
 */
export const ATTRIBUTE_TEMPLATES = ['property', 'text-in', 'text-contains'] as const;
export type AttributeTemplate = (typeof ATTRIBUTE_TEMPLATES)[number];
const TEMPLATE_FILES = {
  property: 'fragments/common/property',
  'text-in': 'fragments/common/text-in',
  'text-contains': 'fragments/common/text-contains',
} as const satisfies Record<AttributeTemplate, CypherFile>;
const DECLARED_ATTRIBUTE = new RegExp(`^fragments/common/(${ATTRIBUTE_TEMPLATES.join('|')})\\.([A-Za-z][A-Za-z0-9]*)$`);

/** The fragment of a declared attribute stored as `property` through `template`. */
export function declaredFragment(template: AttributeTemplate, property: string): string {
  const name = `fragments/common/${template}.${property}`;
  if (!DECLARED_ATTRIBUTE.test(name)) throw new Error(`not a declared attribute name: ${property}`);
  return name;
}

/** The quantity (and sort value) fragment of a declared number stored as `property`. */
export function propertyQuantity(property: string): string {
  return declaredFragment('property', property);
}

/** A fragment whose `$value` parameter is bound to `parameter`, so one statement can use it often. */
export function fragmentWithParameter(name: string, parameter: Slot): Cypher {
  return fragment(name).bind(naming('param', { value: parameter }));
}

/**
 * The scope of a nested connection over a relationship field's hop: binds `parent` (each id of `$parents`)
 * and `n` (its related nodes). A path goes through the same fragment the field's loader and the selection
 * compiler use (cypher/projection/scope-by-relationship), so the connection pages the nodes the plain list
 * lists; a single hop is the same relationship type and label as one pattern from the parent's id
 * (cypher/projection/scope-by-outgoing|incoming), without the subquery per parent the path needs: that
 * subquery was most of what a nested aggregate cost beyond raw Cypher (see compile-counts-page.ts).
 */
export function relationshipScope(hop: Hop): Cypher {
  const source = (registry ??= CypherRegistry.load());
  if (hop.kind !== 'path') return singleHopScope(source, hop);
  // The hop's `parent` and `node` keep their own names here: the scope's subquery imports `parent` as such.
  const found = fragmentOf(source, hop).bind(naming('variable', Object.fromEntries(HOP_VARIABLES.map((v) => [v, v]))));
  return source.part('projection/scope-by-relationship').bind(naming('hole', { hop: found }));
}
