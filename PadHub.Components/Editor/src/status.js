// The sync indicator: the editor element's data attributes (revision, syncState, waiting: read by tests and styles)
// and the status line's text, with a notice that shows for a while after something went wrong.

import { englishStrings, format } from './strings.js';

const NOTICE_SHOWN = 8000;

/** 'offline' while the circuit is down; 'saving' while edits are unacknowledged or stored edits are being recovered. */
export function syncState({ online, synchronized, recovering }) {
  if (!online) return 'offline';
  return synchronized && !recovering ? 'saved' : 'saving';
}

export function statusText(state, waiting, notice, strings = englishStrings) {
  let text;
  if (state === 'offline') {
    text = waiting > 0 ? format(waiting === 1 ? strings.offlineWaitingOne : strings.offlineWaitingMany, waiting) : strings.offline;
  } else if (state === 'saving') text = strings.saving;
  else text = strings.saved;
  return notice ? `${text} · ${notice}` : text;
}

export function statusTitle(state, strings = englishStrings) {
  if (state === 'offline') return strings.offlineTitle;
  return state === 'saving' ? strings.savingTitle : strings.savedTitle;
}

export class SyncStatus {
  /**
   * @param {HTMLElement} element the editor's root (its dataset carries the state); its `.padhub-sync` child, if any,
   *   is the status line, and its `.padhub-sync-announce` child, if any, the live region screen readers hear
   * @param {import('./timers.js').Timers} timers
   * @param {() => void} refresh renders the current state again (a notice came or went)
   * @param {typeof englishStrings} [strings] the page's language
   */
  constructor(element, timers, refresh, strings = englishStrings) {
    this.strings = strings;
    this.element = element;
    this.line = element.querySelector('.padhub-sync');
    this.region = element.querySelector('.padhub-sync-announce');
    this.offline = false;
    this.timers = timers;
    this.refresh = refresh;
    this.notice = null;
  }

  /**
   * Runs after every event: writes only what changed, so a remote keystroke does not also invalidate the status
   * line's style and layout (a text node replaced by an equal one still costs a layout).
   */
  render(state, revision, waiting) {
    const data = this.element.dataset;
    const revisionText = String(revision);
    const waitingText = String(waiting);
    if (data.revision !== revisionText) data.revision = revisionText;
    if (data.syncState !== state) data.syncState = state;
    if (data.waiting !== waitingText) data.waiting = waitingText;
    this.announce(state, waiting);
    const line = this.line;
    if (!line) return;
    const text = statusText(state, waiting, this.notice, this.strings);
    if (line.textContent !== text) line.textContent = text;
    if (line.dataset.state === state) return;
    line.dataset.state = state;
    line.title = statusTitle(state, this.strings);
  }

  /**
   * The live region speaks only when it matters: going offline, the edits waiting while offline, and the way back to
   * saved. The status line itself changes at every keystroke ("Saving…", "Saved") and would chatter.
   */
  announce(state, waiting) {
    if (state === 'offline') this.offline = true;
    else if (!this.offline) return;
    else if (state === 'saved') this.offline = false;
    this.speak(statusText(state, waiting, null, this.strings));
  }

  speak(text) {
    if (this.region && this.region.textContent !== text) this.region.textContent = text;
  }

  showNotice(text) {
    this.speak(text);
    this.notice = text;
    this.refresh();
    this.timers.later(() => {
      if (this.notice === text) {
        this.notice = null;
        this.refresh();
      }
    }, NOTICE_SHOWN);
  }
}
