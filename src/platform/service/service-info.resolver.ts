import { Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../read/request-context';
import { PACKAGE_INFO } from '../../core/package-info';
import { ServiceInfo } from './service-info.type';

@Resolver()
export class ServiceInfoResolver {
  @Query(() => ServiceInfo, { description: 'The service and the size of its graph.' })
  async serviceInfo(@Ctx() { gateway }: RequestContext): Promise<ServiceInfo> {
    const [row] = await gateway.read('service/graph-size');
    return {
      name: PACKAGE_INFO.name,
      version: PACKAGE_INFO.version,
      nodeCount: Number(row?.nodes ?? 0),
      relationshipCount: Number(row?.relationships ?? 0),
      seedHash: typeof row?.seed === 'string' ? row.seed : null,
    };
  }
}
