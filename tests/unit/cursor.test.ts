import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor } from '../../src/common/cursor';

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
