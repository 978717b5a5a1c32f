import { rememberingSerializer } from '../../../../src/platform/graphql/result-serializer';

describe('the result serializer', () => {
  /** A `data` object that counts how often it is serialized. */
  function countedData(): { data: { toJSON(): unknown }; serialized: () => number } {
    let count = 0;
    return {
      data: {
        toJSON() {
          count += 1;
          return { measure: { code: '5-1-3' } };
        },
      },
      serialized: () => count,
    };
  }

  it('writes what Apollo writes: errors, data, extensions in that order, and a newline', () => {
    const serialize = rememberingSerializer();
    const text = serialize({ data: { a: 1 }, extensions: { x: 2 }, errors: [{ message: 'm' }] });
    expect(text).toBe('{"errors":[{"message":"m"}],"data":{"a":1},"extensions":{"x":2}}\n');
    expect(serialize({ errors: [{ message: 'only' }] })).toBe('{"errors":[{"message":"only"}]}\n');
  });

  it('serializes an answer once when the size cap and Apollo both ask for it (Apollo re-wraps the members)', () => {
    const serialize = rememberingSerializer();
    const { data, serialized } = countedData();
    const extensions = { cypher: { queries: 1 } };
    const measured = serialize({ data, extensions });
    const sent = serialize({ errors: undefined, data, extensions });
    expect(sent).toBe(measured);
    expect(serialized()).toBe(1);
  });

  it('hands a remembered text out once, then forgets it (the map holds no answer after it is sent)', () => {
    const serialize = rememberingSerializer();
    const { data, serialized } = countedData();
    const measured = serialize({ data });
    expect(serialize({ data })).toBe(measured);
    expect(serialized()).toBe(1);
    expect(serialize({ data })).toBe(measured);
    expect(serialized()).toBe(2);
  });

  it('serializes again when a plugin replaced the extensions in between', () => {
    const serialize = rememberingSerializer();
    const { data, serialized } = countedData();
    const result: { data: unknown; extensions?: unknown } = { data };
    const before = serialize(result);
    result.extensions = { cypher: { queries: 1 } };
    const after = serialize(result);
    expect(before).not.toContain('cypher');
    expect(after).toContain('"cypher":{"queries":1}');
    expect(serialized()).toBe(2);
  });
});
