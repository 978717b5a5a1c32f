import { declareAttributes } from './attribute';
import { SheetRole } from '../enums';
import { inFrom, outTo, unlessDeleted } from './anchor';
import { MEASURE_TO_SDGS } from './measure.kind';
import { along, alongDeletable, declareRelationships, listed, paged } from './relationship';

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

/** The relationship fields of a department (relationship.ts): the path from it to the nodes each lists. */
export const DEPARTMENT_RELATIONSHIPS = declareRelationships({
  measures: listed(
    alongDeletable(outTo('RESPONSIBLE_FOR')),
    'Measures the department is responsible for (評価回答部署).',
  ),
  policyItems: paged(
    along(unlessDeleted(outTo('RESPONSIBLE_FOR', 'Measure')), inFrom('HAS_MEASURE')),
    'Policy items in which the department is responsible for a measure.',
  ),
  sdgs: listed(
    along(unlessDeleted(outTo('RESPONSIBLE_FOR', 'Measure')), ...MEASURE_TO_SDGS),
    "SDGs the department's measures touch.",
  ),
  indicators: paged(
    along(outTo('ANSWERS_FOR')),
    'Outcome indicators the department answers for (Indicator.owners: reviewed in seed/reference/indicator-owners.yaml, or every department of the policy item).',
  ),
  // Role ANY (the default) is the union of both roles; EXECUTING or PARTNER alone follows its own type.
  reformSheets: {
    along: [outTo(['EXECUTES', 'PARTNERS_ON'])],
    byArgument: {
      name: 'role',
      paths: { [SheetRole.EXECUTING]: [outTo('EXECUTES')], [SheetRole.PARTNER]: [outTo('PARTNERS_ON')] },
    },
  },
});
