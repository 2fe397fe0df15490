// PadHub's CodeMirror set-up (view.js: Markdown, conclusions, authorship, carets, history...) with a listener that
// turns every local transaction into an ot.js operation as the session does; no page around it, no server.
import { Access, createView } from '@padhub/editor/view.js';
import { changeSetToOp } from '@padhub/editor/changes.js';
import { floorDocument } from './document.js';

const operations = [];
window.floorView = createView({
  parent: document.getElementById('editor'),
  doc: floorDocument,
  access: new Access(true),
  onUpdate: (update) => {
    for (const tr of update.transactions) if (tr.docChanged) operations.push(JSON.stringify(changeSetToOp(tr.changes, tr.startState.doc.length).ops));
  },
});
window.floorOperations = operations;
