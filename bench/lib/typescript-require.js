'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

/**
 * Lets `require` load the project's TypeScript test helpers (tests/helpers/*.ts), so a benchmark prints its
 * inputs exactly as the tests do rather than with a copy of their code. Each file is only transpiled
 * (TypeScript's `transpileModule`, no type check): the helpers are type-checked by `npm run typecheck`.
 */
function allowTypeScriptRequire() {
  const ts = require(join(__dirname, '..', '..', 'node_modules', 'typescript'));
  // The one hook CommonJS offers for a file type (deprecated in the docs, kept by Node for such loaders).
  require.extensions['.ts'] ??= (module, filename) => {
    const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        experimentalDecorators: true,
      },
    });
    module._compile(outputText, filename);
  };
}

module.exports = { allowTypeScriptRequire };
