import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { OperationDefinitionNode, ValidationContext, ValidationRule } from 'graphql';
import { queryTooComplex, type QueryLimitName } from './too-complex';
import type { QueryLimits } from '../../../core/config';

/** The limits counted by graphql-armor's rules (QUERY_MAX_DEPTH, QUERY_MAX_ALIASES, QUERY_MAX_DIRECTIVES). */
type CountedLimits = Pick<QueryLimits, 'maxDepth' | 'maxAliases' | 'maxDirectives'>;

/**
 * Depth, aliases and directives, counted by graphql-armor's rules (each fragment counted once and reused at
 * every spread, so linear in the document). The rules are used as counters only: with no limit of their own
 * they report every operation's count to `onAccept`, and this module decides and words the refusal, so it
 * carries our QUERY_TOO_COMPLEX code, the variable that sets the limit and how to ask less (armor's own
 * errors have no code and read "Syntax Error: …").
 */
export function countedLimitRules(limits: CountedLimits): ValidationRule[] {
  return [
    counted('QUERY_MAX_DEPTH', limits.maxDepth, (onAccept) =>
      maxDepthRule({ n: Infinity, flattenFragments: true, ignoreIntrospection: true, onAccept: [onAccept] }),
    ),
    counted('QUERY_MAX_ALIASES', limits.maxAliases, (onAccept) =>
      maxAliasesRule({ n: Infinity, onAccept: [onAccept] }),
    ),
    counted('QUERY_MAX_DIRECTIVES', limits.maxDirectives, (onAccept) =>
      maxDirectivesRule({ n: Infinity, onAccept: [onAccept] }),
    ),
  ];
}

type OnAccept = (context: ValidationContext | null, details: unknown) => void;

/** What an armor rule builds per validation: a visitor whose entry point counts one operation. */
type ArmorRule = (context: ValidationContext) => { onOperationDefinitionEnter(node: OperationDefinitionNode): void };

function counted(limit: QueryLimitName, max: number, armorRule: (onAccept: OnAccept) => ArmorRule): ValidationRule {
  return (context) => {
    let operation: OperationDefinitionNode | undefined;
    const counter = armorRule((_context, details) => {
      const n = (details as { n?: unknown } | undefined)?.n;
      if (operation && typeof n === 'number' && n > max) {
        context.reportError(queryTooComplex(limit, n, max, operation));
      }
    })(context);
    return {
      // armor reports the count without the operation, so the operation being counted is remembered here.
      OperationDefinition(node) {
        operation = node;
        counter.onOperationDefinitionEnter(node);
      },
    };
  };
}
