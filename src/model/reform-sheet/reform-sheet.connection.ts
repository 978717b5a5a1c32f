import { Connection } from '../../read/page/connection';
import { REFORM_SHEET_PAGE } from './reform-sheet.page-spec';
import { ReformSheetFacets } from './reform-sheet.facets';
import { ReformSheet } from './reform-sheet.type';

/** The paginated list of ReformSheets: a Relay-style connection with totalCount and facets. */
export const ReformSheetConnection = Connection(
  ReformSheet,
  'ReformSheet',
  'A page of reform sheets (実施計画シート) with the total count.',
  ReformSheetFacets,
  REFORM_SHEET_PAGE.aggregates,
);
