// CodeMirror 6 with nothing added: the editor library's own cost per keystroke.
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { floorDocument } from './document.js';

window.floorView = new EditorView({ parent: document.getElementById('editor'), state: EditorState.create({ doc: floorDocument }) });
