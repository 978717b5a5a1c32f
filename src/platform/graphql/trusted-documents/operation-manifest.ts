import { readFileSync } from 'node:fs';
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { ConfigError } from '../../../core/config-error';
import { quotedInput } from '../../../core/quoted-input';
import { DOCUMENT_ID_PATTERN, documentIdOf } from './document-id';

/** The `format` and `version` of Apollo's persisted-query manifest, the only ones read and written. */
export const MANIFEST_FORMAT = 'apollo-persisted-query-manifest';
export const MANIFEST_VERSION = 1;

export type OperationType = 'query' | 'mutation' | 'subscription';
const OPERATION_TYPES: readonly OperationType[] = ['query', 'mutation', 'subscription'];

/** One entry of the manifest, as Apollo's format has it: `id` is the SHA-256 of `body` (document-id.ts). */
export interface ManifestOperation {
  readonly id: string;
  readonly name: string;
  readonly type: OperationType;
  readonly body: string;
}

/** A listed operation as the service holds it: the entry and its document, parsed once at start. */
export interface ListedOperation extends ManifestOperation {
  readonly document: DocumentNode;
}

/** A manifest that cannot be used; the message names the file and the entry (ConfigError: the start stops). */
export class ManifestError extends ConfigError {
  override name = 'ManifestError';
}

/**
 * The operations a trusted-documents manifest lists (Apollo's persisted-query manifest format), checked and
 * parsed once: every entry's id is its body's SHA-256, its body one GraphQL document holding the named
 * operation of the given type, and no id twice. The service runs only these when TRUSTED_DOCUMENTS names a
 * manifest (trusted-documents.ts); the build writes the dashboard's and the IDE's (src/web/). Read-only after
 * construction, so any part (the request gate, a later precompiler) may share one.
 */
export class OperationManifest {
  private readonly byIdMap: ReadonlyMap<string, ListedOperation>;

  private constructor(
    readonly operations: readonly ListedOperation[],
    /** Where it was read from (the file), for messages and the start-up line. */
    readonly source: string,
  ) {
    this.byIdMap = new Map(operations.map((operation) => [operation.id, operation]));
  }

  /** The listed operation with this id (SHA-256 hex of its body); undefined when not listed. */
  byId(id: string): ListedOperation | undefined {
    return this.byIdMap.get(id);
  }

  /** The listed operation whose body is exactly this text; undefined when not listed. */
  byBody(body: string): ListedOperation | undefined {
    return this.byIdMap.get(documentIdOf(body));
  }

  get size(): number {
    return this.operations.length;
  }

  /** The manifest in Apollo's format, as JSON text (two-space indented, a final newline). */
  toJson(): string {
    const operations = this.operations.map(({ id, name, type, body }) => ({ id, name, type, body }));
    return `${JSON.stringify({ format: MANIFEST_FORMAT, version: MANIFEST_VERSION, operations }, null, 2)}\n`;
  }

  /**
   * A manifest of these documents, one operation each (what the build writes): id, name and type read from
   * the text. Throws a ManifestError naming the document that is not one named operation.
   */
  static ofDocuments(bodies: readonly string[], source: string): OperationManifest {
    const seen = new Set<string>();
    const entries: ManifestOperation[] = [];
    bodies.forEach((body, index) => {
      const id = documentIdOf(body);
      if (seen.has(id)) return; // the same text listed twice is one operation
      seen.add(id);
      const operation = soleOperation(
        parseBody(body, `${source}: document ${index + 1}`),
        `${source}: document ${index + 1}`,
      );
      entries.push({ id, name: operation.name?.value ?? '', type: operation.operation, body });
    });
    return OperationManifest.of(entries, source);
  }

  /** Reads and checks the manifest in `file`; a ManifestError names the file and what is wrong where. */
  static read(file: string): OperationManifest {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new ManifestError(`TRUSTED_DOCUMENTS: cannot read the manifest ${file} (${code})`);
    }
    return OperationManifest.parse(text, file);
  }

  /** Checks a manifest's JSON text; `source` (its file) names it in the messages. */
  static parse(text: string, source: string): OperationManifest {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ManifestError(`TRUSTED_DOCUMENTS: ${source} is not JSON (${(error as Error).message})`);
    }
    if (!isRecord(json)) throw new ManifestError(`TRUSTED_DOCUMENTS: ${source} must hold a JSON object`);
    if (json.format !== MANIFEST_FORMAT || json.version !== MANIFEST_VERSION) {
      throw new ManifestError(
        `TRUSTED_DOCUMENTS: ${source} must have "format": "${MANIFEST_FORMAT}" and "version": ${MANIFEST_VERSION}, ` +
          `got format ${quotedInput(String(json.format))} and version ${quotedInput(String(json.version))}`,
      );
    }
    if (!Array.isArray(json.operations)) {
      throw new ManifestError(`TRUSTED_DOCUMENTS: ${source} must have an "operations" array`);
    }
    const entries = (json.operations as unknown[]).map((entry, index) =>
      checkedEntry(entry, `${source}: operations[${index}]`),
    );
    return OperationManifest.of(entries, source);
  }

  private static of(entries: readonly ManifestOperation[], source: string): OperationManifest {
    const seen = new Map<string, number>();
    const listed = entries.map((entry, index) => {
      const where = `${source}: operations[${index}] (${entry.name === '' ? 'anonymous' : entry.name})`;
      const earlier = seen.get(entry.id);
      if (earlier !== undefined) {
        throw new ManifestError(`TRUSTED_DOCUMENTS: ${where} has the id of operations[${earlier}] (${entry.id})`);
      }
      seen.set(entry.id, index);
      const document = parseBody(entry.body, where);
      const named = document.definitions.find(
        (definition): definition is OperationDefinitionNode =>
          definition.kind === Kind.OPERATION_DEFINITION && (definition.name?.value ?? '') === entry.name,
      );
      if (named === undefined)
        throw new ManifestError(
          `TRUSTED_DOCUMENTS: ${where}: its body has no operation named ${quotedInput(entry.name)}`,
        );
      if (String(named.operation) !== entry.type) {
        throw new ManifestError(
          `TRUSTED_DOCUMENTS: ${where}: "type" is ${entry.type}, but the body's operation is a ${named.operation}`,
        );
      }
      return Object.freeze({ ...entry, document });
    });
    return new OperationManifest(Object.freeze(listed), source);
  }
}

/** One entry's fields checked: strings, a known type, and an id that is its body's SHA-256. */
function checkedEntry(entry: unknown, where: string): ManifestOperation {
  if (!isRecord(entry)) throw new ManifestError(`TRUSTED_DOCUMENTS: ${where} must be an object`);
  const { id, name, type, body } = entry;
  for (const [field, value] of Object.entries({ id, name, type, body })) {
    if (typeof value !== 'string') throw new ManifestError(`TRUSTED_DOCUMENTS: ${where}: "${field}" must be a string`);
  }
  const entryName = name as string;
  const named = `${where} (${entryName === '' ? 'anonymous' : entryName})`;
  if (!OPERATION_TYPES.includes(type as OperationType)) {
    throw new ManifestError(
      `TRUSTED_DOCUMENTS: ${named}: "type" must be query, mutation or subscription, got ${quotedInput(String(type))}`,
    );
  }
  if (!DOCUMENT_ID_PATTERN.test(id as string)) {
    throw new ManifestError(
      `TRUSTED_DOCUMENTS: ${named}: "id" must be 64 lowercase hex digits (SHA-256), got ${quotedInput(String(id))}`,
    );
  }
  const computed = documentIdOf(body as string);
  if (computed !== id) {
    throw new ManifestError(
      `TRUSTED_DOCUMENTS: ${named}: "id" ${String(id)} is not the SHA-256 of its body (${computed})`,
    );
  }
  return { id, name: entryName, type: type as OperationType, body: body as string };
}

function parseBody(body: string, where: string): DocumentNode {
  try {
    return parse(body, { noLocation: false });
  } catch (error) {
    throw new ManifestError(
      `TRUSTED_DOCUMENTS: ${where}: its body is not a GraphQL document (${(error as Error).message})`,
    );
  }
}

function soleOperation(document: DocumentNode, where: string): OperationDefinitionNode {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const [only] = operations;
  if (operations.length !== 1 || only === undefined) {
    throw new ManifestError(`TRUSTED_DOCUMENTS: ${where} must hold exactly one operation, holds ${operations.length}`);
  }
  return only;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
