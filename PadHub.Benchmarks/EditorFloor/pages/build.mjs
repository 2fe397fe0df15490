// Bundles the floor pages' two editors into OUT (argv[2]) with the editor project's own esbuild and packages
// (argv[3]: PadHub.Components/Editor), minified as the editor's bundle is.
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [out, editorDir] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const { build } = await import(pathToFileURL(join(editorDir, 'node_modules', 'esbuild', 'lib', 'main.js')).href);
for (const name of ['codemirror', 'padhub']) {
  await build({
    entryPoints: [join(here, `${name}.js`)],
    outfile: join(out, `${name}.bundle.js`),
    bundle: true,
    format: 'esm',
    minify: true,
    target: ['es2022'],
    nodePaths: [join(editorDir, 'node_modules')],
    alias: { '@padhub/editor': join(editorDir, 'src') },
    logLevel: 'warning',
  });
}
