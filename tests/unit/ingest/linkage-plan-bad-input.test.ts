import { correctedLinkagePlans, mutated, parseErrorOf, replaceOnLine } from './linkage-plan-fixture';

const doc = correctedLinkagePlans();

/** The copy of the real document with line `n` blanked out (keeps every other line number). */
function withoutLine(n: number) {
  return mutated(doc, (lines) => {
    lines[n - 1] = '';
  });
}

function expectErrorAt(error: Error, line: number, expected: RegExp): void {
  expect(error.message).toMatch(new RegExp(`^004_c772f55bb03f2e1d\\.txt:${line}: expected `));
  expect(error.message).toMatch(expected);
}

describe('parseLinkagePlans on malformed copies of document 004', () => {
  describe('plans', () => {
    it('rejects a plan whose heading was removed: its text runs into the previous plan', () => {
      // ③'s heading (line 89) gone: its summary reads as a target of ②, then 推進のための取組 cannot follow
      expectErrorAt(parseErrorOf(withoutLine(89)), 93, /a numeric target or the heading of plan ③/);
    });

    it('rejects plans that do not start at ①', () => {
      expectErrorAt(parseErrorOf(withoutLine(22)), 60, /the heading of plan ①, found "②本庄版ネウボラプラン"/);
    });

    it('rejects a plan without the 推進のための取組 label', () => {
      expectErrorAt(parseErrorOf(withoutLine(26)), 28, /推進のための取組 after the plan summary/);
    });

    it('rejects a plan without the 数値目標案 label (its targets are not codes)', () => {
      expectErrorAt(parseErrorOf(withoutLine(52)), 54, /a policy-item code, the next initiative \(○…\) or 数値目標案/);
    });

    it('rejects a plan whose 数値目標案 has no targets', () => {
      const noTargets = mutated(doc, (lines) => {
        lines[86] = ''; // line 87: ②'s only target line
      });
      expectErrorAt(parseErrorOf(noTargets), 89, /the numeric targets of plan ②/);
    });
  });

  describe('initiatives', () => {
    it('rejects an initiative with no policy-item codes', () => {
      // ①'s first initiative loses its 【施策大項目】 line; the next initiative's heading is where it was due
      expectErrorAt(parseErrorOf(withoutLine(32)), 34, /the policy items .* of initiative "塙保己一の生き方に学ぶ"/);
    });

    it('rejects a 【施策大項目】 label with no code after it', () => {
      const noCodes = mutated(doc, (lines) => {
        lines[98] = '【施策大項目】 商業の振興 観光の振興'; // line 99
      });
      expectErrorAt(parseErrorOf(noCodes), 101, /the policy items .* of initiative "にぎわいのあるまちなかづくり"/);
    });

    it('rejects an initiative without text before its codes', () => {
      expectErrorAt(
        parseErrorOf(withoutLine(30)),
        32,
        /the text of initiative "塙保己一の生き方に学ぶ" before 【施策大項目】/,
      );
    });

    it('rejects prose after a code list instead of taking it as codes or text', () => {
      const prose = mutated(doc, (lines) => {
        lines[100] = '追加の説明文です。'; // line 101, in place of ③'s second initiative heading
      });
      expectErrorAt(parseErrorOf(prose), 101, /a policy-item code, the next initiative/);
    });

    it('rejects a code listed twice in one initiative', () => {
      const twice = mutated(doc, (lines) =>
        replaceOnLine(lines, 99, '4-1 計画的なまちづくり', '4-1 計画的なまちづくり 3-2 商業の振興'),
      );
      expectErrorAt(parseErrorOf(twice), 99, /policy item 3-2 listed once/);
    });
  });

  describe('matrix', () => {
    it('rejects a matrix row whose code is not a policy-item code', () => {
      const badCode = mutated(doc, (lines) => replaceOnLine(lines, 166, '1-3', '1-x'));
      expectErrorAt(parseErrorOf(badCode), 166, /a matrix row with a policy-item code \(N-M\)/);
    });

    it('rejects a plan cell that is neither ○ nor empty', () => {
      const cross = mutated(doc, (lines) => replaceOnLine(lines, 165, '○', '×'));
      expectErrorAt(parseErrorOf(cross), 165, /○ or an empty cell for 1-2 in column 2, found "×"/);
    });

    it('rejects a row with more plan cells than the header has plans', () => {
      const extra = mutated(doc, (lines) => {
        lines[164] = `${lines[164] ?? ''}\t○`; // line 165
      });
      expectErrorAt(parseErrorOf(extra), 165, /5 plan columns after the name of 1-2/);
    });

    it('rejects a policy item listed twice', () => {
      const twice = mutated(doc, (lines) => replaceOnLine(lines, 166, '1-3', '1-2'));
      expectErrorAt(parseErrorOf(twice), 166, /policy item 1-2 once in the matrix/);
    });

    it('rejects a header that does not name every plan', () => {
      const fourPlans = mutated(doc, (lines) => replaceOnLine(lines, 163, '本庄ブランド発信プラン', ''));
      expectErrorAt(parseErrorOf(fourPlans), 163, /a matrix header naming the 5 plans/);
    });

    it('rejects a document without the matrix title, naming its last line', () => {
      expectErrorAt(parseErrorOf(withoutLine(160)), 201, /the matrix title 政策連携プラン体系/);
    });

    it('rejects a matrix without its column header', () => {
      expectErrorAt(parseErrorOf(withoutLine(162)), 163, /the matrix columns 施策大項目, 項目名/);
    });
  });
});
