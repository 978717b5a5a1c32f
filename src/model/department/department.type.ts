import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graph/node.interface';
import { sourceOf } from '../../graph/node-mapping';
import { Source } from '../../graph/source.type';
import type { NodeProperties } from '../../read/graph-loaders';
import type { DepartmentRecord } from '../../read/department-lookup';
import { mapNode } from '../../graph/map-node';

@ObjectType({
  implements: Node,
  description: 'A department, division, office or bureau of the city (課・室・局), e.g. 危機管理課.',
})
export class Department extends Node implements DepartmentRecord {
  @Field({ description: 'Japanese name as the documents write it, e.g. 市民活動推進課.' })
  name!: string;

  @Field({
    description:
      'Reading of the Japanese name in hiragana, e.g. しみんかつどうすいしんか; sort by it (a Japanese collation) for 五十音 order. Reference data (seed/reference/departments.yaml): the documents print no readings.',
  })
  nameKana!: string;

  @Field({ description: 'English name, e.g. Citizen Activity Promotion Division.' })
  nameEn!: string;

  @Field(() => Source, { nullable: true, description: 'A line where the documents name the department.' })
  source!: Source | null;

  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = ['name', 'nameKana', 'nameEn'] as const;

  static from(this: void, row: NodeProperties): Department {
    return mapNode(Department, 'Department', row, Department.storedAsIs, (p) => ({
      source: sourceOf(p),
    }));
  }
}
