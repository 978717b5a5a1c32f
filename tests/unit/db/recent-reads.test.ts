import fc from 'fast-check';
import { RecentReads, type RecentReadsLimits } from '../../../src/db/recent-reads';

const LIMITS: RecentReadsLimits = { maxStatements: 3, maxParamsChars: 40, windowMs: 1_000, coldPlanners: Infinity };

/** A recorder on a clock the test moves. */
function recorder(limits: RecentReadsLimits = LIMITS): { reads: RecentReads; clock: { now: number } } {
  const clock = { now: 0 };
  return { reads: new RecentReads(limits, () => clock.now), clock };
}

const texts = (reads: RecentReads, lostAt = Infinity): string[] => reads.toReplan(lostAt).map((read) => read.text);

describe('the read statements kept to warm a restarted database', () => {
  it('plans again the statements no run was answered since the plans were lost, the most used first', () => {
    const { reads, clock } = recorder({ ...LIMITS, maxStatements: 10 });
    const answered = (text: string): void => {
      const run = reads.record(text, {});
      run.answered();
      run.end();
    };
    for (let i = 0; i < 3; i++) answered('MATCH (a) RETURN a');
    answered('MATCH (b) RETURN b');
    clock.now = 10;
    answered('MATCH (c) RETURN c');
    answered('MATCH (c) RETURN c');
    const held = reads.record('MATCH (d) RETURN d', {});
    expect(texts(reads)).toEqual([
      'MATCH (a) RETURN a',
      'MATCH (c) RETURN c',
      'MATCH (d) RETURN d',
      'MATCH (b) RETURN b',
    ]);
    expect(reads.isCold('MATCH (a) RETURN a')).toBe(false); // no plan was ever lost
    clock.now = 15;
    reads.plansLost(clock.now);
    const lostAt = clock.now;
    expect(['a', 'b', 'c', 'd'].map((x) => reads.isCold(`MATCH (${x}) RETURN ${x}`))).toEqual([true, true, true, true]);
    // A run answered after the loss had its statement planned on the database that came back.
    clock.now = 20;
    answered('MATCH (a) RETURN a');
    expect(reads.ranSince('MATCH (a) RETURN a', lostAt)).toBe(true);
    expect(reads.isCold('MATCH (a) RETURN a')).toBe(false);
    // A run that ended without its rows (an error, a timeout) planned nothing that counts.
    reads.record('MATCH (b) RETURN b', {}).end();
    expect(reads.isCold('MATCH (b) RETURN b')).toBe(true);
    held.answered();
    held.end();
    held.end(); // once only: a second end is not a second run
    expect(reads.ranSince('MATCH (d) RETURN d', lostAt)).toBe(true);
    // (b) and (c) were used twice each; (b) the more recently.
    expect(texts(reads, lostAt)).toEqual(['MATCH (b) RETURN b', 'MATCH (c) RETURN c']);
  });

  it('keeps the parameters of a statement to run it again, unless they are too long to keep', () => {
    const { reads } = recorder();
    reads.record('short', { code: '5-1' }).end();
    reads.record('long', { codes: Array.from({ length: 20 }, (_, i) => `code-${i}`) }).end();
    expect(reads.toReplan(Infinity)).toEqual(
      expect.arrayContaining([
        { text: 'short', params: { code: '5-1' } },
        { text: 'long', params: {} },
      ]),
    );
  });

  it('forgets the least used statement for a new one once full', () => {
    const { reads, clock } = recorder();
    reads.record('a', {}).end();
    reads.record('a', {}).end();
    reads.record('b', {}).end();
    clock.now = 5;
    reads.record('c', {}).end();
    reads.record('d', {}).end();
    expect(reads.size).toBe(3);
    expect(texts(reads).sort()).toEqual(['a', 'c', 'd']);
  });

  it('counts the current and the previous window only: statements unused for two windows are forgotten', () => {
    const { reads, clock } = recorder();
    reads.record('old', {}).end();
    clock.now = 1_000;
    reads.record('new', {}).end();
    expect(texts(reads).sort()).toEqual(['new', 'old']);
    clock.now = 2_000;
    reads.record('new', {}).end();
    expect(texts(reads)).toEqual(['new']);
  });

  it('tells when every run under way at a moment has ended, whatever starts and ends around it', async () => {
    type Step = { kind: 'start'; text: number } | { kind: 'end'; run: number } | { kind: 'wait' };
    const step = fc.oneof(
      fc.record({ kind: fc.constant('start' as const), text: fc.nat(3) }),
      fc.record({ kind: fc.constant('end' as const), run: fc.nat(40) }),
      fc.constant({ kind: 'wait' as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps: Step[]) => {
        const { reads } = recorder({ ...LIMITS, maxStatements: 2 });
        const runs: { end(): void }[] = [];
        const ended = new Set<number>();
        const waits: { runs: number[]; resolved: boolean }[] = [];
        const check = async (): Promise<void> => {
          await new Promise((resolve) => setImmediate(resolve));
          for (const wait of waits) expect(wait.resolved).toBe(wait.runs.every((run) => ended.has(run)));
        };
        for (const s of steps) {
          if (s.kind === 'start') runs.push(reads.record(`statement ${s.text}`, {}));
          else if (s.kind === 'end' && runs.length > 0) {
            const run = s.run % runs.length;
            runs[run]?.end();
            ended.add(run);
          } else if (s.kind === 'wait') {
            const wait = { runs: runs.map((_, run) => run).filter((run) => !ended.has(run)), resolved: false };
            waits.push(wait);
            void reads.whenRunsUnderWayEnd().then(() => (wait.resolved = true));
          }
          await check();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('lets one run at a time plan a cold statement; the others wait for it, and none waits on a warm one', async () => {
    type Step =
      { kind: 'turn'; text: number } | { kind: 'done'; planner: number; answered: boolean } | { kind: 'lost' };
    const step = fc.oneof(
      fc.record({ kind: fc.constant('turn' as const), text: fc.nat(2) }),
      fc.record({ kind: fc.constant('done' as const), planner: fc.nat(20), answered: fc.boolean() }),
      fc.constant({ kind: 'lost' as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps: Step[]) => {
        const { reads, clock } = recorder({ ...LIMITS, maxStatements: 10 });
        const text = (n: number): string => `statement ${n}`;
        for (let n = 0; n < 3; n++) reads.record(text(n), {}).end();
        let lostAt: number | undefined;
        // The model: which statements were answered since the last loss, and who plans each now.
        const answeredSince = new Set<number>();
        const planners: { text: number; done: () => void; run: { answered(): void; end(): void }; open: boolean }[] =
          [];
        const waiting: { text: number; resolved: boolean; planner: number }[] = [];
        for (const s of steps) {
          clock.now += 1;
          if (s.kind === 'lost') {
            lostAt = clock.now;
            reads.plansLost(lostAt);
            answeredSince.clear();
          } else if (s.kind === 'turn') {
            const run = reads.record(text(s.text), {});
            const turn = reads.coldTurn(text(s.text));
            const cold = lostAt !== undefined && !answeredSince.has(s.text);
            const planning = planners.findIndex((p) => p.open && p.text === s.text);
            expect(turn.kind).toBe(!cold ? 'warm' : planning >= 0 ? 'wait' : 'plan');
            if (turn.kind === 'plan') planners.push({ text: s.text, done: turn.done, run, open: true });
            else run.end();
            if (turn.kind === 'wait') {
              const wait = { text: s.text, resolved: false, planner: planning };
              waiting.push(wait);
              void turn.planned.then(() => (wait.resolved = true));
            }
          } else {
            const planner = planners[s.planner % Math.max(1, planners.length)];
            if (planner === undefined || !planner.open) continue;
            if (s.answered) {
              planner.run.answered();
              if (lostAt !== undefined) answeredSince.add(planner.text);
            }
            planner.run.end();
            planner.done();
            planner.open = false;
          }
          await new Promise((resolve) => setImmediate(resolve));
          for (const wait of waiting) expect(wait.resolved).toBe(planners[wait.planner]?.open === false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('plans at most coldPlanners statements at once, and next the waiting run whose request ends first', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 12 }),
        async (coldPlanners, deadlines) => {
          const { reads, clock } = recorder({ ...LIMITS, maxStatements: 50, coldPlanners });
          clock.now = 10;
          reads.plansLost(clock.now);
          clock.now += 1;
          // Distinct statements, each held through the outage by one request with its deadline.
          const runs = deadlines.map((deadline, i) => ({
            text: `RETURN ${i}`,
            deadline,
            run: reads.record(`RETURN ${i}`, {}),
          }));
          const planning: { readonly i: number; readonly done: () => void }[] = [];
          const order: number[] = [];
          const ask = (i: number): void => {
            const run = runs[i]!;
            const turn = reads.coldTurn(run.text, run.deadline);
            if (turn.kind === 'warm') throw new Error(`${run.text} is cold`);
            if (turn.kind === 'plan') {
              planning.push({ i, done: turn.done });
              order.push(i);
            } else void turn.planned.then(() => ask(i));
          };
          runs.forEach((_, i) => ask(i));
          expect(planning).toHaveLength(Math.min(coldPlanners, runs.length));
          while (planning.length > 0) {
            expect(planning.length).toBeLessThanOrEqual(coldPlanners);
            const ended = planning.shift()!;
            runs[ended.i]!.run.answered();
            runs[ended.i]!.run.end();
            ended.done();
            ended.done(); // once only: a second call frees no second turn
            await new Promise((resolve) => setImmediate(resolve));
          }
          // Every run planned; those that waited, by their deadlines (the earlier arrival first among equals).
          expect([...order].sort((a, b) => a - b)).toEqual(runs.map((_, i) => i));
          const waited = order.slice(coldPlanners);
          expect(waited).toEqual([...waited].sort((a, b) => deadlines[a]! - deadlines[b]! || a - b));
        },
      ),
      { numRuns: 200 },
    );
  });
});
