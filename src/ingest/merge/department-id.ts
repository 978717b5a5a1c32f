import type { DepartmentGlossary } from '../reference';
import type { SourceRef } from '../source-document';
import { nodeId } from './ids';
import { MergeError } from './merge-error';

/**
 * The Department node id for a department name as a document writes it (measures' 評価回答部署, reform
 * sheets' 実行課 and 連携課). An unknown name is a gap in seed/reference/departments.yaml and stops the merge:
 * a department is never invented from a spelling.
 */
export function departmentId(glossary: DepartmentGlossary, name: string, source: SourceRef): string {
  const department = glossary.lookup(name);
  if (!department) {
    throw new MergeError(source, `department '${name}' is not in seed/reference/departments.yaml`);
  }
  return nodeId('Department', department.id);
}
