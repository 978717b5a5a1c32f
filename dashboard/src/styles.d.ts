// The dashboard's style sheet is bundled by esbuild (src/web/dashboard/build-dashboard.ts), which resolves the
// import itself; this tells TypeScript 6 (which checks side-effect imports) that a `.css` import is expected.
declare module '*.css';
