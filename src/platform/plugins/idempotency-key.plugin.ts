import type { ApolloServerPlugin } from '@apollo/server';
import {
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { IdempotencyKeyInvalidError } from '../../core/errors';
import type { RequestContext } from '../../read/request-context';
import { IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey } from '../../write/idempotency-key';
import type { IdempotencyKeys } from '../../write/idempotency-keys';
import { requestFingerprint } from '../../write/request-fingerprint';
import { requestHooksPlugin } from './request-hooks.plugin';

/** The response header of an answer given again for an Idempotency-Key (as Stripe's API names it). */
export const REPLAYED_HEADER = 'idempotent-replayed';

/**
 * Safe retries of writes (IETF httpapi draft "The Idempotency-Key HTTP Header Field"): a mutation sent with
 * an `Idempotency-Key` header by a signed-in editor claims the key before it runs (`IdempotencyKeys.claim`),
 * and its write stores its answer with the key in the same transaction. The same request sent again with the
 * key, on any instance, within the retention, gets that answer again (with `Idempotent-Replayed: true`) and
 * writes nothing; another request with the key is refused (IDEMPOTENCY_KEY_REUSED, 422), and so is the same
 * request while the first still runs (IDEMPOTENCY_KEY_IN_USE, 409, with Retry-After). A malformed key, or one
 * on a mutation of several fields, is IDEMPOTENCY_KEY_INVALID (400). Queries ignore the header: they write
 * nothing. A request without a signed-in editor is left to execution, which refuses it.
 *
 * A request that ends without writing frees its claim before it is answered (within its budget), so the
 * client may send it again with the same key.
 */
export function idempotencyKeyPlugin(keys: IdempotencyKeys): ApolloServerPlugin<RequestContext> {
  return requestHooksPlugin<RequestContext>({
    async didResolveOperation({ request, operation, document, contextValue, queryHash }) {
      const header = request.http?.headers.get(IDEMPOTENCY_KEY_HEADER);
      if (header === undefined || operation?.operation !== OperationTypeNode.MUTATION) return;
      const key = parseIdempotencyKey(header);
      const fields = rootFields(operation, document);
      if (fields.length !== 1) {
        throw new IdempotencyKeyInvalidError(
          `An Idempotency-Key covers one write: this mutation has ${fields.length} fields (${fields.join(', ')}); send one per request.`,
        );
      }
      const { viewer } = contextValue;
      if (viewer.subject === null || viewer.role === 'viewer') return;
      contextValue.keyedWrite = await keys.claim(contextValue.gateway, {
        owner: viewer.subject,
        key,
        fingerprint: requestFingerprint({
          queryHash,
          operationName: request.operationName ?? null,
          variables: request.variables,
        }),
        runningUntil: Date.now() + Math.max(0, contextValue.budget.remainingMs()),
      });
    },
    async willSendResponse({ contextValue, response }) {
      const keyed = contextValue.keyedWrite;
      if (keyed?.kind === 'replay') response.http.headers.set(REPLAYED_HEADER, 'true');
      if (keyed?.kind === 'claimed' && keyed.outcome === 'pending') {
        await keys.release(keyed, contextValue.budget.remainingMs());
      }
    },
  });
}

/**
 * The response names of an operation's root fields, fragments followed (`__typename` is no write). Directives
 * are not evaluated: a field under `@skip` still counts, so a keyed mutation never writes twice.
 */
function rootFields(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition.selectionSet] as const] : [],
    ),
  );
  const names: string[] = [];
  const seen = new Set<string>();
  const walk = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== '__typename') names.push(selection.alias?.value ?? selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment !== undefined) walk(fragment);
      }
    }
  };
  walk(operation.selectionSet);
  return names;
}
