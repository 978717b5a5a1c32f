import { ParseError } from '../parse-error';
import type { LineSpan } from '../line-span';
import type { SourceDocument, SourceRef } from '../source-document';
import { stripTags, tidy } from '../../core/text/index';
import { paragraphText } from '../paragraph';
import { isInitiativesLabel, isNumericTargetsLabel, readCodeListLabel, readInitiativeHeading } from './labels';
import { circled, readPlanHeading, type PlanHeading } from './plan-heading';
import { findPolicyItemCodes, startsWithPolicyItemCode } from './policy-item-code';
import type { LinkageInitiative, LinkagePlan, PolicyItemReference } from './records';

/**
 * Reads the plans. Each plan is laid out as
 *
 *   ①name / summary paragraph(s) / 推進のための取組 /
 *   (○initiative name / text paragraph(s) / 【施策大項目】 codes, wrapping onto following lines)+ /
 *   数値目標案 / targets separated by 、 (wrapping onto following lines)
 *
 * with blank lines anywhere. Plans must be numbered ①, ②, … without gaps. `span` must start at the
 * first plan heading and end on the line before the matrix title.
 */
export function parsePlans(doc: SourceDocument, span: LineSpan): readonly LinkagePlan[] {
  const plans: LinkagePlan[] = [];
  let draft: PlanDraft | null = null;
  for (let n = span.first; n <= span.last; n++) {
    const line = doc.line(n);
    if (tidy(line) === '') continue;
    const heading = readPlanHeading(line);
    if (heading) {
      if (draft) plans.push(finishPlan(doc, draft, n));
      const expected = plans.length + 1;
      if (heading.number !== expected) {
        throw new ParseError(doc.ref(n), `the heading of plan ${circled(expected)}`, line);
      }
      draft = startPlan(heading, doc.ref(n));
    } else if (!draft) {
      throw new ParseError(doc.ref(n), 'a plan heading such as ①…', line);
    } else {
      readPlanLine(doc, draft, n);
    }
  }
  const end = span.last + 1;
  if (!draft) throw new ParseError(doc.ref(end), 'a plan heading such as ①…', doc.line(end));
  plans.push(finishPlan(doc, draft, end));
  return plans;
}

type Section = 'summary' | 'initiatives' | 'targets';

interface PlanDraft {
  readonly heading: PlanHeading;
  readonly source: SourceRef;
  section: Section;
  /** The lines of the summary, of the text, of the targets: each one paragraph (`paragraph`). */
  readonly summary: number[];
  readonly initiatives: LinkageInitiative[];
  current: InitiativeDraft | null;
  targetsSource: SourceRef | null;
  readonly targets: number[];
}

interface InitiativeDraft {
  readonly name: string;
  readonly source: SourceRef;
  readonly text: number[];
  /** Set once the 【施策大項目】 line is read: from then on only code lines may follow. */
  inCodeList: boolean;
  readonly policyItems: PolicyItemReference[];
}

function startPlan(heading: PlanHeading, source: SourceRef): PlanDraft {
  return {
    heading,
    source,
    section: 'summary',
    summary: [],
    initiatives: [],
    current: null,
    targetsSource: null,
    targets: [],
  };
}

function readPlanLine(doc: SourceDocument, plan: PlanDraft, n: number): void {
  switch (plan.section) {
    case 'summary':
      return readSummaryLine(doc, plan, n);
    case 'initiatives':
      return readInitiativesLine(doc, plan, n);
    case 'targets':
      return readTargetLine(doc, plan, n);
  }
}

function readSummaryLine(doc: SourceDocument, plan: PlanDraft, n: number): void {
  const line = doc.line(n);
  if (isInitiativesLabel(line)) {
    if (plan.summary.length === 0) {
      throw new ParseError(doc.ref(n), `the summary of plan ${circled(plan.heading.number)}`, line);
    }
    plan.section = 'initiatives';
  } else if (isStructureLine(line)) {
    throw new ParseError(doc.ref(n), '推進のための取組 after the plan summary', line);
  } else {
    plan.summary.push(n);
  }
}

function readInitiativesLine(doc: SourceDocument, plan: PlanDraft, n: number): void {
  const line = doc.line(n);
  const initiativeName = readInitiativeHeading(line);
  const codeList = readCodeListLabel(line);
  const current = plan.current;
  if (initiativeName !== null) {
    finishInitiative(doc, plan, n);
    plan.current = { name: initiativeName, source: doc.ref(n), text: [], inCodeList: false, policyItems: [] };
  } else if (isNumericTargetsLabel(line)) {
    finishInitiative(doc, plan, n);
    if (plan.initiatives.length === 0) {
      throw new ParseError(doc.ref(n), 'an initiative heading (○…) after 推進のための取組', line);
    }
    plan.section = 'targets';
    plan.targetsSource = doc.ref(n);
  } else if (current === null) {
    throw new ParseError(doc.ref(n), 'an initiative heading (○…) after 推進のための取組', line);
  } else if (codeList !== null) {
    if (current.text.length === 0) {
      throw new ParseError(doc.ref(n), `the text of initiative "${current.name}" before 【施策大項目】`, line);
    }
    if (current.inCodeList) {
      throw new ParseError(doc.ref(n), `one 【施策大項目】 list for initiative "${current.name}"`, line);
    }
    current.inCodeList = true;
    addPolicyItems(doc, current, codeList, n);
  } else if (current.inCodeList) {
    // A code list wraps onto following lines, possibly across blank lines; nothing else may follow it.
    if (!startsWithPolicyItemCode(line)) {
      throw new ParseError(doc.ref(n), 'a policy-item code, the next initiative (○…) or 数値目標案', line);
    }
    addPolicyItems(doc, current, line, n);
  } else if (isStructureLine(line)) {
    throw new ParseError(doc.ref(n), `the text or 【施策大項目】 of initiative "${current.name}"`, line);
  } else {
    current.text.push(n);
  }
}

function readTargetLine(doc: SourceDocument, plan: PlanDraft, n: number): void {
  const line = doc.line(n);
  if (isStructureLine(line)) {
    const next = circled(plan.heading.number + 1);
    throw new ParseError(doc.ref(n), `a numeric target or the heading of plan ${next}`, line);
  }
  plan.targets.push(n);
}

function addPolicyItems(doc: SourceDocument, initiative: InitiativeDraft, text: string, n: number): void {
  for (const { code, name } of findPolicyItemCodes(text)) {
    if (initiative.policyItems.some((item) => item.code === code)) {
      throw new ParseError(doc.ref(n), `policy item ${code} listed once in initiative "${initiative.name}"`, text);
    }
    initiative.policyItems.push({ code, name, source: doc.ref(n) });
  }
}

/** Closes the open initiative (if any) at line `n`, where its code list was due at the latest. */
function finishInitiative(doc: SourceDocument, plan: PlanDraft, n: number): void {
  const draft = plan.current;
  if (draft === null) return;
  if (draft.policyItems.length === 0) {
    throw new ParseError(
      doc.ref(n),
      `the policy items (【施策大項目】 N-M …) of initiative "${draft.name}"`,
      doc.line(n),
    );
  }
  plan.initiatives.push({
    planNumber: plan.heading.number,
    number: plan.initiatives.length + 1,
    name: draft.name,
    text: paragraph(doc, draft.text),
    policyItems: draft.policyItems,
    source: draft.source,
  });
  plan.current = null;
}

/** Closes a plan at line `n` (the next plan's heading or the end of the plans). */
function finishPlan(doc: SourceDocument, plan: PlanDraft, n: number): LinkagePlan {
  const label = plan.section === 'summary' ? '推進のための取組' : '数値目標案';
  if (plan.section !== 'targets' || plan.targetsSource === null) {
    throw new ParseError(doc.ref(n), `${label} in plan ${circled(plan.heading.number)}`, doc.line(n));
  }
  // A target list is one 、-separated run that the PDF wrapped; a line break alone separates nothing.
  const numericTargets = paragraph(doc, plan.targets)
    .split(/[、,，]/)
    .map(tidy)
    .filter((target) => target !== '');
  if (numericTargets.length === 0) {
    throw new ParseError(doc.ref(n), `the numeric targets of plan ${circled(plan.heading.number)}`, doc.line(n));
  }
  return {
    number: plan.heading.number,
    name: plan.heading.name,
    summary: paragraph(doc, plan.summary),
    initiatives: plan.initiatives,
    numericTargets,
    numericTargetsSource: plan.targetsSource,
    source: plan.source,
  };
}

/** A line that structures a plan (a label or heading), as opposed to prose. */
function isStructureLine(line: string): boolean {
  return (
    isInitiativesLabel(line) ||
    isNumericTargetsLabel(line) ||
    readInitiativeHeading(line) !== null ||
    readCodeListLabel(line) !== null
  );
}

/**
 * The text of a summary, an initiative or the target list (lines `lines`): one paragraph however it was
 * wrapped (`paragraphText`), so the width it was set at and where it broke leave no trace. The markup left
 * in the text goes after joining, as a break may cut a tag too.
 */
function paragraph(doc: SourceDocument, lines: readonly number[]): string {
  return tidy(stripTags(paragraphText(doc, lines)));
}
