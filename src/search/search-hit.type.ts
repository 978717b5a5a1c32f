import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../common/node.interface';
import type { NodeLabel } from '../graph/graph-model';

/** Kinds of node a search can be limited to. */
export enum SearchType {
  POLICY_ITEM = 'PolicyItem',
  MEASURE = 'Measure',
  DEPARTMENT = 'Department',
  INDICATOR = 'Indicator',
  PROJECT = 'Project',
  REFORM_SHEET = 'ReformSheet',
  LINKAGE_PLAN = 'LinkagePlan',
  INITIATIVE = 'Initiative',
  SDG = 'Sdg',
}
registerEnumType(SearchType, {
  name: 'SearchType',
  description: 'A kind of node to search.',
  valuesConfig: {
    POLICY_ITEM: { description: 'Policy items (施策大項目).' },
    MEASURE: { description: 'Measures (施策中項目).' },
    DEPARTMENT: { description: 'Departments (Japanese and English names).' },
    INDICATOR: { description: 'Outcome indicators (成果指標).' },
    PROJECT: { description: 'Main projects (主な事業).' },
    REFORM_SHEET: { description: 'Reform sheets (実施計画シート).' },
    LINKAGE_PLAN: { description: 'Linkage plans (政策連携プラン).' },
    INITIATIVE: { description: 'Linkage-plan initiatives (推進のための取組).' },
    SDG: { description: 'SDGs (Japanese and English titles).' },
  },
});

/** The graph label a SearchType stands for (the enum's values are the labels). */
export function labelOf(type: SearchType): NodeLabel {
  return type;
}

@ObjectType({ description: 'One search result: the node, how well it matched, and where.' })
export class SearchHit {
  @Field(() => Node, { description: 'The node found.' })
  node!: Node;

  @Field(() => Float, { description: 'Relevance from the full-text index; 0 for plain substring matches.' })
  score!: number;

  @Field({ description: 'The property that matched, e.g. `name`, `description`, `nameEn`.' })
  field!: string;

  @Field({ description: 'The matched text with some context, e.g. `…の強化と防災意識の高揚…`.' })
  snippet!: string;
}
