// AudienceView's collocated module: the display name the editor remembers, read and written by the editor bundle's own
// storage (Editor/src/storage.js holds the key), so "join as contributor" asks once and the editor joins with it. The
// module is imported only when someone starts contributing, on the way to the editor page that loads the same bundle.
export { displayName, rememberName } from '../dist/padeditor.js';
