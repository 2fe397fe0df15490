// Whether the circuit answers, and what the editor does while it does not: calls to .NET time out, sends are held,
// and the editor tries again (a resync) until a call goes through. Watchdogs resync when an acknowledgement or a
// missing revision is overdue. Blazor's reconnect UI (the same element and event Layout/ConnectionBanner.razor.js
// drives) says when the socket went down and when it is back.

const CALL_TIMEOUT = 15000; // a call the circuit never answers (socket down) counts as offline after this
const ACK_WATCHDOG = 15000; // an operation unacknowledged this long is resent (same seq) after a history fetch
const GAP_WATCHDOG = 2000; // a missing revision not filled this long is fetched from history
const RETRY_OFFLINE = 3000; // while offline, how often to try the circuit again

const RECONNECT_MODAL = 'components-reconnect-modal';
const RECONNECT_STATE_CHANGED = 'components-reconnect-state-changed';

export class Connection {
  /**
   * @param {object} o
   * @param {{ invokeMethodAsync: (method: string, ...args: unknown[]) => Promise<unknown> }} o.dotNet the component
   * @param {import('./timers.js').Timers} o.timers
   * @param {() => boolean} o.detached
   * @param {() => import('./client.js').OtClient} o.client
   * @param {(options?: { resend?: boolean }) => unknown} o.resync steps 2-3 of the rejoin algorithm (session.js)
   * @param {() => void} o.render shows the new state
   * @param {HTMLElement | null} [o.reconnectModal] Blazor's reconnect UI, found in the document by default
   */
  constructor({ dotNet, timers, detached, client, resync, render, reconnectModal }) {
    Object.assign(this, { dotNet, timers, detached, client, resync, render });
    this.online = true;
    this.reconnectModal = reconnectModal === undefined ? document.getElementById(RECONNECT_MODAL) : reconnectModal;
    this.onReconnectState = (e) => this.reconnectStateChanged(e.detail?.state);
    this.reconnectModal?.addEventListener(RECONNECT_STATE_CHANGED, this.onReconnectState);
  }

  /** Calls the component's [JSInvokable] `method`; rejects when detached or when no answer comes in time. */
  call(method, args) {
    if (this.detached()) return Promise.reject(new Error('detached'));
    let timer = 0;
    const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${method} timed out`)), CALL_TIMEOUT); });
    return Promise.race([this.dotNet.invokeMethodAsync(method, ...args), timeout]).finally(() => clearTimeout(timer));
  }

  goOffline(retry = true) {
    if (this.detached()) return;
    this.client().canSend = false;
    this.setOnline(false);
    if (retry) this.timers.once('retry', () => { if (!this.online) this.resync(); }, RETRY_OFFLINE);
  }

  setOnline(online) {
    if (this.online === online) return;
    this.online = online;
    this.render();
  }

  reconnectStateChanged(state) {
    if (state === 'hide') {
      this.setOnline(true);
      this.resync();
    } else if (state !== undefined) {
      this.goOffline(false);
    }
  }

  /** An operation went out: resync if it is not acknowledged in time. */
  armAckWatchdog() {
    this.timers.restart('ack', () => { if (this.client().outstanding !== null) this.resync(); }, ACK_WATCHDOG);
  }

  /** After events: stop the ack watchdog once nothing is in flight; resync when a missing revision stays missing. */
  watch() {
    const client = this.client();
    if (client.outstanding === null) this.timers.clear('ack');
    if (client.gap !== null) {
      this.timers.once('gap', () => { if (this.client().gap !== null) this.resync({ resend: false }); }, GAP_WATCHDOG);
    } else {
      this.timers.clear('gap');
    }
  }

  dispose() {
    this.reconnectModal?.removeEventListener(RECONNECT_STATE_CHANGED, this.onReconnectState);
  }
}
