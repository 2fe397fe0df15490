// The plenary page in the browser: fits the groups to the screen by scaling their type (never scrolling), and turns
// the arrow keys and Escape into group changes. Per-element state in a WeakMap.
const MinScale = 0.3;
const MaxScale = 2;
const Steps = 8;
const states = new WeakMap();

export function attach(element, dotNetRef) {
  if (!element || states.has(element)) {
    return;
  }

  const state = { frame: 0, scale: 1 };
  const schedule = () => {
    if (!state.frame) {
      state.frame = requestAnimationFrame(() => {
        state.frame = 0;
        fit(element, state);
      });
    }
  };

  state.resize = new ResizeObserver(schedule);
  state.resize.observe(element);
  // Text, blocks and the hidden/shown groups change the fit; the scale itself is a style, which is not watched.
  state.mutations = new MutationObserver(schedule);
  state.mutations.observe(element, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class'] });
  state.keydown = event => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) {
      return;
    }

    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight' || event.key === 'Escape') {
      event.preventDefault();
      dotNetRef.invokeMethodAsync('OnKeyAsync', event.key).catch(() => { });
    }
  };
  document.addEventListener('keydown', state.keydown);
  state.click = event => {
    if (event.target instanceof Element && event.target.closest('[data-fullscreen]')) {
      toggleFullscreen(element);
    }
  };
  element.addEventListener('click', state.click);
  states.set(element, state);
  schedule();
}

export function detach(element) {
  const state = element && states.get(element);
  if (!state) {
    return;
  }

  states.delete(element);
  cancelAnimationFrame(state.frame);
  state.resize.disconnect();
  state.mutations.disconnect();
  document.removeEventListener('keydown', state.keydown);
  element.removeEventListener('click', state.click);
}

/** The scale the groups have now (tests and diagnostics). */
export function scale(element) {
  return states.get(element)?.scale ?? null;
}

function fit(element, state) {
  const area = element.querySelector('[data-fit-area]');
  if (!area) {
    return;
  }

  const apply = value => area.style.setProperty('--plenary-scale', value.toFixed(3));
  const fits = () => overflowing(area).length === 0;

  // Most changes (a keystroke in a pad) keep the scale: two layouts confirm it.
  apply(state.scale);
  if (fits()) {
    apply(Math.min(MaxScale, state.scale * 1.05));
    if (state.scale >= MaxScale || !fits()) {
      apply(state.scale);
      return;
    }
  }

  let low = MinScale;
  let high = MaxScale;
  apply(high);
  if (fits()) {
    low = high;
  } else {
    for (let i = 0; i < Steps; i++) {
      const middle = (low + high) / 2;
      apply(middle);
      if (fits()) {
        low = middle;
      } else {
        high = middle;
      }
    }
  }

  state.scale = low;
  apply(low);
  // Past the smallest readable size the groups clip (marked, so that it shows) rather than scroll.
  element.toggleAttribute('data-overflow', !fits());
}

function overflowing(area) {
  const boxes = [area, ...area.querySelectorAll('[data-fit]')];
  return boxes.filter(box => box.offsetParent !== null &&
    (box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1));
}

function isTyping(target) {
  return target instanceof Element && (target.closest('input, textarea, select, [contenteditable="true"]') !== null);
}

function toggleFullscreen(element) {
  if (document.fullscreenElement) {
    document.exitFullscreen?.().catch(() => { });
  } else {
    element.requestFullscreen?.().catch(() => { });
  }
}
