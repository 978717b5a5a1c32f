import type { CypherPart } from './cypher-part';
import { Arg, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { NumberAggregate } from './number-aggregate.type';

/**
 * One number a connection aggregates: a field of its node type, or a figure computed per node (an
 * indicator's recorded value of a fiscal year). The quantity is a cypher/fragments/ expression over `n`;
 * `byFiscalYear` ones take the year as their `$value`.
 */
export interface AggregateQuantity {
  readonly quantity: CypherPart;
  readonly description: string;
  readonly byFiscalYear?: boolean;
}

/** What a page statement answered for `aggregate`: the count and each asked figure by its key (aggregateKey). */
export interface AggregateValues {
  readonly count: number;
  readonly values: Readonly<Record<string, NumberAggregate>>;
}

/** The key of one asked figure: its field, and its fiscal year for those that take one (`achievementRate:2024`). */
export function aggregateKey(field: string, fiscalYear?: number | null): string {
  return fiscalYear === undefined || fiscalYear === null ? field : `${field}:${fiscalYear}`;
}

/**
 * Builds `<name>Aggregate`: `count` and one NumberAggregate per quantity, each read from the figures the
 * page statement computed (src/read/page/compile-page.ts), never computed here.
 */
export function Aggregate(name: string, quantities: Readonly<Record<string, AggregateQuantity>>): ClassType {
  @ObjectType(`${name}Aggregate`, {
    description: `Figures over every ${name} of the connection's filtered set (all pages), from the same match as totalCount.`,
  })
  class AggregateType implements AggregateValues {
    @Field(() => Int, { description: 'How many nodes the filtered set has (always equal to totalCount).' })
    count!: number;

    values!: Readonly<Record<string, NumberAggregate>>;
  }
  const prototype = AggregateType.prototype as object;
  for (const [field, { description, byFiscalYear }] of Object.entries(quantities)) {
    const value = byFiscalYear
      ? function (this: AggregateValues, fiscalYear: number): NumberAggregate {
          return this.values[aggregateKey(field, fiscalYear)] ?? NumberAggregate.EMPTY;
        }
      : function (this: AggregateValues): NumberAggregate {
          return this.values[aggregateKey(field)] ?? NumberAggregate.EMPTY;
        };
    const method: PropertyDescriptor = { value, writable: true, configurable: true };
    Object.defineProperty(prototype, field, method);
    if (byFiscalYear) {
      Arg('fiscalYear', () => Int, { description: 'The fiscal year (Gregorian year it starts in, R6 = 2024).' })(
        prototype,
        field,
        0,
      );
    }
    Field(() => NumberAggregate, { description })(prototype, field, method);
  }
  return AggregateType;
}
