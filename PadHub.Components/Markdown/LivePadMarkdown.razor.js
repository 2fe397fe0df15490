// LivePadMarkdown's collocated module: "follow the latest edit" scrolls the most recently changed block into view.
export function scrollToLatest(element) {
  const latest = element?.querySelector('[data-latest="true"]');
  if (!latest) return;
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  latest.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
}
