import { IsOptional, Matches, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { ARGUMENT_LENGTH, MaxChars } from '../../core/argument-length';
import { SheetRole } from '../../graph/enums';
import { REFORM_SHEET_ANCHORS, REFORM_SHEET_ATTRIBUTES } from '../../graph/kinds/reform-sheet.kind';
import { anchorsOf } from '../../graph/kinds/label-pages';
import type { CompileContext } from '../../read/compile-context';
import { DeclaredFilters, declaredComparisons } from '../../read/filter/declared-filters';
import { declaredRelationshipConditions } from '../../read/filter/declared-relationship-filters';
import { DepartmentCount, EvaluationCount } from '../../read/filter/facet-counts';
import {
  CombinableFilter,
  CodesFilter,
  DepartmentRefFilter,
  DepartmentRefsFilter,
  FieldNumbersFilter,
  NumbersFilter,
  SdgNumberFilter,
  SdgNumbersFilter,
  ShortTextsFilter,
  TextFilter,
} from '../../read/filter/filter-fields';
import { foldedText } from '../../read/filter/text-filter';
import { matches, type Condition } from '../../read/page/condition';
import type { CypherPart } from '../../read/page/cypher-part';
import { declaredConditionIn } from '../../read/page/declared-anchors';
import { grade, departmentsOf, listOf, trimmed, withNotAndOr } from '../../read/page/filter-conditions';
import { pagedKind } from '../../read/page/paged-kind';
import { ReformSheet } from './reform-sheet.type';

// Filters of its declared numbers (start and target years …) and texts follow from reform-sheet.kind.ts.
/** The kind's anchors, those its relationships' filters make among them (label-pages.ts). */
const PAGE_ANCHORS = anchorsOf('ReformSheet');

@DeclaredFilters(REFORM_SHEET_ATTRIBUTES, PAGE_ANCHORS)
@CombinableFilter()
@InputType({ description: 'Conditions on reform sheets; all given conditions must hold (AND).' })
class ReformSheetFilter {
  @Field(() => Int, { nullable: true, description: 'Area number 1–3.' })
  @IsOptional()
  @Min(1)
  @Max(3)
  area?: number;

  @NumbersFilter('Area numbers', 1, 3)
  areas?: number[];

  @DepartmentRefFilter('A department taking part (see `role`): id, Japanese or English name, or English words.')
  department?: string;

  @DepartmentRefsFilter('Departments taking part (see `role`), each as in `department`.')
  departments?: string[];

  @Field(() => SheetRole, { nullable: true, description: "The department's role; default ANY." })
  @IsOptional()
  role?: SheetRole;

  @SdgNumberFilter('SDG number 1–17 touched through the measures the sheet supports.')
  sdg?: number;

  @SdgNumbersFilter('SDG numbers 1–17 touched through the measures the sheet supports.')
  sdgs?: number[];

  @Field({ nullable: true, description: 'Code of a measure the sheet supports, e.g. `5-2-5`.' })
  @IsOptional()
  @MaxChars(ARGUMENT_LENGTH.code)
  @Matches(/^\s*\d-\d{1,2}-(\d{1,2}|d\d{1,2})\s*$/, {
    message: 'measure must be a measure code such as 5-2-5',
    context: { example: '5-2-5' },
  })
  measure?: string;

  @CodesFilter('measure', 'Codes of measures the sheet supports, e.g. `5-2-5`.')
  measures?: string[];

  @FieldNumbersFilter('Field numbers 1–6 of the measures the sheet supports.')
  measureFields?: number[];

  @Field({ nullable: true, description: 'Year-end grade (年度末評価), e.g. `A`.' })
  @IsOptional()
  @MaxChars(ARGUMENT_LENGTH.code)
  evaluation?: string;

  @ShortTextsFilter('Year-end grades (年度末評価), e.g. `C`.')
  evaluations?: string[];

  @TextFilter('Text contained in the sheet (e.g. a viewpoint such as `ICTの積極的な活用`).')
  viewpoint?: string;

  @TextFilter('Text contained in the name (Japanese substrings; width and spacing ignored).')
  text?: string;

  // The fields of @CombinableFilter, for TypeScript.
  and?: ReformSheetFilter[];
  not?: ReformSheetFilter;
  or?: ReformSheetFilter[];
}

const DEPARTMENT_BY_ROLE: Record<SheetRole, CypherPart> = {
  [SheetRole.EXECUTING]: declaredConditionIn('ReformSheet', REFORM_SHEET_ANCHORS, 'executing-departments'),
  [SheetRole.PARTNER]: declaredConditionIn('ReformSheet', REFORM_SHEET_ANCHORS, 'partner-departments'),
  [SheetRole.ANY]: declaredConditionIn('ReformSheet', REFORM_SHEET_ANCHORS, 'departments'),
};

/** A reform-sheet filter as a condition tree. */
function reformSheetCondition(
  filter: ReformSheetFilter | null,
  ctx: Pick<CompileContext, 'departments'>,
): Promise<Condition> {
  return conditionsOf(filter ?? {}, ctx, 'filter');
}

async function conditionsOf(
  f: ReformSheetFilter,
  ctx: Pick<CompileContext, 'departments'>,
  path: string,
): Promise<Condition> {
  const texts = [foldedText(f.viewpoint), foldedText(f.text)].filter((t): t is string => t !== null);
  const own = [
    ...(await listOf('fragments/reform-sheet/areas', f.area, f, 'areas', path)),
    ...(await departmentsOf(DEPARTMENT_BY_ROLE[f.role ?? SheetRole.ANY], f, ctx.departments, path)),
    ...(await listOf(declaredConditionIn('ReformSheet', REFORM_SHEET_ANCHORS, 'sdgs'), f.sdg, f, 'sdgs', path)),
    ...(await listOf(
      declaredConditionIn('ReformSheet', REFORM_SHEET_ANCHORS, 'measures'),
      f.measure?.trim(),
      f,
      'measures',
      path,
      trimmed,
    )),
    ...(await listOf('fragments/reform-sheet/measure-fields', null, f, 'measureFields', path)),
    ...(await listOf(
      'fragments/reform-sheet/evaluations',
      f.evaluation?.trim().toUpperCase(),
      f,
      'evaluations',
      path,
      grade,
    )),
    ...texts.map((text) => matches('fragments/common/text', text)),
    ...declaredComparisons(REFORM_SHEET_ATTRIBUTES, f, path),
    ...(await declaredRelationshipConditions('ReformSheet', PAGE_ANCHORS, f, ctx, path)),
  ];
  return withNotAndOr(own, f, (sub, subPath) => conditionsOf(sub, ctx, subPath), path);
}

/**
 * The list of reform sheets (実施計画シート), shared by every connection of it: its filter above, its own sort
 * orders and facets below; its anchors, declared sort orders and figures follow from reform-sheet.kind.ts
 * and its statement's parts from cypher/fragments/reform-sheet/ (src/read/page/paged-kind.ts).
 */
export const REFORM_SHEET_LIST = pagedKind({
  type: ReformSheet,
  label: 'ReformSheet',
  folder: 'reform-sheet',
  name: 'reformSheets',
  plural: 'reform sheets',
  attributes: REFORM_SHEET_ATTRIBUTES,
  description: 'A page of reform sheets (実施計画シート) with the total count.',
  // All but measure-fields are declared conditions, exact. Not measure-fields: its anchor goes through the Field
  // node, the condition reads the items' fieldNumber.
  anchors: ['executing-departments', 'partner-departments', 'departments', 'measures', 'sdgs', 'measure-fields'],
  order: {
    code: 'Sheet code `area-number`, numerically; the default order.',
    own: {
      AREA: { part: 'order-area', description: 'Area number.' },
      EVALUATION: {
        part: 'order-evaluation',
        description: 'Year-end grade (年度末評価), A first when ascending; ungraded sheets last.',
      },
    },
  },
  facets: {
    description:
      'Counts over all reform sheets matching the filter (every page), computed only for the facets selected. A ' +
      'sheet has one area and one grade or none (those counts add up to totalCount).',
    counts: {
      evaluations: { count: EvaluationCount, description: 'Per year-end grade, ungraded sheets last.' },
      departments: { count: DepartmentCount, description: 'Per executing department (実行課), most sheets first.' },
    },
  },
  filter: ReformSheetFilter,
  condition: reformSheetCondition,
});
