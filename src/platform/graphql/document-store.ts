import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { DocumentNode } from 'graphql';
import { DEFAULT_MEMORY_LIMIT_MB, memoryBudget } from '../../core/memory-limit';

/**
 * The heap a parsed and validated document keeps per character of its text, with what the service keeps beside
 * its nodes while it lives (compiled reads, selection plans, variable positions). graphql-js's parse and
 * validation alone keep about 60 bytes a character (measured over 100 wide operations of the service's schema:
 * every token an object linked to the next, every node with its location); the ceiling leaves more than twice
 * that again for what the service hangs on the nodes, which was not measured apart (tests/integration/platform/
 * service/memory-bound.int.test.ts checks the sum of the budgets holds through the service).
 */
export const BYTES_PER_DOCUMENT_CHARACTER = 200;

/**
 * Apollo's store of parsed and validated documents, so a repeated query text is neither parsed nor validated
 * again, least recently used first out, bounded by the heap its documents are estimated to keep: their text's
 * length times BYTES_PER_DOCUMENT_CHARACTER, at most `maxBytes`. Apollo's default bounds its store by each
 * document's JSON (30 MiB of it), but a parsed document holds much more than its JSON; after a fuzz corpus of
 * 7,000 operations that default held most of the service's heap; see docs/operators.md "Memory".
 */
export function documentStore(
  maxBytes: number = memoryBudget(DEFAULT_MEMORY_LIMIT_MB).documentStoreBytes,
): InMemoryLRUCache<DocumentNode> {
  return new InMemoryLRUCache<DocumentNode>({
    maxSize: maxBytes,
    // The text's length, read from the document's location (no JSON of the tree on every store).
    sizeCalculation: (document) => Math.max(1, document.loc?.end ?? 1) * BYTES_PER_DOCUMENT_CHARACTER,
  });
}
