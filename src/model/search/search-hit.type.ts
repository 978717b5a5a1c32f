import { Field, Float, ObjectType } from 'type-graphql';
import { describedEnum } from '../../graph/described-enum';
import { Node } from '../../graph/node.interface';
import type { NodeLabel } from '../../graph/graph-model';

/** Kinds of node a search can be limited to; each value is the graph label it stands for. */
export const SearchType = describedEnum('SearchType', 'A kind of node to search.', {
  POLICY_ITEM: { value: 'PolicyItem', description: 'Policy items (施策大項目).' },
  MEASURE: { value: 'Measure', description: 'Measures (施策中項目).' },
  DEPARTMENT: { value: 'Department', description: 'Departments (Japanese and English names).' },
  INDICATOR: { value: 'Indicator', description: 'Outcome indicators (成果指標).' },
  PROJECT: { value: 'Project', description: 'Main projects (主な事業).' },
  REFORM_SHEET: { value: 'ReformSheet', description: 'Reform sheets (実施計画シート).' },
  LINKAGE_PLAN: { value: 'LinkagePlan', description: 'Linkage plans (政策連携プラン).' },
  INITIATIVE: { value: 'Initiative', description: 'Linkage-plan initiatives (推進のための取組).' },
  SDG: { value: 'Sdg', description: 'SDGs (Japanese and English titles).' },
});
export type SearchType = (typeof SearchType)[keyof typeof SearchType];

/** The graph label a SearchType stands for (the enum's values are the labels). */
export function labelOf(type: SearchType): NodeLabel {
  return type;
}

@ObjectType({ description: 'One search result: the node, how well it matched, and where.' })
export class SearchHit {
  @Field(() => Node, { description: 'The node found.' })
  readonly node: Node;

  @Field(() => Float, { description: 'Relevance from the full-text index; 0 for plain substring matches.' })
  readonly score: number;

  private located: { field: string; snippet: string } | undefined;

  /**
   * `locate` finds where the text matched. It folds the node's texts character by character, the most
   * expensive part of a hit, so it runs only when `field` or `snippet` is read, once.
   */
  constructor(
    node: Node,
    score: number,
    private readonly locate: () => { field: string; snippet: string },
  ) {
    this.node = node;
    this.score = score;
  }

  @Field({ description: 'The property that matched, e.g. `name`, `description`, `nameEn`.' })
  get field(): string {
    return this.match().field;
  }

  @Field({ description: 'The matched text with some context, e.g. `…の強化と防災意識の高揚…`.' })
  get snippet(): string {
    return this.match().snippet;
  }

  private match(): { field: string; snippet: string } {
    this.located ??= this.locate();
    return this.located;
  }
}
