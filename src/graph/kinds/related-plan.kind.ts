import { ChangeStatus } from '../enums';
import { declareAttributes } from './attribute';
import { CODE } from './code';
import { inFrom } from './anchor';
import { along, declareRelationships, single } from './relationship';

/**
 * The attributes of related plans (関連計画) of policy items, each declared once: its stored contract, field,
 * search and load rule follow from here (attribute.ts). The period's first fiscal year is stored as two
 * properties and assembled by hand (RelatedPlan.periodStart).
 */
export const RELATED_PLAN_ATTRIBUTES = declareAttributes({
  code: { field: false, description: 'Code of the related plan (found by search; not a field of its own).', ...CODE },
  name: { type: 'String', description: 'Name of the plan.', search: 'indexed' },
  previousName: {
    type: 'String',
    optional: true,
    description: 'Name in the current plan, when the next plan renames the related plan.',
    search: 'indexed',
  },
  period: { type: 'String', optional: true, description: 'Period as written, e.g. 令和5～9年度.' },
  periodStartLabel: {
    type: 'String',
    optional: true,
    field: false,
    description: "The era label of the period's first fiscal year (`R5`), for RelatedPlan.periodStart.",
  },
  periodStartYear: {
    type: 'Int',
    optional: true,
    field: false,
    unit: 'Gregorian year',
    description: "The Gregorian year the period's first fiscal year starts in, for RelatedPlan.periodStart.",
  },
  summary: { type: 'String', optional: true, description: 'Summary (概要).', search: 'indexed' },
  status: {
    type: { enum: ChangeStatus },
    description: 'Change mark of the draft revision sheet (deleted plans are not listed).',
  },
});

/** The relationship fields of a related plan (relationship.ts): the path from it to the nodes each lists. */
export const RELATED_PLAN_RELATIONSHIPS = declareRelationships({
  policyItem: single(along(inFrom('HAS_RELATED_PLAN')), 'The policy item the plan is related to.'),
});
