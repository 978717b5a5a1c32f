import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graph/node.interface';
import { sourceOf } from '../../graph/node-mapping';
import { Source } from '../../graph/source.type';
import type { NodeProperties } from '../../read/graph-loaders';
import { mapNode } from '../../graph/map-node';
import { assembledFields, DeclaredFields, declaredNode, storedAsIsOf } from '../../graph/kinds/declared-fields';
import { PROJECT_ATTRIBUTES } from '../../graph/kinds/project.kind';

// Its attributes are declared in src/graph/kinds/project.kind.ts.
@DeclaredFields(PROJECT_ATTRIBUTES)
@ObjectType({ implements: Node, description: 'Main project (主な事業) of a policy item.' })
export class Project extends declaredNode(Node, PROJECT_ATTRIBUTES) {
  @Field(() => Source, { nullable: true, description: 'Where the project is listed.' })
  source!: Source | null;

  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = storedAsIsOf(PROJECT_ATTRIBUTES);

  static from(this: void, row: NodeProperties): Project {
    return mapNode(Project, 'Project', row, Project.storedAsIs, (p) =>
      Object.assign(assembledFields(PROJECT_ATTRIBUTES, p), { source: sourceOf(p) }),
    );
  }
}
