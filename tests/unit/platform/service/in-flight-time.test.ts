import fc from 'fast-check';
import { InFlightTime } from '../../../../src/platform/service/in-flight-time';

/** One step of traffic: time passes, a request enters or leaves, or a request arriving now takes a mark. */
type Step = { readonly kind: 'wait'; readonly ms: number } | { readonly kind: 'enter' | 'leave' | 'mark' };

const steps = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 5_000 }) }),
    fc.record({ kind: fc.constantFrom('enter' as const, 'leave' as const, 'mark' as const) }),
  ),
  { maxLength: 200 },
);

describe('InFlightTime', () => {
  it('gives, from any mark, the time-weighted average of requests in flight since (a model over any traffic)', () => {
    fc.assert(
      fc.property(steps, (traffic: readonly Step[]) => {
        let now = 0;
        const inFlight = new InFlightTime(() => now);
        // The model: the count over each elapsed stretch, summed from each mark's moment.
        let count = 0;
        const marks: { readonly mark: ReturnType<InFlightTime['mark']>; requestMs: number; spanMs: number }[] = [];
        for (const step of traffic) {
          if (step.kind === 'wait') {
            now += step.ms;
            for (const open of marks) {
              open.requestMs += count * step.ms;
              open.spanMs += step.ms;
            }
          } else if (step.kind === 'enter') {
            inFlight.entered();
            count += 1;
          } else if (step.kind === 'leave' && count > 0) {
            inFlight.left();
            count -= 1;
          } else if (step.kind === 'mark') {
            marks.push({ mark: inFlight.mark(), requestMs: 0, spanMs: 0 });
          }
          expect(inFlight.inFlight).toBe(count);
        }
        for (const open of marks) {
          const expected = open.spanMs > 0 ? open.requestMs / open.spanMs : count;
          expect(inFlight.averageSince(open.mark)).toBeCloseTo(expected, 9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads the count itself when no time has passed since the mark', () => {
    const now = 1_000;
    const inFlight = new InFlightTime(() => now);
    inFlight.entered();
    inFlight.entered();
    expect(inFlight.averageSince(inFlight.mark())).toBe(2);
  });
});
