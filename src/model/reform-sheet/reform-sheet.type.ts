import { Field, Int, ObjectType } from 'type-graphql';
import { FiscalYear } from '../../graph/fiscal-year.type';
import { Node } from '../../graph/node.interface';
import { sourceOf } from '../../graph/node-mapping';
import { Source } from '../../graph/source.type';
import type { NodeProperties } from '../../read/graph-loaders';
import { mapNode } from '../../graph/map-node';

@ObjectType({ description: 'Target of a reform sheet for one fiscal year.' })
export class YearlyTarget {
  @Field(() => FiscalYear, { description: 'The fiscal year (R5–R9).' })
  year!: FiscalYear;

  @Field({ description: 'The target as written.' })
  text!: string;
}

@ObjectType({ implements: Node, description: 'Administrative-reform implementation sheet (実施計画シート), e.g. 1-6.' })
export class ReformSheet extends Node {
  @Field({ description: 'Code `area-number`, e.g. `1-6` (names repeat across sheets; codes do not).' })
  code!: string;

  @Field(() => Int, { description: 'Number within its area.' })
  number!: number;

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

  @Field(() => FiscalYear, { description: 'Start fiscal year (開始年度).' })
  startYear!: FiscalYear;

  @Field(() => FiscalYear, { nullable: true, description: 'Target fiscal year (目標年度).' })
  targetYear!: FiscalYear | null;

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

  @Field(() => Int, {
    nullable: true,
    description: "Page of the sheet in the printed document, from the table of contents' 頁 column.",
  })
  page!: number | null;

  @Field(() => Source, { nullable: true, description: 'Where the sheet starts.' })
  source!: Source | null;

  sortKey!: string;
  areaNumber!: number;

  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = [
    'sortKey',
    'code',
    'areaNumber',
    'number',
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
    'page',
  ] as const;

  static from(this: void, row: NodeProperties): ReformSheet {
    return mapNode(ReformSheet, 'ReformSheet', row, ReformSheet.storedAsIs, (p) => ({
      partnerGroups: [...p.partnerGroups],
      collectiveTerms: [...p.executingTerms, ...p.partnerTerms],
      startYear: { label: p.startYearLabel, year: p.startYear },
      targetYear: { label: p.targetYearLabel, year: p.targetYear },
      unresolvedMeasureNames: [...p.unresolvedMeasureNames],
      yearlyTargets: p.yearlyTargetLabels.map((label, i) => ({
        year: { label, year: p.yearlyTargetYears[i] ?? 0 },
        text: p.yearlyTargetTexts[i] ?? '',
      })),
      source: sourceOf(p),
    }));
  }
}
