import { Field, ObjectType } from 'type-graphql';
import { FiscalYear } from '../../graph/fiscal-year.type';
import { Node } from '../../graph/node.interface';
import { sourceOf } from '../../graph/node-mapping';
import { Source } from '../../graph/source.type';
import type { NodeProperties } from '../../read/graph-loaders';
import { mapNode } from '../../graph/map-node';
import { assembledFields, DeclaredFields, declaredNode, storedAsIsOf } from '../../graph/properties/declared-fields';
import { REFORM_SHEET_PROPERTIES } from '../../graph/properties/reform-sheet.properties';

@ObjectType({ description: 'Target of a reform sheet for one fiscal year.' })
export class YearlyTarget {
  @Field(() => FiscalYear, { description: 'The fiscal year (R5–R9).' })
  year!: FiscalYear;

  @Field({ description: 'The target as written.' })
  text!: string;
}

// The numbers (number, page, start and target years …) are declared in reform-sheet.properties.ts.
@DeclaredFields(REFORM_SHEET_PROPERTIES)
@ObjectType({ implements: Node, description: 'Administrative-reform implementation sheet (実施計画シート), e.g. 1-6.' })
export class ReformSheet extends declaredNode(Node, REFORM_SHEET_PROPERTIES) {
  @Field({ description: 'Code `area-number`, e.g. `1-6` (names repeat across sheets; codes do not).' })
  code!: string;

  @Field({ description: 'Name of the sheet.' })
  name!: string;

  @Field(() => [String], { description: 'Partners that are not city departments (groups, companies).' })
  partnerGroups!: string[];

  @Field({
    description: 'True when the partner list ends with 等 or など ("and others"): the partners named are not all.',
  })
  partnersOpenEnded!: boolean;

  @Field(() => [String], {
    description: 'Collective terms (全庁, 関係各課 …) given as executing or partner, kept as text.',
  })
  collectiveTerms!: string[];

  @Field({ description: 'Viewpoint of the reform (改革の視点).' })
  viewpoint!: string;

  @Field({
    description:
      'The supported-measures cell (総合振興計画 施策中項目) as printed, unsplit: a measure name of fields 1–4 may itself contain 、, which splitting cannot tell apart.',
  })
  supportedMeasuresText!: string;

  @Field(() => String, { nullable: true, description: 'Current situation and issues (現状と課題), as written.' })
  currentSituation!: string | null;

  @Field(() => String, { nullable: true, description: 'What the sheet will do (取組内容), as written.' })
  actions!: string | null;

  @Field(() => String, { nullable: true, description: 'Expected effects (取組の効果), as written.' })
  effects!: string | null;

  @Field(() => [String], {
    description: 'Measure names the sheet cites that no document describes (fields 1–4, a slogan).',
  })
  unresolvedMeasureNames!: string[];

  @Field(() => [YearlyTarget], { description: 'Targets per fiscal year (R5–R9), where given.' })
  yearlyTargets!: YearlyTarget[];

  @Field(() => String, { nullable: true, description: 'Year-end grade (年度末評価, A/B/C); null when not graded yet.' })
  evaluation!: string | null;

  @Field(() => String, { nullable: true, description: 'Notes (備考), including plan changes.' })
  notes!: string | null;

  @Field({ description: 'True when the notes record a change of plan (e.g. `<令和6年度計画変更>`).' })
  planChanged!: boolean;

  @Field(() => Source, { nullable: true, description: 'Where the sheet starts.' })
  source!: Source | null;

  sortKey!: string;
  areaNumber!: number;

  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = [
    'sortKey',
    'code',
    'areaNumber',
    'name',
    'partnersOpenEnded',
    'viewpoint',
    'supportedMeasuresText',
    'currentSituation',
    'actions',
    'effects',
    'evaluation',
    'notes',
    'planChanged',
    ...storedAsIsOf(REFORM_SHEET_PROPERTIES),
  ] as const;

  static from(this: void, row: NodeProperties): ReformSheet {
    return mapNode(ReformSheet, 'ReformSheet', row, ReformSheet.storedAsIs, (p) =>
      Object.assign(assembledFields(REFORM_SHEET_PROPERTIES, p), {
        partnerGroups: [...p.partnerGroups],
        collectiveTerms: [...p.executingTerms, ...p.partnerTerms],
        unresolvedMeasureNames: [...p.unresolvedMeasureNames],
        yearlyTargets: p.yearlyTargetLabels.map((label, i) => ({
          year: { label, year: p.yearlyTargetYears[i] ?? 0 },
          text: p.yearlyTargetTexts[i] ?? '',
        })),
        source: sourceOf(p),
      }),
    );
  }
}
