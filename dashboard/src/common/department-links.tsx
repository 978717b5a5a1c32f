import { nameIn, type Named } from './i18n';
import { StateLink, useNavigation } from './navigation';

/** Departments as links to their pages, comma-separated. */
export function DepartmentLinks(props: { readonly departments: readonly (Named & { readonly id: string })[] }) {
  const { language } = useNavigation();
  return (
    <span class="department-links">
      {props.departments.map((department, index) => (
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
