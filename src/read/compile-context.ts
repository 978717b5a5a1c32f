import type { GraphGateway } from '../db/graph-gateway';
import type { DepartmentLookup } from './department-lookup';
import type { GraphLoaders } from './graph-loaders';

/**
 * What compiling a read takes of its request: the source of the statements' parts, the departments a filter
 * names, and the loaders where a compile leaves its marks for the resolvers after it (the nested connections
 * it compiled, the keys their pages are primed under). Nothing here runs a statement, so a read compiles
 * without a database: a request's context is one (RequestContext), and the compile tier of the unit tests
 * builds one from the committed seed (tests/unit/read/compile-tier/).
 */
export interface CompileContext {
  readonly gateway: Pick<GraphGateway, 'statements'>;
  readonly departments: DepartmentLookup;
  readonly loaders: Pick<GraphLoaders, 'oncePerSelection' | 'rememberPlanned'>;
}
