// Types of check-layers.js, so its test calls the very rule `npm run lint` runs.
export declare function layerTable(srcDirectory: string): {
  table: Map<string, string[]>;
  problems: string[];
};
export declare function layerViolations(srcDirectory: string): string[];
export declare function fileCircles(srcDirectory: string): string[];
export declare function stepViolations(srcDirectory: string): string[];
