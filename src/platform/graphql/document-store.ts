import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { DocumentNode } from 'graphql';

/**
 * The most query text, in characters, whose parsed and validated documents are kept (least recently used
 * first out). 1 MiB of text is a few thousand distinct client operations.
 */
export const DOCUMENT_STORE_MAX_CHARACTERS = 1024 * 1024;

/**
 * Apollo's store of parsed and validated documents, so a repeated query text is neither parsed nor validated
 * again, bounded by the text's length. Apollo's default bounds its store by each document's JSON (30 MiB of
 * it), but a parsed document holds much more than its JSON: every token of the text as an object, linked to
 * the next, and what the service keeps beside the document's nodes while the document lives (compiled
 * statements, selection plans, variable positions). After a fuzz corpus of 7,000 operations that default held
 * most of the service's heap; see docs/operators.md "Memory".
 */
export function documentStore(): InMemoryLRUCache<DocumentNode> {
  return new InMemoryLRUCache<DocumentNode>({
    maxSize: DOCUMENT_STORE_MAX_CHARACTERS,
    // The text's length, read from the document's location (no JSON of the tree on every store).
    sizeCalculation: (document) => Math.max(1, document.loc?.end ?? 1),
  });
}
