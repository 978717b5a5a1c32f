/**
 * Characters a Japanese font draws with one glyph, so a PDF's text layer (which maps glyphs back to
 * characters) returns one of them for both: WAVE DASH `〜` (U+301C) and FULLWIDTH TILDE `～` (U+FF5E) in
 * IPA and MS fonts alike. The documents are typed on Windows, whose Japanese encoding (CP932) has only the
 * full-width tilde (`令和3年3月～`), so that is the one read back.
 */
export function foldSharedGlyphs(text: string): string {
  return text.replace(/\u301C/g, '\uFF5E');
}
