// Bundles src/index.js into ../wwwroot/dist/padeditor.js (called by PadHub.Components.csproj's PadEditorBundle target).
// PADEDITOR_MINIFY=0 node build.mjs writes it unminified, for readable browser profiles.
import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
await build({
  entryPoints: [resolve(here, 'src', 'index.js')],
  outfile: resolve(here, '..', 'wwwroot', 'dist', 'padeditor.js'),
  bundle: true,
  format: 'esm',
  minify: process.env.PADEDITOR_MINIFY !== '0',
  sourcemap: 'linked',
  target: ['es2022'],
  legalComments: 'linked',
  logLevel: 'warning',
});
