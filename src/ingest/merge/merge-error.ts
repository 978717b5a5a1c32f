import { formatRef, type SourceRef } from '../source-document';

/**
 * The documents (or the reference tables) contradict each other in a way no rule may settle by itself:
 * an item without its draft sheet, a department the glossary lacks, two rows claiming one measure. Like a
 * ParseError, the message starts with the document and line where the merge stopped and then says what is
 * wrong, so a reader can open the file there and fix the text, the glossary or seed/corrections.yaml.
 */
export class MergeError extends Error {
  constructor(
    readonly where: SourceRef,
    readonly problem: string,
  ) {
    super(`${formatRef(where)}: ${problem}`);
    this.name = 'MergeError';
  }
}
