import type { SourceDocument } from '../source-document';
import { readChapter } from './chapter-reader';
import { findFieldChapters } from './chapters';
import { readPlanPieces } from './plan-pieces';
import type { FinalPlanDocument } from './records';

/**
 * Parses the final text of the field chapters of 後期基本計画 (document 001). Reading stops at the first
 * chapter that is not a field chapter (第7章 政策連携プラン); `stoppedAt` says where.
 */
export function parseFinalPlan(lines: SourceDocument): FinalPlanDocument {
  // Every reader below reads pieces (one per line of `doc`), whatever the widths the lines were wrapped at.
  const doc = readPlanPieces(lines);
  const layout = findFieldChapters(doc);
  return {
    document: doc.name,
    chapters: layout.chapters.map((chapter) => readChapter(doc, chapter)),
    stoppedAt: layout.stoppedAt,
  };
}
