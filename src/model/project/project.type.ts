import { Field, Int, ObjectType } from 'type-graphql';
import { ChangeStatus } from '../../graph/enums';
import { Node } from '../../graph/node.interface';
import { sourceOf } from '../../graph/node-mapping';
import { Source } from '../../graph/source.type';
import type { NodeProperties } from '../../read/graph-loaders';
import { mapNode } from '../../graph/map-node';

@ObjectType({ implements: Node, description: 'Main project (主な事業) of a policy item.' })
export class Project extends Node {
  @Field(() => Int, { nullable: true, description: 'Number (①②…) within its policy item; null when deleted.' })
  number!: number | null;

  @Field({ description: 'Name in the next plan.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Name in the current plan, when renamed.' })
  previousName!: string | null;

  @Field(() => String, { nullable: true, description: 'Summary (事業概要) in the next plan.' })
  summary!: string | null;

  @Field(() => ChangeStatus, { description: 'Change mark of the draft revision sheet.' })
  status!: ChangeStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Why the draft revision sheet deletes the project (削除理由), as written; null unless DELETED.',
  })
  deletionReason!: string | null;

  @Field(() => Source, { nullable: true, description: 'Where the project is listed.' })
  source!: Source | null;

  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = ['number', 'name', 'previousName', 'summary', 'deletionReason'] as const;

  static from(this: void, row: NodeProperties): Project {
    return mapNode(Project, 'Project', row, Project.storedAsIs, (p) => ({
      status: ChangeStatus[p.status],
      source: sourceOf(p),
    }));
  }
}
