import { rootNodeResolver } from '../../read/root-node';
import { Department } from '../department/department.type';
import { PolicyItem } from '../policy-item/policy-item.type';
import { ReformSheet } from '../reform-sheet/reform-sheet.type';
import { Sdg } from '../sdg/sdg.type';
import { Measure } from './measure.type';
import { many, one, relationshipResolvers } from '../../read/relationship-fields';
import { MEASURE_LIST } from './measure.list';
import { rootConnectionResolver } from '../../read/root-connection';
import { REFORM_SHEET_LIST } from '../reform-sheet/reform-sheet.list';

export const MeasureResolver = rootNodeResolver(() => Measure, {
  field: 'measure',
  description: 'A measure by code, e.g. `5-1-3` (or `5-6-d3` for a deleted one); null when there is none.',
  key: { name: 'code', description: 'Measure code.' },
  id: (code: string) => `measure:${code.trim()}`,
  from: Measure.from,
});

export const MeasureRelationships = relationshipResolvers(() => Measure, 'Measure', {
  policyItem: one(() => PolicyItem, 'The policy item (施策大項目) the measure belongs to.'),
  departments: many(() => Department, 'Departments responsible for the measure (評価回答部署).'),
  sdgs: many(() => Sdg, 'SDGs the measure touches, through its policy item.'),
  reformSheets: many(() => ReformSheet, 'Reform sheets that name the measure as one they support.', REFORM_SHEET_LIST),
});

export const MeasuresRootConnection = rootConnectionResolver(MEASURE_LIST, {
  field: 'measures',
  description:
    'Measures matching a filter, in code order (5-2 before 5-10), paginated. Deleted measures only when asked for.',
});
