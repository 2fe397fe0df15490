// HistoryPanel's collocated module: the selection in a revision's shown text as UTF-16 offsets of that text, and saving
// a generated file. No state is kept: the text element's content is exactly the revision's text (AuthoredText renders
// no other text node), so a DOM Range's string length is an offset into it.

/**
 * The selection inside `box`'s revision text, as { revision, from, to } (to exclusive), clipped to the text; null when
 * nothing of it is selected.
 */
export function selection(box) {
  const text = box?.querySelector('[data-history-text]');
  const current = document.getSelection();
  if (!text || !current || current.rangeCount === 0) return null;
  const range = current.getRangeAt(0);
  if (range.collapsed || !range.intersectsNode(text)) return null;

  const offsetOf = (node, offset) => {
    const before = document.createRange();
    before.selectNodeContents(text);
    before.setEnd(node, offset);
    return before.toString().length;
  };
  const length = text.textContent.length;
  const from = text.contains(range.startContainer) ? offsetOf(range.startContainer, range.startOffset) : 0;
  const to = text.contains(range.endContainer) ? offsetOf(range.endContainer, range.endOffset) : length;
  if (to <= from) return null;
  return { revision: Number(text.dataset.revision), from, to };
}

/** Saves `content` as a file named `fileName` (a text/x-diff download). */
export function download(fileName, content) {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/x-diff;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The click has started the download; the URL is not needed past this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
