import 'reflect-metadata';
import {
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Matches,
  Min,
  ValidateIf,
  validateSync,
  type ValidationError,
} from 'class-validator';
import {
  NODE_LABELS,
  RELATIONSHIP_TYPES,
  type GraphFile,
  type GraphNode,
  type GraphRelationship,
  type NodeLabel,
} from '../../graph/graph-model';
import { NODE_PROPERTY_RULES } from './node-property-rules';

/** The graph file breaks a rule; every violation is listed as `document:line: message`. */
export class GraphValidationError extends Error {
  override name = 'GraphValidationError';
  constructor(readonly violations: readonly string[]) {
    super(
      `seed graph is invalid (${violations.length} problem${violations.length === 1 ? '' : 's'}):\n${violations.map((v) => `  ${v}`).join('\n')}`,
    );
  }
}

class ProvenanceDto {
  @IsString()
  @Matches(/^\d{3}_[0-9a-f]+\.(?:txt|pdf)$|^reference\/[a-z-]+\.yaml$/, {
    message: 'sourceDocument must name a file of seed/sources/ (or its PDF) or seed/reference/',
  })
  sourceDocument!: string;

  @ValidateIf(
    (provenance: ProvenanceDto) => provenance.sourcePage !== undefined || /\.pdf$/.test(provenance.sourceDocument),
  )
  @IsInt({ message: 'sourcePage must be the page of a PDF source (and only of a PDF)' })
  @Min(1)
  sourcePage?: number;

  @IsInt()
  @Min(1)
  sourceLine!: number;
}

class NodeDto {
  @IsIn(Object.keys(NODE_LABELS))
  label!: string;

  @IsString()
  @Matches(/^[a-z-]+:\S+$/, { message: 'id must look like kind:key' })
  id!: string;

  @IsObject()
  properties!: object;
}

class RelationshipDto {
  @IsIn(Object.keys(RELATIONSHIP_TYPES))
  type!: string;

  @IsString()
  from!: string;

  @IsString()
  to!: string;

  @IsObject()
  properties!: object;
}

/**
 * Checks the whole graph before anything touches the database: shapes (class-validator DTOs), per-label
 * required properties, provenance on every node and relationship, id prefixes matching labels, unique ids,
 * and relationship ends that exist with the labels the model allows. Throws one error listing everything.
 */
export function validateGraph(graph: GraphFile): void {
  const violations: string[] = [];
  const labelOf = new Map<string, NodeLabel>();

  for (const node of graph.nodes) {
    const where = locate(node.properties, `node ${String(node.id)}`);
    const problems = [
      ...messages(Object.assign(new NodeDto(), node)),
      ...messages(Object.assign(new ProvenanceDto(), node.properties)),
    ];
    if (problems.length === 0) {
      const label = node.label;
      if (!node.id.startsWith(`${NODE_LABELS[label]}:`))
        problems.push(`id must start with '${NODE_LABELS[label]}:' for label ${label}`);
      if (labelOf.has(node.id)) problems.push('id is used by another node');
      labelOf.set(node.id, label);
      problems.push(...propertyProblems(node));
    }
    violations.push(...problems.map((p) => `${where}: ${node.id}: ${p}`));
  }

  for (const rel of graph.relationships) {
    const where = locate(rel.properties, `relationship ${String(rel.type)}`);
    const problems = [
      ...messages(Object.assign(new RelationshipDto(), rel)),
      ...messages(Object.assign(new ProvenanceDto(), rel.properties)),
    ];
    if (problems.length === 0) problems.push(...endProblems(rel, labelOf));
    violations.push(...problems.map((p) => `${where}: ${rel.type} ${rel.from} -> ${rel.to}: ${p}`));
  }

  if (violations.length > 0) throw new GraphValidationError(violations);
}

function propertyProblems(node: GraphNode): string[] {
  const Rules = NODE_PROPERTY_RULES[node.label];
  return messages(Object.assign(new Rules(), node.properties));
}

function endProblems(rel: GraphRelationship, labelOf: ReadonlyMap<string, NodeLabel>): string[] {
  const allowed = RELATIONSHIP_TYPES[rel.type];
  const problems: string[] = [];
  for (const [end, id, wanted] of [
    ['from', rel.from, allowed.from],
    ['to', rel.to, allowed.to],
  ] as const) {
    const actual = labelOf.get(id);
    if (actual === undefined) problems.push(`${end} node ${id} does not exist`);
    else if (actual !== wanted) problems.push(`${end} must be a ${wanted}, got a ${actual}`);
  }
  return problems;
}

function locate(properties: unknown, fallback: string): string {
  if (properties && typeof properties === 'object') {
    const { sourceDocument, sourceLine } = properties as { sourceDocument?: unknown; sourceLine?: unknown };
    if (typeof sourceDocument === 'string' && typeof sourceLine === 'number') return `${sourceDocument}:${sourceLine}`;
  }
  return `seed/graph.json (${fallback})`;
}

function messages(target: object): string[] {
  return validateSync(target, { forbidUnknownValues: false }).flatMap(flatten);
}

function flatten(error: ValidationError): string[] {
  const own = Object.values(error.constraints ?? {});
  return [...own, ...(error.children ?? []).flatMap(flatten)];
}
