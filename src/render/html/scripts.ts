/**
 * The little inline JavaScript the pages ship. Each script is a constant
 * string (its CSP hash is therefore stable) that reads what it needs from the
 * DOM: the article id from `data-article`, the items from `data-rec`.
 */
import type { DocProduct } from '../../ir/types.js';
import { DECK_READING_MAX, MARGIN_NOTES_MIN, NOTES_DRIFT, NOTES_NAMED, SLIDE_FRAME, SLIDE_ID_PREFIX, STORAGE_PREFIX } from './constants.js';

/** Checklist: restore saved state, save on change, keep the done/total counter live, clear every tick on request. */
const checklist = `(() => {
  const root = document.querySelector('[data-article]');
  const article = root ? root.getAttribute('data-article') : '';
  const boxes = Array.from(document.querySelectorAll('input[type="checkbox"][data-rec]'));
  const key = (box) => '${STORAGE_PREFIX}:' + article + ':' + box.getAttribute('data-rec');
  const read = (k) => { try { return localStorage.getItem(k); } catch (e) { return null; } };
  const write = (k, v) => { try { localStorage.setItem(k, v); } catch (e) { /* storage unavailable: state lasts the visit */ } };
  const done = document.querySelector('.progress .done');
  const bar = document.querySelector('.progress progress');
  const reset = document.querySelector('.progress .reset');
  const update = () => {
    const n = boxes.filter((b) => b.checked).length;
    if (done) done.textContent = String(n);
    if (bar) bar.value = n;
    if (reset) reset.disabled = n === 0;
  };
  for (const box of boxes) {
    const saved = read(key(box));
    if (saved !== null) box.checked = saved === '1';
    box.addEventListener('change', () => { write(key(box), box.checked ? '1' : '0'); update(); });
  }
  if (reset) {
    reset.hidden = false;
    reset.addEventListener('click', () => {
      const question = reset.getAttribute('data-confirm');
      if (question && !confirm(question)) return;
      for (const box of boxes) {
        box.checked = false;
        try { localStorage.removeItem(key(box)); } catch (e) { /* storage unavailable: nothing saved */ }
      }
      update();
    });
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
 * frame (or a timeline date its column, as wide as the template measured it) at its density and title size is
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
    return Array.from(s.querySelectorAll('.event .date')).some((d) => d.scrollWidth > d.clientWidth + 1);
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

/**
 * Reading edition, wide screens: margin notes drift down the margin instead
 * of holding their paragraph open. In the side column (css/page.ts) a
 * paragraph's notes can be taller than its text, and the grid row then left a
 * gap under every short paragraph: the notes of the US–Japan article are about
 * three times as tall as its text. Here (class \`notes-drift\` on the root)
 * every notes list leaves the grid for one margin column beside the text, as
 * wide for a paragraph in a list or quote as for any other (\`--notes\`), and
 * is set as high as it can go: at its paragraph's top, or under the notes
 * before it when they run on. Notes never run past a block that is not a
 * paragraph (a heading, a part's summary, a footnotes block, a table, a pair):
 * a spacer (\`.notes-spacer\`, hidden from assistive technology) holds that
 * block below them. A list that would drift more than
 * NOTES_DRIFT px below its paragraph pushes the paragraph down instead, so a
 * note stays near what it annotates; a list set more than NOTES_NAMED px
 * below its paragraph's top is headed with the paragraph's mark
 * (\`data-for\`, "¶2.3", shown but not read out: the list follows its
 * paragraph in reading order), and so is the first of its notes that goes on
 * beside the next paragraph's text (a reader takes an unnamed note for a note
 * of the paragraph beside it).
 *
 * Laid out again when the faces load and when the window's width changes.
 * What the reader is looking at (a followed citation's target, else the first
 * paragraph whose text starts on screen), as it was before the change, is
 * kept where it was on screen (the browser's own scroll anchoring is off while notes drift: it
 * would correct for the same move twice). Undone for printing (the print style
 * sets notes in the grid). Without the script the notes stay in their rows.
 *
 * Narrow screens (below MARGIN_NOTES_MIN px, where notes follow their
 * paragraph): each paragraph's notes are folded behind a button giving their
 * number ("旁注（3） Notes (3)", \`aria-expanded\`), so the text reads on; the
 * notes are about three times as long as the text. Printed, and without the
 * script, every note shows.
 */
const reading = `(() => {
  const main = document.querySelector('main');
  if (!main) return;
  const root = document.documentElement;
  const wide = matchMedia('screen and (min-width: ${MARGIN_NOTES_MIN}px)');
  const GAP = 8;
  // Notes lists, and the blocks notes stop before: every block beside the text that is not a paragraph (narrowed
  // for the margin column) or a quote or list of paragraphs (headings, part summaries and footnotes among them).
  const STOPS = '.passage > .margin-notes, main > :not(.passage):not(.part):not(.notes-spacer), .part > :not(.passage):not(.notes-spacer):not(blockquote):not(ul):not(ol)';
  const undo = () => {
    root.classList.remove('notes-drift');
    for (const s of Array.from(main.querySelectorAll('.notes-spacer'))) s.remove();
    for (const n of Array.from(main.querySelectorAll('.margin-notes'))) { n.style.marginTop = ''; n.removeAttribute('data-for'); }
    for (const li of Array.from(main.querySelectorAll('.margin-notes > li[data-for]'))) li.removeAttribute('data-for');
    for (const li of Array.from(main.querySelectorAll('li'))) li.style.paddingTop = '';
    main.style.paddingBottom = '';
    main.style.removeProperty('--notes');
    main.style.removeProperty('--notes-gap');
    main.style.removeProperty('--notes-room');
  };
  // Room of h px above an element: a spacer before it, or (a list item's first block) the item's top padding.
  const room = (e, h) => {
    const li = e.parentElement;
    if (li && li.tagName === 'LI' && li.firstElementChild === e) {
      li.style.paddingTop = (parseFloat(li.style.paddingTop || '0') + h) + 'px';
      return;
    }
    const s = document.createElement('div');
    s.className = 'notes-spacer';
    s.setAttribute('aria-hidden', 'true');
    s.style.height = h + 'px';
    e.parentNode.insertBefore(s, e);
  };
  const seen = (e) => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; };
  const target = () => {
    try {
      return location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    } catch (e) {
      return null;
    }
  };
  // What the reader is looking at, and where on screen: the link's target when it is on screen, else the first paragraph on screen.
  let held = null;
  const holding = (e, top) => ({ e, top, y: scrollY, w: innerWidth });
  // A paragraph is held by its text (its box holds its notes at one width and not at another), preferring the first
  // whose text starts on screen; at the top of the page nothing is held (the page stays at its top).
  const hold = () => {
    const t = target();
    let a = t && seen(t) ? t : null;
    if (!a && scrollY > 0) {
      const texts = Array.from(main.querySelectorAll('.passage > .passage-body')).filter(seen);
      a = texts.find((e) => e.getBoundingClientRect().top >= 0) || texts[0] || null;
    }
    held = a ? holding(a, a.getBoundingClientRect().top) : null;
  };
  const layout = () => {
    undo();
    if (!wide.matches) return;
    // The margin column as the grid sets it for a paragraph outside any list or quote: every paragraph's text ends
    // where that one's does (\`--notes-room\` to the right of it), and every list starts there and is as wide.
    const top = Array.from(main.querySelectorAll(':scope > .passage, :scope > .part > .passage'));
    const p = top.find((x) => x.querySelector(':scope > .margin-notes')) || top[0];
    const body = p && p.querySelector(':scope > .passage-body');
    if (!p || !body) return;
    const style = getComputedStyle(p);
    const gap = parseFloat(style.columnGap) || 0;
    const reserve = p.getBoundingClientRect().right - parseFloat(style.paddingRight) - body.getBoundingClientRect().right;
    const own = p.querySelector(':scope > .margin-notes');
    const width = own ? own.getBoundingClientRect().width : reserve - gap;
    if (!(width > 0)) return;
    main.style.setProperty('--notes', width + 'px');
    main.style.setProperty('--notes-gap', gap + 'px');
    main.style.setProperty('--notes-room', reserve + 'px');
    root.classList.add('notes-drift', 'notes-measure');
    // Read every position once (sticky headings where they sit in the page), then write: a push moves everything after it by the same amount.
    const items = Array.from(main.querySelectorAll(STOPS));
    const y0 = main.getBoundingClientRect().top;
    const at = items.map((e) => {
      const box = e.getBoundingClientRect();
      // A list's notes: where each starts below the list's top.
      const notes = e.classList.contains('margin-notes') ? Array.from(e.children).map((li) => li.getBoundingClientRect().top - box.top) : [];
      return { top: box.top - y0, height: box.height, notes };
    });
    // Each paragraph's text in document order, and where it starts: a list's notes that reach the next one's are beside it.
    const bodies = Array.from(main.querySelectorAll('.passage > .passage-body'));
    const bodyTop = new Map(bodies.map((b) => [b, b.getBoundingClientRect().top - y0]));
    const nextText = (list) => bodies[bodies.indexOf(list.parentElement.querySelector(':scope > .passage-body')) + 1];
    const end = main.getBoundingClientRect().height;
    // How much taller a list is with its paragraph's mark above it.
    const first = main.querySelector('.passage > .margin-notes');
    let named = 0;
    if (first) {
      const before = first.getBoundingClientRect().height;
      first.setAttribute('data-for', '¶');
      named = first.getBoundingClientRect().height - before;
      first.removeAttribute('data-for');
    }
    root.classList.remove('notes-measure');
    // Where each paragraph's text ends up: its start moved by every push before it, its own list's included (that
    // push makes room above the paragraph).
    const listOf = new Map();
    items.forEach((e, i) => { if (e.classList.contains('margin-notes')) listOf.set(e.parentElement, i); });
    const moves = new Map(bodies.map((b) => {
      const l = listOf.get(b.parentElement);
      return [b, l !== undefined ? { i: l, after: true } : { i: items.findIndex((e) => b.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING), after: false }];
    }));
    // One plan of the lists, given which note of a list goes on named (\`naming\`: list index → note index).
    const plan = (naming) => {
      const writes = [];
      const ys = [];
      const heads = [];
      const before = [];
      const after = [];
      let shift = 0;
      let floor = -Infinity;
      items.forEach((e, i) => {
        before[i] = shift;
        let top = at[i].top + shift;
        if (e.classList.contains('margin-notes')) {
          const y = Math.max(top, floor);
          if (y - top > ${NOTES_DRIFT}) {
            const push = y - top - ${NOTES_DRIFT};
            writes.push(() => room(e.parentElement, push));
            shift += push;
            top += push;
          }
          const offset = y - top;
          // A list set lower than its paragraph's first line names the paragraph it belongs to.
          const own = e.parentElement.querySelector('.passage-mark');
          const mark = offset > ${NOTES_NAMED} ? own : null;
          if (offset > 0) writes.push(() => { e.style.marginTop = offset + 'px'; if (mark) e.setAttribute('data-for', '¶' + mark.textContent); });
          const j = own ? naming.get(i) ?? -1 : -1;
          if (j > 0) writes.push(() => e.children[j].setAttribute('data-for', '¶' + own.textContent));
          ys[i] = y;
          heads[i] = mark ? named : 0;
          floor = y + at[i].height + heads[i] + (j > 0 ? named : 0) + GAP;
        } else {
          if (floor > top) {
            const push = floor - top;
            writes.push(() => room(e, push));
            shift += push;
          }
          floor = -Infinity;
        }
        after[i] = shift;
      });
      if (floor > end + shift) {
        const extra = floor - end - shift;
        writes.push(() => { main.style.paddingBottom = extra + 'px'; });
      }
      const total = shift;
      const textTop = (b) => {
        const m = moves.get(b);
        return bodyTop.get(b) + (m.i < 0 ? total : m.after ? after[m.i] : before[m.i]);
      };
      return { writes, ys, heads, textTop };
    };
    // The first note of a list that goes on beside the next paragraph's text is named too; naming it makes the list
    // taller, which can move the paragraphs after it: planned again until the named notes stay the same.
    let naming = new Map();
    let planned = plan(naming);
    for (let round = 0; round < 4; round++) {
      const wanted = new Map();
      items.forEach((e, i) => {
        const next = e.classList.contains('margin-notes') ? nextText(e) : undefined;
        if (!next) return;
        const nt = planned.textTop(next);
        const j = at[i].notes.findIndex((o, k) => k > 0 && planned.ys[i] + planned.heads[i] + o >= nt - 2);
        if (j > 0) wanted.set(i, j);
      });
      if (wanted.size === naming.size && [...wanted].every(([i, j]) => naming.get(i) === j)) break;
      naming = wanted;
      planned = plan(naming);
    }
    for (const w of planned.writes) w();
  };
  const place = () => {
    if (!wide.matches && !root.classList.contains('notes-drift')) return;
    // What the reader saw before this change: as last seen, unless the page has scrolled since at the same width.
    if (!held || held.y !== scrollY && held.w === innerWidth) hold();
    const a = held;
    layout();
    if (a && a.e.isConnected) scrollBy(0, a.e.getBoundingClientRect().top - a.top);
    // The same paragraph stays held, where the reader had it (a round trip through a narrow width brings it back
    // there, even when the page's end kept it from staying there meanwhile).
    held = a && a.e.isConnected ? holding(a.e, a.top) : null;
  };
  let queued = false;
  const again = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; place(); });
  };
  let watching = false;
  addEventListener('scroll', () => {
    if (watching) return;
    watching = true;
    // A scroll of the reader's (not this script's own) picks what is held anew.
    requestAnimationFrame(() => { watching = false; if (!held || held.y !== scrollY) hold(); });
  }, { passive: true });
  addEventListener('hashchange', hold);
  wide.addEventListener('change', again);
  let width = innerWidth;
  addEventListener('resize', () => {
    // The notes move only when the width changes (not for a toolbar that changes the height).
    if (innerWidth === width) return;
    width = innerWidth;
    again();
  });
  addEventListener('beforeprint', undo);
  addEventListener('afterprint', place);
  // Again once the faces are in (each time a set of them finishes loading: \`ready\` can be settled before they start).
  if (document.fonts) {
    document.fonts.ready.then(again);
    document.fonts.addEventListener('loadingdone', again);
  }
  // Narrow screens: each paragraph's notes folded behind its button (handlers/notes.ts writes it hidden), which gives their number.
  for (const button of Array.from(main.querySelectorAll('.passage > .notes-toggle'))) {
    const list = button.nextElementSibling;
    if (!list || !list.classList.contains('margin-notes')) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      const open = !list.classList.contains('open');
      list.classList.toggle('open', open);
      button.setAttribute('aria-expanded', String(open));
    });
  }
  root.classList.add('notes-fold');
  // A range cited by another product ("¶3.2–3.5" links to reading.html?range=first,last#first): every block from the
  // first through the last is marked as :target marks the first, while the address still points at that first block.
  const ranged = () => {
    for (const e of Array.from(main.querySelectorAll('.in-range'))) e.classList.remove('in-range');
    const m = /[?&]range=([^&]*)/.exec(location.search);
    const t = target();
    if (!m || !t) return;
    let ends;
    try {
      ends = m[1].split(',').map(decodeURIComponent);
    } catch (e) {
      return;
    }
    const blocks = Array.from(main.querySelectorAll('.passage[id], li[id]'));
    const i = blocks.indexOf(t);
    const j = blocks.indexOf(document.getElementById(ends[1]));
    if (ends.length !== 2 || ends[0] !== t.id || i < 0 || j < i) return;
    for (const e of blocks.slice(i, j + 1)) e.classList.add('in-range');
  };
  addEventListener('hashchange', ranged);
  ranged();
  place();
})();
`;

export function script(product: DocProduct): string | null {
  return product === 'checklist' ? checklist : product === 'slides' ? slides : product === 'reading' ? reading : null;
}
