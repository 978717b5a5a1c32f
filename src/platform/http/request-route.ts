import type { IncomingMessage } from 'node:http';

const NAMED_ROUTE = Symbol('named route');

type Routed = IncomingMessage & {
  /** Set by Express once one of its routes matched (`/export/:file`). */
  readonly route?: { readonly path?: unknown };
  /** Named by a handler that answers without Express (the GraphQL endpoint). */
  [NAMED_ROUTE]?: string;
};

/** Names the route a request is answered by, for a handler that runs without Express's router. */
export function nameRoute(request: IncomingMessage, route: string): void {
  (request as Routed)[NAMED_ROUTE] = route;
}

/**
 * The route that answered a request (`/graphql`, `/export/:file`), or undefined where none matched (the
 * dashboard and the IDE files are mounted handlers, not routes).
 */
export function routeOf(request: IncomingMessage): string | undefined {
  const routed = request as Routed;
  const express = routed.route?.path;
  return typeof express === 'string' ? express : routed[NAMED_ROUTE];
}

/** The request's path as it arrived, without its query string (Express shortens `url` inside mounts). */
export function arrivedPath(request: IncomingMessage): string {
  const url = (request as IncomingMessage & { readonly originalUrl?: string }).originalUrl ?? request.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
