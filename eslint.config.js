// Type-aware linting: no `any`, no floating promises, no unused code, type-only imports marked as such,
// and no import cycles (a cycle makes module initialisation order, and so decorator metadata, fragile).
const tseslint = require('typescript-eslint');
const importPlugin = require('eslint-plugin-import');

module.exports = tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'neo4j/', '.data/', 'test-artifacts/', 'coverage/', 'eslint.config.js'],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: __dirname },
    },
    plugins: { import: importPlugin },
    settings: {
      // Relative imports name .ts files without their extension; the node resolver must know to try it.
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
      // Dependencies are parsed to follow their imports; TypeScript needs its own parser for that.
      'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // With emitDecoratorMetadata the rule keeps value imports that decorators need at run time.
      '@typescript-eslint/consistent-type-imports': 'error',
      'import/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // No function in src/ longer than 80 lines (issue 58): a longer one holds more than one concept, and a
    // concept of its own is easier to name, read and test. Blank lines and comments do not count: the
    // comments say why, and a rule that counted them would push them out. An IIFE is not counted: the one in
    // src/ wraps a whole classic browser script (the IDE's), its module scope, not a function.
    files: ['src/**/*.ts', 'src/**/*.tsx', 'src/**/*.js'],
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The read path runs per node and per request. On Node 20 (V8 11.3) every property an object literal
    // adds after a leading spread (`{ ...a, b }`) makes a new hidden class: about 1 µs apiece, and garbage
    // that outlives the young generation (bench/investigations/object-spread.js). Spread last, or Object.assign.
    files: ['src/read/**/*.ts', 'src/graph/**/*.ts', 'src/model/node/**/*.ts', 'src/model/search/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ObjectExpression > SpreadElement:first-child:not(:last-child)',
          message:
            'A property after a leading spread makes a new hidden class on Node 20 (about 1 µs, bench/investigations/object-spread.js): spread last, or use Object.assign({}, a, { b }).',
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // ES modules run by Node as they are (the OpenID test provider, whose library is ESM-only).
    files: ['**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      sourceType: 'module',
      globals: { process: 'readonly' },
    },
  },
  {
    // The IDE's browser script: a classic script run by the browser, type-checked through its own
    // tsconfig (DOM library, checkJs), so the type-aware rules apply to it as to the TypeScript.
    files: ['src/web/ide/browser/**/*.js'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      sourceType: 'script',
      parserOptions: { projectService: true, tsconfigRootDir: __dirname },
    },
  },
);
