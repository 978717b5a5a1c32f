import { BadUserInputError } from '../../core/errors';
import { quotedInput } from '../../core/quoted-input';
import type { GraphGateway } from '../../db/graph-gateway';
import { RowReader } from '../../db/row-reader';
import { allByLabel } from '../../graph/all-by-label';
import type { DepartmentLookup, SharedDepartments } from '../../read/department-lookup';
import { Department } from './department.type';

interface Entry {
  readonly version: string;
  readonly departments: Promise<Department[]>;
  /** The same departments by id: a reference by id costs one map lookup however many there are. */
  readonly byId: Promise<ReadonlyMap<string, Department>>;
  /** Set once the list is read: from then on nobody waits. */
  loaded: boolean;
}

/**
 * All departments, read once per data version and shared by every request while that version is served.
 * Department references (`filter.department`, `department(ref:)`) are resolved against this list, so a
 * request that names a department costs no statement for the lookup. When the data version changes (a
 * reload, later any write), the next request reads the list again.
 */
export class DepartmentDirectory implements DepartmentLookup, SharedDepartments {
  private cached: Entry | undefined;

  /**
   * `read` gives the departments of the current data version: `departmentsIn` the service's own gateway (not
   * one request's: the list outlives the request that read it, so one request's budget or cancellation must
   * not fail the read that later requests share), or the committed seed's where no database is at hand.
   */
  constructor(
    private readonly read: () => Promise<Department[]>,
    /** The data version being served (the service's DataVersion): its id names the list to answer from. */
    private readonly dataVersion: { current(): string },
  ) {}

  departments(): Promise<Department[]> {
    return this.entry().departments;
  }

  resolve(ref: string, argument: string): Promise<Department> {
    return resolveIn(this.entry(), ref, argument);
  }

  idOf(ref: string | null | undefined, argument: string): Promise<string | null> {
    return ref === null || ref === undefined ? Promise.resolve(null) : idIn(this.entry(), ref, argument);
  }

  version(): string {
    return this.dataVersion.current();
  }

  /**
   * The directory as one request sees it: while the shared list is being read, the request waits for it
   * through `wait` (within its own budget, as for a statement of its own), not for as long as the read takes,
   * which on a database that stopped answering is until it answers again. Once the list is read, nothing waits.
   */
  forRequest(wait: <T>(shared: Promise<T>) => Promise<T>): DepartmentLookup {
    const entry = (): Entry => {
      const current = this.entry();
      if (current.loaded) return current;
      // One wait per lookup, on the map (read last); the list is taken once the map is there.
      const byId = wait(current.byId);
      return {
        version: current.version,
        loaded: false,
        byId,
        get departments() {
          return byId.then(() => current.departments);
        },
      };
    };
    return {
      departments: () => entry().departments,
      resolve: (ref, argument) => resolveIn(entry(), ref, argument),
      // No lookup (and no wait, whose failure nobody would hear) when the filter names no department.
      idOf: (ref, argument) =>
        ref === null || ref === undefined ? Promise.resolve(null) : idIn(entry(), ref, argument),
      version: () => this.version(),
    };
  }

  private entry(): Entry {
    const version = this.dataVersion.current();
    if (this.cached?.version !== version) {
      const departments = this.read();
      const byId = departments.then((list) => new Map(list.map((department) => [department.id, department])));
      const entry: Entry = { version, departments, byId, loaded: false };
      this.cached = entry;
      byId.then(
        () => (entry.loaded = true),
        // A failed read is not kept: the next request tries again instead of repeating the failure.
        () => {
          if (this.cached === entry) this.cached = undefined;
        },
      );
      departments.catch(() => undefined);
    }
    return this.cached;
  }
}

/** Every department in the database `gateway` reads. */
export async function departmentsIn(
  gateway: Pick<GraphGateway, 'readStatement' | 'statements'>,
): Promise<Department[]> {
  const rows = await gateway.readStatement(allByLabel(gateway.statements, 'Department'));
  return rows.map((row) => Department.from(new RowReader(row).map('node')));
}

async function resolveIn(entry: Entry, ref: string, argument: string): Promise<Department> {
  const wanted = ref.normalize('NFKC').trim();
  const byId = await entry.byId;
  const found = byId.get(wanted) ?? byId.get(`department:${wanted.toLowerCase()}`);
  return found ?? resolveDepartmentRef(ref, await entry.departments, argument);
}

async function idIn(entry: Entry, ref: string, argument: string): Promise<string> {
  return (await resolveIn(entry, ref, argument)).id;
}

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
