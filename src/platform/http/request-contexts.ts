import type { IncomingMessage } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { ANONYMOUS_VIEWER } from '../../core/viewer';
import type { Authenticate } from '../auth/authenticator';
import type { RequestBudgetSettings } from '../../core/config';
import { createRequestContext, type RequestContext, type RequestIdentity } from '../../read/request-context';
import type { GraphGateway } from '../../db/graph-gateway';
import type { OthersAlongside } from '../../db/request-budget';
import { DepartmentDirectory, departmentsIn } from '../../model/department/department-directory';
import { REQUEST_ID_HEADER, requestIdFrom } from '../plugins/request-id.plugin';
import { accessLogEntry } from '../observability/access-log';
import type { Logger } from '../observability/logger';
import type { DataVersion } from '../service/data-version';
import { headerValue } from './header-value';
import type { Step } from './middleware-chain';

export interface RequestContextDeps {
  readonly gateway: GraphGateway;
  readonly dataVersion: DataVersion;
  readonly requestBudget: RequestBudgetSettings;
  readonly authenticate?: Authenticate;
  readonly logger: Logger;
}

/** When a request arrived (`stampArrival`), under a symbol no other module can name. */
const ARRIVED_AT = Symbol('arrived at');
/** How many others were worked on beside it since (`stampArrival`), likewise. */
const ALONGSIDE = Symbol('others alongside');
type Stamped = IncomingMessage & { [ARRIVED_AT]?: number; [ALONGSIDE]?: OthersAlongside };

/** The service's load as a request arriving now will have shared it (RequestSlots). */
export interface SharedLoad {
  alongsideFromNow(): OthersAlongside;
}

/**
 * How a request becomes what its resolvers receive: who sends it, when it arrived, its logger, and the
 * department directory every request shares. The same for /graphql, the export pages and the planned queries.
 */
export class RequestContexts {
  private readonly departments: DepartmentDirectory;

  constructor(
    private readonly deps: RequestContextDeps,
    private readonly load?: SharedLoad,
  ) {
    this.departments = new DepartmentDirectory(() => departmentsIn(deps.gateway), deps.dataVersion);
  }

  // On the request itself rather than in a WeakMap: each entry of a WeakMap is an ephemeron, which the garbage
  // collector traces apart, and a request left one behind until the next collection.
  readonly stampArrival: Step = (request, _response, next) => {
    (request as Stamped)[ARRIVED_AT] = Date.now();
    if (this.load !== undefined) (request as Stamped)[ALONGSIDE] = this.load.alongsideFromNow();
    next();
  };

  /** The request's logger, bound to its id by the access log (every request passes it first). */
  readonly requestLog = (request: IncomingMessage): Logger => accessLogEntry(request)?.log ?? this.deps.logger;

  /**
   * Who sends a request and its id (given by the access log), the same for /graphql and /export
   * (UNAUTHENTICATED when a token is needed).
   */
  readonly identityOf = async (request: IncomingMessage): Promise<RequestIdentity> => ({
    viewer: this.deps.authenticate
      ? await this.deps.authenticate(headerValue(request, 'authorization'))
      : ANONYMOUS_VIEWER,
    requestId: accessLogEntry(request)?.requestId ?? requestIdFrom(headerValue(request, REQUEST_ID_HEADER)),
  });

  /** A request's context; an export's pages share its logger but not its access line (`ownRequest` false). */
  readonly contextFor = (request: IncomingMessage, identity: RequestIdentity, ownRequest = true): RequestContext => {
    const requestLog = this.requestLog;
    return createRequestContext(
      this.deps.gateway,
      this.deps.requestBudget,
      this.departments,
      (request as Stamped)[ARRIVED_AT] ?? Date.now(),
      identity,
      {
        // Made when first used (see createRequestContext).
        get log() {
          return requestLog(request);
        },
        access: ownRequest ? accessLogEntry(request) : undefined,
      },
      (request as Stamped)[ALONGSIDE],
    );
  };

  /** Runs an operation as an anonymous request would, through the same executor, limits and budget. */
  runAnonymously(
    apollo: ApolloServer<RequestContext>,
  ): (query: string, variables?: Readonly<Record<string, unknown>>) => Promise<FormattedExecutionResult> {
    return async (query, variables) => {
      const identity = { viewer: ANONYMOUS_VIEWER, requestId: requestIdFrom(undefined) };
      const context = createRequestContext(
        this.deps.gateway,
        this.deps.requestBudget,
        this.departments,
        Date.now(),
        identity,
        { log: this.deps.logger },
      );
      const answer = await apollo.executeOperation({ query, variables: { ...variables } }, { contextValue: context });
      return answer.body.kind === 'single' ? answer.body.singleResult : {};
    };
  }
}
