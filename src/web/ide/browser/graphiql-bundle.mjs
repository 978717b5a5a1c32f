/*
 * The IDE's bundle: GraphiQL 5, its explorer plugin and React 19, which ship as ES modules only (no UMD build
 * any more). esbuild bundles this file (src/web/ide/build-ide-assets.ts) into one classic script that defines
 * the globals the page's own script (./ide.js) reads, as the UMD builds of GraphiQL 3 did, so that script stays
 * a plain inline script allowed by its hash. Monaco's web workers are built beside it as their own scripts;
 * ide.js tells Monaco where they are (MonacoEnvironment), since a bundle loaded from a versioned URL cannot
 * know its siblings' versions.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher, createLocalStorage } from '@graphiql/toolkit';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';

Object.assign(globalThis, {
  React,
  ReactDOM: { createRoot },
  GraphiQL,
  GraphiQLToolkit: { createGraphiQLFetcher, createLocalStorage },
  GraphiQLPluginExplorer: { explorerPlugin },
});
