// The pad protocol's stable error codes, as the circuit passes them to `reject` and `GetHistory` returns them.
// They mirror PadHub.Components/Contracts/Pads/PadErrorCodes.cs and docs/PROTOCOL.md: change all three together.

export const PadErrorCodes = Object.freeze({
  /** The operation is malformed or does not fit the document. */
  InvalidOp: 'invalid-op',
  /** The base revision is ahead of the head or older than the retained history. */
  StaleRevision: 'stale-revision',
  /** The token does not allow this (a viewer writing, a revoked link). */
  Forbidden: 'forbidden',
  /** The operation, message or resulting pad is over a limit. */
  TooLarge: 'too-large',
  /** No such pad, or the token is unknown. */
  NotFound: 'not-found',
  /** This connection sends faster than its rate limit. */
  RateLimited: 'rate-limited',
});

// Codes only the editor component sends its JS (PadHub.Components/Editor/EditorErrorCodes.cs); never on the hub.
export const EditorErrorCodes = Object.freeze({
  /** The server failed to save the edit (not the edit's fault): go offline, keep it, resend it under the same seq. */
  Unavailable: 'unavailable',
});
