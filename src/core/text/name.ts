import { matchKey } from './fold';
import { stripGlossaryMarks, stripRuby, stripTags } from './markup';
import { joinWrappedText } from './wrap-space';

/** A name for display: HTML fragments and glossary marks removed, wrap spaces joined. */
export function displayName(text: string): string {
  return joinWrappedText(stripGlossaryMarks(stripTags(text)));
}

/**
 * The key that says two documents name the same thing (a policy item, a measure, a plan): the matchKey
 * fold, blind to markup, ruby and glossary marks (`ICT※の利活用` = `I C T*の利活用` = `ＩＣＴの利活用`). Every
 * parser stores it as its records' `matchKey` and the merge pairs records by it.
 */
export function nameKey(text: string): string {
  return matchKey(stripGlossaryMarks(stripRuby(stripTags(text))));
}
