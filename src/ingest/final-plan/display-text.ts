import { stripRuby, stripTags, tidy } from '../../core/text/index';

/**
 * A running text of the printed plan (vision, description, collaboration) as printed, tidied; ruby and
 * HTML fragments removed. Names go through `displayName` (../text), which also joins wrap spaces.
 */
export function displayText(text: string): string {
  return tidy(stripRuby(stripTags(text)));
}
