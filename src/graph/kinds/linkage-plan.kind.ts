import { declareAttributes } from './attribute';
import { inFrom, outTo } from './anchor';
import { along, declareRelationships, listed, paged, single } from './relationship';

/**
 * The attributes of cross-field linkage plans (政策連携プラン) and their initiatives (推進のための取組), each
 * declared once: its stored contract, field, search and load rule follow from here (attribute.ts).
 */
export const LINKAGE_PLAN_ATTRIBUTES = declareAttributes({
  number: { type: 'Int', optional: false, unit: 'plan number', description: 'Plan number 1–5 (①–⑤).', min: 1 },
  name: { type: 'String', description: 'Name of the plan.', search: 'indexed' },
  summary: { type: 'String', description: 'Summary of the plan.', search: 'indexed' },
  targets: { type: 'String[]', description: 'Proposed numeric targets (数値目標案).' },
});

export const INITIATIVE_ATTRIBUTES = declareAttributes({
  number: {
    type: 'Int',
    optional: false,
    unit: 'position within the linkage plan',
    description: 'Number of the initiative within its linkage plan, from 1.',
    min: 1,
  },
  name: { type: 'String', description: 'Name of the initiative.', search: 'indexed' },
  text: { type: 'String', description: 'What the initiative does.', search: 'indexed' },
});

/** The relationship fields of a linkage plan (relationship.ts): the path from it to the nodes each lists. */
export const LINKAGE_PLAN_RELATIONSHIPS = declareRelationships({
  initiatives: listed(along(outTo('HAS_INITIATIVE')), 'Initiatives (推進のための取組) of the plan, in order.'),
  policyItems: listed(
    along(outTo('HAS_INITIATIVE', 'Initiative'), outTo('TARGETS')),
    'Policy items any initiative of the plan targets.',
  ),
});

/** The relationship fields of an initiative (relationship.ts): the path from it to the nodes each lists. */
export const INITIATIVE_RELATIONSHIPS = declareRelationships({
  plan: single(along(inFrom('HAS_INITIATIVE')), 'The plan the initiative belongs to.'),
  policyItems: paged(along(outTo('TARGETS')), 'Policy items the initiative names.'),
});
