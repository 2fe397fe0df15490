// Bundles src/index.js into ../wwwroot/dist/padeditor.js (called by PadHub.Components.csproj's PadEditorBundle target).
// PADEDITOR_MINIFY=0 node build.mjs writes it unminified, for readable browser profiles; PADEDITOR_METAFILE=FILE also
// writes esbuild's metafile (what each module adds to the bundle), e.g. for https://esbuild.github.io/analyze/.
import { writeFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const result = await build({
  entryPoints: [resolve(here, 'src', 'index.js')],
  outfile: resolve(here, '..', 'wwwroot', 'dist', 'padeditor.js'),
  bundle: true,
  format: 'esm',
  minify: process.env.PADEDITOR_MINIFY !== '0',
  sourcemap: 'linked',
  target: ['es2022'],
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: process.env.PADEDITOR_METAFILE !== undefined,
});
if (process.env.PADEDITOR_METAFILE !== undefined) {
  await writeFile(process.env.PADEDITOR_METAFILE, JSON.stringify(result.metafile));
}
