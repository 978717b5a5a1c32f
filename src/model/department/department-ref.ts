import { BadUserInputError } from '../../core/errors';
import { quotedInput } from '../../core/quoted-input';
import type { Department } from './department.type';

/**
 * Resolves how people name a department: its id (`department:crisis-management` or the bare slug), its
 * Japanese name, its English name (any case), or else the one department whose English name contains
 * every word given (`citizen activity division` → 市民活動推進課). No match or several matches is the
 * caller's to fix, so the error names the argument and lists the closest candidates or the ambiguous ones.
 */
export function resolveDepartmentRef(
  ref: string,
  departments: readonly Department[],
  argument = 'department',
): Department {
  const wanted = ref.normalize('NFKC').trim();
  const lower = wanted.toLowerCase();
  const unspaced = wanted.replace(/\s+/g, '');
  const exact = departments.find(
    (d) => d.id === wanted || d.id === `department:${lower}` || d.name === unspaced || d.nameEn.toLowerCase() === lower,
  );
  if (exact) return exact;

  // Split like the English names themselves (englishWords), so `child-rearing` finds Child-Rearing Support Division.
  const words = lower.split(WORD_SEPARATORS).filter((w) => w !== '');
  const byWords =
    words.length === 0
      ? []
      : departments.filter((d) => {
          const own = englishWords(d);
          return words.every((w) => own.some((x) => x.startsWith(w)));
        });
  if (byWords.length === 1 && byWords[0]) return byWords[0];
  if (byWords.length > 1) {
    throw new BadUserInputError(
      `department ${quotedInput(ref)} (${argument}) is ambiguous: it matches ${byWords.map(label).join('; ')}. Give more words, the Japanese name or the id.`,
      { argument, candidates: byWords.map((d) => d.id) },
    );
  }
  // Each department scored once against the reference read once: scoring inside the sort's comparison read
  // the whole reference twice per comparison (about 500 for 46 departments), 1.5–3.6 s for 40,000 characters.
  const closeness = similarityTo(wanted);
  const closest = departments
    .map((department) => ({ department, score: closeness(department) }))
    .sort((a, b) => b.score - a.score || a.department.id.localeCompare(b.department.id))
    .slice(0, 3)
    .map(({ department }) => department);
  throw new BadUserInputError(
    `no department matches ${quotedInput(ref)} (${argument}). Closest: ${closest.map(label).join('; ')}. Use an id, the Japanese name or English words.`,
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
 * A similarity score against `wanted` (higher is closer): shared English words plus shared Japanese
 * characters, so both `citizen activities` and `市民活動課` find 市民活動推進課 among the suggestions. The
 * reference's words and characters are read once; each department then costs a few comparisons.
 */
function similarityTo(wanted: string): (d: Department) => number {
  // Each word's first four letters, with how often they occur (a repeated word counts each time).
  const stems = new Map<string, number>();
  for (const word of wanted.toLowerCase().split(/\s+/)) {
    if (word.length > 2) stems.set(word.slice(0, 4), (stems.get(word.slice(0, 4)) ?? 0) + 1);
  }
  const chars = [...new Set(wanted.match(/[\u3040-\u9fff]/g) ?? [])];
  return (d) => {
    const own = englishWords(d);
    let wordScore = 0;
    for (const [stem, count] of stems) if (own.some((x) => x.startsWith(stem))) wordScore += count * 3;
    const charScore = chars.filter((c) => d.name.includes(c)).length;
    return wordScore + charScore;
  };
}
