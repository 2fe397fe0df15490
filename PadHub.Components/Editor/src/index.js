// The editor bundle's API, called by PadEditor.razor.js on behalf of the PadEditor component.
// Per-element state lives in a WeakMap, never on window.
import { PadSession } from './session.js';
import * as storage from './storage.js';

/** @type {WeakMap<HTMLElement, PadSession>} */
const sessions = new WeakMap();

const withSession = (element, fn) => {
  const session = element && sessions.get(element);
  return session === undefined ? undefined : fn(session);
};

/** The tab's client id and the remembered display name (null on a first visit). */
export function identity() {
  return { clientId: storage.clientId(), displayName: storage.displayName() };
}

/** The server refused the tab's client id on this pad (first used there under the other role): the tab's other id. */
export function swapClientId() {
  return storage.swapClientId();
}

/** The remembered display name, or null (also for the audience page's "join as contributor", which asks once). */
export function displayName() {
  return storage.displayName();
}

export function rememberName(name) {
  storage.rememberName(name);
}

/**
 * Starts the editor in `element` with the joined state:
 * { padId, clientId, clientTag, participantId, revision, text, readOnly, canWrite, authorId, color, authorship, authors,
 *   participants, showAuthorship }.
 */
export function attach(element, dotNetRef, options) {
  detach(element);
  sessions.set(element, new PadSession(element, dotNetRef, options));
}

export function detach(element) {
  withSession(element, (s) => s.destroy());
  sessions.delete(element);
}

/** A committed operation: { revision, operation (ot.js JSON), authorId, clientTag, seq }. */
export const receive = (element, event) => withSession(element, (s) => s.receive(event));
/** Our operation `seq` was committed as `revision`. */
export const acknowledge = (element, seq, revision) => withSession(element, (s) => s.acknowledge(seq, revision));
/** Our operation `seq` was refused with a PadErrorCodes code. */
export const reject = (element, seq, code, message) => withSession(element, (s) => s.reject(seq, code, message));
/** The server dropped events for this connection: fetch history. */
export const resync = (element) => withSession(element, (s) => { s.resync({ resend: false }); });
export const setParticipants = (element, participants, authors) => withSession(element, (s) => s.setParticipants(participants, authors));
export const moveCaret = (element, caret) => withSession(element, (s) => s.moveCaret(caret));
/** The pad stopped or started taking edits from this connection (lock, unlock, revoked link). */
export const setReadOnly = (element, readOnly) => withSession(element, (s) => s.setReadOnly(readOnly));
/** The toolbar's "Mark as conclusion": toggles `==…==` on the selection (see conclusions.js). */
export const markConclusion = (element) => withSession(element, (s) => s.markConclusion());
export const setAuthorshipVisible = (element, visible) => withSession(element, (s) => s.setAuthorshipVisible(visible));
/**
 * Read-only hook for tests and tools: the editor's text as CodeMirror holds it (with `\n` line breaks, including edits
 * not yet acknowledged), or undefined when no editor is attached to `element`. The DOM's textContent drops line breaks.
 */
/** The selection to comment on at the client's revision: { revision, from, to }, or null when nothing is selected. */
export const commentSelection = (element) => withSession(element, (s) => s.commentSelection()) ?? null;
/** Selects [from, to) (offsets at the client's revision) and scrolls it into view. */
export const selectPassage = (element, from, to) => withSession(element, (s) => s.selectPassage(from, to));
export const text = (element) => withSession(element, (s) => s.view.state.doc.toString());
