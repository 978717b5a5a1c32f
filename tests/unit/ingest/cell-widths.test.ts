import { expectSameGraph } from './corpus-graph';
import { everyWidth, withPageFurniture } from './width-sweep';
import { rewrapTableCells, type Unit } from './extraction-corpus';

/**
 * Table cells wrapped at every width from 16 to 64 (issue 57), counted in characters as the issue counts
 * them and in display columns as a PDF column is printed, each alone and with page furniture: every copy
 * builds seed/graph.json, every source line at the line where its text now starts.
 */
describe.each<Unit>(['characters', 'display columns'])('table cells wrapped, in %s', (unit) => {
  it.each(everyWidth(16, 64))('at %i', (width) => expectSameGraph([rewrapTableCells(width, unit)]));

  it.each(everyWidth(16, 64))('at %i, with page furniture', (width) =>
    expectSameGraph([rewrapTableCells(width, unit), withPageFurniture(width)]),
  );
});
