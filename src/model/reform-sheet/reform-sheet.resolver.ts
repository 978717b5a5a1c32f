import { rootListResolver, rootNodeResolver } from '../../read/root-node';
import { Department } from '../department/department.type';
import { Measure } from '../measure/measure.type';
import { Sdg } from '../sdg/sdg.type';
import { ReformArea } from './reform-area.type';
import { ReformSheet } from './reform-sheet.type';
import { REFORM_SHEET_LIST } from './reform-sheet.list';
import { connection, many, one, relationshipResolvers } from '../../read/relationship-fields';
import { scopeOf } from '../../read/declared-relationships';
import { rootConnectionResolver } from '../../read/root-connection';
import { MEASURE_LIST } from '../measure/measure.list';

export const ReformSheetResolver = rootNodeResolver(() => ReformSheet, {
  field: 'reformSheet',
  description: 'A reform sheet by code `area-number`, e.g. `1-6`; null when there is none.',
  key: { name: 'code', description: 'Sheet code.' },
  id: (code: string) => `reform-sheet:${code.trim()}`,
  from: ReformSheet.from,
});

export const ReformAreasResolver = rootListResolver(() => ReformArea, {
  field: 'reformAreas',
  description: 'The three areas of the administrative-reform outline.',
  label: 'ReformArea',
  from: ReformArea.from,
});

export const ReformSheetRelationships = relationshipResolvers(() => ReformSheet, 'ReformSheet', {
  area: one(() => ReformArea, 'The area the sheet belongs to.'),
  departments: many(() => Department, 'Executing departments (実行課).'),
  partners: many(() => Department, 'Partner departments (連携課).'),
  measures: many(
    () => Measure,
    'Measures (施策中項目) the sheet supports, as resolved from the names it cites.',
    MEASURE_LIST,
  ),
  sdgs: many(() => Sdg, 'SDGs touched through the measures the sheet supports.'),
});

export const ReformAreaRelationships = relationshipResolvers(() => ReformArea, 'ReformArea', {
  sheets: many(() => ReformSheet, 'Sheets of the area, in code order.'),
  sheetsConnection: connection(REFORM_SHEET_LIST, scopeOf('ReformArea', 'sheets'), 'The sheets of the area'),
});

export const ReformSheetsRootConnection = rootConnectionResolver(REFORM_SHEET_LIST, {
  field: 'reformSheets',
  description: 'Reform sheets matching a filter, in code order, paginated.',
});
