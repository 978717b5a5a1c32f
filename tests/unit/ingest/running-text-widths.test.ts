import { expectSameGraph } from './corpus-graph';
import { everyWidth, withPageFurniture } from './width-sweep';
import { rewrapRunningText, type Unit } from './extraction-corpus';

/**
 * Running text re-wrapped at every width from 30 to 80 (issue 57), counted in characters as the issue counts
 * them and in display columns as a PDF column is printed, each alone and with page furniture: every copy
 * builds seed/graph.json, every source line at the line where its text now starts.
 */
describe.each<Unit>(['characters', 'display columns'])('running text re-wrapped, in %s', (unit) => {
  it.each(everyWidth(30, 80))('at %i', (width) => expectSameGraph([rewrapRunningText(width, unit)]));

  it.each(everyWidth(30, 80))('at %i, with page furniture', (width) =>
    expectSameGraph([rewrapRunningText(width, unit), withPageFurniture(width)]),
  );
});
