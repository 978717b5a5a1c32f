import { RowReader } from '../../../src/db/row-reader';

describe('RowReader on lists sent for maps', () => {
  // A compiled statement's related nodes: each a list of the projected properties, then a child column.
  const row = { c1: [['measure:5-1-3', '5-1-3', null, [['総務課']]]] };
  const names = ['id', 'code', 'status', 'c2'];

  it('reads each list as a projection over the names: a null is a value, an unnamed property is left out', () => {
    const [measure] = new RowReader(row).listedProjections('c1', names);
    expect(measure?.values).toEqual({ id: 'measure:5-1-3', code: '5-1-3', status: null, c2: [['総務課']] });
    expect(measure?.string('code')).toBe('5-1-3');
    expect(measure?.leftOut('status')).toBe(false);
    expect(measure?.leftOut('name')).toBe(true);
    // listedRows reads the same lists as plain rows, where nothing is "left out".
    expect(new RowReader(row).listedRows('c1', names)[0]?.leftOut('name')).toBe(false);
  });

  it('names the column and the entry when a list does not match its names', () => {
    expect(() => new RowReader(row).listedProjections('c1', ['id', 'code'])).toThrow(
      "column 'c1[0]': expected a list of 2 (id, code)",
    );
    expect(() => new RowReader({ c1: 'x' }).listedProjections('c1', names)).toThrow(
      "column 'c1': expected a list of lists",
    );
    expect(new RowReader({}).listedProjections('c1', names)).toEqual([]);
  });
});
