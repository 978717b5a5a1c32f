import type { SourceRef } from '../source-document';
import { nameKey } from '../../core/text/index';
import { MergeError } from './merge-error';

/**
 * Finds measures by name the way other documents write them: spacing, width, spaced letters (`I C T`),
 * glossary marks (`ICT※`, `ICT*`) ignored, and previous names answering as well as current ones (a reform
 * sheet written before a rename still means the renamed measure).
 */
export class MeasureIndex {
  private readonly byKey = new Map<string, string>();

  /** Registers the names of the measure `measureId`, read at `source`. */
  add(measureId: string, names: readonly (string | null)[], source: SourceRef): void {
    for (const name of names) {
      if (name === null) continue;
      const key = nameKey(name);
      const existing = this.byKey.get(key);
      if (existing !== undefined && existing !== measureId) {
        throw new MergeError(source, `two measures answer to the name '${name}': ${existing} and ${measureId}`);
      }
      this.byKey.set(key, measureId);
    }
  }

  find(name: string): string | undefined {
    return this.byKey.get(nameKey(name));
  }
}
