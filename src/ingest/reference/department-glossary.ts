import { matchKey } from '../../core/text/index';
import { loadCollectiveTerms, type CollectiveTerm } from './collective-term';
import { departmentKeys, loadDepartments, type Department } from './department';
import { ReferenceDataError } from './reference-data-error';

/**
 * Resolves the department names written in the documents to the glossary's departments. Matching is by
 * matchKey, so `市民活動 推進課` (a PDF line break) and full-width forms resolve like the clean name.
 */
export class DepartmentGlossary {
  private readonly byKey = new Map<string, Department>();
  private readonly collectiveKeys: ReadonlySet<string>;

  constructor(
    readonly departments: readonly Department[],
    readonly collectiveTerms: readonly CollectiveTerm[],
  ) {
    for (const department of departments) {
      for (const key of departmentKeys(department)) {
        const other = this.byKey.get(key);
        if (other !== undefined && other !== department) {
          throw new ReferenceDataError(
            `departments ${other.id} and ${department.id} both answer to ${JSON.stringify(key)}`,
          );
        }
        this.byKey.set(key, department);
      }
    }
    this.collectiveKeys = new Set(collectiveTerms.map((term) => matchKey(term.name)));
    // A phrase cannot be both: the merge step would not know whether to create a department for it.
    for (const term of collectiveTerms) {
      const department = this.byKey.get(matchKey(term.name));
      if (department) {
        throw new ReferenceDataError(`collective term ${term.name} is also the name of department ${department.id}`);
      }
    }
  }

  /** Reads departments.yaml and collective-terms.yaml from `directory` (normally seed/reference). */
  static load(directory: string): DepartmentGlossary {
    return new DepartmentGlossary(loadDepartments(directory), loadCollectiveTerms(directory));
  }

  /** The department named `name` (its name or an alias), or undefined when the glossary lacks it. */
  lookup(name: string): Department | undefined {
    return this.byKey.get(matchKey(name));
  }

  /** Whether `text` is a collective term such as 全庁 or 関係各課 rather than a department name. */
  isCollectiveTerm(text: string): boolean {
    return this.collectiveKeys.has(matchKey(text));
  }
}
