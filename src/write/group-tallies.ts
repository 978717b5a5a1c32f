/**
 * The tallies of a progress summary's groups (fields, departments, SDGs, policy items), one per group node,
 * made on first use and kept in the order first met.
 */
export class GroupTallies<N extends { readonly id: string }, T> {
  private readonly tallies = new Map<string, T>();

  constructor(private readonly make: (node: N) => T) {}

  /** The group's tally, made when the group is first met. */
  of(node: N): T {
    const existing = this.tallies.get(node.id);
    if (existing !== undefined) return existing;
    const tally = this.make(node);
    this.tallies.set(node.id, tally);
    return tally;
  }

  /** The tally of the group with this id, if it was met. */
  get(id: string): T | undefined {
    return this.tallies.get(id);
  }

  /** Every tally, in the order the groups were first met. */
  all(): T[] {
    return [...this.tallies.values()];
  }

  /** Every tally, sorted. */
  sorted(compare: (a: T, b: T) => number): T[] {
    return this.all().sort(compare);
  }
}
