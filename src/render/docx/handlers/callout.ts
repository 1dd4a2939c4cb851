import { BorderStyle, TableRow } from 'docx';
import type { CalloutBlock } from '../../../ir/types.js';
import { theme } from '../../../theme/theme.js';
import { P, T, hex } from '../constants.js';
import { biRuns } from '../runs.js';
import { shade } from '../styles.js';
import { cell, noBorders, para, table, type BodyChild, type DocxState } from '../state.js';

/** A one-cell shaded table with an accent rule on the left: the title, then the children. */
export function callout(b: CalloutBlock, st: DocxState): BodyChild[] {
  const inner: DocxState = { ...st, width: st.width - 400 };
  const title = b.title ? [para(st, P.calloutTitle, biRuns(b.title, { links: st.links }))] : [];
  const accent = { style: BorderStyle.SINGLE, size: 24, color: hex(theme.colors.accent) };
  const soft = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  return [
    table(
      [
        new TableRow({
          children: [
            cell(st, [...title, ...inner.all(b.children)], st.width, {
              shading: shade(b.tone === 'key' ? theme.colors.accentSoft : theme.colors.panel),
              borders: { left: accent, top: soft, bottom: soft, right: soft },
              margins: { top: 120, bottom: 60, left: 160, right: 160 },
            }),
          ],
        }),
      ],
      [st.width],
      T.plain,
      { borders: noBorders },
    ),
    para(st, P.normal, [], { spacing: { after: 0 } }),
  ];
}
