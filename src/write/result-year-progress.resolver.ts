import { FieldResolver, Resolver, Root } from 'type-graphql';
import { IndicatorProgress, progressOf } from './indicator-progress';
import { IndicatorResultYear } from './record-year.type';

/**
 * Each recorded year's progress beside its value, so a client drawing an indicator over the plan period gets
 * every year's rate and grade in the one request that lists the years (Indicator.progress takes one year).
 */
@Resolver(() => IndicatorResultYear)
export class ResultYearProgressResolver {
  @FieldResolver(() => IndicatorProgress, {
    nullable: true,
    description:
      "The year's progress from its current revision, as `Indicator.progress(fiscalYear)` gives it; null when " +
      'every revision was retracted.',
  })
  progress(@Root() year: IndicatorResultYear): IndicatorProgress | null {
    return year.current === null ? null : progressOf(year.basis, year.current);
  }
}
