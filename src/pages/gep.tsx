/**
 * A unit's GEP account as a table: each indicator's quantity, price (with its year and source) and
 * value, the subtotals by category and the total, to the fen; indicators without data are marked as
 * not assessed, never shown as zero.
 */
import { Hono } from 'hono';
import { quantity, yuan } from '../platform/messages/zh-CN-format.js';
import { ecosystemLabel, gepCategoryLabel, gepFactorLabel, gepLevelLabel, unitLabel } from '../platform/messages/zh-CN-labels.js';
import { PREFIXES, UNITS } from '../rules/units/vocabulary.js';
import { Page } from './layout.js';
import { Alert, only } from './ui.js';
import { api, type PagesEnv, problemMessage } from './visitor.js';

const zhOf = new Map(UNITS.map((u) => [u.code, u.zh]));

/** A unit's Chinese name from the units vocabulary, with 万/亿 where the code carries wan-/yi-. */
function unitName(code: string): string | undefined {
  const own = zhOf.get(code);
  if (own !== undefined) return own;
  const prefix = PREFIXES.find((p) => code.startsWith(p.ascii));
  const rest = prefix ? zhOf.get(code.slice(prefix.ascii.length)) : undefined;
  return prefix && rest ? `${prefix.zh}${rest}` : undefined;
}

/** A GEP unit's label (万立方米, 元/吨二氧化碳), else the general labels. */
export function gepUnitLabel(unit: string): string {
  return unitLabel(unit, (u) => unitName(u) || undefined);
}

interface Row {
  indicator: string;
  title: string;
  category: string;
  status: 'assessed' | 'not-assessed';
  quantity: string | null;
  quantityUnit: string;
  factors: Array<{ name: string; value: string; unit: string }>;
  price: { value: string; unit: string; year: number; source: string };
  value: string | null;
  source: string | null;
}

export function gepRoutes() {
  const r = new Hono<PagesEnv>();
  r.use('*', only('bureau', 'auditor', 'recorder'));

  r.get('/', async (c) => {
    const v = c.var.visitor;
    const unit = (c.req.query('unit') ?? '').trim();
    const year = Number(c.req.query('year')) || Number(new Date(c.var.deps.clock.now()).getUTCFullYear()) - 1;
    const res = unit && /^[a-z0-9][a-z0-9._-]{0,79}$/.test(unit) ? await api(c)('GET', `/gep-units/${unit}/accounts/${year}`) : undefined;
    const a = res?.ok ? res.body : undefined;
    return c.html(
      <Page title={a ? `${a.unit.name} ${a.year} 年 GEP 核算` : 'GEP 核算'} visitor={v} current="gep">
        <section>
          <form method="get" action={`/app/districts/${v.districtId}/gep`}>
            <label for="unit">
              核算单元编号<span class="hint">例如 dongtan-wetland-plot-07</span>
            </label>
            <input id="unit" name="unit" value={unit} required autocapitalize="off" />
            <label for="year">年度</label>
            <input id="year" name="year" type="number" min={1990} max={2100} value={String(year)} required />
            <div class="actions">
              <button type="submit">查看核算</button>
            </div>
          </form>
        </section>
        {res && !res.ok ? (
          <Alert>
            <p>{problemMessage(res)}</p>
          </Alert>
        ) : null}
        {unit && !res ? (
          <Alert>
            <p>核算单元编号只能包含小写字母、数字和连字符。</p>
          </Alert>
        ) : null}
        {a ? (
          <>
            <section aria-labelledby="sum">
              <h2 id="sum">合计</h2>
              <dl>
                <dt>单元</dt>
                <dd>{`${a.unit.name}（${gepLevelLabel(a.unit.level)}，${quantity(a.unit.areaHa)} 公顷，${(a.unit.ecosystemTypes as string[]).map(ecosystemLabel).join('、')}）`}</dd>
                <dt>GEP 合计</dt>
                <dd>
                  <strong>{yuan(a.total)}</strong>
                  {a.complete ? null : <span class="tag">{`${a.notAssessed.length} 项未核算`}</span>}
                </dd>
                <dt>物质产品</dt>
                <dd>{yuan(a.categories.material)}</dd>
                <dt>调节服务</dt>
                <dd>{yuan(a.categories.regulating)}</dd>
                <dt>文化服务</dt>
                <dd>{yuan(a.categories.cultural)}</dd>
              </dl>
            </section>
            <section aria-labelledby="rows">
              <h2 id="rows">分项核算</h2>
              <table class="cards">
                <thead>
                  <tr>
                    <th scope="col">指标</th>
                    <th scope="col">类别</th>
                    <th scope="col" class="num">
                      实物量
                    </th>
                    <th scope="col">价格</th>
                    <th scope="col" class="num">
                      价值
                    </th>
                    <th scope="col">数据来源</th>
                  </tr>
                </thead>
                <tbody>
                  {(a.rows as Row[]).map((row) => (
                    <tr>
                      <td data-label="指标">{row.title}</td>
                      <td data-label="类别">{gepCategoryLabel(row.category)}</td>
                      <td data-label="实物量" class="num">
                        {row.quantity === null ? '—' : `${quantity(row.quantity)} ${gepUnitLabel(row.quantityUnit)}`}
                        {row.factors.map((f) => (
                          <span class="hint">{`× ${gepFactorLabel(f.name)} ${f.value}${f.unit === '1' ? '' : ` ${gepUnitLabel(f.unit)}`}`}</span>
                        ))}
                      </td>
                      <td data-label="价格">
                        {`${quantity(row.price.value)} ${gepUnitLabel(row.price.unit)}`}
                        <span class="hint">{`${row.price.year} 年价格；${row.price.source}`}</span>
                      </td>
                      <td data-label="价值" class="num">
                        {row.status === 'assessed' ? yuan(row.value) : <span class="tag">未核算</span>}
                      </td>
                      <td data-label="数据来源">{row.source ?? '缺少数据'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </>
        ) : null}
      </Page>,
      res && !res.ok ? (res.status === 404 ? 404 : 422) : 200,
    );
  });

  return r;
}
