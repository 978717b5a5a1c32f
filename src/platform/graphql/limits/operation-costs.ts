import type { DocumentNode } from 'graphql';

/**
 * The cost the cost rule estimated for each operation of a validated document, kept for as long as the
 * document itself is (Apollo's document store keeps a validated document and skips validation the next time
 * its text comes, so the estimate is kept with it rather than made again). Read by the admission by cost
 * (cost-admission.plugin.ts).
 */
export class OperationCosts {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string | undefined, number>>();

  record(document: DocumentNode, operationName: string | undefined, cost: number): void {
    const costs = this.byDocument.get(document) ?? new Map<string | undefined, number>();
    costs.set(operationName, cost);
    this.byDocument.set(document, costs);
  }

  /** The estimate for the operation, or undefined for a document the rule has not seen. */
  of(document: DocumentNode, operationName: string | undefined): number | undefined {
    return this.byDocument.get(document)?.get(operationName);
  }
}
