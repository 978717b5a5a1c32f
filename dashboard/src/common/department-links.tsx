import { inDepartmentOrder, type DepartmentLabel } from './department-order';
import { nameIn } from './i18n';
import { StateLink, useNavigation } from './navigation';

/** Departments as links to their pages, comma-separated, in the language's department order. */
export function DepartmentLinks(props: { readonly departments: readonly DepartmentLabel[] }) {
  const { language } = useNavigation();
  return (
    <span class="department-links">
      {inDepartmentOrder(language, props.departments).map((department, index) => (
        <span key={department.id}>
          {index > 0 ? '、' : null}
          <StateLink patch={{ view: 'department', dept: department.id }} replace>
            {nameIn(language, department)}
          </StateLink>
        </span>
      ))}
    </span>
  );
}
