import { declareAttributes } from './attribute';
import { outTo } from './anchor';
import { along, declareRelationships, paged } from './relationship';

/**
 * The attributes of fields (分野) of the comprehensive plan, each declared once: its stored contract,
 * field, search and load rule follow from here (attribute.ts).
 */
export const FIELD_ATTRIBUTES = declareAttributes({
  number: { type: 'Int', optional: false, unit: 'field number', description: 'Field number 1–6.', min: 1 },
  name: { type: 'String', description: 'Japanese name, e.g. 市民生活.', search: 'indexed' },
  nameEn: { type: 'String', description: 'English name, e.g. Civic Life.', search: 'indexed' },
  slogan: { type: 'String', optional: true, description: "The chapter's slogan (fields 5 and 6 only)." },
});

/** The relationship fields of a field (relationship.ts): the path from it to the nodes each lists. */
export const FIELD_RELATIONSHIPS = declareRelationships({
  policyItems: paged(along(outTo('HAS_ITEM')), 'Policy items of this field, in code order.'),
});
