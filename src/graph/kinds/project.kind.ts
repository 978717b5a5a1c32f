import { ChangeStatus } from '../enums';
import { declareAttributes } from './attribute';
import { CODE } from './code';
import { inFrom } from './anchor';
import { along, declareRelationships, single } from './relationship';

/**
 * The attributes of main projects (主な事業) of policy items, each declared once: its stored contract, field,
 * search and load rule follow from here (attribute.ts).
 */
export const PROJECT_ATTRIBUTES = declareAttributes({
  code: { field: false, description: 'Code of the project (found by search; not a field of its own).', ...CODE },
  number: {
    type: 'Int',
    optional: true,
    unit: 'position within the policy item',
    description: 'Number (①②…) within its policy item; null when deleted.',
    min: 1,
  },
  name: { type: 'String', description: 'Name in the next plan.', search: 'indexed' },
  previousName: {
    type: 'String',
    optional: true,
    description: 'Name in the current plan, when renamed.',
    search: 'indexed',
  },
  summary: { type: 'String', optional: true, description: 'Summary (事業概要) in the next plan.', search: 'indexed' },
  status: { type: { enum: ChangeStatus }, description: 'Change mark of the draft revision sheet.' },
  deletionReason: {
    type: 'String',
    optional: true,
    description: 'Why the draft revision sheet deletes the project (削除理由), as written; null unless DELETED.',
  },
});

/** The relationship fields of a project (relationship.ts): the path from it to the nodes each lists. */
export const PROJECT_RELATIONSHIPS = declareRelationships({
  policyItem: single(along(inFrom('HAS_PROJECT')), 'The policy item the project belongs to.'),
});
