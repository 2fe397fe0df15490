// The browser's copy of this editor's unacknowledged edits (the record session.js's durability algorithm relies on),
// kept in localStorage under (pad id, client id) through storage.js.

import { OtClient } from './client.js';
import * as storage from './storage.js';

export class PendingEdits {
  /**
   * @param {string} padId
   * @param {string} clientId our secret: only keys this tab's stored edits
   * @param {boolean} readOnly a link that can never write stores nothing and restores nothing
   */
  constructor(padId, clientId, readOnly) {
    this.padId = padId;
    this.clientId = clientId;
    this.readOnly = readOnly;
    this.stored = true; // unknown until the first save: a reload may have left a record
  }

  /**
   * The stored edits in `OtClient.restore`'s shape, or null when there are none. Raises the tab's seq counter past
   * the stored outstanding operation's. Throws when the record cannot be read.
   */
  load() {
    const record = storage.loadPending(this.padId, this.clientId);
    if (record === null || this.readOnly) return null;
    const restored = OtClient.parseSnapshot(record);
    if (restored.outstanding) storage.ensureSeqAtLeast(restored.outstanding.seq);
    return restored;
  }

  /** Stores the client's pending edits (or clears the record when it has none); false when the browser refused. */
  save(client) {
    if (this.readOnly) return true;
    const snapshot = client.snapshot();
    // Nothing pending and nothing stored: skip the storage call (this runs after every remote edit too).
    if (snapshot === null && this.stored === false) return true;
    const ok = storage.savePending(this.padId, this.clientId, snapshot);
    this.stored = snapshot !== null || !ok;
    return ok;
  }

  /** The edits cannot be merged any more: keep their text (the whole document) and drop the record. */
  abandon(text) {
    storage.saveRecovered(this.padId, text);
    storage.savePending(this.padId, this.clientId, null);
  }
}
