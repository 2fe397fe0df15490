// Conclusions: the `==mark==` syntax as the editor parses it (never inside code), and "Mark as conclusion" toggling it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorSelection, EditorState } from '@codemirror/state';
import { ensureSyntaxTree } from '@codemirror/language';
import { lineContent, markRanges, toggleConclusion } from '../src/conclusions.js';
import { padMarkdown } from '../src/markdown.js';

/** A state on `doc` where `[` and `]` (removed) give the selection, or `|` the caret. */
function stateOf(source) {
  let doc = source;
  let selection;
  const caret = doc.indexOf('|');
  if (caret >= 0) {
    doc = doc.slice(0, caret) + doc.slice(caret + 1);
    selection = EditorSelection.single(caret);
  } else if (doc.includes('[')) {
    const from = doc.indexOf('[');
    doc = doc.slice(0, from) + doc.slice(from + 1);
    const to = doc.indexOf(']');
    doc = doc.slice(0, to) + doc.slice(to + 1);
    selection = EditorSelection.single(from, to);
  }
  const state = EditorState.create({ doc, selection, extensions: [padMarkdown()] });
  // One call parses for at most a slice of time (100 ms, which a cold start can exceed): parse until it is complete.
  for (let slice = 0; ensureSyntaxTree(state, state.doc.length, 5000) === null; slice++) {
    assert.ok(slice < 100, 'the Markdown parse did not complete');
  }
  return state;
}

/** The complete parse of `state` (a view's state field catches up on its own; a bare state only through this). */
function treeOf(state) {
  return ensureSyntaxTree(state, state.doc.length, 5000);
}

const marks = (doc) => {
  const state = stateOf(doc);
  return markRanges(state, [{ from: 0, to: state.doc.length }], treeOf(state)).map((r) => doc.slice(r.from, r.to));
};

/** The document and selection after the command, in the same notation; null when it changed nothing. */
function toggled(source) {
  const state = stateOf(source);
  const spec = toggleConclusion(state);
  if (spec === null) return null;
  const next = state.update(spec).state;
  const { from, to } = next.selection.main;
  const doc = next.doc.toString();
  return from === to ? doc.slice(0, from) + '|' + doc.slice(from) : doc.slice(0, from) + '[' + doc.slice(from, to) + ']' + doc.slice(to);
}

test('markRanges_marksInText_foundInOrderWithTheirDelimiters', () => {
  assert.deepEqual(marks('# Notes\n\nWe agree: ==open data first== and ==share *early*==.\n\n- ==a list item==\n'),
    ['==open data first==', '==share *early*==', '==a list item==']);
});

test('markRanges_equalsInsideCode_neverAMark', () => {
  assert.deepEqual(marks('`==not a mark==` and\n\n```\n==nor this==\n```\n\n    ==nor indented==\n'), []);
});

test('markRanges_strayEqualSigns_notMarks', () => {
  assert.deepEqual(marks('a == b and c == d\n\nx === y === z\n\n== spaced ==\n'), []);
});

test('markRanges_onlyTheVisibleRange_decoratesWhatMeetsIt', () => {
  const doc = '==one==\n\n==two==\n\n==three==\n';
  const state = stateOf(doc);
  const from = doc.indexOf('==two');
  assert.deepEqual(markRanges(state, [{ from, to: from + 3 }], treeOf(state)).map((r) => doc.slice(r.from, r.to)), ['==two==']);
});

test('toggleConclusion_selection_wrapsItAndKeepsTheTextSelected', () => {
  assert.equal(toggled('We [agree on this] now'), 'We ==[agree on this]== now');
});

test('toggleConclusion_selectionWithSurroundingSpaces_wrapsTheWordsOnly', () => {
  assert.equal(toggled('We[ agree ]now'), 'We ==[agree]== now');
});

test('toggleConclusion_selectionInsideAMark_unwrapsIt', () => {
  assert.equal(toggled('We ==[agree on this]== now'), 'We [agree on this] now');
});

test('toggleConclusion_selectionOfTheWholeMark_unwrapsIt', () => {
  assert.equal(toggled('We [==agree on this==] now'), 'We [agree on this] now');
});

test('toggleConclusion_caretInsideAMark_unwrapsIt', () => {
  assert.equal(toggled('We ==agree| on this== now'), 'We agree| on this now');
});

test('toggleConclusion_caretRightAfterAMark_unwrapsIt', () => {
  assert.equal(toggled('We ==agree==| now'), 'We agree| now');
});

test('toggleConclusion_caretOnAListItem_marksItsTextWithoutTheBullet', () => {
  assert.equal(toggled('## Conclusions\n\n- Open da|ta is a commons  \n'), '## Conclusions\n\n- ==Open da|ta is a commons==  \n');
  assert.equal(toggled('1. [ ] Tas|k\n'), '1. [ ] ==Tas|k==\n');
  assert.equal(toggled('> - quo|ted\n'), '> - ==quo|ted==\n');
});

test('toggleConclusion_caretOnAnEmptyLine_insertsAnEmptyMarkAroundTheCaret', () => {
  assert.equal(toggled('## Conclusions\n\n|'), '## Conclusions\n\n==|==');
  assert.equal(toggled('- |'), '- ==|==');
});

test('toggleConclusion_multiLineSelection_marksEachLine', () => {
  assert.equal(toggled('- [first\n- second\n\nthird]\n'), '- ==[first==\n- ==second==\n\n==third]==\n');
});

test('toggleConclusion_selectionContainingAMark_mergesIntoOne', () => {
  assert.equal(toggled('[a ==b== c]'), '==[a b c]==');
});

test('toggleConclusion_insideCode_changesNothing', () => {
  assert.equal(toggled('```\nco|de\n```\n'), null);
  assert.equal(toggled('text `co|de` text'), null);
  assert.equal(toggled('    indented co|de\n'), null);
});

test('toggleConclusion_blankSelection_changesNothing', () => {
  assert.equal(toggled('a[   ]b'), null);
});

test('toggleConclusion_isOneUserEditForTheSyncPath', () => {
  const spec = toggleConclusion(stateOf('[x]'));
  assert.equal(spec.userEvent, 'input.conclusion');
});

test('lineContent_headingAndQuote_skipsThePrefix', () => {
  const state = EditorState.create({ doc: '### Title  ' });
  const c = lineContent(state.doc.line(1));
  assert.equal(state.doc.sliceString(c.from, c.to), 'Title');
});
