import { Field, ObjectType } from 'type-graphql';
import { FiscalYear } from '../../graph/fiscal-year.type';
import { Node } from '../../graph/node.interface';
import { sourceOf } from '../../graph/node-mapping';
import { Source } from '../../graph/source.type';
import type { NodeProperties } from '../../read/graph-loaders';
import { mapNode } from '../../graph/map-node';
import { assembledFields, DeclaredFields, declaredNode, storedAsIsOf } from '../../graph/kinds/declared-fields';
import { REFORM_SHEET_ATTRIBUTES } from '../../graph/kinds/reform-sheet.kind';

@ObjectType({ description: 'Target of a reform sheet for one fiscal year.' })
export class YearlyTarget {
  @Field(() => FiscalYear, { description: 'The fiscal year (R5–R9).' })
  year!: FiscalYear;

  @Field({ description: 'The target as written.' })
  text!: string;
}

// Its attributes (code, name, texts as written, number, page, start and target years …) are declared in
// reform-sheet.kind.ts.
@DeclaredFields(REFORM_SHEET_ATTRIBUTES)
@ObjectType({ implements: Node, description: 'Administrative-reform implementation sheet (実施計画シート), e.g. 1-6.' })
export class ReformSheet extends declaredNode(Node, REFORM_SHEET_ATTRIBUTES) {
  @Field(() => [String], {
    description: 'Collective terms (全庁, 関係各課 …) given as executing or partner, kept as text.',
  })
  collectiveTerms!: string[];

  @Field(() => [YearlyTarget], { description: 'Targets per fiscal year (R5–R9), where given.' })
  yearlyTargets!: YearlyTarget[];

  @Field(() => Source, { nullable: true, description: 'Where the sheet starts.' })
  source!: Source | null;

  sortKey!: string;
  areaNumber!: number;

  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = ['sortKey', 'areaNumber', ...storedAsIsOf(REFORM_SHEET_ATTRIBUTES)] as const;

  static from(this: void, row: NodeProperties): ReformSheet {
    return mapNode(ReformSheet, 'ReformSheet', row, ReformSheet.storedAsIs, (p) =>
      Object.assign(assembledFields(REFORM_SHEET_ATTRIBUTES, p), {
        collectiveTerms: [...p.executingTerms, ...p.partnerTerms],
        yearlyTargets: p.yearlyTargetLabels.map((label, i) => ({
          year: { label, year: p.yearlyTargetYears[i] ?? 0 },
          text: p.yearlyTargetTexts[i] ?? '',
        })),
        source: sourceOf(p),
      }),
    );
  }
}
