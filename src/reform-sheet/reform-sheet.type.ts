import { Field, Int, ObjectType } from 'type-graphql';
import { FiscalYear } from '../common/fiscal-year.type';
import { Node } from '../common/node.interface';
import { fiscalYearOf, sourceOf } from '../common/node-mapping';
import { Source } from '../common/source.type';
import type { NodeProperties } from '../graph/graph-loaders';

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

  @Field(() => Source, { nullable: true, description: 'Where the sheet starts.' })
  source!: Source | null;

  sortKey!: string;
  areaNumber!: number;

  static from(this: void, p: NodeProperties): ReformSheet {
    const labels = p.strings('yearlyTargetLabels');
    const years = p.numbers('yearlyTargetYears');
    const texts = p.strings('yearlyTargetTexts');
    return Object.assign(new ReformSheet(), {
      kind: 'ReformSheet',
      id: p.string('id'),
      sortKey: p.string('sortKey'),
      code: p.string('code'),
      areaNumber: p.number('areaNumber'),
      number: p.number('number'),
      name: p.string('name'),
      partnerGroups: p.strings('partnerGroups'),
      collectiveTerms: [...p.strings('executingTerms'), ...p.strings('partnerTerms')],
      startYear: { label: p.string('startYearLabel'), year: p.number('startYear') },
      targetYear: fiscalYearOf(p.optionalString('targetYearLabel'), p.optionalNumber('targetYear')),
      viewpoint: p.string('viewpoint'),
      unresolvedMeasureNames: p.strings('unresolvedMeasureNames'),
      yearlyTargets: labels.map((label, i) => ({ year: { label, year: years[i] ?? 0 }, text: texts[i] ?? '' })),
      evaluation: p.optionalString('evaluation'),
      notes: p.optionalString('notes'),
      source: sourceOf(p),
    });
  }
}
