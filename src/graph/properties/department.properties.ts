import { declareAttributes } from './attribute';

/**
 * The attributes of departments (課・室・局), each declared once: its stored contract, field, search and
 * load rule follow from here (attribute.ts).
 */
export const DEPARTMENT_ATTRIBUTES = declareAttributes({
  name: {
    type: 'String',
    description: 'Japanese name as the documents write it, e.g. 市民活動推進課.',
    search: 'indexed',
  },
  nameKana: {
    type: 'String',
    description:
      'Reading of the Japanese name in hiragana, e.g. しみんかつどうすいしんか; sort by it (a Japanese collation) for 五十音 order. Reference data (seed/reference/departments.yaml): the documents print no readings.',
  },
  nameEn: {
    type: 'String',
    description: 'English name, e.g. Citizen Activity Promotion Division.',
    search: 'indexed',
  },
});
