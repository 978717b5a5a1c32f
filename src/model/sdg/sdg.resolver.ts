import { rootListResolver, rootNodeResolver } from '../../read/root-node';
import { Department } from '../department/department.type';
import { Measure } from '../measure/measure.type';
import { PolicyItem } from '../policy-item/policy-item.type';
import { ReformSheet } from '../reform-sheet/reform-sheet.type';
import { Sdg } from './sdg.type';
import { POLICY_ITEM_LIST } from '../policy-item/policy-item.list';
import { MEASURE_LIST } from '../measure/measure.list';
import { connection, many, relationshipResolvers } from '../../read/relationship-fields';
import { scopeOf } from '../../read/declared-relationships';
import { REFORM_SHEET_LIST } from '../reform-sheet/reform-sheet.list';

export const SdgResolver = rootNodeResolver(() => Sdg, {
  field: 'sdg',
  description: 'An SDG by number 1–17; null for other numbers.',
  key: { name: 'number', description: 'Goal number.' },
  id: (number: number) => `sdg:${number}`,
  from: Sdg.from,
});

export const SdgsResolver = rootListResolver(() => Sdg, {
  field: 'sdgs',
  description: 'The 17 SDGs in number order.',
  label: 'Sdg',
  from: Sdg.from,
});

export const SdgRelationships = relationshipResolvers(() => Sdg, 'Sdg', {
  policyItems: many(() => PolicyItem, 'Policy items contributing to the goal.'),
  measures: many(() => Measure, 'Measures touching the goal through their policy item (deleted ones excluded).'),
  departments: many(() => Department, 'Departments responsible for a measure touching the goal.'),
  reformSheets: many(() => ReformSheet, 'Reform sheets supporting a measure touching the goal.', REFORM_SHEET_LIST),
  policyItemsConnection: connection(
    POLICY_ITEM_LIST,
    scopeOf('Sdg', 'policyItems'),
    'Policy items contributing to the goal',
  ),
  measuresConnection: connection(
    MEASURE_LIST,
    scopeOf('Sdg', 'measures'),
    'Measures touching the goal through their policy item',
  ),
});
