import { declareAttributes } from './attribute';
import { followedBy, inFrom, unlessDeletedAtEnd } from './anchor';
import { SDG_TO_MEASURES } from './measure.kind';
import { along, declareRelationships, listed, paged } from './relationship';

/**
 * The attributes of the Sustainable Development Goals, each declared once: its stored contract, field,
 * search and load rule follow from here (attribute.ts).
 */
export const SDG_ATTRIBUTES = declareAttributes({
  number: { type: 'Int', optional: false, unit: 'goal number', description: 'Goal number 1–17.', min: 1 },
  name: {
    type: 'String',
    description: 'Japanese title as the Government of Japan writes it, e.g. パートナーシップで目標を達成しよう.',
    search: 'indexed',
  },
  nameEn: { type: 'String', description: 'UN short title, e.g. Partnerships for the Goals.', search: 'indexed' },
  color: { type: 'String', description: "The goal's official colour, `#RRGGBB`." },
});

/** The relationship fields of an SDG (relationship.ts): the path from it to the nodes each lists. */
export const SDG_RELATIONSHIPS = declareRelationships({
  policyItems: listed(along(inFrom('CONTRIBUTES_TO')), 'Policy items contributing to the goal.'),
  measures: listed(
    along(...unlessDeletedAtEnd(SDG_TO_MEASURES)),
    'Measures touching the goal through their policy item (deleted ones excluded).',
  ),
  departments: listed(
    along(...followedBy(unlessDeletedAtEnd(SDG_TO_MEASURES), inFrom('RESPONSIBLE_FOR'))),
    'Departments responsible for a measure touching the goal.',
  ),
  reformSheets: paged(
    along(...followedBy(SDG_TO_MEASURES, inFrom('SUPPORTS'))),
    'Reform sheets supporting a measure touching the goal.',
  ),
});
