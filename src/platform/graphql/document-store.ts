import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { DocumentNode } from 'graphql';

/**
 * The heap a parsed and validated document keeps per character of its text, with what the service keeps beside
 * its nodes while it lives (compiled reads, selection plans, variable positions). graphql-js's parse alone keeps
 * about 60 bytes a character (every token an object linked to the next, every node with its location); through
 * the service, wide operations kept about 150 (bench/memory-bound.js); the ceiling has a margin.
 */
export const BYTES_PER_DOCUMENT_CHARACTER = 200;

/** The default budget (that of MEMORY_LIMIT_MB's default, src/core/memory-limit.ts), in bytes. */
export const DEFAULT_DOCUMENT_STORE_BYTES = 20 * 1024 * 1024;

/**
 * Apollo's store of parsed and validated documents, so a repeated query text is neither parsed nor validated
 * again, least recently used first out, bounded by the heap its documents are estimated to keep: their text's
 * length times BYTES_PER_DOCUMENT_CHARACTER, at most `maxBytes`. Apollo's default bounds its store by each
 * document's JSON (30 MiB of it), but a parsed document holds much more than its JSON; after a fuzz corpus of
 * 7,000 operations that default held most of the service's heap; see docs/operators.md "Memory".
 */
export function documentStore(maxBytes: number = DEFAULT_DOCUMENT_STORE_BYTES): InMemoryLRUCache<DocumentNode> {
  return new InMemoryLRUCache<DocumentNode>({
    maxSize: maxBytes,
    // The text's length, read from the document's location (no JSON of the tree on every store).
    sizeCalculation: (document) => Math.max(1, document.loc?.end ?? 1) * BYTES_PER_DOCUMENT_CHARACTER,
  });
}
