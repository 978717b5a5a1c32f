import type { NodeLabel } from '../../graph/graph-model';
import { declaredConditionPart } from '../page/declared-anchors';
import type { AnchorDeclaration, Anchors } from '../../graph/kinds/anchor';
import type { CompileContext } from '../compile-context';
import type { Condition } from '../page/condition';
import { listOf, trimmed } from '../page/filter-conditions';
import { CodesFilter, DepartmentRefsFilter, IdsFilter, INDICATOR_ID, SdgNumbersFilter } from './filter-fields';

/**
 * The filter fields of a kind's relationships declared with a `filter` (`<KIND>_RELATIONSHIPS`,
 * src/graph/kinds/relationship.ts; the anchor it makes carries it as `condition.filter`,
 * src/graph/kinds/relationship-pages.ts): a list of the related nodes' keys with its `All` and `None` siblings, each
 * value checked and read as its key's kind is. The condition is the anchor's (fragments/<folder>/<name>, the
 * relationship's path from the node), so a relationship declared with a filter needs no filter field, no condition
 * line and no Cypher of its own.
 */
interface RelatedKeys {
  /** The GraphQL field with its checks, given the declaration's description. */
  readonly field: (description: string) => PropertyDecorator;
  /** A value as given into what the key holds; `path` names the value in errors. */
  readonly read: (value: never, path: string, ctx: Pick<CompileContext, 'departments'>) => unknown;
}

const AS_GIVEN: RelatedKeys['read'] = (value) => value;

/** How each related key a relationship filter may name is given and read, by `Label.key`. */
const RELATED_KEYS: Readonly<Record<string, RelatedKeys>> = {
  'Measure.code': { field: (description) => CodesFilter('measure', description), read: trimmed },
  'PolicyItem.code': { field: (description) => CodesFilter('policyItem', description), read: trimmed },
  'ReformSheet.code': { field: (description) => CodesFilter('reformSheet', description), read: trimmed },
  'Indicator.id': {
    field: (description) => IdsFilter(INDICATOR_ID.pattern, INDICATOR_ID.example, description),
    read: trimmed,
  },
  'Sdg.number': { field: SdgNumbersFilter, read: AS_GIVEN },
  // A department by id, Japanese or English name, or English words, as every department filter takes it.
  'Department.id': {
    field: DepartmentRefsFilter,
    read: (ref: string, path, ctx) => ctx.departments.idOf(ref, path),
  },
};

/** The declared relationship filters of `anchors`, each with how its values are given and read. */
function filtersOf(anchors: Anchors) {
  return Object.entries(anchors).flatMap(([condition, anchor]: [string, AnchorDeclaration]) => {
    const filter = anchor.condition?.filter;
    if (filter === undefined) return [];
    const keys = RELATED_KEYS[`${anchor.from}.${anchor.key}`];
    if (keys === undefined)
      throw new Error(`${condition}: a relationship filter by ${anchor.from}.${anchor.key} is not declared here`);
    return [{ condition, anchor, filter, keys }];
  });
}

/** Adds the filter fields of the kind's declared relationships to its filter input class. */
export function DeclaredRelationshipFilters(anchors: Anchors): ClassDecorator {
  const filters = filtersOf(anchors);
  return (target) => {
    for (const { filter, keys } of filters) keys.field(filter.description)(target.prototype as object, filter.field);
  };
}

/** The conditions the declared relationship filters of `filter` ask for (`label`'s declared conditions). */
export async function declaredRelationshipConditions(
  label: NodeLabel,
  anchors: Anchors,
  filter: object,
  ctx: Pick<CompileContext, 'departments'>,
  path: string,
): Promise<Condition[]> {
  const conditions = await Promise.all(
    filtersOf(anchors).map(({ condition, anchor, filter: declared, keys }) =>
      listOf(declaredConditionPart(label, condition, anchor), null, filter, declared.field, path, (value, at) =>
        keys.read(value, at, ctx),
      ),
    ),
  );
  return conditions.flat();
}
