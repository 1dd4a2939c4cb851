/**
 * The little inline JavaScript the pages ship. Each script is a constant
 * string (its CSP hash is therefore stable) that reads what it needs from the
 * DOM: the article id from `data-article`, the items from `data-rec`.
 */
import type { DocProduct } from '../../ir/types.js';
import { DECK_READING_MAX, SLIDE_FRAME, SLIDE_ID_PREFIX, STORAGE_PREFIX } from './constants.js';

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

/**
 * Slides: keyboard navigation, counter, URL hash per slide, scale to fit,
 * speaker notes toggle (button or N). A link to a slide by its id (bare or
 * `slide-`-prefixed) or number opens it; a link to the id of a continued
 * slide's first part (`…-1`) or to an outline id whose slide was split
 * (`…` when only `…-1` exists) lands on the first part. Below the reading
 * width the deck is a scrolling column (css.ts): the keys scroll the page
 * as usual and a link scrolls to its slide.
 *
 * Fitting: once the faces are loaded, a slide whose content overflows its
 * frame (or a timeline date its column) at its density and title size is
 * set one step smaller (`fit-1`: the compact scale, the smallest headline),
 * then at the minimum sizes (`fit-2`), never smaller and never clipped
 * (css/slides.ts).
 */
const slides = `(() => {
  const slides = Array.from(document.querySelectorAll('.slide'));
  const deck = document.querySelector('.deck');
  const counter = document.querySelector('.counter');
  const toggle = document.querySelector('.toggle-notes');
  const reading = matchMedia('(max-width: ${DECK_READING_MAX - 0.02}px)');
  const total = slides.length;
  let current = 0;
  let notes = false;
  const fit = () => {
    const w = deck ? deck.clientWidth : innerWidth;
    const h = deck ? deck.clientHeight : innerHeight;
    const scale = Math.min(w / ${SLIDE_FRAME.width}, h / ${SLIDE_FRAME.height});
    document.documentElement.style.setProperty('--scale', String(scale));
  };
  const show = (i, fromLink) => {
    current = Math.max(0, Math.min(total - 1, i));
    slides.forEach((s, k) => s.classList.toggle('current', k === current));
    if (document.body.classList.contains('show-notes') !== notes) {
      document.body.classList.toggle('show-notes', notes);
      fit();
    }
    if (toggle) toggle.setAttribute('aria-pressed', String(notes));
    if (counter) counter.textContent = (current + 1) + ' / ' + total;
    if (reading.matches) {
      if (fromLink && location.hash && slides[current]) slides[current].scrollIntoView();
      return;
    }
    const hash = '#' + (current + 1);
    if (location.hash !== hash) history.replaceState(null, '', hash);
  };
  const overflows = (s) => {
    const frame = s.querySelector('.slide-frame');
    const body = s.querySelector('.slide-body');
    if (!frame || !body) return false;
    if (body.scrollHeight > body.clientHeight + 1 || frame.scrollHeight > frame.clientHeight + 1 || frame.scrollWidth > frame.clientWidth + 1) return true;
    return Array.from(s.querySelectorAll('.event')).some((e) => Array.from(e.querySelectorAll('.date > span')).some((d) => d.scrollWidth > e.clientWidth + 1));
  };
  const fitAll = () => {
    for (const s of slides) {
      s.classList.remove('fit-1', 'fit-2');
      if (reading.matches) continue;
      s.classList.add('measure');
      if (overflows(s)) s.classList.add('fit-1');
      if (overflows(s)) s.classList.replace('fit-1', 'fit-2') || s.classList.add('fit-2');
      s.classList.remove('measure');
    }
  };
  const find = (id) => slides.findIndex((s) => s.id === id || s.id === '${SLIDE_ID_PREFIX}' + id || s.getAttribute('data-slide') === id);
  const fromHash = () => {
    const h = decodeURIComponent(location.hash.slice(1));
    if (h === '') return 0;
    if (/^[0-9]+$/.test(h)) return Number(h) - 1;
    let i = find(h);
    if (i < 0 && /-1$/.test(h)) i = find(h.slice(0, -2));
    if (i < 0) i = find(h + '-1');
    return i < 0 ? 0 : i;
  };
  document.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.target instanceof HTMLButtonElement && (e.key === ' ' || e.key === 'Enter')) return;
    if (reading.matches && e.key !== 'n' && e.key !== 'N') return;
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
  addEventListener('hashchange', () => show(fromHash(), true));
  addEventListener('resize', fit);
  reading.addEventListener('change', () => { fitAll(); show(current); });
  document.fonts.ready.then(fitAll);
  fit();
  show(fromHash(), true);
})();
`;

export function script(product: DocProduct): string | null {
  return product === 'checklist' ? checklist : product === 'slides' ? slides : null;
}
