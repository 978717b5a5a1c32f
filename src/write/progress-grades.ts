import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../core/project-root';

/** The five grades of an indicator's progress, best first (their thresholds are data, not code). */
export const PROGRESS_GRADES = ['S', 'A', 'B', 'C', 'D'] as const;
export type ProgressGradeName = (typeof PROGRESS_GRADES)[number];

/** One band of seed/reference/progress-grades.yaml. */
export interface GradeBand {
  readonly grade: ProgressGradeName;
  /** Lowest achievement rate of the band (percent, inclusive); null for the last band (everything below). */
  readonly minRate: number | null;
  readonly meaning: string;
}

export const PROGRESS_GRADES_FILE = join(PROJECT_ROOT, 'seed', 'reference', 'progress-grades.yaml');

let cached: readonly GradeBand[] | undefined;

/** The grade scale, read once: the file is reviewed reference data, not configuration. */
export function gradeScale(): readonly GradeBand[] {
  cached ??= checkedScale(parse(readFileSync(PROGRESS_GRADES_FILE, 'utf8')) as { grades?: unknown });
  return cached;
}

/** The grade of an achievement rate (percent) on the scale (the reference file's unless one is given). */
export function gradeOf(rate: number, scale: readonly GradeBand[] = gradeScale()): ProgressGradeName {
  const band = scale.find((b) => b.minRate === null || rate >= b.minRate);
  // checkedScale guarantees a last band without minimum, so find always succeeds.
  if (!band) throw new Error(`no grade for achievement rate ${rate}`);
  return band.grade;
}

/**
 * The scale in a file's shape, refused unless it lists S, A, B, C, D in that order, each but the last with a
 * finite minRate strictly below the previous one, and the last without one (so every rate has one grade).
 */
export function checkedScale(file: { grades?: unknown }): readonly GradeBand[] {
  const problem = (rule: string) => new Error(`${PROGRESS_GRADES_FILE}: ${rule}`);
  const entries = file.grades;
  if (!Array.isArray(entries) || entries.length !== PROGRESS_GRADES.length) {
    throw problem(`needs a grades list of ${PROGRESS_GRADES.join(', ')}`);
  }
  const bands = entries.map((entry: unknown, index: number): GradeBand => {
    const { grade, minRate, meaning } = (entry ?? {}) as Record<string, unknown>;
    const isLast = index === PROGRESS_GRADES.length - 1;
    const expected = PROGRESS_GRADES[index] as ProgressGradeName;
    if (grade !== expected) throw problem(`grade ${index + 1} must be ${expected}`);
    if (typeof meaning !== 'string' || meaning.trim() === '') throw problem(`grade ${expected} needs a meaning`);
    if (isLast ? minRate !== undefined : typeof minRate !== 'number' || !Number.isFinite(minRate)) {
      throw problem(
        isLast ? `the last grade ${expected} takes no minRate` : `grade ${expected} needs a finite minRate`,
      );
    }
    return Object.freeze({ grade: expected, minRate: isLast ? null : (minRate as number), meaning });
  });
  bands.reduce(
    (previous, band) => {
      if (band.minRate !== null && previous !== null && band.minRate >= previous) {
        throw problem(`minRate of ${band.grade} must be below the grade before it`);
      }
      return band.minRate;
    },
    Number.POSITIVE_INFINITY as number | null,
  );
  return Object.freeze(bands);
}
