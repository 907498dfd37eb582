/** The home pages of auditors (the whole query log) and recording agencies. */
import { Hono } from 'hono';
import { Page } from './layout.js';
import { QueryLogTable } from './resident.js';
import { only, Pager, refusal } from './ui.js';
import { api, type PagesEnv, problemMessage } from './visitor.js';

export function staffRoutes() {
  const r = new Hono<PagesEnv>();

  r.get('/audit', only('auditor'), async (c) => {
    const v = c.var.visitor;
    const cursor = c.req.query('cursor');
    const q = new URLSearchParams({ limit: '30', ...(cursor && /^\d+$/.test(cursor) ? { cursor } : {}) });
    const res = await api(c)('GET', `/query-log?${q}`);
    if (!res.ok) return refusal(c, 422, '查询日志', problemMessage(res));
    const base = `/app/districts/${v.districtId}/audit`;
    return c.html(
      <Page title="查询日志" visitor={v} current="audit">
        <section>
          <p class="muted small">本辖区所有对主体信息的查询（北京时间，最新在前）。</p>
          <QueryLogTable items={res.body.items} />
          <Pager prev={cursor ? base : null} next={res.body.nextCursor ? `${base}?cursor=${res.body.nextCursor}` : null} />
        </section>
      </Page>,
    );
  });

  r.get('/records', only('recorder'), (c) =>
    c.html(
      <Page title="记录单位工作台" visitor={c.var.visitor} current="records">
        <section>
          <p>信用事项和生态积分通过接口或命令行批量导入；此处可查看本辖区的 GEP 核算结果。</p>
          <p>
            <a class="button" href={`/app/districts/${c.var.visitor.districtId}/gep`}>
              GEP 核算
            </a>
          </p>
        </section>
      </Page>,
    ),
  );

  return r;
}
