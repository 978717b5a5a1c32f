// Types of dependency-table.js, so its test calls the very checks the script runs.
export interface HeldRow {
  name: string;
  heldAt: string;
  latest: string;
  why: string;
}
export interface OutdatedEntry {
  current?: string;
  wanted?: string;
  latest?: string;
}
export declare function majorOf(version: string): string;
export declare function readHeldTable(markdown: string): HeldRow[];
export declare function tableProblems(
  rows: HeldRow[],
  packageJson: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> },
  installedVersion: (name: string) => string,
  outdated?: Record<string, OutdatedEntry>,
): string[];
export declare function installedVersion(name: string): string;
