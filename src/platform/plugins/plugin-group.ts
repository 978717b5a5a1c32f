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
 * plugins (landing page, cache control) stay outside the group: Apollo recognises them in its list.
 */
export function pluginGroup<TContext extends BaseContext>(
  plugins: readonly ApolloServerPlugin<TContext>[],
): ApolloServerPlugin<TContext> {
  const requests = new RequestListeners(plugins.filter((plugin) => plugin.requestDidStart !== undefined));
  return {
    async serverWillStart(service) {
      const listeners = defined(await settleAll(startAll(plugins, (plugin) => plugin.serverWillStart?.(service))));
      return listeners.length === 0 ? undefined : serverListenerGroup(listeners);
    },
    requestDidStart: (requestContext) => requests.start(requestContext),
    unexpectedErrorProcessingRequest: (failure) =>
      allOf(plugins, (plugin) => plugin.unexpectedErrorProcessingRequest?.(failure)),
    contextCreationDidFail: (failure) => allOf(plugins, (plugin) => plugin.contextCreationDidFail?.(failure)),
    invalidRequestWasReceived: (failure) => allOf(plugins, (plugin) => plugin.invalidRequestWasReceived?.(failure)),
    startupDidFail: (failure) => allOf(plugins, (plugin) => plugin.startupDidFail?.(failure)),
  };
}

/**
 * Marks a plugin whose request listener is the same object for every request (`requestHooksPlugin`): the group
 * takes that listener once instead of asking the plugin at each request.
 */
export const SAME_LISTENER = Symbol('the same request listener for every request');

/** A plugin marked with its one request listener. */
export interface SameListenerPlugin<TContext extends BaseContext> extends ApolloServerPlugin<TContext> {
  readonly [SAME_LISTENER]: GraphQLRequestListener<TContext>;
}

function sameListenerOf<TContext extends BaseContext>(
  plugin: ApolloServerPlugin<TContext>,
): GraphQLRequestListener<TContext> | undefined {
  return SAME_LISTENER in plugin ? (plugin as SameListenerPlugin<TContext>)[SAME_LISTENER] : undefined;
}

/** The request listeners of the group's plugins: those marked taken once, the others asked at each request. */
class RequestListeners<TContext extends BaseContext> {
  /** In the plugins' order, each plugin's listener when it is the same every time, else undefined. */
  private readonly fixed: readonly (GraphQLRequestListener<TContext> | undefined)[];
  /** The plugins asked at each request, in order. */
  private readonly asked: readonly ApolloServerPlugin<TContext>[];
  /** When no plugin needs asking: one group for every request. */
  private readonly always: Promise<RequestListenerGroup<TContext> | undefined> | undefined;

  constructor(plugins: readonly ApolloServerPlugin<TContext>[]) {
    this.fixed = plugins.map(sameListenerOf);
    this.asked = plugins.filter((_plugin, i) => this.fixed[i] === undefined);
    this.always = this.asked.length === 0 ? Promise.resolve(this.groupOf([])) : undefined;
  }

  start(requestContext: Parameters<NonNullable<ApolloServerPlugin<TContext>['requestDidStart']>>[0]) {
    return (
      this.always ??
      settleAll(startAll(this.asked, (plugin) => plugin.requestDidStart?.(requestContext))).then((started) =>
        this.groupOf(started),
      )
    );
  }

  /** The listeners in the plugins' order, `started` filling the places of the plugins asked. */
  private groupOf(
    started: readonly (GraphQLRequestListener<TContext> | void)[],
  ): RequestListenerGroup<TContext> | undefined {
    const listeners: GraphQLRequestListener<TContext>[] = [];
    let next = 0;
    for (const listener of this.fixed) {
      const chosen = listener ?? started[next++];
      if (chosen !== undefined) listeners.push(chosen);
    }
    return listeners.length === 0 ? undefined : new RequestListenerGroup(listeners);
  }
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
    drainServer: () => allOf(listeners, (listener) => listener.drainServer?.()),
    serverWillStop: () => allOf(listeners, (listener) => listener.serverWillStop?.()),
    ...(renderLandingPage === undefined ? {} : { renderLandingPage }),
  };
}

/**
 * One request's listeners, in the group's order; each hook calls the listeners that have it. No hook is an
 * async function and none awaits what it can hand on: with one or no listener to wait for, the hook returns
 * that listener's promise (or one settled promise) rather than a `Promise.all` of its own.
 */
class RequestListenerGroup<TContext extends BaseContext> implements GraphQLRequestListener<TContext> {
  constructor(private readonly listeners: readonly GraphQLRequestListener<TContext>[]) {}

  didResolveSource(...args: HookArgs<TContext, 'didResolveSource'>): Promise<void> {
    return allOf(this.listeners, (listener) => listener.didResolveSource?.(...args));
  }

  parsingDidStart(...args: HookArgs<TContext, 'parsingDidStart'>) {
    return settleAll(startAll(this.listeners, (listener) => listener.parsingDidStart?.(...args))).then(endsInReverse);
  }

  validationDidStart(...args: HookArgs<TContext, 'validationDidStart'>) {
    return settleAll(startAll(this.listeners, (listener) => listener.validationDidStart?.(...args))).then(
      endsInReverse,
    );
  }

  didResolveOperation(...args: HookArgs<TContext, 'didResolveOperation'>): Promise<void> {
    return allOf(this.listeners, (listener) => listener.didResolveOperation?.(...args));
  }

  didEncounterErrors(...args: HookArgs<TContext, 'didEncounterErrors'>): Promise<void> {
    return allOf(this.listeners, (listener) => listener.didEncounterErrors?.(...args));
  }

  async responseForOperation(...args: HookArgs<TContext, 'responseForOperation'>) {
    for (const listener of this.listeners) {
      if (listener.responseForOperation === undefined) continue;
      const response = await listener.responseForOperation(...args);
      if (response != null) return response;
    }
    return null;
  }

  executionDidStart(...args: HookArgs<TContext, 'executionDidStart'>) {
    return settleAll(startAll(this.listeners, (listener) => listener.executionDidStart?.(...args))).then(
      executionListenerGroup,
    );
  }

  willSendResponse(...args: HookArgs<TContext, 'willSendResponse'>): Promise<void> {
    return allOf(this.listeners, (listener) => listener.willSendResponse?.(...args));
  }

  didEncounterSubsequentErrors(...args: HookArgs<TContext, 'didEncounterSubsequentErrors'>): Promise<void> {
    return allOf(this.listeners, (listener) => listener.didEncounterSubsequentErrors?.(...args));
  }

  willSendSubsequentPayload(...args: HookArgs<TContext, 'willSendSubsequentPayload'>): Promise<void> {
    return allOf(this.listeners, (listener) => listener.willSendSubsequentPayload?.(...args));
  }
}

/** The execution listeners started, as one, in reverse order as Apollo runs them; none when none started. */
function executionListenerGroup<TContext extends BaseContext>(
  results: readonly (GraphQLRequestExecutionListener<TContext> | void)[],
): GraphQLRequestExecutionListener<TContext> | undefined {
  const started = defined(results);
  if (started.length === 0) return undefined;
  started.reverse();
  const executionDidEnd = (error?: Error) => allOf(started, (listener) => listener.executionDidEnd?.(error));
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

type RequestHook = keyof GraphQLRequestListener<BaseContext>;
type HookArgs<TContext extends BaseContext, K extends RequestHook> = Parameters<
  NonNullable<GraphQLRequestListener<TContext>[K]>
>;

/** A settled promise, shared: awaiting it again is harmless. */
const SETTLED: Promise<void> = Promise.resolve();

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

/** What the promises resolve to, in order: `Promise.all`, without one of its own for none or one. */
function settleAll<R>(pending: readonly Promise<R>[]): Promise<R[]> {
  const only = pending[0];
  if (only === undefined) return Promise.resolve([]);
  return pending.length === 1 ? only.then((value) => [value]) : Promise.all(pending);
}

/** Starts the hook on every target, then waits for those started (their one promise when only one has it). */
function allOf<T>(targets: readonly T[], call: (target: T) => Promise<void> | undefined): Promise<void> {
  const pending = startAll(targets, call);
  const only = pending[0];
  if (only === undefined) return SETTLED;
  return pending.length === 1 ? only : Promise.all(pending).then(() => undefined);
}

/** The end hooks of parsing or validation as one, called in reverse order and not awaited, as Apollo calls them. */
function endsInReverse<A extends unknown[]>(
  results: readonly (((...args: A) => Promise<void>) | void)[],
): ((...args: A) => Promise<void>) | undefined {
  const ends = defined(results);
  if (ends.length === 0) return undefined;
  ends.reverse();
  return (...args: A) => {
    for (const end of ends) void end(...args);
    return SETTLED;
  };
}

function defined<T>(values: readonly (T | void | undefined | null)[]): T[] {
  return values.filter((value): value is T => value !== undefined && value !== null);
}
