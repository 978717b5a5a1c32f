/**
 * What the explorer needs to draw and name any node, whatever its kind (the API's `Node` interface carries
 * only the id, so each kind's naming fields are asked for by fragment).
 */
const NODE_LABEL_FRAGMENT = `
fragment NodeLabel on Node {
  id
  __typename
  ... on Department { name nameEn }
  ... on Sdg { number name nameEn color }
  ... on PolicyField { number name nameEn }
  ... on PolicyItem { code name }
  ... on Measure { code name status }
  ... on ReformSheet { code name }
  ... on ReformArea { number name }
  ... on Indicator { name }
  ... on Project { name }
  ... on RelatedPlan { name }
  ... on LinkagePlan { number name }
  ... on Initiative { name }
}`;

export interface GraphNode {
  readonly id: string;
  readonly __typename: string;
  readonly name?: string;
  readonly nameEn?: string;
  readonly number?: number;
  readonly code?: string;
  readonly color?: string;
  readonly status?: string;
}

export interface Neighbour {
  readonly relationship: string;
  readonly direction: 'INCOMING' | 'OUTGOING';
  readonly node: GraphNode;
}

export const SEARCH_QUERY = `
query DashboardSearch($text: String!) {
  search(text: $text, first: 12) { snippet node { ...NodeLabel } }
}
${NODE_LABEL_FRAGMENT}`;

export interface SearchData {
  readonly search: readonly { readonly snippet: string; readonly node: GraphNode }[];
}

/** Most neighbours drawn per expanded node; the largest hubs (an SDG, a field) stay readable. */
const NEIGHBOURS_PER_NODE = 60;

/**
 * Most nodes one request can expand under the service's default limits: QUERY_MAX_ALIASES (15) less the focus's
 * alias. The request's text depends on how many nodes it expands, and every text the page sends is listed in the
 * build's manifest of trusted documents, one per count up to this (../operations.ts); a link expanding more is
 * refused by the alias limit anyway.
 */
export const MOST_NODES_PER_REQUEST = 14;

/**
 * The starting node and the neighbours of every node to expand, in one request: one aliased `neighbours`
 * field per node, so opening a shared link with several expanded nodes still costs one round trip.
 */
export function neighboursQuery(ids: readonly string[]): string {
  const variables = ids.map((_id, index) => `$id${index}: ID!`).join(', ');
  const fields = ids
    .map(
      (_id, index) =>
        `n${index}: neighbours(id: $id${index}, first: ${NEIGHBOURS_PER_NODE}) { relationship direction node { ...NodeLabel } }`,
    )
    .join('\n');
  return `query DashboardNeighbours($focus: ID!${variables === '' ? '' : `, ${variables}`}) {
  focus: node(id: $focus) { ...NodeLabel }
  ${fields}
}
${NODE_LABEL_FRAGMENT}`;
}

export function neighboursVariables(focus: string, ids: readonly string[]): Record<string, string> {
  const entries: [string, string][] = [
    ['focus', focus],
    ...ids.map((id, index): [string, string] => [`id${index}`, id]),
  ];
  return Object.fromEntries(entries);
}

export type NeighboursData = { readonly focus: GraphNode | null } & Readonly<Record<string, readonly Neighbour[]>>;

export const PATHS_QUERY = `
query DashboardPaths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, first: 3, maxHops: 6) {
    length
    steps { relationship from { ...NodeLabel } to { ...NodeLabel } source { document line } }
  }
}
${NODE_LABEL_FRAGMENT}`;

export interface PathsData {
  readonly paths: readonly {
    readonly length: number;
    readonly steps: readonly {
      readonly relationship: string;
      readonly from: GraphNode;
      readonly to: GraphNode;
      readonly source: { readonly document: string; readonly line: number } | null;
    }[];
  }[];
}
