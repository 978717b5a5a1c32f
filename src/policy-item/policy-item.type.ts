import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../common/node.interface';
import { sourceOf } from '../common/node-mapping';
import { Source } from '../common/source.type';
import type { NodeProperties } from '../graph/graph-loaders';
import { SatisfactionRate, Survey } from './survey.type';

@ObjectType({
  implements: Node,
  description:
    'Policy item (施策大項目), e.g. 5-1 市民との協働によるまちづくりの推進. Items of fields 5 and 6 are described in detail; items of fields 1–4 are known by code and name only.',
})
export class PolicyItem extends Node {
  @Field({ description: 'Code `field-number`, e.g. `5-1`.' })
  code!: string;

  @Field(() => Int, { description: 'Number within its field.' })
  number!: number;

  @Field({ description: 'Name in the next plan (後期基本計画).' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Name in the current plan, when the next plan renames the item.',
  })
  previousName!: string | null;

  @Field({ description: 'True for items the documents describe in detail (fields 5 and 6).' })
  detailed!: boolean;

  @Field(() => [String], { description: 'Visions (めざす姿): what the city aims to look like.' })
  visions!: string[];

  @Field(() => [String], { description: 'Collaboration (協働による取組): what citizens, groups and companies can do.' })
  collaboration!: string[];

  @Field(() => Survey, { nullable: true, description: 'Citizen survey results (市民アンケート結果).' })
  survey!: Survey | null;

  @Field(() => SatisfactionRate, { nullable: true, description: 'Citizen satisfaction rate (市民満足度).' })
  satisfactionRate!: SatisfactionRate | null;

  @Field(() => Source, { nullable: true, description: 'Where the item is described.' })
  source!: Source | null;

  fieldNumber!: number;
  sortKey!: string;

  static from(this: void, p: NodeProperties): PolicyItem {
    return Object.assign(new PolicyItem(), {
      kind: 'PolicyItem',
      id: p.string('id'),
      sortKey: p.string('sortKey'),
      code: p.string('code'),
      number: p.number('number'),
      fieldNumber: p.number('fieldNumber'),
      name: p.string('name'),
      previousName: p.optionalString('previousName'),
      detailed: p.boolean('detailed'),
      visions: p.strings('visions'),
      collaboration: p.strings('collaboration'),
      survey: surveyOf(p),
      satisfactionRate: satisfactionRateOf(p),
      source: sourceOf(p),
    });
  }
}

function surveyOf(p: NodeProperties): Survey | null {
  const question = p.optionalString('surveyQuestion');
  if (question === null) return null;
  const labels = p.strings('surveyYearLabels');
  const years = p.numbers('surveyYears');
  const satisfaction = p.numbers('surveySatisfaction');
  const importance = p.numbers('surveyImportance');
  return {
    question,
    points: labels.map((label, i) => ({
      year: { label, year: years[i] ?? 0 },
      satisfaction: satisfaction[i] ?? null,
      importance: importance[i] ?? null,
    })),
    satisfactionRank: p.optionalNumber('satisfactionRank'),
    importanceRank: p.optionalNumber('importanceRank'),
    rankOutOf: p.optionalNumber('rankOutOf'),
  };
}

function satisfactionRateOf(p: NodeProperties): SatisfactionRate | null {
  const question = p.optionalString('satisfactionRateQuestion');
  const percent = p.optionalNumber('satisfactionRatePercent');
  return question !== null && percent !== null ? { question, percent } : null;
}
