import { ArrayMaxSize, IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ChangeStatus } from '../../graph/enums';
import { MEASURE_ANCHORS, MEASURE_ATTRIBUTES } from '../../graph/kinds/measure.kind';
import { anchorsOf } from '../../graph/kinds/label-pages';
import type { CompileContext } from '../../read/compile-context';
import { DeclaredFilters, declaredComparisons } from '../../read/filter/declared-filters';
import { declaredRelationshipConditions } from '../../read/filter/declared-relationship-filters';
import { DepartmentCount, FieldCount } from '../../read/filter/facet-counts';
import {
  CombinableFilter,
  CodesFilter,
  DepartmentRefFilter,
  DepartmentRefsFilter,
  FieldNumberFilter,
  FieldNumbersFilter,
  PolicyItemCodeFilter,
  SdgNumberFilter,
  SdgNumbersFilter,
  ShortTextsFilter,
  TextFilter,
  MAX_ANY_OF,
} from '../../read/filter/filter-fields';
import { foldedText } from '../../read/filter/text-filter';
import { all, holds, matches, type Condition } from '../../read/page/condition';
import { declaredConditionIn } from '../../read/page/declared-anchors';
import { anyOf, grade, departmentsOf, listOf, trimmed, withNotAndOr } from '../../read/page/filter-conditions';
import { pagedKind } from '../../read/page/paged-kind';
import { Measure } from './measure.type';

// Filters of its declared numbers and texts follow from measure.kind.ts (none filterable yet).
/** The kind's anchors, those its relationships' filters make among them (label-pages.ts). */
const PAGE_ANCHORS = anchorsOf('Measure');

@DeclaredFilters(MEASURE_ATTRIBUTES, PAGE_ANCHORS)
@CombinableFilter()
@InputType({ description: 'Conditions on measures; all given conditions must hold (AND).' })
class MeasureFilter {
  @SdgNumberFilter('SDG number 1–17 the measure touches (through its policy item).')
  sdg?: number;

  @SdgNumbersFilter('SDG numbers 1–17 the measure touches (through its policy item).')
  sdgs?: number[];

  @DepartmentRefFilter(
    'A responsible department: id, Japanese or English name, or English words (`citizen activity division`).',
  )
  department?: string;

  @DepartmentRefsFilter('Responsible departments, each as in `department`.')
  departments?: string[];

  @PolicyItemCodeFilter()
  policyItem?: string;

  @CodesFilter('policyItem', 'Policy item codes, e.g. `5-1`.')
  policyItems?: string[];

  @FieldNumberFilter()
  field?: number;

  @FieldNumbersFilter('Field numbers 1–6.')
  fields?: number[];

  @Field(() => [ChangeStatus], {
    nullable: true,
    description: `Only these change marks (DELETED here includes deleted measures); at most ${MAX_ANY_OF} values.`,
  })
  @IsOptional()
  // Capped like every other list; an empty one stays allowed, as before.
  @ArrayMaxSize(MAX_ANY_OF)
  status?: ChangeStatus[];

  @Field({ nullable: true, description: 'Also list measures the next plan deletes (default false).' })
  @IsOptional()
  includeDeleted?: boolean;

  @TextFilter('Text contained in the name or description (Japanese substrings; width and spacing ignored).')
  text?: string;

  @ShortTextsFilter('Year-end grades (年度末評価, e.g. `C`) of a reform sheet supporting the measure.')
  sheetEvaluations?: string[];

  // The fields of @CombinableFilter, for TypeScript.
  and?: MeasureFilter[];
  not?: MeasureFilter;
  or?: MeasureFilter[];
}

/**
 * A measure filter as a condition tree. Deleted measures are left out unless the filter asks for them
 * (`includeDeleted`, or DELETED named in a `status` anywhere in it), as before `or`/`not` existed.
 */
async function measureCondition(
  filter: MeasureFilter | null,
  ctx: Pick<CompileContext, 'departments'>,
): Promise<Condition> {
  const f = filter ?? {};
  const own = await conditionsOf(f, ctx, 'filter');
  return f.includeDeleted === true || namesDeleted(f) ? own : all([own, holds('fragments/measure/listed')]);
}

async function conditionsOf(
  f: MeasureFilter,
  ctx: Pick<CompileContext, 'departments'>,
  path: string,
): Promise<Condition> {
  const text = foldedText(f.text);
  const own = [
    ...(await listOf('fragments/common/item-sdgs', f.sdg, f, 'sdgs', path)),
    ...(await departmentsOf(declaredConditionIn('Measure', MEASURE_ANCHORS, 'departments'), f, ctx.departments, path)),
    ...(await listOf('fragments/common/item-codes', f.policyItem?.trim(), f, 'policyItems', path, trimmed)),
    ...(await listOf('fragments/common/item-fields', f.field, f, 'fields', path)),
    ...anyOf('fragments/measure/statuses', null, f.status),
    ...(await listOf('fragments/measure/sheet-evaluations', null, f, 'sheetEvaluations', path, grade)),
    ...(text === null ? [] : [matches('fragments/common/text', text)]),
    ...declaredComparisons(MEASURE_ATTRIBUTES, f, path),
    ...(await declaredRelationshipConditions('Measure', PAGE_ANCHORS, f, ctx, path)),
  ];
  return withNotAndOr(own, f, (sub, subPath) => conditionsOf(sub, ctx, subPath), path);
}

function namesDeleted(f: MeasureFilter): boolean {
  return (
    (f.status?.includes(ChangeStatus.DELETED) ?? false) ||
    (f.not !== undefined && f.not !== null && namesDeleted(f.not)) ||
    (f.or ?? []).some(namesDeleted) ||
    (f.and ?? []).some(namesDeleted)
  );
}

/**
 * The list of measures (施策中項目), shared by every connection of it: its filter above, its own sort orders,
 * facets and figures below; its anchors, declared sort orders and figures follow from measure.kind.ts
 * and its statement's parts from cypher/fragments/measure/ (src/read/page/paged-kind.ts).
 */
export const MEASURE_LIST = pagedKind({
  type: Measure,
  label: 'Measure',
  folder: 'measure',
  name: 'measures',
  plural: 'measures',
  attributes: MEASURE_ATTRIBUTES,
  description: 'A page of measures (施策中項目) with the total count.',
  inPolicyItem: true,
  order: {
    code: 'Measure code, numerically (5-2 before 5-10); the default order.',
    own: {
      STATUS: {
        part: 'order-status',
        description: 'Change mark, newest first when ascending: NEW, CHANGED, UNCHANGED, DELETED.',
      },
      FIELD: { part: 'order-field', description: 'Number of the field the measure belongs to.' },
      DEPARTMENT_COUNT: {
        part: 'order-department-count',
        description: 'How many departments are responsible for the measure.',
      },
    },
  },
  facets: {
    description:
      'Counts over all measures matching the filter (every page), computed only for the facets selected. A measure ' +
      'belongs to one field and has one status (those counts add up to totalCount); it may touch several SDGs ' +
      'and have several departments.',
    counts: {
      departments: { count: DepartmentCount, description: 'Per responsible department, most measures first.' },
      fields: { count: FieldCount, description: 'Per field, by field number.' },
    },
  },
  aggregates: {
    departmentCount: {
      quantity: 'order-department-count',
      description: 'How many departments are responsible for each measure.',
    },
  },
  filter: MeasureFilter,
  condition: measureCondition,
});
