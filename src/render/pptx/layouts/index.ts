/** One layout per slide layout of the IR; the former general `content` layout is `points`. */
import type { SlideLayout } from '../../../ir/types.js';
import { coverSlide, dividerSlide } from './band.js';
import { contentSlide } from './content.js';
import type { Layout } from './types.js';

export const layouts: Record<SlideLayout, Layout> = {
  title: coverSlide,
  section: dividerSlide,
  closing: contentSlide,
  statement: contentSlide,
  columns: contentSlide,
  points: contentSlide,
  content: contentSlide,
  timeline: contentSlide,
  checklist: contentSlide,
  glossary: contentSlide,
};

export type { Deck, Layout, SlidePlan } from './types.js';
