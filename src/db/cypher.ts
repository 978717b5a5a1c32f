/**
 * A statement composed from parts that carry their own names: the service's small Cypher builder.
 *
 * A compiled statement used to be text, and a compiler that put one statement inside another renamed its
 * variables and parameters with regular expressions and checked its first and last lines (a nested page
 * folded into its root's statement). Here a part keeps what it leaves open as slots: a parameter (`$c0`), a
 * variable another part decides (`parentIds`), a hole a template's caller fills (`$($type)` in a cypher/
 * file). The place a part is put binds them (`bind`), and a slot nobody binds renders as it is written. Names
 * are resolved from the inside out, as Cypher's own scopes are: a page folded twice has its parameters
 * prefixed twice, each binding by the place it was put, and nothing ever reads a statement's text back.
 *
 * Chosen over @neo4j/cypher-builder (the builder of @neo4j/graphql): that one builds every clause as
 * TypeScript objects, where this project's statements are readable files of cypher/, each EXPLAINed by a
 * test; only their names need binding, which is all this does.
 */

/** A name a part leaves open; `otherwise` is how a hole renders where nothing binds it. */
export interface Slot {
  readonly kind: 'param' | 'variable' | 'hole';
  readonly name: string;
  readonly otherwise?: string;
}

/** What a statement is made of: text as it is sent, slots, and other parts. */
export type Piece = string | Slot | Cypher;

/** The names a place gives the slots of the part put there (undefined: left to the place around it). */
export type Names = (slot: Slot) => Piece | undefined;

export class Cypher {
  private constructor(
    private readonly pieces: readonly Piece[],
    private readonly names?: Names,
  ) {}

  static of(pieces: readonly Piece[]): Cypher {
    return new Cypher(pieces);
  }

  /** The part with `names` given to its open slots (the values are pieces of the place around it). */
  bind(names: Names): Cypher {
    return new Cypher([this], names);
  }

  /** The statement as it is sent: parameters as `$name`, variables as named, holes as their `otherwise`. */
  render(): string {
    const out: string[] = [];
    this.write(outermost, out);
    return out.join('');
  }

  /** Writes the part's text into `out`, its slots named by `resolve` where it does not name them itself. */
  private write(resolve: (slot: Slot) => string, out: string[]): void {
    const { names } = this;
    const inner =
      names === undefined
        ? resolve
        : (slot: Slot): string => {
            const bound = names(slot);
            return bound === undefined ? resolve(slot) : textOf(bound, resolve);
          };
    for (const piece of this.pieces) {
      if (typeof piece === 'string') out.push(piece);
      else if (piece instanceof Cypher) piece.write(inner, out);
      else out.push(inner(piece));
    }
  }

  /** A piece's text, its slots named by `resolve` (for a name bound to a piece of the place around it). */
  static textOf(piece: Piece, resolve: (slot: Slot) => string): string {
    if (typeof piece === 'string') return piece;
    if (!(piece instanceof Cypher)) return resolve(piece);
    const out: string[] = [];
    piece.write(resolve, out);
    return out.join('');
  }
}

const textOf = (piece: Piece, resolve: (slot: Slot) => string): string => Cypher.textOf(piece, resolve);

function outermost(slot: Slot): string {
  if (slot.kind === 'param') return `$${slot.name}`;
  if (slot.kind === 'variable') return slot.name;
  if (slot.otherwise === undefined) throw new Error(`the template hole $(${slot.name}) was not filled`);
  return slot.otherwise;
}

/** A parameter of the statement, `$name` unless the place around it names it otherwise. */
export function param(name: string): Slot {
  return { kind: 'param', name };
}

/** A variable whose name the place around the part decides. */
export function variable(name: string): Slot {
  return { kind: 'variable', name };
}

/** A hole a template's caller fills; `otherwise` where none does. */
export function hole(name: string, otherwise?: string): Slot {
  return otherwise === undefined ? { kind: 'hole', name } : { kind: 'hole', name, otherwise };
}

/** Cypher written as a template literal: text as it is, interpolated slots and parts as pieces. */
export function cypher(strings: TemplateStringsArray, ...values: readonly (Piece | number)[]): Cypher {
  const pieces: Piece[] = [];
  strings.forEach((text, at) => {
    pieces.push(text);
    const value = values[at];
    if (value !== undefined) pieces.push(typeof value === 'number' ? String(value) : value);
  });
  return Cypher.of(pieces);
}

/** Parts one after the other with `separator` between them (a statement's lines: `'\n'`). */
export function joined(parts: readonly Piece[], separator: string): Cypher {
  return Cypher.of(parts.flatMap((part, at) => (at === 0 ? [part] : [separator, part])));
}

/** Names for the slots of one kind, from a record (`{ value: param('c3') }`). */
export function naming(kind: Slot['kind'], record: Readonly<Record<string, Piece>>): Names {
  return (slot) => (slot.kind === kind && Object.hasOwn(record, slot.name) ? record[slot.name] : undefined);
}
