import { ParseError } from '../parse-error';
import type { SourceRef } from '../source-document';
import { displayName } from '../../core/text/index';

/**
 * A 評価回答部署 cell names one or more departments separated by `、` (`市民活動推進課、危機管理課`). Only `、`
 * separates: `・` occurs inside names elsewhere in the plan, and a department never contains `、`.
 */
export function readDepartmentList(text: string, where: SourceRef, raw: string): string[] {
  const departments = text
    .split('、')
    .map(displayName)
    .filter((name) => name !== '');
  if (departments.length === 0 || departments.some((name) => name.startsWith('←'))) {
    throw new ParseError(where, 'one or more departments separated by 、', raw);
  }
  return departments;
}
