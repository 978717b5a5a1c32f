import { GraphQLError } from 'graphql';
import { decodeCursor, decodePosition, encodeCursor, encodePositionCursor } from '../../../src/read/page/cursor';

describe('cursors', () => {
  it('round-trip a sortKey through an opaque, URL-safe string', () => {
    for (const sortKey of ['05-01-03', 'citizen-activity-promotion', '市民', 'a/b+c=']) {
      const cursor = encodeCursor(sortKey);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(cursor).not.toContain(sortKey);
      expect(decodeCursor(cursor)).toBe(sortKey);
    }
  });

  it('differ for different positions', () => {
    expect(encodeCursor('05-01-01')).not.toBe(encodeCursor('05-01-02'));
  });

  it.each([
    ['not base64 of this API', 'hello'],
    ['base64 of text without the version tag', Buffer.from('05-01-01').toString('base64url')],
    ['the version tag alone', Buffer.from('c1:').toString('base64url')],
    ['empty', ''],
  ])('refuses a cursor that is %s, naming the argument', (_what, cursor) => {
    let error: unknown;
    try {
      decodeCursor(cursor);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).message).toBe(`'after' is not a cursor of this API: ${JSON.stringify(cursor)}`);
    expect((error as GraphQLError).extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});

describe('cursors of a sorted page', () => {
  const tag = 'measures:STATUS.ASC,NAME.DESC';
  const position = { values: [1, 'データの集積と活用の推進'], sortKey: '06-02-08' };

  it('round-trip the sort values and sortKey for the order they were made for', () => {
    const cursor = encodePositionCursor(tag, position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePosition(cursor, tag, 2, 'STATUS ASC, then NAME DESC, then code')).toEqual(position);
  });

  it('read a plain cursor as a position in the default order only', () => {
    expect(decodePosition(encodeCursor('05-01-01'), '', 0, 'code')).toEqual({ values: [], sortKey: '05-01-01' });
    expect(() => decodePosition(encodeCursor('05-01-01'), tag, 2, 'STATUS ASC, then code')).toThrow(
      /'after' is a cursor of the default order \(code\), but this request orders by STATUS ASC, then code/,
    );
  });

  it('refuse a cursor of another order, naming the argument', () => {
    let error: unknown;
    try {
      decodePosition(encodePositionCursor(tag, position), 'measures:NAME.ASC', 1, 'NAME ASC, then code');
    } catch (caught) {
      error = caught;
    }
    expect((error as GraphQLError).message).toMatch(/cursor of the order measures:STATUS.ASC,NAME.DESC/);
    expect((error as GraphQLError).extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('refuse a forged body', () => {
    const forged = Buffer.from('c2:{"o":"x","v":[{}],"k":"a"}').toString('base64url');
    expect(() => decodePosition(forged, 'x', 1, 'x')).toThrow(/not a cursor of this API/);
  });
});
