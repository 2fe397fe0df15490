// The CodeMirror set-up of a pad editor, and the ways the session changes the document without recording them as
// local edits (a remote operation, a revert, a rebase, a restart from the head).

import { Compartment, EditorState, Transaction } from '@codemirror/state';
import { EditorView, keymap, highlightSpecialChars, placeholder } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { opToChanges, normaliseNewlines } from './changes.js';
import { authorship, remoteAuthor, remoteCarets, presenceTheme } from './presence.js';
import { conclusions } from './conclusions.js';
import { padMarkdown } from './markdown.js';
import { englishStrings } from './strings.js';

/** Turns CRLF and CR typed or pasted into LF, so the document only ever holds what the server will hold. */
const normaliseInput = EditorState.transactionFilter.of((tr) => {
  if (!tr.docChanged || tr.annotation(remoteAuthor) !== undefined) return tr;
  let hasCr = false;
  tr.changes.iterChanges((_a, _b, _c, _d, inserted) => {
    if (!hasCr && inserted.toString().indexOf('\r') >= 0) hasCr = true;
  });
  if (!hasCr) return tr;
  const specs = [];
  tr.changes.iterChanges((fromA, toA, _c, _d, inserted) => specs.push({ from: fromA, to: toA, insert: normaliseNewlines(inserted.toString()) }));
  return [{ changes: specs, scrollIntoView: tr.scrollIntoView, userEvent: tr.annotation(Transaction.userEvent) }];
});

/** What the editor allows while the pad does (`canWrite`) or does not take edits. */
function accessExtensions(canWrite, strings) {
  return [
    EditorState.readOnly.of(!canWrite),
    EditorView.editable.of(canWrite),
    placeholder(canWrite ? strings.placeholder : ''),
  ];
}

/** Whether the pad takes edits, switchable live (a locked pad, a revoked link) without rebuilding the editor. */
export class Access {
  constructor(canWrite, strings = englishStrings) {
    this.strings = strings;
    this.compartment = new Compartment();
    this.canWrite = canWrite;
  }

  extension() {
    return this.compartment.of(accessExtensions(this.canWrite, this.strings));
  }

  /** Applies `canWrite` to `view`; false when nothing changed. */
  set(view, canWrite) {
    if (canWrite === this.canWrite) return false;
    this.canWrite = canWrite;
    view.dispatch({ effects: this.compartment.reconfigure(accessExtensions(canWrite, this.strings)) });
    return true;
  }
}

/**
 * The editor view in `parent` showing `doc`. The caret and the selection are the browser's own, not CodeMirror's
 * drawn ones (`drawSelection`): its drawn caret blinks by a CSS animation restarted at every selection change, which
 * made every frame of typing recalculate styles (5.3 style recalculations and layouts per keystroke on the typing page
 * against 1.8-1.9 without it, docs/BENCHMARKS-phones.md); the browser's caret blinks without restyling anything and
 * follows the system's caret settings.
 * @param {{ parent: HTMLElement, doc: string, access: Access, onUpdate: (update: import('@codemirror/view').ViewUpdate) => void }} o
 */
export function createView({ parent, doc, access, onUpdate }) {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        EditorState.lineSeparator.of('\n'),
        access.extension(),
        highlightSpecialChars(),
        history(),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        padMarkdown(),
        conclusions,
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        EditorView.lineWrapping,
        normaliseInput,
        remoteCarets,
        authorship,
        presenceTheme,
        EditorView.contentAttributes.of({ 'aria-label': access.strings.padText, spellcheck: 'true' }),
        EditorView.updateListener.of(onUpdate),
      ],
    }),
  });
}

/**
 * Applies an operation that is not a local edit: outside the undo history, its inserts credited to `authorId`
 * ('' for text restored from the server or reverted). `remote` marks a remote author's operation as such.
 */
export function applyOperation(view, op, authorId, remote = false) {
  const annotations = [Transaction.addToHistory.of(false), remoteAuthor.of(authorId)];
  if (remote) annotations.splice(1, 0, Transaction.remote.of(true));
  view.dispatch({ changes: opToChanges(op), annotations });
}

/** Replaces the whole document with `text` (a restart from the server's head), outside the undo history. */
export function replaceText(view, text) {
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: text },
    annotations: [Transaction.addToHistory.of(false), remoteAuthor.of('')],
  });
}
