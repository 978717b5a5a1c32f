import fc from 'fast-check';
import type { CompiledStatement } from '../../../src/db/compiled-statement';
import { ComposedStatements } from '../../../src/db/composed-statements';

/**
 * The statements kept by shape: whatever shapes are asked, never more than `max` are kept, a kept shape is not
 * composed again, and once cleared (the memory guard's shed, when memory is short or the service idle) nothing
 * is kept and the next read of a shape composes it anew.
 */
describe('ComposedStatements', () => {
  it('keeps at most `max` shapes, reuses what it keeps and forgets everything when cleared', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.string({ maxLength: 3 }), { maxLength: 80 }),
        (max, shapes) => {
          const composed = new ComposedStatements(max);
          let compositions = 0;
          const compose = (shape: string) => (): CompiledStatement => {
            compositions += 1;
            return { text: `RETURN '${shape}'`, origin: 'test' };
          };
          for (const shape of shapes) {
            const before = compositions;
            const statement = composed.get(shape, compose(shape));
            expect(statement.text).toBe(`RETURN '${shape}'`);
            expect(composed.get(shape, compose(shape))).toBe(statement);
            expect(compositions).toBeLessThanOrEqual(before + 1);
            expect(composed.size).toBeLessThanOrEqual(max);
          }
          composed.clear();
          expect(composed.size).toBe(0);
          const before = compositions;
          for (const shape of new Set(shapes)) composed.get(shape, compose(shape));
          expect(compositions - before).toBe(new Set(shapes).size);
        },
      ),
    );
  });
});
