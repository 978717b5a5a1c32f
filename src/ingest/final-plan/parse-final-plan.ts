import type { SourceDocument } from '../source-document';
import { readChapter } from './chapter-reader';
import { findFieldChapters } from './chapters';
import type { FinalPlanDocument } from './records';

/**
 * Parses the final text of the field chapters of 後期基本計画 (document 001). Reading stops at the first
 * chapter that is not a field chapter (第7章 政策連携プラン); `stoppedAt` says where.
 */
export function parseFinalPlan(doc: SourceDocument): FinalPlanDocument {
  const layout = findFieldChapters(doc);
  return {
    document: doc.name,
    chapters: layout.chapters.map((chapter) => readChapter(doc, chapter)),
    stoppedAt: layout.stoppedAt,
  };
}
