import { declareAttributes } from './attribute';
import { inFrom } from './anchor';
import { along, declareRelationships, listed } from './relationship';

/**
 * The attributes of areas (取組項目) of the administrative-reform outline, each declared once: its stored
 * contract, field, search and load rule follow from here (attribute.ts).
 */
export const REFORM_AREA_ATTRIBUTES = declareAttributes({
  number: { type: 'Int', optional: false, unit: 'area number', description: 'Area number 1–3.', min: 1 },
  name: { type: 'String', description: 'Name of the area.', search: 'indexed' },
});

/** The relationship fields of a reform area (relationship.ts): the path from it to the nodes each lists. */
export const REFORM_AREA_RELATIONSHIPS = declareRelationships({
  sheets: listed(along(inFrom('IN_AREA')), 'Sheets of the area, in code order.'),
});
