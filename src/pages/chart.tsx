/** A horizontal bar chart of per-recipient change in yuan, drawn on the server as SVG (no script). */
export function ChangeChart(props: { changes: Array<{ id: string; change: string }> }) {
  const rows = props.changes;
  const max = Math.max(1, ...rows.map((r) => Math.abs(Number(r.change))));
  const rowHeight = 22;
  const width = 640;
  const mid = 320;
  const height = rows.length * rowHeight + 10;
  return (
    <svg role="img" aria-label="各受偿单位金额变化（元）" viewBox={`0 0 ${width} ${height}`} width="100%" style="max-width:40rem">
      <line x1={mid} y1="0" x2={mid} y2={height} stroke="#999" />
      {rows.map((r, i) => {
        const v = Number(r.change);
        const w = (Math.abs(v) / max) * (mid - 120);
        const y = 5 + i * rowHeight;
        return (
          <g>
            <text x="4" y={y + 15} font-size="12">
              {r.id}
            </text>
            <rect x={v >= 0 ? mid : mid - w} y={y + 3} width={Math.max(w, 1)} height={rowHeight - 8} fill={v >= 0 ? '#1f6d2f' : '#a4161a'} />
            <text x={v >= 0 ? mid + w + 4 : mid - w - 4} y={y + 15} font-size="12" text-anchor={v >= 0 ? 'start' : 'end'}>
              {r.change}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
