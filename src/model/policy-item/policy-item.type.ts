import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graph/node.interface';
import { sourceOf } from '../../graph/node-mapping';
import { Source } from '../../graph/source.type';
import type { NodeProperties } from '../../read/graph-loaders';
import { mapNode } from '../../graph/map-node';
import { assembledFields, DeclaredFields, declaredNode, storedAsIsOf } from '../../graph/kinds/declared-fields';
import { POLICY_ITEM_ATTRIBUTES } from '../../graph/kinds/policy-item.kind';
import type { StoredNode } from '../../graph/node-properties';
import { SatisfactionRate, Survey } from './survey.type';

// Its attributes (code, names, visions, its number within the field …) are declared in policy-item.kind.ts.
@DeclaredFields(POLICY_ITEM_ATTRIBUTES)
@ObjectType({
  implements: Node,
  description:
    'Policy item (施策大項目), e.g. 5-1 市民との協働によるまちづくりの推進. Items of fields 5 and 6 are described in detail; items of fields 1–4 are known by code and name only.',
})
export class PolicyItem extends declaredNode(Node, POLICY_ITEM_ATTRIBUTES) {
  @Field(() => Survey, { nullable: true, description: 'Citizen survey results (市民アンケート結果).' })
  survey!: Survey | null;

  @Field(() => SatisfactionRate, { nullable: true, description: 'Citizen satisfaction rate (市民満足度).' })
  satisfactionRate!: SatisfactionRate | null;

  @Field(() => Source, { nullable: true, description: 'Where the item is described.' })
  source!: Source | null;

  fieldNumber!: number;
  sortKey!: string;

  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = ['sortKey', 'fieldNumber', ...storedAsIsOf(POLICY_ITEM_ATTRIBUTES)] as const;

  static from(this: void, row: NodeProperties): PolicyItem {
    return mapNode(PolicyItem, 'PolicyItem', row, PolicyItem.storedAsIs, (p) =>
      Object.assign(assembledFields(POLICY_ITEM_ATTRIBUTES, p), {
        survey: surveyOf(p),
        satisfactionRate: satisfactionRateOf(p),
        source: sourceOf(p),
      }),
    );
  }
}

function surveyOf(p: StoredNode<'PolicyItem'>): Survey | null {
  const question = p.surveyQuestion;
  if (question === null) return null;
  return {
    question,
    points: p.surveyYearLabels.map((label, i) => ({
      year: { label, year: p.surveyYears[i] ?? 0 },
      satisfaction: p.surveySatisfaction[i] ?? null,
      importance: p.surveyImportance[i] ?? null,
    })),
    satisfactionRank: p.satisfactionRank,
    importanceRank: p.importanceRank,
    rankOutOf: p.rankOutOf,
  };
}

function satisfactionRateOf(p: StoredNode<'PolicyItem'>): SatisfactionRate | null {
  const question = p.satisfactionRateQuestion;
  const percent = p.satisfactionRatePercent;
  return question !== null && percent !== null ? { question, percent } : null;
}
