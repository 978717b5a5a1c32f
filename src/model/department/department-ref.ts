import { BadUserInputError } from '../../core/errors';
import type { Department } from './department.type';

/**
 * Resolves how people name a department: its id (`department:crisis-management` or the bare slug), its
 * Japanese name, its English name (any case), or else the one department whose English name contains
 * every word given (`citizen activity division` → 市民活動推進課). No match or several matches is the
 * caller's to fix, so the error lists the closest candidates or the ambiguous ones.
 */
export function resolveDepartmentRef(
  ref: string,
  departments: readonly Department[],
  argument = 'department',
): Department {
  const wanted = ref.normalize('NFKC').trim();
  const lower = wanted.toLowerCase();
  const exact = departments.find(
    (d) =>
      d.id === wanted ||
      d.id === `department:${lower}` ||
      d.name === wanted.replace(/\s+/g, '') ||
      d.nameEn.toLowerCase() === lower,
  );
  if (exact) return exact;

  // Split like the English names themselves (englishWords), so `child-rearing` finds Child-Rearing Support Division.
  const words = lower.split(WORD_SEPARATORS).filter((w) => w !== '');
  const byWords =
    words.length === 0
      ? []
      : departments.filter((d) => words.every((w) => englishWords(d).some((x) => x.startsWith(w))));
  if (byWords.length === 1 && byWords[0]) return byWords[0];
  if (byWords.length > 1) {
    throw new BadUserInputError(
      `department '${ref}' is ambiguous: it matches ${byWords.map(label).join('; ')}. Give more words, the Japanese name or the id.`,
      { argument, candidates: byWords.map((d) => d.id) },
    );
  }
  const closest = [...departments]
    .sort((a, b) => similarity(wanted, b) - similarity(wanted, a) || a.id.localeCompare(b.id))
    .slice(0, 3);
  throw new BadUserInputError(
    `no department matches '${ref}'. Closest: ${closest.map(label).join('; ')}. Use an id, the Japanese name or English words.`,
    { argument, candidates: closest.map((d) => d.id) },
  );
}

const WORD_SEPARATORS = /[\s,()-]+/;

function englishWords(d: Department): string[] {
  return d.nameEn
    .toLowerCase()
    .split(WORD_SEPARATORS)
    .filter((w) => w !== '');
}

function label(d: Department): string {
  return `${d.name} (${d.nameEn}, ${d.id})`;
}

/**
 * A similarity score (higher is closer): shared English words plus shared Japanese characters, so both
 * `citizen activities` and `市民活動課` find 市民活動推進課 among the suggestions.
 */
function similarity(wanted: string, d: Department): number {
  const lower = wanted.toLowerCase();
  const words = lower.split(/\s+/).filter((w) => w.length > 2);
  const wordScore = words.filter((w) => englishWords(d).some((x) => x.startsWith(w.slice(0, 4)))).length * 3;
  const chars = new Set([...wanted].filter((c) => /[\u3040-\u9fff]/.test(c)));
  const charScore = [...chars].filter((c) => d.name.includes(c)).length;
  return wordScore + charScore;
}
