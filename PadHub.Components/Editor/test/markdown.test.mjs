// The editor's Markdown language (src/markdown.js): marks parse, the list keymap works on it, and the bundle carries
// no other language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { EditorSelection, EditorState } from '@codemirror/state';
import { ensureSyntaxTree } from '@codemirror/language';
import { deleteMarkupBackward, insertNewlineContinueMarkup } from '@codemirror/lang-markdown';
import { padMarkdown } from '../src/markdown.js';

const here = dirname(fileURLToPath(import.meta.url));

function stateAt(doc, caret = doc.length) {
  const state = EditorState.create({ doc, selection: EditorSelection.single(caret), extensions: [padMarkdown()] });
  for (let slice = 0; ensureSyntaxTree(state, state.doc.length, 5000) === null; slice++) {
    assert.ok(slice < 100, 'the Markdown parse did not complete');
  }
  return state;
}

/** Runs a CodeMirror command on `state`; the resulting document, or null when the command did nothing. */
function run(command, state) {
  let result = null;
  const ran = command({ state, dispatch: (tr) => { result = tr.state.doc.toString(); } });
  return ran ? result : null;
}

const nodeNames = (state) => {
  const names = [];
  ensureSyntaxTree(state, state.doc.length, 5000).iterate({ enter: (n) => { names.push(n.name); } });
  return names;
};

test('padMarkdown_MarkAndHeading_ParsedAsMarkdownNodes', () => {
  const names = nodeNames(stateAt('# Title\n\nWe found ==three things== today.'));
  assert.ok(names.includes('ATXHeading1'));
  assert.ok(names.includes('Mark'));
});

test('padMarkdown_InlineHtml_StaysMarkdownWithoutAnHtmlParser', () => {
  const names = nodeNames(stateAt('text <b>bold</b> text'));
  assert.ok(names.includes('HTMLTag'));
  // lang-markdown's markdown() nests an HTML tree (Element, TagName...) here; the pad's language does not.
  assert.ok(!names.includes('TagName'));
});

test('insertNewlineContinueMarkup_InAList_ContinuesTheList', () => {
  assert.equal(run(insertNewlineContinueMarkup, stateAt('- one')), '- one\n- ');
});

test('deleteMarkupBackward_AfterAnEmptyItemsMarker_TurnsTheMarkerIntoIndentation', () => {
  assert.equal(run(deleteMarkupBackward, stateAt('- one\n- ')), '- one\n  ');
});

test('bundle_EditorEntry_HoldsNoOtherLanguageNorAutocompletion', async () => {
  const result = await build({
    entryPoints: [resolve(here, '..', 'src', 'index.js')],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outfile: 'padeditor.js',
    logLevel: 'silent',
  });
  // What the output holds (the metafile's `inputs` also lists modules parsed and then shaken out).
  const [output] = Object.values(result.metafile.outputs);
  const packages = new Set(Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path)
    .map((path) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1])
    .filter((name) => name !== undefined));
  for (const unwanted of ['@codemirror/lang-html', '@codemirror/lang-css', '@codemirror/lang-javascript', '@codemirror/autocomplete', '@lezer/html', '@lezer/css', '@lezer/javascript', '@lezer/lr']) {
    assert.ok(!packages.has(unwanted), `${unwanted} is in the editor bundle`);
  }
  assert.ok(packages.has('@lezer/markdown'));
});
