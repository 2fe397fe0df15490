// CodeMirror extensions for presence: remote carets and selections with name labels, and authorship colours.
import { Annotation, StateEffect, StateField, RangeSetBuilder } from '@codemirror/state';
import { Decoration, EditorView, WidgetType } from '@codemirror/view';
import { changeSetToOp } from './changes.js';
import { applyToRuns } from './authorship.js';

/** Sets (or with `caret: null` removes) one remote caret: { participantId, name, color, anchor, head }. */
export const setRemoteCaret = StateEffect.define();
/** Removes every remote caret whose participant id is not in the given set. */
export const keepRemoteCarets = StateEffect.define();
/** Updates the authorship state: any of { runs, authors: Map<authorId, {name, color}>, visible, localAuthor }. */
export const setAuthorship = StateEffect.define();

class CaretWidget extends WidgetType {
  constructor(name, color) {
    super();
    this.name = name;
    this.color = color;
  }

  eq(other) {
    return other.name === this.name && other.color === this.color;
  }

  toDOM() {
    // The name is drawn by CSS from data-name, so it is never part of the document's text (copy, screen readers).
    const caret = document.createElement('span');
    caret.className = 'padhub-remote-caret';
    caret.dataset.name = this.name;
    caret.style.setProperty('--padhub-caret-color', this.color);
    caret.setAttribute('aria-hidden', 'true');
    return caret;
  }

  ignoreEvent() {
    return true;
  }
}

/** The colour of someone whose colour is unknown or unusable. */
export const fallbackColor = '#757575';

/** Colours come from the server; only #rgb / #rrggbb reach a style attribute. */
export const safeColor = (c) => (typeof c === 'string' && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(c) ? (c.length === 4 ? '#' + [...c.slice(1)].map((x) => x + x).join('') : c) : fallbackColor);

const clamp = (pos, length) => Math.max(0, Math.min(pos, length));

/** Remote carets by participant id, mapped through every change so they stay on their text. */
export const remoteCarets = StateField.define({
  create: () => new Map(),
  update(carets, tr) {
    let next = carets;
    if (tr.docChanged && carets.size > 0) {
      next = new Map();
      for (const [id, c] of carets) {
        next.set(id, { ...c, anchor: tr.changes.mapPos(c.anchor, 1), head: tr.changes.mapPos(c.head, 1) });
      }
    }
    for (const e of tr.effects) {
      if (e.is(setRemoteCaret)) {
        if (next === carets) next = new Map(carets);
        const length = tr.state.doc.length;
        if (e.value.caret === null) next.delete(e.value.participantId);
        else next.set(e.value.participantId, { ...e.value.caret, color: safeColor(e.value.caret.color), anchor: clamp(e.value.caret.anchor, length), head: clamp(e.value.caret.head, length) });
      } else if (e.is(keepRemoteCarets)) {
        if (next === carets) next = new Map(carets);
        for (const id of [...next.keys()]) if (!e.value.has(id)) next.delete(id);
      }
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field, (carets) => {
    const ranges = [];
    for (const c of carets.values()) {
      const from = Math.min(c.anchor, c.head), to = Math.max(c.anchor, c.head);
      if (from < to) {
        ranges.push(Decoration.mark({ class: 'padhub-remote-selection', attributes: { style: `background-color: ${c.color}33` } }).range(from, to));
      }
      ranges.push(Decoration.widget({ widget: new CaretWidget(c.name, c.color), side: 1 }).range(c.head));
    }
    return Decoration.set(ranges, true);
  }),
});

const markCache = new Map();
function authorMark(rawColor, name) {
  const color = safeColor(rawColor);
  const key = color + '\u0000' + name;
  let mark = markCache.get(key);
  if (mark === undefined) {
    mark = Decoration.mark({ class: 'padhub-authored', attributes: { style: `background-color: ${color}2e`, title: name } });
    markCache.set(key, mark);
  }
  return mark;
}

/** The author of a remote transaction's inserts (local transactions belong to the field's `localAuthor`). */
export const remoteAuthor = Annotation.define();

/**
 * Authorship runs and their decorations. Every change updates the runs (inserted text gets its author); the
 * decorations are rebuilt from the runs, so adjacent text of one author is always one mark.
 */
export const authorship = StateField.define({
  create: () => ({ runs: [], authors: new Map(), visible: true, localAuthor: '', decorations: Decoration.none }),
  update(value, tr) {
    let next = value;
    if (tr.docChanged) {
      const op = changeSetToOp(tr.changes, tr.startState.doc.length);
      next = { ...value, runs: applyToRuns(value.runs, op, tr.annotation(remoteAuthor) ?? value.localAuthor) };
    }
    for (const e of tr.effects) {
      if (e.is(setAuthorship)) next = { ...next, ...e.value };
    }
    if (next === value) return value;
    next.decorations = next.visible ? buildAuthorship(next.runs, next.authors, tr.state.doc.length) : Decoration.none;
    return next;
  },
  provide: (field) => EditorView.decorations.from(field, (value) => value.decorations),
});

function buildAuthorship(runs, authors, length) {
  const builder = new RangeSetBuilder();
  let pos = 0;
  for (const run of runs) {
    const to = Math.min(pos + run.n, length);
    const author = authors.get(run.a);
    if (author !== undefined && to > pos) builder.add(pos, to, authorMark(author.color, author.name));
    pos = to;
  }
  return builder.finish();
}

export const presenceTheme = EditorView.baseTheme({
  '.padhub-remote-caret': {
    position: 'relative',
    borderLeft: '2px solid var(--padhub-caret-color)',
    marginLeft: '-1px',
    marginRight: '-1px',
  },
  '.padhub-remote-caret::after': {
    content: 'attr(data-name)',
    position: 'absolute',
    top: '-1.35em',
    left: '-2px',
    fontSize: '0.7em',
    lineHeight: '1.2',
    padding: '0 4px',
    borderRadius: '3px 3px 3px 0',
    backgroundColor: 'var(--padhub-caret-color)',
    color: '#fff',
    whiteSpace: 'nowrap',
    pointerEvents: 'none',
    zIndex: '10',
  },
});
