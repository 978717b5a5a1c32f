import fc from 'fast-check';
import neo4j from 'neo4j-driver';
import { describeWarmUp, warmPlans, type WarmUpTurn } from '../../../src/db/plan-warm-up';
import { freePort } from '../../helpers/free-port';

describe("the background re-planning's log words", () => {
  it('names every count that is not zero, and why the first failure failed', () => {
    fc.assert(
      fc.property(
        fc.record({
          planned: fc.nat(200),
          skipped: fc.nat(200),
          failed: fc.nat(200),
          left: fc.nat(200),
          databaseGone: fc.boolean(),
          durationMs: fc.nat(60_000),
          firstFailure: fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: undefined }),
        }),
        (outcome) => {
          const words = describeWarmUp(outcome);
          expect(
            words.startsWith(`planned ${outcome.planned} statements in ${(outcome.durationMs / 1000).toFixed(1)} s`),
          ).toBe(true);
          expect(words.includes(`${outcome.skipped} run by requests`)).toBe(outcome.skipped > 0);
          expect(words.includes(`${outcome.left} left to traffic`)).toBe(outcome.left > 0 && !outcome.databaseGone);
          expect(words.includes('stopped: the database went away')).toBe(outcome.databaseGone);
          if (outcome.databaseGone && outcome.left > 0) expect(words).toContain(`${outcome.left} left)`);
          expect(words.includes(`${outcome.failed} failed`)).toBe(outcome.failed > 0);
          if (outcome.failed > 0 && outcome.firstFailure !== undefined) {
            expect(words).toContain(`the first with "${outcome.firstFailure}"`);
          }
        },
      ),
    );
  });
});

describe('the background re-planning on a database that went away', () => {
  // A real driver to a port nothing listens on: every statement fails as the database's absence does.
  it('stops at the first statement the database cannot be reached for, leaving the rest, none counted as failed', async () => {
    const driver = neo4j.driver(`bolt://127.0.0.1:${await freePort()}`, neo4j.auth.basic('neo4j', 'unused'), {
      connectionTimeout: 1_000,
    });
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.string({ minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 30 }),
          fc.integer({ min: 1, max: 4 }),
          async (texts, lanes) => {
            const reads = texts.map((text) => ({ text: `RETURN ${JSON.stringify(text)}`, params: {} }));
            const settings = { budgetMs: 30_000, statementTimeoutMs: 1_000, lanes };
            const outcome = await warmPlans(driver, 'neo4j', reads, settings);
            expect(outcome).toMatchObject({ planned: 0, failed: 0, databaseGone: true });
            // Each lane stopped at its first statement and put it back: nothing was lost from the list.
            expect(outcome.left).toBe(reads.length);
          },
        ),
        { numRuns: 15 },
      );
    } finally {
      await driver.close();
    }
  });

  it('leaves alone what its turn says the traffic planned, and ends every turn it was given', async () => {
    const driver = neo4j.driver(`bolt://127.0.0.1:${await freePort()}`, neo4j.auth.basic('neo4j', 'unused'), {
      connectionTimeout: 1_000,
    });
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }), async (plannedByTraffic) => {
          const reads = plannedByTraffic.map((_, i) => ({ text: `RETURN ${i}`, params: {} }));
          let given = 0;
          let ended = 0;
          const turn = (read: { text: string }): Promise<WarmUpTurn> => {
            if (plannedByTraffic[reads.findIndex((r) => r.text === read.text)] === true) {
              return Promise.resolve({ kind: 'planned' });
            }
            given += 1;
            return Promise.resolve({ kind: 'plan', done: () => (ended += 1) });
          };
          const settings = { budgetMs: 30_000, statementTimeoutMs: 1_000, lanes: 1 };
          const outcome = await warmPlans(driver, 'neo4j', reads, settings, turn);
          // Up to the first statement to plan (where the absent database stops it), the others were skipped.
          const firstToPlan = plannedByTraffic.indexOf(false);
          expect(outcome.skipped).toBe(firstToPlan < 0 ? reads.length : firstToPlan);
          expect(outcome.databaseGone).toBe(firstToPlan >= 0);
          expect(ended).toBe(given);
        }),
        { numRuns: 15 },
      );
    } finally {
      await driver.close();
    }
  });
});
