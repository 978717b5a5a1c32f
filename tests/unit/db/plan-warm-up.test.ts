import fc from 'fast-check';
import { describeWarmUp } from '../../../src/db/plan-warm-up';

describe("the background re-planning's log words", () => {
  it('names every count that is not zero, and why the first failure failed', () => {
    fc.assert(
      fc.property(
        fc.record({
          planned: fc.nat(200),
          skipped: fc.nat(200),
          failed: fc.nat(200),
          left: fc.nat(200),
          durationMs: fc.nat(60_000),
          firstFailure: fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: undefined }),
        }),
        (outcome) => {
          const words = describeWarmUp(outcome);
          expect(
            words.startsWith(`planned ${outcome.planned} statements in ${(outcome.durationMs / 1000).toFixed(1)} s`),
          ).toBe(true);
          expect(words.includes(`${outcome.skipped} run by requests`)).toBe(outcome.skipped > 0);
          expect(words.includes(`${outcome.left} left to traffic`)).toBe(outcome.left > 0);
          expect(words.includes(`${outcome.failed} failed`)).toBe(outcome.failed > 0);
          if (outcome.failed > 0 && outcome.firstFailure !== undefined) {
            expect(words).toContain(`the first with "${outcome.firstFailure}"`);
          }
        },
      ),
    );
  });
});
