import { nameIn, text, type Language } from '../common/i18n';
import { DepartmentLinks } from '../common/department-links';
import { reiwaLabel } from '../common/fiscal-year';
import { Grade } from '../common/grade';
import { OutlookBadge } from '../common/outlook';
import { ExportLink } from '../common/export-link';
import { StateLink, useNavigation } from '../common/navigation';
import { QueryStatus } from '../common/query-status';
import { markFirstRender } from '../common/rendered-mark';
import { SdgBadge } from '../common/sdg-badge';
import { StatusBadge } from '../common/status-badge';
import { useQuery } from '../common/use-query';
import {
  FIELDS_QUERY,
  POLICY_ITEM_QUERY,
  type FieldsData,
  type IndicatorProgress,
  type PolicyItemData,
} from './drilldown-query';

/** Field → policy item → measure: state `field` (open field) and `item` (the chosen policy item's code). */
export function DrilldownView() {
  const { state, language } = useNavigation();
  const fields = useQuery<FieldsData>(FIELDS_QUERY, {});
  const item = state.item;
  const openField = state.field ?? item?.split('-')[0];
  return (
    <section aria-labelledby="items-title" class="two-columns">
      <nav class="item-nav" aria-labelledby="items-title">
        <h2 id="items-title">{text(language, 'items')}</h2>
        {fields.status !== 'done' ? (
          <QueryStatus state={fields} />
        ) : (
          <ul class="field-list">
            {fields.data.fields.map((field) => (
              <li key={field.number}>
                <details open={openField === String(field.number)}>
                  <summary>
                    {field.number} {nameIn(language, field)}
                  </summary>
                  <ul>
                    {field.policyItems.map((policyItem) => (
                      <li key={policyItem.code}>
                        <StateLink
                          patch={{ item: policyItem.code, field: String(field.number) }}
                          current={policyItem.code === item}
                        >
                          <span class="code">{policyItem.code}</span> {policyItem.name}
                        </StateLink>
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        )}
      </nav>
      <div class="item-detail">
        {item === undefined ? (
          <p>{text(language, 'chooseItem')}</p>
        ) : (
          <PolicyItemDetail code={item} language={language} />
        )}
      </div>
    </section>
  );
}

function PolicyItemDetail(props: { readonly code: string; readonly language: Language }) {
  const { language } = props;
  const result = useQuery<PolicyItemData>(POLICY_ITEM_QUERY, { code: props.code });
  if (result.status !== 'done') return <QueryStatus state={result} />;
  const item = result.data.policyItem;
  if (item === null) return <p role="alert">{props.code}: not found</p>;
  markFirstRender();
  return (
    <article aria-labelledby="item-title">
      <p class="breadcrumb">
        {text(language, 'field')} {item.field.number} {nameIn(language, item.field)}
      </p>
      <h3 id="item-title">
        <span class="code">{item.code}</span> {item.name}
      </h3>
      {item.previousName === null ? null : (
        <p class="previous-name">
          {text(language, 'previously')}: {item.previousName}
        </p>
      )}
      <p>
        {text(language, 'sdgs')}:{' '}
        {item.sdgs.length === 0
          ? text(language, 'none')
          : item.sdgs.map((sdg) => <SdgBadge key={sdg.number} sdg={sdg} language={language} />)}
      </p>
      <p>
        {text(language, 'departments')}: <DepartmentLinks departments={item.departments} />
      </p>

      <h4>{text(language, 'measures')}</h4>
      <div class="scroll-x">
        <table class="measures">
          <thead>
            <tr>
              <th scope="col">{text(language, 'measures')}</th>
              <th scope="col">{text(language, 'status')}</th>
              <th scope="col">{text(language, 'departments')}</th>
              <th scope="col">{text(language, 'reformSheets')}</th>
            </tr>
          </thead>
          <tbody>
            {item.measures.map((measure) => (
              <tr
                key={measure.code}
                data-code={measure.code}
                class={measure.status === 'DELETED' ? 'deleted' : undefined}
              >
                <th scope="row">
                  <span class="code">{measure.code}</span> {measure.name}
                  {measure.previousName === null ? null : (
                    <small class="previous-name">
                      {' '}
                      ({text(language, 'previously')}: {measure.previousName})
                    </small>
                  )}
                </th>
                <td>
                  <StatusBadge status={measure.status} language={language} />
                </td>
                <td>
                  <DepartmentLinks departments={measure.departments} />
                </td>
                <td>
                  {measure.reformSheets.map((sheet) => (
                    <div key={sheet.code}>
                      {sheet.code} <Grade evaluation={sheet.evaluation} language={language} />
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h4>{text(language, 'indicators')}</h4>
      {item.indicators.length === 0 ? (
        <p>{text(language, 'none')}</p>
      ) : (
        <div class="scroll-x">
          <table class="indicators">
            <thead>
              <tr>
                <th scope="col">{text(language, 'indicators')}</th>
                <th scope="col">{text(language, 'baseline')}</th>
                <th scope="col">{text(language, 'target')}</th>
                <th scope="col">{text(language, 'latest')}</th>
                <th scope="col">{text(language, 'outlookColumn')}</th>
                <th scope="col">{text(language, 'departments')}</th>
              </tr>
            </thead>
            <tbody>
              {item.indicators.map((indicator) => (
                <tr key={indicator.id}>
                  <th scope="row">
                    <StateLink patch={{ view: 'indicator', id: indicator.id }} replace>
                      {indicator.name}
                    </StateLink>
                  </th>
                  <td>{indicator.currentText ?? '—'}</td>
                  <td>{indicator.targetText ?? '—'}</td>
                  <td>
                    <LatestResult progress={indicator.progress} unit={indicator.unit} language={language} />
                  </td>
                  <td class="outlook-cell">
                    <OutlookBadge
                      status={indicator.outlook.status}
                      reason={indicator.outlook.reason}
                      language={language}
                    />
                  </td>
                  <td>
                    <DepartmentLinks departments={indicator.owners.map((owner) => owner.department)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ExportLink kind="indicators" filter={{ policyItem: item.code }} language={language} />
        </div>
      )}

      <h4>{text(language, 'reformSheets')}</h4>
      {item.reformSheets.length === 0 ? (
        <p>{text(language, 'none')}</p>
      ) : (
        <ul class="sheet-list">
          {item.reformSheets.map((sheet) => (
            <li key={sheet.code}>
              <StateLink patch={{ view: 'sheet', id: `reform-sheet:${sheet.code}` }} replace>
                <span class="code">{sheet.code}</span> {sheet.name}
              </StateLink>{' '}
              <Grade evaluation={sheet.evaluation} language={language} />{' '}
              <small>
                <DepartmentLinks departments={sheet.departments} />
              </small>
            </li>
          ))}
        </ul>
      )}

      <h4>{text(language, 'projects')}</h4>
      {item.projects.length === 0 ? (
        <p>{text(language, 'none')}</p>
      ) : (
        <ul>
          {item.projects.map((project) => (
            <li key={project.id} class={project.status === 'DELETED' ? 'deleted' : undefined}>
              {project.name} <StatusBadge status={project.status} language={language} />
            </li>
          ))}
        </ul>
      )}

      <h4>{text(language, 'relatedPlans')}</h4>
      {item.relatedPlans.length === 0 ? (
        <p>{text(language, 'none')}</p>
      ) : (
        <ul>
          {item.relatedPlans.map((plan) => (
            <li key={plan.id}>
              {plan.name} {plan.period === null ? null : <small>({plan.period})</small>}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/**
 * An indicator's latest recorded year: value (R-year), achievement rate and grade S–D, as the API's
 * Indicator.progress computes them; "no result yet" until one is recorded.
 */
function LatestResult(props: {
  readonly progress: IndicatorProgress | null;
  readonly unit: string | null;
  readonly language: Language;
}) {
  const { progress, unit, language } = props;
  if (progress === null) return <span class="no-result">{text(language, 'noResultYet')}</span>;
  const year = reiwaLabel(progress.fiscalYear);
  return (
    <span class="progress">
      {progress.value.toLocaleString(language)}
      {unit ?? ''} ({year})
      {progress.achievementRate === null ? (
        <span class="grade grade-none">{text(language, 'notGradable')}</span>
      ) : (
        <>
          {' '}
          {progress.achievementRate.toFixed(1)}%{' '}
          <span class="grade" data-grade={progress.grade}>
            {progress.grade}
          </span>
        </>
      )}
    </span>
  );
}
