// The sync indicator: the editor element's data attributes (revision, syncState, waiting: read by tests and styles)
// and the status line's text, with a notice that shows for a while after something went wrong.

import { englishStrings, format } from './strings.js';

const NOTICE_SHOWN = 8000;
/**
 * How long edits wait for their acknowledgement before the status line says "Saving…". Typing at a normal pace is
 * acknowledged within milliseconds, and writing "Saving…" then "Saved" at every keystroke cost a restyle and a layout
 * of the page's toolbar each time (outside the editor's shadow root) and a live-region announcement each time. The
 * element's data-sync-state says "saving" at once: it is the exact state, for tests and tools.
 */
export const SAVING_SHOWN_AFTER = 1000;

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
    this.shown = null; // the state the status line shows
    this.savingSince = null; // the generation of the current unshown "saving" period, while its timer runs
    this.savingPeriods = 0;
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
    const shown = this.shownState(state);
    this.shown = shown;
    const text = statusText(shown, waiting, this.notice, this.strings);
    if (line.textContent !== text) line.textContent = text;
    if (line.dataset.state === shown) return;
    line.dataset.state = shown;
    line.title = statusTitle(shown, this.strings);
  }

  /** "Saving…" only once edits have waited {@link SAVING_SHOWN_AFTER}; every other state at once. */
  shownState(state) {
    if (state !== 'saving' || this.shown !== 'saved') {
      this.savingSince = null;
      return state;
    }
    if (this.savingSince === null) {
      const period = ++this.savingPeriods;
      this.savingSince = period;
      this.timers.later(() => {
        if (this.savingSince !== period) return; // saved (or offline) meanwhile
        this.savingSince = null;
        this.shown = 'saving';
        this.refresh();
      }, SAVING_SHOWN_AFTER);
    }
    return 'saved';
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
