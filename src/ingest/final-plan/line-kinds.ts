import { foldWidth, tidy } from '../../core/text/index';

/**
 * What a single line of document 001 is, judged by its own text. The document is Markdown-like: bullets
 * start with `- `, photo captions with `▲`, numbered entries with `1. `; some blank-looking lines hold a
 * lone space.
 */

/** Empty, or only white space (the extraction leaves lines holding a single space). */
export function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** The text of a `- ` bullet, or null when the line is not one. */
export function bulletText(text: string): string | null {
  const match = /^\s*-\s+(\S.*)$/.exec(text);
  return match?.[1] ?? null;
}

/** A photo caption (`▲ 市民による植栽活動`): describes a picture, carries no plan content. */
export function isCaption(text: string): boolean {
  return /^\s*▲/.test(text);
}

export interface NumberedEntry {
  readonly number: number;
  readonly text: string;
}

/** A numbered entry (`3. 危機管理体制の強化`), or null. */
export function numberedEntry(text: string): NumberedEntry | null {
  const match = /^\s*(\d+)\.\s*(\S.*)$/.exec(foldWidth(text));
  if (!match) return null;
  return { number: Number(match[1]), text: match[2] ?? '' };
}

export interface ChapterHeading {
  readonly number: number;
  /** `市民生活分野`. */
  readonly title: string;
}

/** A chapter heading (`第5章 市民生活分野`, `第 6 章 行財政経営分野`, the space lost at a break), or null. */
export function chapterHeading(text: string): ChapterHeading | null {
  const match = /^第\s*(\d+)\s*章\s*(\S.*)$/.exec(tidy(foldWidth(text)));
  if (!match) return null;
  return { number: Number(match[1]), title: match[2] ?? '' };
}
