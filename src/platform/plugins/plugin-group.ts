import type {
  ApolloServerPlugin,
  BaseContext,
  GraphQLRequestExecutionListener,
  GraphQLRequestListener,
  GraphQLRequestListenerDidResolveField,
  GraphQLServerListener,
} from '@apollo/server';

type FieldParams<TContext extends BaseContext> = Parameters<
  NonNullable<GraphQLRequestExecutionListener<TContext>['willResolveField']>
>[0];

/**
 * The service's plugins given to Apollo Server as one, with the hooks each of them has, called in the same
 * order and awaited the same way as Apollo calls them (its requestPipeline.js and utils/invokeHooks.js).
 *
 * Why: Apollo calls every hook of every plugin's request listener on every request, each through an async
 * function of its own or a `Promise.all` over all listeners, whether the listener has that hook or not: with
 * fifteen listeners, about 150 promises per request that settle to nothing, a good part of what a bare
 * `{ __typename }` cost the service beyond the peer's (docs/benchmarks.md, "Phases"). Grouped, Apollo sees one
 * listener and the group calls only the hooks that exist.
 *
 * What stays as Apollo has it: plugins start their request listeners together; a hook's synchronous throw
 * keeps the hooks of the plugins after it from starting; every hook of a kind has started before any is
 * awaited (`responseForOperation`: one after another, until one answers); the ends of parsing and
 * validation run in reverse order and are not awaited; execution listeners run in reverse order. Apollo's own
 * plugins (drain, landing page, cache control) stay outside the group: Apollo recognises them in its list.
 */
export function pluginGroup<TContext extends BaseContext>(
  plugins: readonly ApolloServerPlugin<TContext>[],
): ApolloServerPlugin<TContext> {
  const withRequests = plugins.filter((plugin) => plugin.requestDidStart !== undefined);
  return {
    async serverWillStart(service) {
      const listeners = await startedOf(plugins, (plugin) => plugin.serverWillStart?.(service));
      return listeners.length === 0 ? undefined : serverListenerGroup(listeners);
    },
    async requestDidStart(requestContext) {
      const listeners = await startedOf(withRequests, (plugin) => plugin.requestDidStart?.(requestContext));
      return listeners.length === 0 ? undefined : new RequestListenerGroup(listeners);
    },
    async unexpectedErrorProcessingRequest(failure) {
      await allOf(plugins, (plugin) => plugin.unexpectedErrorProcessingRequest?.(failure));
    },
    async contextCreationDidFail(failure) {
      await allOf(plugins, (plugin) => plugin.contextCreationDidFail?.(failure));
    },
    async invalidRequestWasReceived(failure) {
      await allOf(plugins, (plugin) => plugin.invalidRequestWasReceived?.(failure));
    },
    async startupDidFail(failure) {
      await allOf(plugins, (plugin) => plugin.startupDidFail?.(failure));
    },
  };
}

/** The server listeners of the group as one; Apollo allows one landing page among all plugins, so does this. */
function serverListenerGroup(listeners: readonly GraphQLServerListener[]): GraphQLServerListener {
  const pages = defined(listeners.map((listener) => listener.renderLandingPage?.bind(listener)));
  if (pages.length > 1) throw new Error('only one plugin of a group may render a landing page');
  const renderLandingPage = pages[0];
  return {
    schemaDidLoadOrUpdate(schemaContext) {
      for (const listener of listeners) listener.schemaDidLoadOrUpdate?.(schemaContext);
    },
    async drainServer() {
      await allOf(listeners, (listener) => listener.drainServer?.());
    },
    async serverWillStop() {
      await allOf(listeners, (listener) => listener.serverWillStop?.());
    },
    ...(renderLandingPage === undefined ? {} : { renderLandingPage }),
  };
}

/** One request's listeners, in the group's order; each hook calls the listeners that have it. */
class RequestListenerGroup<TContext extends BaseContext> implements GraphQLRequestListener<TContext> {
  constructor(private readonly listeners: readonly GraphQLRequestListener<TContext>[]) {}

  async didResolveSource(...args: HookArgs<TContext, 'didResolveSource'>): Promise<void> {
    await allOf(this.listeners, (listener) => listener.didResolveSource?.(...args));
  }

  async parsingDidStart(...args: HookArgs<TContext, 'parsingDidStart'>) {
    return endsInReverse(await startedOf(this.listeners, (listener) => listener.parsingDidStart?.(...args)));
  }

  async validationDidStart(...args: HookArgs<TContext, 'validationDidStart'>) {
    return endsInReverse(await startedOf(this.listeners, (listener) => listener.validationDidStart?.(...args)));
  }

  async didResolveOperation(...args: HookArgs<TContext, 'didResolveOperation'>): Promise<void> {
    await allOf(this.listeners, (listener) => listener.didResolveOperation?.(...args));
  }

  async didEncounterErrors(...args: HookArgs<TContext, 'didEncounterErrors'>): Promise<void> {
    await allOf(this.listeners, (listener) => listener.didEncounterErrors?.(...args));
  }

  async responseForOperation(...args: HookArgs<TContext, 'responseForOperation'>) {
    for (const listener of this.listeners) {
      if (listener.responseForOperation === undefined) continue;
      const response = await listener.responseForOperation(...args);
      if (response != null) return response;
    }
    return null;
  }

  async executionDidStart(
    ...args: HookArgs<TContext, 'executionDidStart'>
  ): Promise<GraphQLRequestExecutionListener<TContext> | undefined> {
    const started = await startedOf(this.listeners, (listener) => listener.executionDidStart?.(...args));
    if (started.length === 0) return undefined;
    started.reverse();
    const executionDidEnd = async (error?: Error) => {
      await allOf(started, (listener) => listener.executionDidEnd?.(error));
    };
    // Only when some listener has it: its mere presence makes Apollo wrap every resolver of the schema.
    if (!started.some((listener) => listener.willResolveField !== undefined)) return { executionDidEnd };
    return {
      executionDidEnd,
      willResolveField: (params: FieldParams<TContext>): GraphQLRequestListenerDidResolveField | undefined => {
        const ends = defined(started.map((listener) => listener.willResolveField?.(params)));
        if (ends.length === 0) return undefined;
        ends.reverse();
        return (error, result: unknown) => {
          for (const end of ends) end(error, result);
        };
      },
    };
  }

  async willSendResponse(...args: HookArgs<TContext, 'willSendResponse'>): Promise<void> {
    await allOf(this.listeners, (listener) => listener.willSendResponse?.(...args));
  }

  async didEncounterSubsequentErrors(...args: HookArgs<TContext, 'didEncounterSubsequentErrors'>): Promise<void> {
    await allOf(this.listeners, (listener) => listener.didEncounterSubsequentErrors?.(...args));
  }

  async willSendSubsequentPayload(...args: HookArgs<TContext, 'willSendSubsequentPayload'>): Promise<void> {
    await allOf(this.listeners, (listener) => listener.willSendSubsequentPayload?.(...args));
  }
}

type RequestHook = keyof GraphQLRequestListener<BaseContext>;
type HookArgs<TContext extends BaseContext, K extends RequestHook> = Parameters<
  NonNullable<GraphQLRequestListener<TContext>[K]>
>;

/**
 * Starts `call` on every target in order (a synchronous throw stops there, as in Apollo's `map`) and returns
 * the promises of those that have the hook: targets without it cost nothing.
 */
function startAll<T, R>(targets: readonly T[], call: (target: T) => Promise<R> | undefined): Promise<R>[] {
  const pending: Promise<R>[] = [];
  for (const target of targets) {
    const started = call(target);
    if (started !== undefined) pending.push(started);
  }
  return pending;
}

/** Starts the hook on every target, then awaits those started. */
function allOf<T>(targets: readonly T[], call: (target: T) => Promise<unknown> | undefined): Promise<unknown> {
  const pending = startAll(targets, call);
  return pending.length === 0 ? Promise.resolve() : Promise.all(pending);
}

/** Starts the hook on every target and resolves to what the started ones resolved to, but nothing, in order. */
async function startedOf<T, R>(
  targets: readonly T[],
  call: (target: T) => Promise<R | void> | undefined,
): Promise<R[]> {
  const pending = startAll(targets, call);
  return pending.length === 0 ? [] : defined(await Promise.all(pending));
}

/** The end hooks of parsing or validation as one, called in reverse order and not awaited, as Apollo calls them. */
function endsInReverse<A extends unknown[]>(
  ends: ((...args: A) => Promise<void>)[],
): ((...args: A) => Promise<void>) | undefined {
  if (ends.length === 0) return undefined;
  ends.reverse();
  return (...args: A) => {
    for (const end of ends) void end(...args);
    return Promise.resolve();
  };
}

function defined<T>(values: readonly (T | void | undefined | null)[]): T[] {
  return values.filter((value): value is T => value !== undefined && value !== null);
}
