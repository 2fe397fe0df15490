// GroupPicker's collocated module: the group this browser follows in a session, remembered in localStorage.
const key = sessionId => `padhub.followedGroup.${sessionId}`;

export function followedGroup(sessionId) {
  const value = Number.parseInt(localStorage.getItem(key(sessionId)) ?? '', 10);
  return Number.isInteger(value) && value > 0 ? value : null;
}

export function rememberGroup(sessionId, number) {
  if (number === null || number === undefined) {
    localStorage.removeItem(key(sessionId));
  } else {
    localStorage.setItem(key(sessionId), String(number));
  }
}
