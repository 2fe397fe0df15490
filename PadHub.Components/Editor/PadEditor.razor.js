// PadEditor's collocated module: a thin facade over the editor bundle (built from Editor/src by esbuild), imported
// relative to this module's own URL (_content/PadHub.Components/Editor/ -> _content/PadHub.Components/dist/).
export {
  attach,
  detach,
  identity,
  swapClientId,
  rememberName,
  receive,
  acknowledge,
  reject,
  resync,
  setParticipants,
  moveCaret,
  setAuthorshipVisible,
  markConclusion,
  setReadOnly,
  text,
} from '../dist/padeditor.js';
