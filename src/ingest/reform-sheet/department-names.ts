import type { NamedRef, ReformSheetDocument } from './records';

/** Every department a sheet names, executing then partner, in document order (with the line of each). */
export function departmentMentions(doc: ReformSheetDocument): NamedRef[] {
  return doc.sheets.flatMap((sheet) => [...sheet.executing.departments, ...sheet.partners.departments]);
}

/**
 * The distinct department names of the sheets, in order of first appearance: the list a glossary of
 * departments must cover. Collective terms (全庁, 関係各課 …) and outside groups are not departments.
 */
export function departmentNames(doc: ReformSheetDocument): string[] {
  return [...new Set(departmentMentions(doc).map((mention) => mention.name))];
}
