/**
 * The bank officer's pages: the subjects who consented to the bank, a signed report requested for one
 * of them and shown whole once verified (grade, items with their events, disputes with the subject's
 * statements, lists, points, GEP assets and assessments, validity in Beijing time), a pasted report
 * checked, a GEP eco-loan assessment requested, and the bank's own query history.
 */
import { Hono } from 'hono';
import { beijingDateTime, calendarDate, quantity, yuan } from '../platform/messages/zh-CN-format.js';
import {
  claimGroupLabel,
  consentStateLabel,
  gepLevelLabel,
  guaranteeLabel,
  listLabel,
  loanConditionLabel,
  pledgeTypeLabel,
  purposeLabel,
  roleLabel,
  ruleText,
  scopeLabel,
  statusLabel,
} from '../platform/messages/zh-CN-labels.js';
import type { ConsentState, SubjectKind } from '../platform/vocabulary.js';
import { GROUPS_OF_SCOPE } from '../reports/claims.js';
import { Page } from './layout.js';
import { QueryLogTable } from './resident.js';
import { ruleSetName } from './rule-set-names.js';
import { Alert, Notice, only, Pager, refusal, requestKey } from './ui.js';
import { type ApiAnswer, api, type PagesContext, type PagesEnv, problemMessage } from './visitor.js';

interface Consent {
  id: string;
  subjectId: string;
  purpose: string;
  scopes: string[];
  grantedAt: string;
  expiresAt: string;
  state: ConsentState;
  subject: { kind: SubjectKind; displayId: string; name: string | null };
}

const subjectText = (s: Consent['subject']) => (s.name ? `${s.name}（${s.displayId}）` : `${roleLabel(s.kind)} ${s.displayId}`);

// biome-ignore lint/suspicious/noExplicitAny: the verified payload is the report's JSON as issued (see reports.service.ts).
type Payload = any;

/** A verified report, all of it, as a loan officer reads it. */
function ReportView(props: { header: { kid?: string }; payload: Payload }) {
  const p = props.payload;
  const history = p.credentialSubject?.queryHistory as
    | { windows: Array<{ months: number; total: number; byInstitution: { bank: number; agency: number; auditor: number } }> }
    | undefined;
  const s = p.credentialSubject ?? {};
  const credit = s.credit;
  const gep = s.gepAssets;
  return (
    <>
      <section aria-labelledby="validity">
        <h2 id="validity">报告信息</h2>
        <dl>
          <dt>主体</dt>
          <dd>{s.name ? `${s.name}（${s.displayId}）` : `${roleLabel(s.kind)} ${s.displayId}`}</dd>
          <dt>用途</dt>
          <dd>{purposeLabel(p.purpose)}</dd>
          <dt>信息范围</dt>
          <dd>{(p.scopes as string[]).map(scopeLabel).join('、')}</dd>
          {p.claims ? (
            <>
              <dt>所含信息</dt>
              <dd>{(p.claims as string[]).map(claimGroupLabel).join('、')}</dd>
            </>
          ) : null}
          <dt>签发时间</dt>
          <dd>{beijingDateTime(p.validFrom)}</dd>
          <dt>有效期至</dt>
          <dd>{beijingDateTime(p.validUntil)}</dd>
          <dt>授权</dt>
          <dd>{`${beijingDateTime(p.consent?.grantedAt)} 授权，至 ${beijingDateTime(p.consent?.expiresAt)}`}</dd>
          <dt>签发方</dt>
          <dd class="mono">{p.iss}</dd>
          <dt>签名密钥</dt>
          <dd class="mono">{props.header.kid}</dd>
        </dl>
      </section>
      {credit ? (
        <section aria-labelledby="credit">
          <h2 id="credit">生态信用</h2>
          {credit.score !== undefined ? (
            <p>
              信用等级 <span class="big">{credit.gradeLabel}</span> {credit.score} 分
              <span class="hint">{`评价时间 ${beijingDateTime(credit.asOf)}`}</span>
            </p>
          ) : null}
          {((credit.overrides ?? []) as Array<{ reason: string }>).map((o) => (
            <p class="tag bad">{ruleText(o.reason)}</p>
          ))}
          {credit.items ? <h3>评分项目</h3> : <p class="small muted">按本辖区规定，该用途的报告不含各评分项目及其记录。</p>}
          {credit.items ? (
            <table class="cards">
              <thead>
                <tr>
                  <th scope="col">项目与依据</th>
                  <th scope="col" class="num">
                    分值
                  </th>
                </tr>
              </thead>
              <tbody>
                {(
                  credit.items as Array<{
                    reason: string;
                    points: number;
                    events: Array<{ title: string; occurredOn: string; points: number; disputed: boolean }>;
                  }>
                ).map((i) => (
                  <tr>
                    <td data-label="项目与依据">
                      {ruleText(i.reason)}
                      <ul class="small">
                        {i.events.map((e) => (
                          <li>
                            {`${e.title}（${calendarDate(e.occurredOn)}）${e.points > 0 ? '+' : ''}${e.points}`}
                            {e.disputed ? <span class="tag">有异议</span> : null}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td data-label="分值" class="num">
                      {i.points > 0 ? `+${i.points}` : i.points}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {credit.disputed?.length ? (
            <>
              <h3>有异议的记录</h3>
              <ul>
                {(credit.disputed as Array<{ statement: string; dueOn: string }>).map((d) => (
                  <li>{`主体陈述：“${d.statement}”（答复期限 ${calendarDate(d.dueOn)}）`}</li>
                ))}
              </ul>
            </>
          ) : credit.disputed ? (
            <p class="small muted">没有未处理的异议。</p>
          ) : null}
          {(credit.statements ?? []).length ? (
            <>
              <h3>主体异议声明</h3>
              <ul>
                {(credit.statements as Array<{ statement: string; status: string; resolution: string | null; resolvedAt: string | null }>).map(
                  (st) => (
                    <li>
                      {`主体声明：“${st.statement}”`}
                      {st.status === 'rejected'
                        ? `（异议未被采纳${st.resolvedAt ? `，${calendarDate(st.resolvedAt.slice(0, 10))}` : ''}${st.resolution ? `：${st.resolution}` : ''}；声明随记录保留）`
                        : '（异议处理中）'}
                    </li>
                  ),
                )}
              </ul>
            </>
          ) : null}
          {credit.lists ? <h3>红黑名单</h3> : null}
          {!credit.lists ? null : credit.lists.length ? (
            <ul>
              {(credit.lists as Array<{ list: string; title: string; until: string }>).map((l) => (
                <li>{`${listLabel(l.list)}：${l.title}，至 ${calendarDate(l.until)}`}</li>
              ))}
            </ul>
          ) : (
            <p class="small muted">未列入红名单或黑名单。</p>
          )}
        </section>
      ) : null}
      {history ? (
        <section aria-labelledby="history">
          <h2 id="history">被查询次数</h2>
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">期间</th>
                <th scope="col" class="num">
                  合计
                </th>
                <th scope="col" class="num">
                  银行
                </th>
                <th scope="col" class="num">
                  主管与记录机关
                </th>
                <th scope="col" class="num">
                  审计
                </th>
              </tr>
            </thead>
            <tbody>
              {history.windows.map((x) => (
                <tr>
                  <td data-label="期间">{`近 ${x.months} 个月`}</td>
                  <td data-label="合计" class="num">
                    {x.total}
                  </td>
                  <td data-label="银行" class="num">
                    {x.byInstitution.bank}
                  </td>
                  <td data-label="主管与记录机关" class="num">
                    {x.byInstitution.agency}
                  </td>
                  <td data-label="审计" class="num">
                    {x.byInstitution.auditor}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {s.pointsSummary ? (
        <section aria-labelledby="points">
          <h2 id="points">积分概况</h2>
          <p>{`可用积分 ${s.pointsSummary.balance} 分，待入账 ${s.pointsSummary.pending} 分。`}</p>
        </section>
      ) : null}
      {gep ? (
        <section aria-labelledby="gep">
          <h2 id="gep">生态资产（GEP）</h2>
          {(gep.units ?? []).length === 0 ? <p class="muted">名下没有登记的GEP核算单元。</p> : null}
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">核算单元</th>
                <th scope="col">年度</th>
                <th scope="col" class="num">
                  GEP
                </th>
              </tr>
            </thead>
            <tbody>
              {(
                (gep.units as Array<{
                  code: string;
                  name: string;
                  level: string;
                  areaHa: string;
                  year: number | null;
                  gep: { total: string; complete: boolean; notAssessed: string[] } | null;
                }>) ?? []
              ).map((u) => (
                <tr>
                  <td data-label="核算单元">
                    {u.name}
                    <span class="hint">{`${gepLevelLabel(u.level)}，${quantity(u.areaHa)} 公顷，编号 ${u.code}`}</span>
                  </td>
                  <td data-label="年度">{u.year ?? '—'}</td>
                  <td data-label="GEP" class="num">
                    {u.gep ? yuan(u.gep.total) : '未核算'}
                    {u.gep && !u.gep.complete ? <span class="hint">{`${u.gep.notAssessed.length} 项未核算`}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {gep.assessments?.length ? (
            <>
              <h3>GEP生态贷评估</h3>
              <ul>
                {(
                  gep.assessments as Array<{
                    at: string;
                    eligible: boolean;
                    ceiling: string;
                    rateAdjustmentBp: number;
                    failedConditions: Array<{ condition: string }>;
                  }>
                ).map((a) => (
                  <li>
                    {a.eligible
                      ? `${beijingDateTime(a.at)}：符合条件，参考额度 ${yuan(a.ceiling)}，利率调整 ${a.rateAdjustmentBp} 个基点`
                      : `${beijingDateTime(a.at)}：不符合条件（${a.failedConditions.map((f) => loanConditionLabel(f.condition)).join('；')}）`}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="rules">
        <h2 id="rules">所依据的规则</h2>
        <ul class="small">
          {(p.ruleSets as Array<{ id: string; version: number; hash: string }>).map((r) => (
            <li>
              {`${ruleSetName(r.id)} 第 ${r.version} 版 `}
              <code>{`${r.hash.slice(0, 19)}…`}</code>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function VerifyForm(props: { d: string; report?: string }) {
  return (
    <form method="post" action={`/app/districts/${props.d}/bank/verify`}>
      <label for="report">
        签名报告<span class="hint">粘贴收到的报告全文（以 eyJ 开头）。</span>
      </label>
      <textarea id="report" name="report" rows={6} required spellcheck={false}>
        {props.report ?? ''}
      </textarea>
      <div class="actions">
        <button type="submit">核验</button>
      </div>
    </form>
  );
}

export function bankRoutes() {
  const r = new Hono<PagesEnv>();
  r.use('*', only('bank'));
  const home = (c: PagesContext) => `/app/districts/${c.var.visitor.districtId}/bank`;
  const consents = async (c: PagesContext) => {
    const res = await api(c)('GET', '/consents');
    return res.ok ? (res.body.items as Consent[]) : [];
  };

  r.get('/', async (c) => {
    const list = (await consents(c)).filter((k) => k.state === 'active');
    return c.html(
      <Page title="银行工作台" visitor={c.var.visitor} current="bank">
        <section aria-labelledby="subjects">
          <h2 id="subjects">已授权本行的主体</h2>
          {list.length === 0 ? <p class="muted">目前没有有效的授权。</p> : null}
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">主体</th>
                <th scope="col">用途与范围</th>
                <th scope="col">授权至</th>
                <th scope="col">
                  <span class="small">操作</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((k) => (
                <tr>
                  <td data-label="主体">{subjectText(k.subject)}</td>
                  <td data-label="用途与范围">
                    {purposeLabel(k.purpose)}
                    <span class="hint">{k.scopes.map(scopeLabel).join('、')}</span>
                  </td>
                  <td data-label="授权至">{beijingDateTime(k.expiresAt)}</td>
                  <td class="action">
                    <div class="actions">
                      <form method="post" action={`${home(c)}/reports`}>
                        <input type="hidden" name="consentId" value={k.id} />
                        <input type="hidden" name="requestKey" value={requestKey()} />
                        <button type="submit" aria-label={`为${subjectText(k.subject)}出具信用报告`}>
                          出具信用报告
                        </button>
                      </form>
                      {k.purpose === 'loan-application' && k.scopes.includes('credit') && k.scopes.includes('gep-assets') ? (
                        <a class="button secondary" href={`${home(c)}/assessments/new?consentId=${k.id}`}>
                          GEP生态贷评估
                        </a>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="check">
          <h2 id="check">核验收到的报告</h2>
          <VerifyForm d={c.var.visitor.districtId} />
        </section>
      </Page>,
    );
  });

  /** Verifies a report through the API and shows it, or why it cannot be trusted. */
  const showReport = async (c: PagesContext, report: string, title: string, issued?: ApiAnswer) => {
    const res = await api(c)('POST', '/reports/verification', { report });
    return c.html(
      <Page title={res.ok ? title : '报告无法验证'} visitor={c.var.visitor} current={issued ? 'bank' : 'bank/verify'}>
        {res.ok ? (
          <Notice>
            <p>签名有效：报告由本辖区出具，内容未被改动，出具给本行。</p>
            <p id="status">
              {res.body.status?.checked
                ? `状态：${statusLabel(res.body.status.status)}（已核对本辖区状态列表）。`
                : `未能核对状态：${statusLabel(res.body.status?.reason ?? 'unreachable')}。报告签名有效，但无法确认其是否已被撤销或暂停。`}
            </p>
          </Notice>
        ) : (
          <Alert>
            <p>{problemMessage(res)}</p>
          </Alert>
        )}
        {res.ok ? <ReportView header={res.body.header} payload={res.body.payload} /> : null}
        {issued ? (
          <section aria-labelledby="jws">
            <h2 id="jws">报告原文</h2>
            <label for="issued">签名报告（可复制存档，任何人可凭本辖区公布的公钥核验）</label>
            <textarea id="issued" rows={4} readonly spellcheck={false}>
              {report}
            </textarea>
          </section>
        ) : (
          <section>
            <h2>核验另一份报告</h2>
            <VerifyForm d={c.var.visitor.districtId} />
          </section>
        )}
      </Page>,
      res.ok ? 200 : 422,
    );
  };

  r.post('/reports', async (c) => {
    const form = await c.req.parseBody({ all: true });
    const k = (await consents(c)).find((x) => x.id === String(form.consentId ?? ''));
    if (k?.state !== 'active') return refusal(c, 403, '未能出具报告', '该授权不存在或已不再有效。', home(c));
    const assessmentIds = ([] as unknown[]).concat(form.assessmentId ?? []).map(String);
    const key = String(form.requestKey ?? '');
    // Minimum necessary: ask only for the consented scopes of which the district lets this purpose receive something.
    const policy = await api(c)('GET', '/district-policy');
    const allowed: string[] = policy.ok ? (policy.body.purposes[k.purpose] ?? []) : [];
    const scopes = k.scopes.filter((s) => (GROUPS_OF_SCOPE[s as keyof typeof GROUPS_OF_SCOPE] ?? []).some((g) => allowed.includes(g)));
    const withAssessments = assessmentIds.length > 0 && allowed.includes('assessments') ? { assessmentIds } : {};
    const res = await api(c)(
      'POST',
      '/reports',
      { subjectId: k.subjectId, purpose: k.purpose, scopes: scopes.length ? scopes : k.scopes, ...withAssessments },
      /^[\w-]{8,128}$/.test(key) ? { 'idempotency-key': key } : {},
    );
    if (!res.ok) return refusal(c, 403, '未能出具报告', problemMessage(res), home(c));
    return showReport(c, res.body.report, '信用报告', res);
  });

  r.get('/verify', (c) =>
    c.html(
      <Page title="核验报告" visitor={c.var.visitor} current="bank/verify">
        <section>
          <VerifyForm d={c.var.visitor.districtId} />
        </section>
      </Page>,
    ),
  );

  r.post('/verify', async (c) => {
    const report = String((await c.req.parseBody()).report ?? '').trim();
    return showReport(c, report, '报告真实有效');
  });

  interface Product {
    id: string;
    title: string;
    product: { name: string; borrowerKinds: string[]; maxTermMonths: number };
  }

  const assessmentForm = async (c: PagesContext, k: Consent, problem?: ApiAnswer, fields: Record<string, string> = {}) => {
    const products = await api(c)('GET', '/loan-products');
    const list = products.ok
      ? (products.body.items as Product[]).filter((p) => p.product.borrowerKinds.includes(k.subject.kind)).sort((a, b) => (a.id < b.id ? -1 : 1))
      : [];
    const value = (name: string, fallback = '') => fields[name] ?? fallback;
    return c.html(
      <Page title="GEP生态贷评估" visitor={c.var.visitor} current="bank">
        {problem ? (
          <Alert>
            <p>{problemMessage(problem)}</p>
          </Alert>
        ) : null}
        <section>
          <p>{`借款人：${subjectText(k.subject)}`}</p>
          <p class="small muted">评估给出参考额度和理由，不是审批结论；本次评估会记入借款人的查询记录。</p>
          <form method="post" action={`${home(c)}/assessments`}>
            <input type="hidden" name="consentId" value={k.id} />
            <input type="hidden" name="requestKey" value={requestKey()} />
            <label for="product">贷款产品</label>
            <select id="product" name="productId" required>
              {list.map((p) => (
                <option value={p.id} selected={p.id === fields.productId}>
                  {p.product.name}
                </option>
              ))}
            </select>
            <label for="amount">申请金额（元）</label>
            <input id="amount" name="requestedAmount" inputmode="decimal" required value={value('requestedAmount', '800000.00')} />
            <label for="term">期限（月）</label>
            <input id="term" name="termMonths" type="number" min={1} max={360} required value={value('termMonths', '36')} />
            <label for="guarantee">担保方式</label>
            <select id="guarantee" name="guarantee">
              {['none', 'guaranteed', 'collateral'].map((g) => (
                <option value={g} selected={g === value('guarantee', 'guaranteed')}>
                  {guaranteeLabel(g)}
                </option>
              ))}
            </select>
            <fieldset>
              <legend>质押物</legend>
              <label for="pledgeType">类型</label>
              <select id="pledgeType" name="pledgeType">
                {['gep', 'forest-rights', 'discharge-rights', 'water-rights', 'carbon-sink'].map((t) => (
                  <option value={t} selected={t === fields.pledgeType}>
                    {pledgeTypeLabel(t)}
                  </option>
                ))}
              </select>
              <label for="reference">
                核算单元编号或权证编号<span class="hint">GEP质押填核算单元编号（见信用报告中的生态资产）。</span>
              </label>
              <input id="reference" name="reference" required autocapitalize="off" value={value('reference')} />
              <label for="value">
                评估价值（元）或核证减排量（吨二氧化碳当量）<span class="hint">GEP质押不填。</span>
              </label>
              <input id="value" name="value" inputmode="decimal" value={value('value')} />
            </fieldset>
            <label class="check">
              <input type="checkbox" name="ecoPledgeSigned" value="true" checked />
              借款人已签署生态保护承诺书
            </label>
            <div class="actions">
              <button type="submit">评估</button>
            </div>
          </form>
        </section>
      </Page>,
      problem ? 422 : 200,
    );
  };

  r.get('/assessments/new', async (c) => {
    const k = (await consents(c)).find((x) => x.id === c.req.query('consentId'));
    if (k?.state !== 'active') return refusal(c, 403, 'GEP生态贷评估', '该授权不存在或已不再有效。', home(c));
    return assessmentForm(c, k);
  });

  r.post('/assessments', async (c) => {
    const form = await c.req.parseBody();
    const k = (await consents(c)).find((x) => x.id === String(form.consentId ?? ''));
    if (k?.state !== 'active') return refusal(c, 403, 'GEP生态贷评估', '该授权不存在或已不再有效。', home(c));
    const type = String(form.pledgeType ?? 'gep');
    const reference = String(form.reference ?? '').trim();
    const value = String(form.value ?? '').replace(/[,，\s]/g, '');
    const pledge =
      type === 'gep'
        ? { type, unitCode: reference }
        : type === 'carbon-sink'
          ? { type, reference, tco2e: value }
          : { type, reference, appraisedValue: value };
    const key = String(form.requestKey ?? '');
    const res = await api(c)(
      'POST',
      '/loan-assessments',
      {
        subjectId: k.subjectId,
        productId: String(form.productId ?? ''),
        pledges: [pledge],
        requestedAmount: String(form.requestedAmount ?? '').replace(/[,，\s]/g, ''),
        termMonths: Number(form.termMonths),
        guarantee: String(form.guarantee ?? 'none'),
        ecoPledgeSigned: form.ecoPledgeSigned === 'true',
      },
      /^[\w-]{8,128}$/.test(key) ? { 'idempotency-key': key } : {},
    );
    if (!res.ok) return assessmentForm(c, k, res, Object.fromEntries(Object.entries(form).map(([name, v]) => [name, String(v)])));
    const a = res.body;
    return c.html(
      <Page title="GEP生态贷评估结果" visitor={c.var.visitor} current="bank">
        {a.eligible ? (
          <Notice>
            <p>{`符合产品条件。参考额度 ${yuan(a.ceiling)}；申请金额 ${yuan(a.requestedAmount)}${a.withinCeiling ? '，在额度内' : '，超过参考额度'}。`}</p>
          </Notice>
        ) : (
          <Alert>
            <p>不符合产品条件：</p>
            <ul>
              {(a.failedConditions as Array<{ condition: string }>).map((f) => (
                <li>{loanConditionLabel(f.condition)}</li>
              ))}
            </ul>
          </Alert>
        )}
        <section aria-labelledby="how">
          <h2 id="how">额度如何得出</h2>
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">质押物</th>
                <th scope="col" class="num">
                  估值基础
                </th>
                <th scope="col" class="num">
                  质押率
                </th>
                <th scope="col" class="num">
                  可贷额度
                </th>
              </tr>
            </thead>
            <tbody>
              {(a.pledges as Array<{ type: string; reference: string; basis: string; ratio: string; ceiling: string }>).map((p) => (
                <tr>
                  <td data-label="质押物">
                    {pledgeTypeLabel(p.type)}
                    <span class="hint">{p.reference}</span>
                  </td>
                  <td data-label="估值基础" class="num">
                    {yuan(p.basis)}
                  </td>
                  <td data-label="质押率" class="num">
                    {`${Number(p.ratio) * 100}%`}
                  </td>
                  <td data-label="可贷额度" class="num">
                    {yuan(p.ceiling)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl>
            <dt>质押物合计</dt>
            <dd>{yuan(a.pledgeTotal)}</dd>
            <dt>按信用等级</dt>
            <dd>{`额度 × ${a.lineMultiplier}，利率${a.rateAdjustmentBp < 0 ? `下调 ${-a.rateAdjustmentBp}` : a.rateAdjustmentBp > 0 ? `上调 ${a.rateAdjustmentBp}` : '不调整'}${a.rateAdjustmentBp ? ' 个基点' : ''}`}</dd>
            <dt>产品上限</dt>
            <dd>{a.cap ? `${guaranteeLabel(a.cap.guarantee)}最高 ${yuan(a.cap.max)}` : '—'}</dd>
            <dt>参考额度</dt>
            <dd>
              <strong>{yuan(a.ceiling)}</strong>
            </dd>
            <dt>期限</dt>
            <dd>{`${a.termMonths} 个月（产品最长 ${a.maxTermMonths} 个月）`}</dd>
          </dl>
        </section>
        <section>
          <form method="post" action={`${home(c)}/reports`}>
            <input type="hidden" name="consentId" value={k.id} />
            <input type="hidden" name="assessmentId" value={a.id} />
            <input type="hidden" name="requestKey" value={requestKey()} />
            <div class="actions">
              <button type="submit">出具包含本评估的信用报告</button>
            </div>
          </form>
        </section>
      </Page>,
      201,
    );
  });

  r.get('/history', async (c) => {
    const cursor = c.req.query('cursor');
    const q = new URLSearchParams({ limit: '30', ...(cursor && /^\d+$/.test(cursor) ? { cursor } : {}) });
    const [res, list] = await Promise.all([api(c)('GET', `/query-log?${q}`), consents(c)]);
    if (!res.ok) return refusal(c, 422, '查询记录', problemMessage(res));
    const subjects = new Map(list.map((k) => [k.subjectId, subjectText(k.subject)]));
    return c.html(
      <Page title="本行查询记录" visitor={c.var.visitor} current="bank/history">
        <section>
          <p class="muted small">本行每次查询都记入被查询人的查询记录，被查询人可以看到（北京时间，最新在前）。</p>
          {res.body.items.length === 0 ? <p class="muted">还没有查询记录。</p> : null}
          <QueryLogTable items={res.body.items} subjectOf={(id) => subjects.get(id) ?? '—'} />
          <Pager prev={cursor ? `${home(c)}/history` : null} next={res.body.nextCursor ? `${home(c)}/history?cursor=${res.body.nextCursor}` : null} />
        </section>
        <section>
          <h2>授权记录</h2>
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">主体</th>
                <th scope="col">用途</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {list.map((k) => (
                <tr>
                  <td data-label="主体">{subjectText(k.subject)}</td>
                  <td data-label="用途">{purposeLabel(k.purpose)}</td>
                  <td data-label="状态">{consentStateLabel(k.state)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </Page>,
    );
  });

  return r;
}
