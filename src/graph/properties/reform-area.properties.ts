import { declareAttributes } from './attribute';

/**
 * The attributes of areas (取組項目) of the administrative-reform outline, each declared once: its stored
 * contract, field, search and load rule follow from here (attribute.ts).
 */
export const REFORM_AREA_ATTRIBUTES = declareAttributes({
  number: { type: 'Int', optional: false, unit: 'area number', description: 'Area number 1–3.', min: 1 },
  name: { type: 'String', description: 'Name of the area.', search: 'indexed' },
});
