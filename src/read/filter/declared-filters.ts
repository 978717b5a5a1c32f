import { IsOptional, ValidateNested } from 'class-validator';
import { Field } from 'type-graphql';
import type { Declaration } from '../../graph/properties/declared-property';
import type { Condition } from '../page/condition';
import { propertyQuantity } from '../page/fragments';
import { comparisons, NumberComparison } from './number-comparison';

/**
 * The filters of a node type's declared numbers (src/graph/properties/): the filter input class takes the
 * decorator `@DeclaredFilters(DECLARATION)`, one NumberComparison field per filterable number named like
 * it, and the kind's conditions add `declaredComparisons`, each comparison on the stored number
 * (cypher/fragments/common/property.cypher). A fiscal year compares its Gregorian year.
 */
export function DeclaredFilters(declaration: Declaration): ClassDecorator {
  return (target) => {
    const prototype = target.prototype as object;
    for (const [name, { filter }] of Object.entries(declaration)) {
      if (filter === undefined) continue;
      Field(() => NumberComparison, { nullable: true, description: filter })(prototype, name);
      IsOptional()(prototype, name);
      ValidateNested()(prototype, name);
    }
  };
}

/** The conditions the declared filters of `filter` (an input of a class DeclaredFilters decorated) ask for. */
export function declaredComparisons(declaration: Declaration, filter: object, path: string): Condition[] {
  const given = filter as Readonly<Record<string, NumberComparison | null | undefined>>;
  return Object.entries(declaration).flatMap(([name, property]) =>
    property.filter === undefined ? [] : comparisons(propertyQuantity(name), given[name], `${path}.${name}`),
  );
}
