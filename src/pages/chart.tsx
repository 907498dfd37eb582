/**
 * The change per recipient as horizontal bars, drawn in HTML and CSS (no script, no canvas): one row
 * per recipient with its name, a bar left or right of the axis and the amount, so labels cannot
 * overlap whatever the screen. Only the largest changes are drawn; the summary counts the rest and the
 * full list is a paged table beside it.
 */
import Decimal from 'decimal.js';
import { signedYuan } from '../platform/messages/zh-CN-format.js';

export interface Change {
  id: string;
  change: string;
}

export const CHART_TOP = 10;

export function changeSummary(changes: readonly Change[]) {
  let up = 0;
  let down = 0;
  for (const x of changes) {
    const d = new Decimal(x.change);
    if (d.gt(0)) up++;
    else if (d.lt(0)) down++;
  }
  return { up, down, same: changes.length - up - down };
}

export function ChangeChart(props: { changes: readonly Change[]; nameOf: (id: string) => string; top?: number }) {
  const top = props.top ?? CHART_TOP;
  const rows = [...props.changes]
    .sort((a, b) => new Decimal(b.change).abs().cmp(new Decimal(a.change).abs()) || (a.id < b.id ? -1 : 1))
    .slice(0, top);
  const max = Decimal.max(1, ...rows.map((r) => new Decimal(r.change).abs()));
  const s = changeSummary(props.changes);
  return (
    <figure style="margin:0">
      <figcaption>
        {`共 ${props.changes.length} 个单位：增加 ${s.up} 个，减少 ${s.down} 个，不变 ${s.same} 个。`}
        {props.changes.length > rows.length ? `图中为变化最大的 ${rows.length} 个，全部单位见下表。` : ''}
      </figcaption>
      <ol class="chart">
        {rows.map((r) => {
          const d = new Decimal(r.change);
          // Half the track is the largest change.
          const width = d.abs().div(max).mul(50).toDecimalPlaces(2).toString();
          const name = props.nameOf(r.id);
          return (
            <li>
              <span class="name" title={name}>
                {name}
              </span>
              <span class="track" aria-hidden="true">
                <span class={`bar ${d.isNegative() ? 'down' : 'up'}`} style={`width:${width}%`} />
              </span>
              <span class="value">{signedYuan(r.change)}</span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
