import { SheetRole } from '../../graph/enums';
import { REFORM_SHEET_ANCHORS, REFORM_SHEET_ATTRIBUTES } from '../../graph/properties/reform-sheet.properties';
import { declaredComparisons } from '../../read/filter/declared-filters';
import { declaredRelationshipConditions } from '../../read/filter/declared-relationship-filters';
import { foldedText } from '../../read/filter/text-filter';
import type { CompileContext } from '../../read/compile-context';
import { matches, type Condition } from '../../read/page/condition';
import { grade, departmentsOf, listOf, trimmed, withNotAndOr } from '../../read/page/filter-conditions';
import type { CypherPart } from '../../read/page/cypher-part';
import { declaredConditionIn } from '../../read/page/declared-anchors';
import type { ReformSheetFilter } from './reform-sheet.filter';

const DEPARTMENT_BY_ROLE: Record<SheetRole, CypherPart> = {
  [SheetRole.EXECUTING]: declaredConditionIn('ReformSheet', REFORM_SHEET_ANCHORS, 'executing-departments'),
  [SheetRole.PARTNER]: declaredConditionIn('ReformSheet', REFORM_SHEET_ANCHORS, 'partner-departments'),
  [SheetRole.ANY]: declaredConditionIn('ReformSheet', REFORM_SHEET_ANCHORS, 'departments'),
};

/** A reform-sheet filter as a condition tree. */
export function reformSheetCondition(
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
    ...(await declaredRelationshipConditions('ReformSheet', REFORM_SHEET_ANCHORS, f, ctx, path)),
  ];
  return withNotAndOr(own, f, (sub, subPath) => conditionsOf(sub, ctx, subPath), path);
}
