import { CorrectionError, decision, type Corrections } from '../corrections';
import type { PolicyItemRecord, ProjectRecord } from '../revision-sheet';
import { nameKey } from '../../core/text/index';
import { nodeId, sortKey } from './ids';
import type { DetailedItem, MergeContext } from './merge-context';
import { signedBaseline } from './signed-baseline';
import { standaloneName } from './standalone-name';

/**
 * An item's outcome indicators (001), main projects and related plans (draft sheets, next-plan side).
 * Indicators and related plans are numbered by their order under the item; projects by their ①② number,
 * deleted ones as `d` + number. Related plans the draft deletes are not part of the next plan and are left out.
 */
export function mergeItemDetails({ graph, sources }: MergeContext, item: DetailedItem): void {
  const { id: itemId, final, draft } = item;
  final.indicators.forEach((indicator, i) => {
    const code = `${final.code}-${i + 1}`;
    const id = nodeId('Indicator', code);
    const { current, direction } = signedBaseline(id, indicator.current, indicator.target, indicator.source);
    const name = standaloneName(indicator.name, final.indicators[i - 1]?.name ?? null);
    graph.node('Indicator', id, indicator.source, {
      code,
      name,
      printedName: name === indicator.name ? null : indicator.name,
      sortKey: sortKey(code),
      definition: indicator.definition,
      current: current.value,
      currentText: indicator.current.text,
      target: indicator.target.value,
      targetText: indicator.target.text,
      unit: indicator.unit,
      targetBound: indicator.target.bound,
      targetNote: indicator.target.note,
      direction,
      // The declared figures, stored as the parser read them (src/graph/kinds/indicator.kind.ts).
      ...indicator.figures,
    });
    graph.relate('MEASURED_BY', itemId, id, indicator.source);
  });

  const reordered = reorderedProjects(draft, sources.corrections);
  for (const project of draft.projects) {
    const renamed = project.newName !== null && !reordered.has(project);
    const deleted = project.status === 'DELETED';
    const code = `${draft.code}-${deleted ? 'd' : ''}${project.number}`;
    const id = nodeId('Project', code);
    graph.node('Project', id, project.source, {
      code,
      number: deleted ? null : project.number,
      name: project.newName ?? project.name,
      previousName: renamed ? project.name : null,
      summary: project.revisedSummary ?? project.summary,
      status: project.status,
      deletionReason: project.deletionReason,
      sortKey: sortKey(code),
    });
    graph.relate('HAS_PROJECT', itemId, id, project.source);
  }

  draft.relatedPlans
    .filter((plan) => plan.status !== 'DELETED')
    .forEach((plan, i) => {
      const code = `${draft.code}-${i + 1}`;
      const id = nodeId('RelatedPlan', code);
      graph.node('RelatedPlan', id, plan.source, {
        code,
        name: plan.name,
        previousName: plan.currentName !== null && plan.currentName !== plan.name ? plan.currentName : null,
        period: plan.period,
        periodStartLabel: plan.periodStart?.label,
        periodStartYear: plan.periodStart?.year,
        summary: plan.summary,
        status: plan.status,
        sortKey: sortKey(code),
      });
      graph.relate('HAS_RELATED_PLAN', itemId, id, plan.source);
    });
}

/**
 * A "rename" to the current name of another project of the same item reads as two rows trading places
 * (6-1's ② and ③ swap names and summaries). Whether it is a swap (both keep their identity, no
 * previousName) or a real rename is a judgement call, so each such pair must be decided in
 * seed/corrections.yaml (`project-swap:<item>:<a>-<b>`, value `swap` or `rename`); an undecided pair stops
 * the merge with the key to add.
 */
function reorderedProjects(draft: PolicyItemRecord, corrections: Corrections): Set<ProjectRecord> {
  const reordered = new Set<ProjectRecord>();
  for (const project of draft.projects) {
    if (project.newName === null) continue;
    const other = draft.projects.find((p) => p !== project && p.matchKey === nameKey(project.newName ?? ''));
    if (!other) continue;
    const [a, b] = [project.number, other.number].sort((x, y) => x - y);
    const verdict = decision(corrections, `project-swap:${draft.code}:${a}-${b}`);
    if (verdict.value === 'swap') reordered.add(project).add(other);
    else if (verdict.value !== 'rename') {
      throw new CorrectionError(
        `${verdict.entry}: decision ${verdict.key} must be 'swap' or 'rename', found '${verdict.value}'`,
      );
    }
  }
  return reordered;
}
