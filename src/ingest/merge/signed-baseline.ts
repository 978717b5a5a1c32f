import { outlookReference, type OutlookReference } from '../../graph/outlook-reference';
import type { IndicatorValue } from '../final-plan';
import type { SourceRef } from '../source-document';
import { indicatorDirection, type IndicatorDirection } from './indicator-direction';
import { MergeError } from './merge-error';

/**
 * An indicator's baseline (現状値) with the sign the text lost restored, and the direction that follows.
 * Where seed/reference/outlook.yaml's `signed` entry judges that the printed figure dropped its minus mark
 * (▲, △, − do not survive the PDF's extraction), the baseline reads as the file says, and the direction is
 * computed from the signed value and checked against the one the file gives: the file states the direction a
 * reviewer agreed to, the merge makes sure it is the one that follows. A printed figure other than the one
 * the file judged means the documents changed under the judgement, and stops the merge.
 */
export function signedBaseline(
  indicatorId: string,
  current: IndicatorValue,
  target: IndicatorValue,
  source: SourceRef,
  reference: OutlookReference = outlookReference(),
): { current: IndicatorValue; direction: IndicatorDirection } {
  const judged = reference.signed.find((entry) => entry.indicator === indicatorId)?.baseline;
  if (judged === undefined) return { current, direction: indicatorDirection(current, target) };
  if (current.text !== judged.printed) {
    throw new MergeError(
      source,
      `seed/reference/outlook.yaml judges the sign of ${indicatorId}'s baseline as printed '${judged.printed}', but the document prints '${current.text}': review the judgement`,
    );
  }
  const signed: IndicatorValue = Object.assign({}, current, { value: judged.reads });
  const direction = indicatorDirection(signed, target);
  if (direction !== judged.direction) {
    throw new MergeError(
      source,
      `seed/reference/outlook.yaml gives ${indicatorId} the direction ${judged.direction}, but from ${judged.reads} to the target ${target.text} it is ${direction}`,
    );
  }
  return { current: signed, direction };
}
