import type { Language } from './i18n';

/** A department as the dashboard lists it: labelled in either language, ordered by `compareDepartments`. */
export interface DepartmentLabel {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  /** The reading of `name` in hiragana (reference data): the key of 五十音 order. */
  readonly nameKana: string;
}

/** What every dashboard query asks of a department it lists, so every list can be put in order. */
export const DEPARTMENT_LABEL_FIELDS = 'id name nameEn nameKana';

const COLLATORS: Readonly<Record<Language, Intl.Collator>> = {
  ja: new Intl.Collator('ja'),
  en: new Intl.Collator('en'),
};

/**
 * The order people expect in each language: Japanese 五十音 by reading (the documents print no organisational
 * order covering every department), English alphabetical by English name. The id breaks ties, so the order is
 * the same on every render whatever order the API sent.
 */
export function compareDepartments(language: Language): (a: DepartmentLabel, b: DepartmentLabel) => number {
  const collator = COLLATORS[language];
  const key = (department: DepartmentLabel): string => (language === 'ja' ? department.nameKana : department.nameEn);
  return (a, b) => collator.compare(key(a), key(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A sorted copy of `departments` in `language`'s order. */
export function inDepartmentOrder<T extends DepartmentLabel>(language: Language, departments: readonly T[]): T[] {
  return [...departments].sort(compareDepartments(language));
}
