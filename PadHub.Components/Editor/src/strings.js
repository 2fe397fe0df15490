// The texts the editor shows (status line, notices, placeholder, the text area's accessible name). English here; the
// page passes its own language's at attach time (EditorStart.strings, from PadEditor's resource files).

export const englishStrings = Object.freeze({
  saved: 'Saved',
  saving: 'Saving…',
  offline: 'Offline',
  offlineWaitingOne: 'Offline · {0} edit waiting',
  offlineWaitingMany: 'Offline · {0} edits waiting',
  offlineTitle: 'Not connected. Keep typing: your edits are kept in this browser and sent when the connection is back.',
  savingTitle: 'Sending your edits',
  savedTitle: 'Every edit is saved',
  placeholder: 'Start typing… (Markdown)',
  padText: 'Pad text',
  serverLost: 'The server had lost its latest changes; your unsaved edits were applied to its text',
  tooOld: 'Edits made offline were too old to merge; their text is kept in this browser',
  tooLarge: 'Your last edit was too large and was not saved',
  refused: 'Your last edit was refused ({0})',
  noStorage: 'This browser could not store unsaved edits',
});

/** The page's strings over the English ones: a key the page does not send stays English rather than blank. */
export function withDefaults(strings) {
  const result = { ...englishStrings };
  for (const [key, value] of Object.entries(strings ?? {})) {
    if (typeof value === 'string' && value.length > 0 && key in englishStrings) result[key] = value;
  }
  return Object.freeze(result);
}

/** `{0}`, `{1}`... replaced by the arguments, like .NET's string.Format for the resource files' values. */
export function format(template, ...args) {
  return template.replace(/\{(\d+)\}/g, (match, index) => (Number(index) < args.length ? String(args[Number(index)]) : match));
}
