import { nodeId, sortKey } from './ids';
import type { MergeContext } from './merge-context';

/**
 * SDGs and departments come from the reference tables (seed/reference/): the documents name them but do
 * not describe them. Every glossary department is a node, provenance being the line the glossary says it
 * was seen on; SDG nodes point at their entry in sdgs.yaml.
 */
export function mergeReference({ graph, sources }: MergeContext): void {
  for (const sdg of sources.reference.sdgs) {
    graph.node('Sdg', nodeId('Sdg', String(sdg.number)), sdg.source, {
      number: sdg.number,
      name: sdg.name,
      nameEn: sdg.nameEn,
      color: sdg.color,
      sortKey: sortKey(String(sdg.number)),
    });
  }
  for (const department of sources.reference.glossary.departments) {
    graph.node('Department', nodeId('Department', department.id), department.seen, {
      name: department.name,
      nameKana: department.nameKana,
      nameEn: department.nameEn,
      sortKey: department.id,
    });
  }
}
