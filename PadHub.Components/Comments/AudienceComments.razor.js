// The audience page's comment markers and passage selection. Markers are CSS Custom Highlights over the rendered pad's
// text nodes (no DOM change, so Blazor's diffs of the pad are untouched), recomputed when the pad re-renders.
const states = new WeakMap();
let counter = 0;

function padOf(element) {
  return element.closest('[data-group-pane]')?.querySelector('[data-pad-text]') ?? null;
}

export function attach(element) {
  detach(element);
  const state = { name: `padhub-comments-${++counter}`, passages: [], selected: null, frame: 0 };
  state.onSelection = () => {
    const selected = selectedIn(padOf(element));
    if (selected) state.selected = selected;
  };
  document.addEventListener('selectionchange', state.onSelection);
  const pad = padOf(element);
  if (pad) {
    state.observer = new MutationObserver(() => schedule(element, state));
    state.observer.observe(pad, { childList: true, subtree: true, characterData: true });
  }
  states.set(element, state);
}

export function detach(element) {
  const state = states.get(element);
  if (!state) return;
  document.removeEventListener('selectionchange', state.onSelection);
  state.observer?.disconnect();
  cancelAnimationFrame(state.frame);
  if (globalThis.CSS?.highlights) CSS.highlights.delete(state.name);
  states.delete(element);
}

/** The passage last selected inside this group's pad (then forgotten), or null. */
export function takeSelection(element) {
  const state = states.get(element);
  if (!state) return null;
  // The selection as it is now (a click on the button may not have told us yet), else the last one made in the pad.
  const selected = selectedIn(padOf(element)) ?? state.selected;
  state.selected = null;
  return selected;
}

function selectedIn(pad) {
  const selection = document.getSelection();
  if (!pad || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  return pad.contains(selection.anchorNode) && pad.contains(selection.focusNode) ? selection.toString() : null;
}

/** The open threads' passages (their text): highlighted wherever they are found in the rendered pad. */
export function setPassages(element, passages) {
  const state = states.get(element);
  if (!state) return;
  state.passages = passages;
  schedule(element, state);
}

function schedule(element, state) {
  cancelAnimationFrame(state.frame);
  state.frame = requestAnimationFrame(() => highlight(element, state));
}

function highlight(element, state) {
  const pad = padOf(element);
  const ranges = pad ? rangesOf(pad, state.passages) : [];
  element.dataset.commentMarkers = String(ranges.length);
  if (!globalThis.CSS?.highlights || typeof Highlight === 'undefined') return;
  if (ranges.length === 0) CSS.highlights.delete(state.name);
  else CSS.highlights.set(state.name, new Highlight(...ranges));
  ensureStyle(state.name);
}

function rangesOf(pad, passages) {
  const nodes = [];
  let text = '';
  const walker = document.createTreeWalker(pad, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push({ node, start: text.length });
    text += node.data;
  }
  const ranges = [];
  for (const passage of passages) {
    const wanted = passage.trim();
    const at = wanted ? text.indexOf(wanted) : -1;
    if (at < 0) continue;
    const range = document.createRange();
    const [startNode, startOffset] = locate(nodes, at);
    const [endNode, endOffset] = locate(nodes, at + wanted.length);
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset);
    ranges.push(range);
  }
  return ranges;
}

function locate(nodes, offset) {
  let i = nodes.length - 1;
  while (i > 0 && nodes[i].start > offset) i--;
  return [nodes[i].node, Math.min(offset - nodes[i].start, nodes[i].node.data.length)];
}

function ensureStyle(name) {
  const id = `style-${name}`;
  if (document.getElementById(id)) return;
  const style = document.createElement('style');
  style.id = id;
  style.textContent = `::highlight(${name}) { background-color: #ffe082; color: #1b1b1b; text-decoration: underline dotted #8d6e00; }`;
  document.head.appendChild(style);
}
