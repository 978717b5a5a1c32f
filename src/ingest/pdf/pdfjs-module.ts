import { dirname, join } from 'node:path';
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfjsModule = typeof Pdfjs;

// The process's own module loader, asked for by name: Jest replaces `node:module` in what a test imports.
const nodeRequire = process.getBuiltinModule('node:module').createRequire(__filename);
let loaded: PdfjsModule | undefined;

/**
 * pdfjs-dist's Node build (the "legacy" build, which runs on every Node the project supports). The library
 * ships ES modules only and this project compiles to CommonJS; Node 20.19 and later load an ES module with
 * `require`. Node's own `require` is taken, not the one a test runner hands each module (Jest's cannot load
 * ES modules), so ingestion and its tests run the same library the same way. Loaded on first use: only a
 * PDF source needs it.
 */
export function pdfjs(): PdfjsModule {
  loaded ??= nodeRequire('pdfjs-dist/legacy/build/pdf.mjs') as PdfjsModule;
  return loaded;
}

/**
 * The library's own data, read from disk (never fetched): character maps for PDFs whose Japanese fonts are
 * not embedded (Shift_JIS encodings such as 90ms-RKSJ-H) and the metrics of the standard 14 fonts.
 */
export function pdfjsDataPaths(): { readonly cMapUrl: string; readonly standardFontDataUrl: string } {
  const root = dirname(nodeRequire.resolve('pdfjs-dist/package.json'));
  return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
}
