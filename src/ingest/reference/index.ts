export { ReferenceDataError } from './reference-data-error';
export { loadSdgs, type Sdg } from './sdg';
export { loadFields, type PlanField } from './plan-field';
export { loadDepartments } from './department';
export { loadCollectiveTerms } from './collective-term';
export { DepartmentGlossary } from './department-glossary';
export { loadIndicatorOwners, type IndicatorOwnersReference } from './indicator-owners';
