import { Connection } from '../../read/page/connection';
import { POLICY_ITEM_PAGE } from './policy-item.page-spec';
import { PolicyItemFacets } from './policy-item.facets';
import { PolicyItem } from './policy-item.type';

/** The paginated list of PolicyItems: a Relay-style connection with totalCount and facets. */
export const PolicyItemConnection = Connection(
  PolicyItem,
  'PolicyItem',
  'A page of policy items (施策大項目) with the total count.',
  PolicyItemFacets,
  POLICY_ITEM_PAGE.aggregates,
);
