export { foldDigitsAndLatin, foldWidth, matchKey, tidy } from './fold';
export { stripEmphasis, stripGlossaryMarks, stripRuby, stripTags } from './markup';
export { joinWrappedText } from './wrap-space';
export { displayName, nameKey } from './name';
