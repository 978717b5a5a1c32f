import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../read/request-context';
import { PolicyItem } from '../policy-item/policy-item.type';
import { Project } from './project.type';
import { relatedOne } from '../read/relationships';

@Resolver(() => Project)
export class ProjectResolver {
  @FieldResolver(() => PolicyItem, { description: 'The policy item the project belongs to.' })
  async policyItem(@Root() project: Project, @Ctx() ctx: RequestContext): Promise<PolicyItem> {
    return PolicyItem.from(await relatedOne(ctx.loaders, 'Project', 'policyItem', project.id));
  }
}
