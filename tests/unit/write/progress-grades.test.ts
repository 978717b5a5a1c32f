import { checkedScale, gradeOf, gradeScale } from '../../../src/write/progress-grades';

describe('the progress grade scale (seed/reference/progress-grades.yaml)', () => {
  it('is S ≥ 100, A ≥ 80, B ≥ 50, C ≥ 0, D below, best first', () => {
    expect(gradeScale().map(({ grade, minRate }) => [grade, minRate])).toEqual([
      ['S', 100],
      ['A', 80],
      ['B', 50],
      ['C', 0],
      ['D', null],
    ]);
  });

  it.each([
    [250, 'S'],
    [100, 'S'],
    [99.9, 'A'],
    [80, 'A'],
    [79.9, 'B'],
    [50, 'B'],
    [49.9, 'C'],
    [0, 'C'],
    [-0.1, 'D'],
    [-100, 'D'],
  ])('grades an achievement rate of %p %% as %s (each boundary is inclusive)', (rate, grade) => {
    expect(gradeOf(rate)).toBe(grade);
  });

  it('takes its thresholds from the data it is given, not from code', () => {
    const strict = checkedScale({
      grades: [
        { grade: 'S', minRate: 110, meaning: 'beyond the target' },
        { grade: 'A', minRate: 100, meaning: 'the target' },
        { grade: 'B', minRate: 60, meaning: 'most of the way' },
        { grade: 'C', minRate: 20, meaning: 'some way' },
        { grade: 'D', meaning: 'little or none' },
      ],
    });
    expect(gradeOf(100, strict)).toBe('A');
    expect(gradeOf(10, strict)).toBe('D');
  });

  it.each([
    ['no list', {}, 'needs a grades list of S, A, B, C, D'],
    [
      'grades out of order',
      { grades: ['A', 'S', 'B', 'C', 'D'].map((grade) => ({ grade, minRate: 1, meaning: 'x' })) },
      'grade 1 must be S',
    ],
    [
      'thresholds not falling',
      {
        grades: [
          { grade: 'S', minRate: 100, meaning: 'x' },
          { grade: 'A', minRate: 100, meaning: 'x' },
          { grade: 'B', minRate: 50, meaning: 'x' },
          { grade: 'C', minRate: 0, meaning: 'x' },
          { grade: 'D', meaning: 'x' },
        ],
      },
      'minRate of A must be below the grade before it',
    ],
    [
      'a last grade with a minimum (some rates would have no grade)',
      {
        grades: [
          { grade: 'S', minRate: 100, meaning: 'x' },
          { grade: 'A', minRate: 80, meaning: 'x' },
          { grade: 'B', minRate: 50, meaning: 'x' },
          { grade: 'C', minRate: 0, meaning: 'x' },
          { grade: 'D', minRate: -50, meaning: 'x' },
        ],
      },
      'the last grade D takes no minRate',
    ],
  ])('refuses a scale with %s', (_case, file, rule) => {
    expect(() => checkedScale(file)).toThrow(rule);
  });
});
