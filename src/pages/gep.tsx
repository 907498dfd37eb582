/**
 * A unit's GEP account as the table a bureau files (生态产品总值核算表): each indicator's quantity (with
 * how it was computed), price with its year and source, value and share; subtotals, categories and the
 * total to the fen; the method version and the approval; the results per person, per km², against GDP
 * and against last year. Indicators without data are marked as not assessed, never shown as zero. The
 * bureau closes (approves) the year here; the table downloads as CSV and prints without the chrome.
 */

import Decimal from 'decimal.js';
import { Hono } from 'hono';
import { beijingDateTime, quantity, signedYuan, yuan } from '../platform/messages/zh-CN-format.js';
import { ecosystemLabel, gepCategoryLabel, gepFactorLabel, gepLevelLabel, unitLabel } from '../platform/messages/zh-CN-labels.js';
import { PREFIXES, UNITS } from '../rules/units/vocabulary.js';
import { Page } from './layout.js';
import { Alert, Notice, only, refusal, requestKey } from './ui.js';
import { api, type PagesContext, type PagesEnv, problemMessage } from './visitor.js';

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

interface Step {
  kind: 'input' | 'constant' | 'area' | 'line';
  name: string;
  title: string | null;
  value: string;
  unit: string;
  formula?: string;
  source?: string;
  measured?: { value: string; unit: string };
}

interface Row {
  indicator: string;
  title: string;
  category: 'material' | 'regulating' | 'cultural';
  subtotal: string;
  status: 'assessed' | 'not-assessed';
  quantity: string | null;
  quantityUnit: string;
  quantityFormula: string | null;
  steps: Step[];
  factors: Array<{ name: string; value: string; unit: string }>;
  price: { value: string; unit: string; year: number; source: string; formula?: string };
  value: string | null;
  share: string | null;
  source: string | null;
  note?: string;
}

interface Subtotal {
  category: string;
  subtotal: string;
  value: string;
  share: string;
}

const CATEGORIES = ['material', 'regulating', 'cultural'] as const;
const UNIT_CODE = /^[a-z0-9][a-z0-9._-]{0,79}$/;

/** '0.253417' → '25.34%', exactly on the decimal string. */
function percent(share: string | null | undefined): string {
  return share === null || share === undefined ? '—' : `${new Decimal(share).mul(100).toFixed(2, Decimal.ROUND_HALF_UP)}%`;
}

const STEP_KIND = { input: '测量', constant: '参数', area: '面积', line: '推算' } as const;

function Steps(props: { row: Row }) {
  const { row } = props;
  if (row.steps.length === 0 && !row.quantityFormula) return null;
  return (
    <details>
      <summary>推算过程</summary>
      {row.quantityFormula ? <p class="small mono">{`${row.indicator} = ${row.quantityFormula}`}</p> : null}
      <ul class="small">
        {row.steps.map((st) => (
          <li>
            {`${STEP_KIND[st.kind]} ${st.title ?? st.name}：${quantity(st.value)} ${gepUnitLabel(st.unit)}`}
            {st.formula ? <span class="mono">{` = ${st.formula}`}</span> : null}
            {st.measured && (st.measured.unit !== st.unit || st.measured.value !== st.value)
              ? `（记录为 ${quantity(st.measured.value)} ${gepUnitLabel(st.measured.unit)}）`
              : null}
            {st.source ? `；${st.source}` : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

function statusText(a: { status: string; revision: number | null; closedAt: string | null; note: string | null; pinnedAt: string | null }) {
  if (a.status === 'closed') return `已审定（第 ${a.revision} 次修订，${beijingDateTime(a.closedAt)}${a.note ? `，${a.note}` : ''}）`;
  return `未审定，核算中${a.pinnedAt ? `（自 ${beijingDateTime(a.pinnedAt)} 起固定采用此方法版本）` : ''}`;
}

export function gepRoutes() {
  const r = new Hono<PagesEnv>();
  r.use('*', only('bureau', 'auditor', 'recorder'));

  const home = (c: PagesContext) => `/app/districts/${c.var.visitor.districtId}/gep`;
  const defaultYear = (c: PagesContext) => Number(new Date(c.var.deps.clock.now()).getUTCFullYear()) - 1;

  r.get('/', async (c) => {
    const v = c.var.visitor;
    const unit = (c.req.query('unit') ?? '').trim();
    const year = Number(c.req.query('year')) || defaultYear(c);
    const res = unit && UNIT_CODE.test(unit) ? await api(c)('GET', `/gep-units/${unit}/accounts/${year}`) : undefined;
    const a = res?.ok ? res.body : undefined;
    const closed = c.req.query('closed') === '1';
    return c.html(
      <Page title={a ? `${a.unit.name} ${a.year} 年 GEP 核算` : 'GEP 核算'} visitor={v} current="gep">
        <section class="noprint">
          <form method="get" action={home(c)}>
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
        {closed && a ? (
          <Notice>
            <p>{`已审定：${a.unit.name} ${a.year} 年核算为第 ${a.revision} 次修订，此后不再改变。`}</p>
          </Notice>
        ) : null}
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
        {a ? <Account a={a} home={home(c)} canClose={v.kind === 'bureau'} /> : null}
      </Page>,
      res && !res.ok ? (res.status === 404 ? 404 : 422) : 200,
    );
  });

  // The filing table as CSV, straight from the API.
  r.get('/table.csv', async (c) => {
    const unit = (c.req.query('unit') ?? '').trim();
    const year = Number(c.req.query('year')) || defaultYear(c);
    if (!UNIT_CODE.test(unit)) return refusal(c, 400, 'GEP 核算', '核算单元编号只能包含小写字母、数字和连字符。', home(c));
    const v = c.var.visitor;
    const res = await c.var.fetchApi(`/v1/districts/${v.districtId}/gep-units/${unit}/accounts/${year}?format=csv`, { method: 'GET' }, v.principal);
    if (!res.ok) {
      const body = await res.json().catch(() => undefined);
      return refusal(c, res.status === 404 ? 404 : 422, 'GEP 核算', problemMessage({ status: res.status, ok: false, body }), home(c));
    }
    return new Response(res.body, {
      status: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': res.headers.get('content-disposition') ?? 'attachment' },
    });
  });

  r.post('/close', async (c) => {
    if (c.var.visitor.kind !== 'bureau') return refusal(c, 403, '审定核算', '只有主管部门可以审定核算。', home(c));
    const form = await c.req.parseBody();
    const unit = String(form.unit ?? '');
    const year = Number(form.year);
    if (!UNIT_CODE.test(unit) || !Number.isInteger(year)) return refusal(c, 400, '审定核算', '核算单元或年度有误。', home(c));
    const note = String(form.note ?? '').trim();
    const res = await api(c)('POST', `/gep-units/${unit}/accounts/${year}/closure`, note ? { note } : {}, {
      'idempotency-key': String(form.key ?? requestKey()),
    });
    if (!res.ok) return refusal(c, res.status === 409 ? 409 : 422, '未能审定', problemMessage(res), `${home(c)}?unit=${unit}&year=${year}`);
    return c.redirect(`${home(c)}?unit=${unit}&year=${year}&closed=1`, 303);
  });

  return r;
}

// biome-ignore lint/suspicious/noExplicitAny: the GepAccount answer the OpenAPI document describes.
function Account(props: { a: any; home: string; canClose: boolean }) {
  const { a, home } = props;
  const rows = a.rows as Row[];
  const subtotals = a.subtotals as Subtotal[];
  return (
    <>
      <section aria-labelledby="head">
        <h2 id="head">{`${a.unit.name} ${a.year} 年 生态产品总值核算表`}</h2>
        <dl>
          <dt>核算单元</dt>
          <dd>{`${a.unit.name}（${a.unit.code}，${gepLevelLabel(a.unit.level)}，${quantity(a.unit.areaHa)} 公顷，${(a.unit.ecosystemTypes as string[]).map(ecosystemLabel).join('、')}）`}</dd>
          <dt>核算方法</dt>
          <dd>
            {`${a.ruleSet.id} 第 ${a.ruleSet.version} 版`}
            <span class="hint mono">{`${a.methodVersionId} · ${a.ruleSet.hash}`}</span>
          </dd>
          <dt>审定</dt>
          <dd>{statusText(a)}</dd>
          <dt>GEP 合计</dt>
          <dd>
            <strong>{yuan(a.total)}</strong>
            {a.complete ? null : <span class="tag">{`${a.notAssessed.length} 项未核算`}</span>}
          </dd>
          {CATEGORIES.map((cat) => (
            <>
              <dt>{gepCategoryLabel(cat)}</dt>
              <dd>{`${yuan(a.categories[cat])}（${percent(a.categoryShares[cat])}）`}</dd>
            </>
          ))}
        </dl>
      </section>
      <section aria-labelledby="rows">
        <h2 id="rows">分项核算</h2>
        <table class="cards filing">
          <thead>
            <tr>
              <th scope="col">指标</th>
              <th scope="col" class="num">
                实物量
              </th>
              <th scope="col">价格</th>
              <th scope="col" class="num">
                价值
              </th>
              <th scope="col" class="num">
                占比
              </th>
              <th scope="col">数据来源</th>
            </tr>
          </thead>
          <tbody>
            {CATEGORIES.flatMap((cat) => {
              const mine = subtotals.filter((s) => s.category === cat);
              if (mine.length === 0) return [];
              return [
                <tr class="group">
                  <th scope="rowgroup" colspan={6} data-label="类别">
                    {gepCategoryLabel(cat)}
                  </th>
                </tr>,
                ...mine.flatMap((sub) => [
                  ...rows
                    .filter((row) => row.category === cat && row.subtotal === sub.subtotal)
                    .map((row) => (
                      <tr>
                        <td data-label="指标">
                          {row.title}
                          <Steps row={row} />
                        </td>
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
                        <td data-label="占比" class="num">
                          {percent(row.share)}
                        </td>
                        <td data-label="数据来源">
                          {row.source ?? '缺少数据'}
                          {row.status === 'assessed' ? null : <span class="hint">{noteText(row.note)}</span>}
                        </td>
                      </tr>
                    )),
                  <tr class="sub">
                    <td data-label="小计">{`${sub.subtotal} 小计`}</td>
                    <td data-label="实物量" class="num">
                      —
                    </td>
                    <td data-label="价格">—</td>
                    <td data-label="价值" class="num">
                      {yuan(sub.value)}
                    </td>
                    <td data-label="占比" class="num">
                      {percent(sub.share)}
                    </td>
                    <td data-label="数据来源">—</td>
                  </tr>,
                ]),
              ];
            })}
            <tr class="sub">
              <td data-label="合计">
                <strong>生态产品总值（GEP）</strong>
              </td>
              <td data-label="实物量" class="num">
                —
              </td>
              <td data-label="价格">—</td>
              <td data-label="价值" class="num">
                <strong>{yuan(a.total)}</strong>
              </td>
              <td data-label="占比" class="num">
                {a.total === '0.00' ? '—' : '100.00%'}
              </td>
              <td data-label="数据来源">—</td>
            </tr>
          </tbody>
        </table>
      </section>
      <section aria-labelledby="results">
        <h2 id="results">结果指标</h2>
        <dl>
          <dt>人均 GEP</dt>
          <dd>{a.indicators.perPerson === null ? '未记录常住人口' : `${yuan(a.indicators.perPerson)}/人`}</dd>
          <dt>单位面积 GEP</dt>
          <dd>{`${yuan(a.indicators.perKm2)}/平方千米`}</dd>
          <dt>GEP 与 GDP 之比</dt>
          <dd>{a.indicators.gepToGdp === null ? '未记录地区生产总值' : quantity(a.indicators.gepToGdp)}</dd>
          <dt>较上年增量</dt>
          <dd>
            {a.values.increment === null
              ? '无上年核算'
              : `${signedYuan(a.values.increment)}（${a.values.previousYear.year} 年 ${yuan(a.values.previousYear.total)}，${a.values.previousYear.status === 'closed' ? '已审定' : '未审定'}）`}
          </dd>
          <dt>生态资产价值</dt>
          <dd>{a.values.asset === null ? '本方法未规定资本化方法' : yuan(a.values.asset)}</dd>
        </dl>
        {a.children ? (
          <>
            <h3>下级核算单元</h3>
            <ul>
              {(a.children as Array<{ code: string; name: string; total: string; status: string; revision: number | null }>).map((k) => (
                <li>
                  <a href={`${home}?unit=${k.code}&year=${a.year}`}>{k.name}</a>
                  {`：${yuan(k.total)}（${k.status === 'closed' ? `已审定，第 ${k.revision} 次修订` : '未审定'}）`}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section class="noprint" aria-labelledby="file">
        <h2 id="file">归档</h2>
        <p>
          <a class="button secondary" href={`${home}/table.csv?unit=${a.unit.code}&year=${a.year}`} download>
            下载核算表（CSV）
          </a>
        </p>
        <p class="small">用浏览器的“打印”即可打印本表，打印时不含导航与表单。</p>
        {props.canClose && a.status === 'open' ? (
          <form method="post" action={`${home}/close`}>
            <input type="hidden" name="unit" value={a.unit.code} />
            <input type="hidden" name="year" value={String(a.year)} />
            <input type="hidden" name="key" value={requestKey()} />
            <label for="note">
              审定意见<span class="hint">例如 区生态环境局2026年第3号审定；审定后本年度核算不再改变，更正须另立修订</span>
            </label>
            <input id="note" name="note" maxlength={500} />
            <div class="actions">
              <button type="submit">审定本年度核算</button>
            </div>
          </form>
        ) : null}
      </section>
    </>
  );
}

/** The account's note in Chinese: what is not measured, with the method's own titles. */
function noteText(note: string | undefined): string {
  if (!note) return '无测量数据';
  const missing = /^not measured: (.*)$/.exec(note);
  if (missing?.[1]) return `缺少测量：${missing[1].replace(/ \([a-z0-9_]+\)/g, '')}`;
  if (/cannot take/.test(note)) return '测量单位与现行方法不符';
  if (note === 'no child unit has it assessed') return '下级单元均未核算';
  return '无法核算';
}
