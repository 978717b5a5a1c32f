import { rootListResolver, rootNodeResolver } from '../../read/root-node';
import { ReformArea } from './reform-area.type';
import { ReformSheet } from './reform-sheet.type';
import { REFORM_SHEET_LIST } from './reform-sheet.list';
import { connection, relationshipResolvers } from '../../read/relationship-fields';
import { scopeOf } from '../../read/declared-relationships';
import { rootConnectionResolver } from '../../read/root-connection';
import { RELATED_KINDS } from '../node/related-kinds';

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

export const ReformSheetRelationships = relationshipResolvers(() => ReformSheet, 'ReformSheet', RELATED_KINDS);

export const ReformAreaRelationships = relationshipResolvers(() => ReformArea, 'ReformArea', RELATED_KINDS, {
  sheetsConnection: connection(REFORM_SHEET_LIST, scopeOf('ReformArea', 'sheets'), 'The sheets of the area'),
});

export const ReformSheetsRootConnection = rootConnectionResolver(REFORM_SHEET_LIST, {
  field: 'reformSheets',
  description: 'Reform sheets matching a filter, in code order, paginated.',
});
