import { IsOptional, ValidateNested } from 'class-validator';
import { Field } from 'type-graphql';
import type { Anchors } from '../../graph/kinds/anchor';
import { isNumberAttribute, type Attributes } from '../../graph/kinds/attribute';
import type { Condition } from '../page/condition';
import { propertyQuantity } from '../page/fragments';
import { DeclaredRelationshipFilters } from './declared-relationship-filters';
import { comparisons, NumberComparison } from './number-comparison';
import { TextMatch, textMatches } from './text-match';

/**
 * The filters of a node type's declared attributes (src/graph/kinds/): the filter input class takes the
 * decorator `@DeclaredFilters(ATTRIBUTES)`, one field per filterable attribute named like it (a number's a
 * NumberComparison, a text's a TextMatch), and the kind's conditions add `declaredComparisons`: each
 * comparison on the stored number (cypher/fragments/common/property.cypher; a fiscal year compares its
 * Gregorian year), each text match on the stored text (common/text-in.cypher, common/text-contains.cypher).
 * Given the kind's anchors, it adds the filters of its declared relationships too (declared-relationship-filters.ts),
 * whose conditions `declaredRelationshipConditions` adds.
 */
export function DeclaredFilters(attributes: Attributes, anchors: Anchors = {}): ClassDecorator {
  const relationshipFilters = DeclaredRelationshipFilters(anchors);
  return (target) => {
    relationshipFilters(target);
    const prototype = target.prototype as object;
    for (const [name, attribute] of Object.entries(attributes)) {
      if (attribute.filter === undefined) continue;
      if (!isNumberAttribute(attribute) && attribute.type !== 'String')
        throw new Error(`${name}: only numbers and texts can be declared filterable`);
      const input = isNumberAttribute(attribute) ? NumberComparison : TextMatch;
      Field(() => input, { nullable: true, description: attribute.filter })(prototype, name);
      IsOptional()(prototype, name);
      ValidateNested()(prototype, name);
    }
  };
}

/** The conditions the declared filters of `filter` (an input of a class DeclaredFilters decorated) ask for. */
export function declaredComparisons(attributes: Attributes, filter: object, path: string): Condition[] {
  const given = filter as Readonly<Record<string, (NumberComparison & TextMatch) | null | undefined>>;
  return Object.entries(attributes).flatMap(([name, attribute]) => {
    if (attribute.filter === undefined) return [];
    return isNumberAttribute(attribute)
      ? comparisons(propertyQuantity(name), given[name], `${path}.${name}`)
      : textMatches(name, given[name], `${path}.${name}`);
  });
}
