import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graph/node.interface';
import { sourceOf } from '../../graph/node-mapping';
import { Source } from '../../graph/source.type';
import type { NodeProperties } from '../../read/graph-loaders';
import type { DepartmentRecord } from '../../read/department-lookup';
import { mapNode } from '../../graph/map-node';
import { DeclaredFields, declaredNode, storedAsIsOf } from '../../graph/kinds/declared-fields';
import { DEPARTMENT_ATTRIBUTES } from '../../graph/kinds/department.kind';

// Its attributes are declared in src/graph/kinds/department.kind.ts.
@DeclaredFields(DEPARTMENT_ATTRIBUTES)
@ObjectType({
  implements: Node,
  description: 'A department, division, office or bureau of the city (課・室・局), e.g. 危機管理課.',
})
export class Department extends declaredNode(Node, DEPARTMENT_ATTRIBUTES) implements DepartmentRecord {
  @Field(() => Source, { nullable: true, description: 'A line where the documents name the department.' })
  source!: Source | null;

  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = storedAsIsOf(DEPARTMENT_ATTRIBUTES);

  static from(this: void, row: NodeProperties): Department {
    return mapNode(Department, 'Department', row, Department.storedAsIs, (p) => ({
      source: sourceOf(p),
    }));
  }
}
