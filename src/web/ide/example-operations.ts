import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../core/project-root';

/** Where the example operations live: one operation document per `.graphql` file. */
export const EXAMPLES_DIRECTORY = join(PROJECT_ROOT, 'schema', 'examples');

export interface ExampleOperation {
  /** The file name (e.g. `service-info.graphql`), shown as the IDE tab's title. */
  readonly name: string;
  /** The file's text, as the tab's query. */
  readonly query: string;
}

/**
 * The example operations, sorted by file name. Read on every call (the folder holds a handful of small
 * files) so an example added to the folder shows up on the next page load without a restart.
 */
export async function readExampleOperations(directory: string = EXAMPLES_DIRECTORY): Promise<ExampleOperation[]> {
  let fileNames: string[];
  try {
    fileNames = await readdir(directory);
  } catch (error) {
    // No examples folder (e.g. a trimmed deployment) means an IDE without preloaded tabs, not a broken page.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const graphqlFiles = fileNames.filter((fileName) => fileName.endsWith('.graphql')).sort(compareCodePoints);
  return Promise.all(
    graphqlFiles.map(async (name) => ({ name, query: await readFile(join(directory, name), 'utf8') })),
  );
}

/** Locale-independent order, so every machine shows the tabs in the same order. */
function compareCodePoints(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}
