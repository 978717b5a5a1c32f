import type { GraphQLError } from 'graphql';
import { describeOrder, normalizeOrder, orderTag, type OrderKey } from '../../../src/read/page/sort-order';

const isCode = (field: string) => field === 'CODE';
const key = (field: string, direction: 'ASC' | 'DESC' = 'ASC'): OrderKey => ({ field, direction });

describe('sort orders', () => {
  it('treat no order and a final CODE ASC as the default order', () => {
    expect(normalizeOrder(null, isCode)).toEqual([]);
    expect(normalizeOrder([key('CODE')], isCode)).toEqual([]);
    expect(normalizeOrder([key('NAME'), key('CODE')], isCode)).toEqual([key('NAME')]);
  });

  it('drop keys after a code key (codes are unique) and keep CODE DESC', () => {
    expect(normalizeOrder([key('CODE', 'DESC'), key('NAME')], isCode)).toEqual([key('CODE', 'DESC')]);
  });

  it('refuse a field named twice and more than four keys, naming orderBy', () => {
    for (const keys of [[key('NAME'), key('NAME', 'DESC')], ['A', 'B', 'C', 'D', 'E'].map((f) => key(f))]) {
      let error: unknown;
      try {
        normalizeOrder(keys, isCode);
      } catch (caught) {
        error = caught;
      }
      expect((error as GraphQLError).extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'orderBy' });
    }
  });

  it('name an order for cursors and in words', () => {
    expect(orderTag('measures', [key('STATUS'), key('NAME', 'DESC')])).toBe('measures:STATUS.ASC,NAME.DESC');
    expect(describeOrder([key('NAME')])).toBe('NAME ASC, then code');
  });
});
