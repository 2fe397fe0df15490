// Conclusions: passages marked `==text==`, which every view renders as <mark> (PadConclusions.Extract on the server
// defines them). Here: the Markdown parser extension that knows the syntax (so `==` inside code is never a mark), the
// highlight while typing (only the visible ranges are decorated), and "Mark as conclusion", an ordinary edit that goes
// through the normal sync path like any keystroke (and into the undo history).
//
// The command toggles:
// - a selection inside (or exactly around) a mark unwraps it;
// - a selection otherwise is wrapped, line by line: each line's text without its Markdown prefix (list marker, task
//   box, heading hashes, quote) and without surrounding spaces, since `== text ==` or `==- item==` would not render
//   as a mark; marks already inside the selection are merged into the new one;
// - a caret inside a mark unwraps it; a caret on a line with text marks that line's text; a caret on an empty line
//   inserts `====` with the caret in the middle;
// - nothing happens inside code, or when the pad is read-only.

import { ChangeSet, EditorSelection, Prec } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, keymap } from '@codemirror/view';
import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';

/** The keyboard shortcut (CodeMirror notation: Ctrl on Windows and Linux, Cmd on a Mac). Shown in PadEditor's tooltip. */
export const MARK_KEY = 'Mod-Shift-h';

const EQUALS = 61;
const DELIMITER = '==';
const MarkDelim = { resolve: 'Mark', mark: 'MarkMarker' };
// CommonMark's punctuation for the flanking rules (ASCII punctuation and Unicode punctuation and symbols), as Markdig uses.
const punctuation = /[\p{P}\p{S}]/u;
const CODE_NODES = new Set(['FencedCode', 'CodeBlock', 'InlineCode', 'CodeText', 'HTMLBlock', 'CommentBlock']);

/**
 * The `==mark==` inline syntax for @lezer/markdown, modelled on its GFM strikethrough: two equal signs (not three),
 * opening when left-flanking and closing when right-flanking, so that it matches what Markdig renders as <mark>.
 */
export const markSyntax = {
  defineNodes: ['Mark', 'MarkMarker'],
  parseInline: [{
    name: 'Mark',
    parse(cx, next, pos) {
      if (next !== EQUALS || cx.char(pos + 1) !== EQUALS || cx.char(pos + 2) === EQUALS || cx.char(pos - 1) === EQUALS) return -1;
      const before = cx.slice(pos - 1, pos);
      const after = cx.slice(pos + 2, pos + 3);
      const sBefore = /\s|^$/.test(before), sAfter = /\s|^$/.test(after);
      const pBefore = punctuation.test(before), pAfter = punctuation.test(after);
      return cx.addDelimiter(MarkDelim, pos, pos + 2,
        !sAfter && (!pAfter || sBefore || pBefore),
        !sBefore && (!pBefore || sAfter || pAfter));
    },
    after: 'Emphasis',
  }],
};

/**
 * The marks (outermost only) meeting the given ranges, in document order: [{ from, to }], delimiters included. `tree`
 * defaults to the state's current parse, which in a view covers at least what is visible.
 */
export function markRanges(state, ranges, tree = syntaxTree(state)) {
  const found = [];
  let end = -1;
  for (const { from, to } of ranges) {
    tree.iterate({
      from,
      to,
      enter(node) {
        if (CODE_NODES.has(node.name)) return false;
        if (node.name !== 'Mark') return undefined;
        if (node.from >= end) {
          found.push({ from: node.from, to: node.to });
          end = node.to;
        }
        return false;
      },
    });
  }
  return found;
}

const markDecoration = Decoration.mark({ class: 'padhub-conclusion' });

function decorate(view) {
  return Decoration.set(markRanges(view.state, view.visibleRanges).map((r) => markDecoration.range(r.from, r.to)));
}

/** Highlights the marks in view; recomputed when the text, the viewport or the parse changes, never for the whole pad. */
export const conclusionHighlight = ViewPlugin.fromClass(class {
  constructor(view) {
    this.decorations = decorate(view);
  }

  update(update) {
    if (update.docChanged || update.viewportChanged || syntaxTree(update.startState) !== syntaxTree(update.state)) {
      this.decorations = decorate(update.view);
    }
  }
}, { decorations: (plugin) => plugin.decorations });

export const conclusionTheme = EditorView.baseTheme({
  // Dark text on a saturated yellow (contrast above 12:1), with an underline that survives author colours on top.
  '.padhub-conclusion': {
    backgroundColor: '#ffe566',
    color: '#1a1a1a',
    boxShadow: 'inset 0 -2px 0 #b38600',
    borderRadius: '2px',
  },
});

// ---- the command -------------------------------------------------------------------------------------------------

// A line's Markdown prefix: indentation, quotes, a list marker and task box, or heading hashes.
const linePrefix = /^(?:[ \t]*(?:>[ \t]?|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+(?:\[[ xX]\][ \t]+)?|#{1,6}[ \t]+))*[ \t]*/;

/** The line's text without its Markdown prefix and surrounding spaces: [from, to) in document offsets (empty: from === to). */
export function lineContent(line) {
  const prefix = linePrefix.exec(line.text)[0].length;
  const trimmed = line.text.slice(prefix).trimEnd();
  return { from: line.from + prefix, to: line.from + prefix + trimmed.length };
}

function inCode(tree, pos) {
  for (let node = tree.resolveInner(pos, 1); node !== null; node = node.parent) {
    if (CODE_NODES.has(node.name)) return true;
  }
  return false;
}

function enclosingMark(tree, from, to) {
  for (const [pos, side] of [[from, 1], [to, -1], [from, -1]]) {
    for (let node = tree.resolveInner(pos, side); node !== null; node = node.parent) {
      if (node.name === 'Mark' && node.from <= from && node.to >= to) return node;
    }
  }
  return null;
}

const unwrapChanges = (mark) => [{ from: mark.from, to: mark.from + 2 }, { from: mark.to - 2, to: mark.to }];

// The changes that mark [from, to) (already trimmed): markers of marks inside it go, one mark goes around it.
function wrapChanges(tree, from, to) {
  const changes = [{ from, insert: DELIMITER }];
  tree.iterate({
    from,
    to,
    enter(node) {
      if (node.name !== 'Mark') return undefined;
      if (node.from >= from && node.to <= to) changes.push(...unwrapChanges(node));
      return false;
    },
  });
  changes.push({ from: to, insert: DELIMITER });
  return changes;
}

function changesForRange(state, tree, range) {
  const mark = enclosingMark(tree, range.from, range.to);
  if (mark !== null) return { changes: unwrapChanges(mark), kind: 'unwrap' };
  if (range.empty) {
    if (inCode(tree, range.head)) return null;
    const content = lineContent(state.doc.lineAt(range.head));
    if (content.from === content.to) return { changes: [{ from: range.head, insert: DELIMITER + DELIMITER }], kind: 'insert' };
    return { changes: wrapChanges(tree, content.from, content.to), kind: 'wrap', inner: content };
  }
  const changes = [];
  for (let line = state.doc.lineAt(range.from); ; line = state.doc.line(line.number + 1)) {
    const content = lineContent(line);
    const from = Math.max(content.from, range.from);
    let to = Math.min(content.to, range.to);
    // A selection may start or end on spaces: trim those too.
    const text = state.doc.sliceString(from, Math.max(from, to));
    const lead = text.length - text.trimStart().length;
    to = from + text.trimEnd().length;
    if (from + lead < to && !inCode(tree, from + lead)) changes.push(...wrapChanges(tree, from + lead, to));
    if (line.to >= range.to || line.number === state.doc.lines) break;
  }
  return changes.length === 0 ? null : { changes, kind: 'wrap', inner: { from: changes[0].from, to: changes[changes.length - 1].from } };
}

/**
 * The transaction that toggles "conclusion" on every selection range of `state`, or null when nothing would change
 * (only code, only blank space). Exported for the tests; the editor runs it through {@link markConclusion}.
 */
export function toggleConclusion(state) {
  const main = state.selection.main;
  const tree = ensureSyntaxTree(state, Math.min(state.doc.length, main.to + 1000), 100) ?? syntaxTree(state);
  let changed = false;
  const spec = state.changeByRange((range) => {
    const found = changesForRange(state, tree, range);
    if (found === null) return { range };
    changed = true;
    const set = ChangeSet.of(found.changes, state.doc.length);
    if (found.kind === 'insert') return { changes: set, range: EditorSelection.cursor(range.head + 2) };
    if (found.kind === 'wrap') {
      // The marked text stays selected (a caret stays where it was in the text, inside the new mark).
      const inner = { from: set.mapPos(found.inner.from, 1), to: set.mapPos(found.inner.to, -1) };
      return {
        changes: set,
        range: range.empty ? EditorSelection.cursor(Math.min(Math.max(set.mapPos(range.head, 1), inner.from), inner.to)) : EditorSelection.range(inner.from, inner.to),
      };
    }
    const from = set.mapPos(range.from, 1), to = set.mapPos(range.to, -1);
    return { changes: set, range: range.empty ? EditorSelection.cursor(set.mapPos(range.head)) : EditorSelection.range(from, Math.max(from, to)) };
  });
  return changed ? { ...spec, scrollIntoView: true, userEvent: 'input.conclusion' } : null;
}

/** The "Mark as conclusion" command: true when it changed the pad. */
export function markConclusion(view) {
  if (view.state.readOnly) return false;
  const spec = toggleConclusion(view.state);
  if (spec === null) return false;
  view.dispatch(spec);
  return true;
}

/** The shortcut, ahead of CodeMirror's own keymaps (none of which binds it). */
export const conclusionKeymap = Prec.high(keymap.of([{ key: MARK_KEY, run: markConclusion, preventDefault: true }]));

/** Everything the editor needs for conclusions, besides `markSyntax` which goes into the Markdown language. */
export const conclusions = [conclusionHighlight, conclusionTheme, conclusionKeymap];
