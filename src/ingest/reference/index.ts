export { ReferenceDataError } from './reference-data-error';
export { loadSdgs, type Sdg } from './sdg';
export { loadFields, type PlanField } from './plan-field';
export { loadDepartments, type Department, type DepartmentAlias } from './department';
export { loadCollectiveTerms, type CollectiveTerm } from './collective-term';
export { DepartmentGlossary } from './department-glossary';
export {
  loadIndicatorOwners,
  type IndicatorOwnersReference,
  type ReviewedIndicatorOwners,
  type CitedLine,
} from './indicator-owners';
