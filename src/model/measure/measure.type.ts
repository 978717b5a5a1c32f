import { Field, ObjectType } from 'type-graphql';
import { ChangeStatus } from '../../graph/enums';
import { Node } from '../../graph/node.interface';
import { sourceOf } from '../../graph/node-mapping';
import { Source } from '../../graph/source.type';
import type { NodeProperties } from '../../read/graph-loaders';
import { mapNode } from '../../graph/map-node';
import { DeclaredFields, declaredNode, storedAsIsOf } from '../../graph/properties/declared-fields';
import { MEASURE_PROPERTIES } from '../../graph/properties/measure.properties';

// The numbers (its number within the policy item …) are declared in measure.properties.ts.
@DeclaredFields(MEASURE_PROPERTIES)
@ObjectType({ implements: Node, description: 'Mid-level measure (施策中項目) of a policy item, e.g. 5-1-3.' })
export class Measure extends declaredNode(Node, MEASURE_PROPERTIES) {
  @Field({
    description: 'Code `field-item-number`, e.g. `5-1-3`; a deleted measure has no number and a code such as `5-6-d3`.',
  })
  code!: string;

  @Field({ description: 'Name in the next plan.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Name in the current plan, when the next plan renames the measure.',
  })
  previousName!: string | null;

  @Field(() => String, { nullable: true, description: 'Description (内容) in the next plan.' })
  description!: string | null;

  @Field(() => ChangeStatus, { description: 'Change mark of the draft revision sheet.' })
  status!: ChangeStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Why the draft revision sheet deletes the measure (削除理由), as written; null unless DELETED.',
  })
  deletionReason!: string | null;

  @Field(() => [String], { description: 'Collective terms (e.g. 関係各課) named as responsible besides departments.' })
  responsibleTerms!: string[];

  @Field(() => Source, { nullable: true, description: 'Where the measure is described.' })
  source!: Source | null;

  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = [
    'sortKey',
    'code',
    'name',
    'previousName',
    'description',
    'deletionReason',
    ...storedAsIsOf(MEASURE_PROPERTIES),
  ] as const;

  static from(this: void, row: NodeProperties): Measure {
    return mapNode(Measure, 'Measure', row, Measure.storedAsIs, (p) => ({
      status: ChangeStatus[p.status],
      responsibleTerms: [...p.responsibleTerms],
      source: sourceOf(p),
    }));
  }

  sortKey!: string;
}
