// AudienceView's collocated module: the display name the editor remembers (same localStorage key as Editor/src/storage.js),
// so "join as contributor" asks once and the editor joins with it.
const key = 'padhub.name';

export function displayName() {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage disabled: the name is asked each time
  }
}

export function rememberName(name) {
  try {
    localStorage.setItem(key, name);
  } catch {
    // storage disabled: the editor asks for the name again
  }
}
