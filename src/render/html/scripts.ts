/**
 * The little inline JavaScript the pages ship. Each script is a constant
 * string (its CSP hash is therefore stable) that reads what it needs from the
 * DOM: the article id from `data-article`, the items from `data-rec`.
 */
import type { DocProduct } from '../../ir/types.js';
import { SLIDE_FRAME, SLIDE_ID_PREFIX, STORAGE_PREFIX } from './constants.js';

/** Checklist: restore saved state, save on change, keep the done/total counter live. */
const checklist = `(() => {
  const root = document.querySelector('[data-article]');
  const article = root ? root.getAttribute('data-article') : '';
  const boxes = Array.from(document.querySelectorAll('input[type="checkbox"][data-rec]'));
  const key = (box) => '${STORAGE_PREFIX}:' + article + ':' + box.getAttribute('data-rec');
  const read = (k) => { try { return localStorage.getItem(k); } catch (e) { return null; } };
  const write = (k, v) => { try { localStorage.setItem(k, v); } catch (e) { /* storage unavailable: state lasts the visit */ } };
  const done = document.querySelector('.progress .done');
  const bar = document.querySelector('.progress progress');
  const update = () => {
    const n = boxes.filter((b) => b.checked).length;
    if (done) done.textContent = String(n);
    if (bar) bar.value = n;
  };
  for (const box of boxes) {
    const saved = read(key(box));
    if (saved !== null) box.checked = saved === '1';
    box.addEventListener('change', () => { write(key(box), box.checked ? '1' : '0'); update(); });
  }
  update();
})();
`;

/** Slides: keyboard navigation, counter, URL hash per slide, scale to fit, notes toggle. */
const slides = `(() => {
  const slides = Array.from(document.querySelectorAll('.slide'));
  const deck = document.querySelector('.deck');
  const counter = document.querySelector('.counter');
  const total = slides.length;
  let current = 0;
  let notes = false;
  const fit = () => {
    const w = deck ? deck.clientWidth : innerWidth;
    const h = deck ? deck.clientHeight : innerHeight;
    const scale = Math.min(w / ${SLIDE_FRAME.width}, h / ${SLIDE_FRAME.height});
    document.documentElement.style.setProperty('--scale', String(scale));
  };
  const show = (i) => {
    current = Math.max(0, Math.min(total - 1, i));
    slides.forEach((s, k) => {
      s.classList.toggle('current', k === current);
      const n = s.querySelector('.notes');
      if (n) n.hidden = !(notes && k === current);
    });
    if (counter) counter.textContent = (current + 1) + ' / ' + total;
    const hash = '#' + (current + 1);
    if (location.hash !== hash) history.replaceState(null, '', hash);
  };
  const fromHash = () => {
    const h = decodeURIComponent(location.hash.slice(1));
    if (/^[0-9]+$/.test(h)) return Number(h) - 1;
    const i = slides.findIndex((s) => s.id === h || s.id === '${SLIDE_ID_PREFIX}' + h);
    return i < 0 ? 0 : i;
  };
  document.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.target instanceof HTMLButtonElement && (e.key === ' ' || e.key === 'Enter')) return;
    let to = null;
    switch (e.key) {
      case 'ArrowRight': case 'ArrowDown': case 'PageDown': to = current + 1; break;
      case ' ': to = e.shiftKey ? current - 1 : current + 1; break;
      case 'ArrowLeft': case 'ArrowUp': case 'PageUp': to = current - 1; break;
      case 'Home': to = 0; break;
      case 'End': to = total - 1; break;
      case 'n': case 'N': notes = !notes; to = current; break;
      default: return;
    }
    e.preventDefault();
    show(to);
  });
  const button = (sel, f) => { const b = document.querySelector(sel); if (b) b.addEventListener('click', f); };
  button('.prev', () => show(current - 1));
  button('.next', () => show(current + 1));
  button('.toggle-notes', () => { notes = !notes; show(current); });
  addEventListener('hashchange', () => show(fromHash()));
  addEventListener('resize', fit);
  fit();
  show(fromHash());
})();
`;

export function script(product: DocProduct): string | null {
  return product === 'checklist' ? checklist : product === 'slides' ? slides : null;
}
