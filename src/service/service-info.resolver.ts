import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { PROJECT_ROOT } from '../project-root';
import { ServiceInfo } from './service-info.type';

const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

@Resolver()
export class ServiceInfoResolver {
  @Query(() => ServiceInfo, { description: 'The service and the size of its graph.' })
  async serviceInfo(@Ctx() { gateway }: RequestContext): Promise<ServiceInfo> {
    const [row] = await gateway.read('service/graph-size');
    return {
      name: pkg.name,
      version: pkg.version,
      nodeCount: Number(row?.nodes ?? 0),
      relationshipCount: Number(row?.relationships ?? 0),
    };
  }
}
