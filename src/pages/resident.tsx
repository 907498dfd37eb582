/**
 * The pages of a resident or a firm's representative: points (balance, history newest first, what
 * expires), benefits to redeem with a confirmation, how points are earned and the sources that send
 * them, the credit file with its reasons, objections, consents to banks (granted with the statement
 * shown, revoked with a confirmation), and who queried them.
 */
import Decimal from 'decimal.js';
import { Hono } from 'hono';
import { consentStatement } from '../consents/consent-statement.js';
import { beijingDate, beijingDateTime, calendarDate } from '../platform/messages/zh-CN-format.js';
import {
  consentStateLabel,
  objectionStatusLabel,
  PURPOSE_LABELS,
  pointsSourceLabel,
  purposeLabel,
  queryActionLabel,
  queryPurposeLabel,
  ruleText,
  SCOPE_LABELS,
  scopeLabel,
  unitLabel,
} from '../platform/messages/zh-CN-labels.js';
import type { ConsentState, LedgerKind, ObjectionStatus } from '../platform/vocabulary.js';
import { credentialRoutes } from './credential.js';
import { Page } from './layout.js';
import { ruleSetName } from './rule-set-names.js';
import { Alert, Notice, only, Pager, refusal, requestKey } from './ui.js';
import { type ApiAnswer, api, type PagesContext, type PagesEnv, problemMessage } from './visitor.js';

const DAY = 86_400_000;
const CONSENT_DAYS = [30, 90, 180, 365] as const;

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

interface LedgerEntry {
  kind: LedgerKind;
  points: number;
  earnedOn: string;
  availableOn: string;
  expiresOn: string | null;
  reason: string;
  recordedAt: string;
}

/** A ledger line in words. Earned points carry the catalogue title; the others say what happened. */
function ledgerReason(e: LedgerEntry): string {
  if (e.kind === 'earn') return ruleText(e.reason);
  if (e.kind === 'expire') return '积分到期作废';
  if (e.kind === 'redeem') return /[\u3400-\u9fff]/u.test(e.reason) ? `兑换：${e.reason.replace(/^redeemed:\s*/i, '')}` : '兑换权益';
  const why = e.reason.replace(/^reversed:\s*/i, '');
  return /[\u3400-\u9fff]/u.test(why) ? `发放单位撤回：${why}` : '发放单位撤回';
}

interface CatalogueAction {
  code: string;
  title: string;
  points: number | null;
  perUnit: { unit: string; points: number } | null;
  minAmount: number | null;
  caps: { perDay: number | null; perMonth: number | null };
  oncePer: string | null;
  delayDays: number;
  expiry: { endOfYearAfter: true } | { days: number };
  source: string | null;
}

/** How an action earns points, in plain words. */
function earnRule(a: CatalogueAction): string[] {
  const lines: string[] = [];
  if (a.points !== null) lines.push(`每次 ${a.points} 分`);
  else if (a.perUnit) {
    const u = unitLabel(a.perUnit.unit);
    // Fractions of a point per unit read better per thousand units (0.002 分/步 → 每 1000 步 2 分).
    const per = new Decimal(a.perUnit.points);
    lines.push(per.lt(1) ? `每 1000 ${u} ${per.mul(1000).toString()} 分` : `每 1 ${u} ${per.toString()} 分`);
    if (a.minAmount) lines.push(`至少 ${a.minAmount} ${u}才计分`);
  }
  if (a.caps.perDay) lines.push(`每天最多 ${a.caps.perDay} 分`);
  if (a.caps.perMonth) lines.push(`每月最多 ${a.caps.perMonth} 分`);
  if (a.oncePer) lines.push(a.oncePer.includes('{month}') ? '每月只计一次' : a.oncePer.includes('{reference}') ? '同一凭证只计一次' : '只计一次');
  if (a.delayDays === 1) lines.push('次日到账');
  else if (a.delayDays > 1) lines.push(`${a.delayDays} 天后到账`);
  lines.push('endOfYearAfter' in a.expiry ? '有效期至获得次年的 12 月 31 日' : `获得后 ${a.expiry.days} 天内有效`);
  return lines;
}

export function residentRoutes() {
  const r = new Hono<PagesEnv>();
  r.use('*', only('subject'));
  const me = (c: PagesContext) => `/app/districts/${c.var.visitor.districtId}/me`;
  r.route('/credential', credentialRoutes());

  r.get('/', async (c) => {
    const v = c.var.visitor;
    const call = api(c);
    const [points, score, objections, consents] = await Promise.all([
      call('GET', `/subjects/${v.subjectId}/points`),
      call('GET', `/subjects/${v.subjectId}/credit-score`),
      call('GET', '/objections?status=open'),
      call('GET', '/consents'),
    ]);
    const active = consents.ok ? consents.body.items.filter((k: { state: string }) => k.state === 'active').length : 0;
    return c.html(
      <Page title="我的生态积分与信用" visitor={v} current="me">
        <section aria-labelledby="pts">
          <h2 id="pts">生态积分</h2>
          {points.ok ? (
            <>
              <p>
                <span class="big">{points.body.balance}</span> 分可用
                {points.body.pending ? <span class="muted">（另有 {points.body.pending} 分待入账）</span> : null}
              </p>
              {points.body.expiringSoon.length ? (
                <p class="tag">
                  30 天内到期：
                  {points.body.expiringSoon
                    .map((e: { points: number; expiresOn: string }) => `${e.points} 分（${calendarDate(e.expiresOn)}）`)
                    .join('、')}
                </p>
              ) : null}
              <div class="actions">
                <a class="button" href={`${me(c)}/benefits`}>
                  积分兑换
                </a>
                <a class="button secondary" href={`${me(c)}/points`}>
                  积分明细
                </a>
                <a class="button secondary" href={`${me(c)}/earn`}>
                  如何获得积分
                </a>
              </div>
            </>
          ) : (
            <Alert>
              <p>{problemMessage(points)}</p>
            </Alert>
          )}
        </section>
        <section aria-labelledby="cr">
          <h2 id="cr">生态信用</h2>
          {score.ok ? (
            <p>
              信用等级 <span class="big">{score.body.gradeLabel}</span> {score.body.score} 分
            </p>
          ) : (
            <p class="muted">暂无评分：{problemMessage(score)}</p>
          )}
          {objections.ok && objections.body.items.length ? (
            <p>
              {objections.body.items.length} 项异议处理中，最早答复期限{' '}
              {calendarDate(objections.body.items.map((o: { dueOn: string }) => o.dueOn).sort()[0])}。
            </p>
          ) : null}
          <div class="actions">
            <a class="button secondary" href={`${me(c)}/credit`}>
              信用档案与异议
            </a>
          </div>
        </section>
        <section aria-labelledby="co">
          <h2 id="co">授权与查询</h2>
          <p>{active ? `您目前有 ${active} 项有效授权。` : '您目前没有有效的授权。'}</p>
          <div class="actions">
            <a class="button secondary" href={`${me(c)}/consents`}>
              授权管理
            </a>
            <a class="button secondary" href={`${me(c)}/log`}>
              谁查询了我
            </a>
            <a class="button secondary" href={`${me(c)}/credential`}>
              电子信用凭证
            </a>
          </div>
        </section>
      </Page>,
    );
  });

  r.get('/points', async (c) => {
    const v = c.var.visitor;
    const cursor = c.req.query('cursor');
    const q = new URLSearchParams({ order: 'desc', limit: '20', ...(cursor && /^\d+$/.test(cursor) ? { cursor } : {}) });
    const call = api(c);
    const [account, page] = await Promise.all([
      call('GET', `/subjects/${v.subjectId}/points`),
      call('GET', `/subjects/${v.subjectId}/points/ledger?${q}`),
    ]);
    if (!page.ok) return refusal(c, 422, '积分明细', problemMessage(page));
    return c.html(
      <Page title="积分明细" visitor={v} current="me/points">
        {account.ok ? (
          <section>
            <p>
              <span class="big">{account.body.balance}</span> 分可用
              {account.body.pending ? <span class="muted">（另有 {account.body.pending} 分待入账）</span> : null}
            </p>
          </section>
        ) : null}
        <section aria-labelledby="h">
          <h2 id="h">最近的积分变动</h2>
          {page.body.items.length === 0 ? <p class="muted">还没有积分记录。</p> : null}
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">日期</th>
                <th scope="col">事由</th>
                <th scope="col" class="num">
                  积分
                </th>
                <th scope="col">有效期至</th>
              </tr>
            </thead>
            <tbody>
              {page.body.items.map((e: LedgerEntry) => (
                <tr>
                  <td data-label="日期">{calendarDate(e.earnedOn)}</td>
                  <td data-label="事由">
                    {ledgerReason(e)}
                    {e.availableOn > e.earnedOn && e.kind === 'earn' ? <span class="hint">{`${calendarDate(e.availableOn)} 起可用`}</span> : null}
                  </td>
                  <td data-label="积分" class={`num ${e.points > 0 ? 'ok' : 'bad'}`}>
                    {signed(e.points)}
                  </td>
                  <td data-label="有效期至">{e.kind === 'earn' ? calendarDate(e.expiresOn) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager prev={cursor ? `${me(c)}/points` : null} next={page.body.nextCursor ? `${me(c)}/points?cursor=${page.body.nextCursor}` : null} />
          {cursor ? <p class="small muted">“上一页”回到最新的记录。</p> : null}
        </section>
      </Page>,
    );
  });

  interface Benefit {
    id: string;
    name: string;
    description: string | null;
    cost: number;
    left: number | null;
    validUntil: string;
    affordable: boolean;
  }

  r.get('/benefits', async (c) => {
    const v = c.var.visitor;
    const account = await api(c)('GET', `/subjects/${v.subjectId}/points`);
    if (!account.ok) return refusal(c, 422, '积分兑换', problemMessage(account));
    const balance = account.body.balance as number;
    return c.html(
      <Page title="积分兑换" visitor={v} current="me/benefits">
        <section>
          <p>
            您有 <span class="big">{balance}</span> 分可用。
          </p>
        </section>
        <section aria-labelledby="offer">
          <h2 id="offer">可兑换的权益</h2>
          {account.body.benefits.length === 0 ? <p class="muted">目前没有可兑换的权益。</p> : null}
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">权益</th>
                <th scope="col" class="num">
                  所需积分
                </th>
                <th scope="col">剩余</th>
                <th scope="col">兑换截止</th>
                <th scope="col">
                  <span class="small">操作</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {account.body.benefits.map((b: Benefit) => (
                <tr>
                  <td data-label="权益">
                    <strong>{b.name}</strong>
                    {b.description ? <span class="hint">{b.description}</span> : null}
                  </td>
                  <td data-label="所需积分" class="num">
                    {b.cost} 分
                  </td>
                  <td data-label="剩余">{b.left === null ? '不限' : `${b.left} 份`}</td>
                  <td data-label="兑换截止">{calendarDate(b.validUntil)}</td>
                  <td class="action">
                    {b.affordable ? (
                      <a class="button" href={`${me(c)}/benefits/${b.id}/redeem`} aria-label={`兑换${b.name}`}>
                        兑换
                      </a>
                    ) : (
                      <span class="tag">{b.left === 0 ? '已兑完' : `还差 ${b.cost - balance} 分`}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </Page>,
    );
  });

  r.get('/benefits/:id/redeem', async (c) => {
    const v = c.var.visitor;
    const account = await api(c)('GET', `/subjects/${v.subjectId}/points`);
    const b = account.ok ? (account.body.benefits as Benefit[]).find((x) => x.id === c.req.param('id')) : undefined;
    if (!b) return refusal(c, 404, '积分兑换', '该权益不存在或已不可兑换。', `${me(c)}/benefits`);
    const balance = account.body.balance as number;
    return c.html(
      <Page title="确认兑换" visitor={v} current="me/benefits">
        <section>
          <p class="statement">{`用 ${b.cost} 分兑换“${b.name}”。兑换后剩余 ${balance - b.cost} 分。`}</p>
          <p class="small muted">兑换后积分不退回。</p>
          <form method="post" action={`${me(c)}/benefits/${b.id}/redeem`}>
            <input type="hidden" name="requestKey" value={requestKey()} />
            <div class="actions">
              <button type="submit">确认兑换</button>
              <a class="button secondary" href={`${me(c)}/benefits`}>
                取消
              </a>
            </div>
          </form>
        </section>
      </Page>,
    );
  });

  r.post('/benefits/:id/redeem', async (c) => {
    const v = c.var.visitor;
    const form = await c.req.parseBody();
    const key = String(form.requestKey ?? '');
    const res = await api(c)(
      'POST',
      '/points/redemptions',
      { benefitId: c.req.param('id') },
      /^[\w-]{8,128}$/.test(key) ? { 'idempotency-key': key } : {},
    );
    if (!res.ok) return refusal(c, res.status === 404 ? 404 : 409, '未能兑换', problemMessage(res), `${me(c)}/benefits`);
    return c.html(
      <Page title="兑换成功" visitor={v} current="me/benefits">
        <Notice>
          <p>{`已用 ${res.body.cost} 分兑换“${res.body.benefit.name}”，剩余 ${res.body.balance} 分。`}</p>
          <p class="small">兑换编号：{res.body.redemptionId}</p>
        </Notice>
        <p>
          <a href={`${me(c)}/benefits`}>继续兑换</a>　<a href={`${me(c)}/points`}>查看积分明细</a>
        </p>
      </Page>,
    );
  });

  r.get('/earn', async (c) => {
    const v = c.var.visitor;
    const call = api(c);
    const [catalogue, sources] = await Promise.all([call('GET', '/points/catalogue'), call('GET', `/subjects/${v.subjectId}/points/sources`)]);
    if (!catalogue.ok) return refusal(c, 422, '如何获得积分', problemMessage(catalogue));
    const changed = c.req.query('changed');
    return c.html(
      <Page title="如何获得积分" visitor={v} current="me/earn">
        {changed && sources.ok ? (
          <Notice>
            <p>
              {(sources.body.items as Array<{ source: string; enabled: boolean }>).find((s) => s.source === changed)?.enabled
                ? `已开启“${pointsSourceLabel(changed)}”，今后由此来源的积分会照常发放。`
                : `已关闭“${pointsSourceLabel(changed)}”，今后不再接收由此来源发放的积分。`}
            </p>
          </Notice>
        ) : null}
        <section aria-labelledby="acts">
          <h2 id="acts">积分从哪里来</h2>
          <p class="muted small">积分可兑换权益，不能提现、不能转让；先获得的积分先使用、先到期。</p>
          <ul>
            {(catalogue.body.actions as CatalogueAction[]).map((a) => (
              <li>
                <strong>{ruleText(a.title)}</strong>：{earnRule(a).join('；')}。
                {a.source ? <span class="hint">{`数据来源：${pointsSourceLabel(a.source)}`}</span> : null}
              </li>
            ))}
          </ul>
        </section>
        {sources.ok && sources.body.items.length ? (
          <section aria-labelledby="src">
            <h2 id="src">积分数据来源</h2>
            <p class="muted small">关闭后，该来源不能再为您发放积分；已获得的积分不受影响。</p>
            <table class="cards">
              <thead>
                <tr>
                  <th scope="col">来源</th>
                  <th scope="col">状态</th>
                  <th scope="col">
                    <span class="small">操作</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {(sources.body.items as Array<{ source: string; enabled: boolean; changedAt: string | null }>).map((s) => (
                  <tr>
                    <td data-label="来源">{pointsSourceLabel(s.source)}</td>
                    <td data-label="状态">
                      {s.enabled ? '已开启' : '已关闭'}
                      {s.changedAt ? <span class="hint">{`${beijingDateTime(s.changedAt)} 更改`}</span> : null}
                    </td>
                    <td class="action">
                      <form method="post" action={`${me(c)}/sources/${encodeURIComponent(s.source)}`}>
                        <input type="hidden" name="enabled" value={s.enabled ? 'false' : 'true'} />
                        <button
                          type="submit"
                          class={s.enabled ? 'secondary' : ''}
                          aria-label={`${s.enabled ? '关闭' : '开启'}${pointsSourceLabel(s.source)}`}
                        >
                          {s.enabled ? '关闭' : '开启'}
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
      </Page>,
    );
  });

  r.post('/sources/:source', async (c) => {
    const v = c.var.visitor;
    const source = c.req.param('source');
    const enabled = String((await c.req.parseBody()).enabled ?? '') === 'true';
    const res = await api(c)('PUT', `/subjects/${v.subjectId}/points/sources/${encodeURIComponent(source)}`, { enabled });
    if (!res.ok) return refusal(c, 422, '未能更改', problemMessage(res), `${me(c)}/earn`);
    return c.redirect(`${me(c)}/earn?changed=${encodeURIComponent(source)}`, 303);
  });

  interface CountedEvent {
    eventId: string;
    title: string;
    occurredOn: string;
    points: number;
    disputed: boolean;
    stopsCountingOn: string;
  }
  interface FileEvent {
    id: string;
    code: string;
    title: string | null;
    occurredOn: string;
    agency: string;
    evidence: string;
    amounts: Array<{ name: string; value: string; unit: string }>;
    reversesEventId: string | null;
    reversedBy: string | null;
    disputed: boolean;
  }
  interface Objection {
    id: string;
    eventId: string;
    statement: string;
    filedAt: string;
    dueOn: string;
    overdue: boolean;
    status: ObjectionStatus;
    resolvedAt: string | null;
    resolution: string | null;
  }

  const fileOf = async (c: PagesContext) => {
    const v = c.var.visitor;
    const call = api(c);
    const [score, events, objections] = await Promise.all([
      call('GET', `/subjects/${v.subjectId}/credit-score`),
      call('GET', `/subjects/${v.subjectId}/credit-events?limit=200`),
      call('GET', '/objections'),
    ]);
    return { score, events, objections };
  };

  r.get('/credit', async (c) => {
    const v = c.var.visitor;
    const { score, events, objections } = await fileOf(c);
    const s = score.body;
    const itemsTotal = score.ok ? (s.items as Array<{ points: number }>).reduce((t, i) => t.plus(i.points), new Decimal(0)) : new Decimal(0);
    const objectionsOf = (eventId: string) => (objections.ok ? (objections.body.items as Objection[]).filter((o) => o.eventId === eventId) : []);
    const notice = c.req.query('objected');
    return c.html(
      <Page title="我的信用" visitor={v} current="me/credit">
        {notice ? (
          <Notice>
            <p>异议已提交，该记录已标为“有异议”。处理结果会显示在下方。</p>
          </Notice>
        ) : null}
        <section aria-labelledby="sc">
          <h2 id="sc">信用评价</h2>
          {score.ok ? (
            <>
              <p>
                信用等级 <span class="big">{s.gradeLabel}</span> {s.score} 分
              </p>
              <p class="muted small">{`评价时间 ${beijingDateTime(s.asOf)}；依据“${ruleSetName(s.ruleSets.scorecard.id)}”第 ${s.ruleSets.scorecard.version} 版。`}</p>
              <h3>得分构成</h3>
              <table class="cards">
                <thead>
                  <tr>
                    <th scope="col">项目</th>
                    <th scope="col" class="num">
                      分值
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <td data-label="项目">基础分</td>
                    <td data-label="分值" class="num">
                      {s.baseScore}
                    </td>
                  </tr>
                  {(s.items as Array<{ id: string; reason: string; points: number; events: CountedEvent[] }>).map((i) => (
                    <tr>
                      <td data-label="项目">
                        {ruleText(i.reason)}
                        {i.events.length ? (
                          <ul class="small">
                            {i.events.map((e) => (
                              <li>
                                {`${e.title}（${calendarDate(e.occurredOn)}）${signed(e.points)} 分`}
                                {e.disputed ? <span class="tag">有异议</span> : null}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </td>
                      <td data-label="分值" class={`num ${i.points < 0 ? 'bad' : 'ok'}`}>
                        {signed(i.points)}
                      </td>
                    </tr>
                  ))}
                  {(s.statements ?? []).length ? (
                    <tr>
                      <td data-label="项目" colspan={2}>
                        <strong>我的异议声明</strong>
                        <ul class="small">
                          {(s.statements as Array<{ statement: string; status: string; resolution: string | null }>).map((st) => (
                            <li>
                              {`“${st.statement}”`}
                              {st.status === 'rejected'
                                ? `（未被采纳${st.resolution ? `：${st.resolution}` : ''}；声明随记录保留，银行查询时可见）`
                                : '（处理中）'}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ) : null}
                  <tr>
                    <th scope="row" data-label="项目">
                      合计
                    </th>
                    <td data-label="分值" class="num">
                      <strong>{s.score}</strong>
                    </td>
                  </tr>
                </tbody>
              </table>
              {new Decimal(s.baseScore).plus(itemsTotal).toNumber() !== s.score ? (
                <p class="small muted">{`基础分与各项相加为 ${new Decimal(s.baseScore).plus(itemsTotal).toString()} 分，按评分规则的上下限计为 ${s.score} 分。`}</p>
              ) : null}
              {(s.overrides as Array<{ reason: string }>).map((o) => (
                <p class="tag bad">{ruleText(o.reason)}</p>
              ))}
              {(s.lists as Array<{ list: string; title: string; until: string }>).map((l) => (
                <p>{`${l.list === 'red' ? '列入红名单（守信激励）' : '列入黑名单（失信惩戒）'}：${l.title}，至 ${calendarDate(l.until)}`}</p>
              ))}
            </>
          ) : (
            <p class="muted">暂无评分：{problemMessage(score)}</p>
          )}
        </section>
        <section aria-labelledby="ev">
          <h2 id="ev">信用档案</h2>
          <p class="muted small">记录有误的，可以提出异议；主管部门须在 20 天内答复，期间该记录标为“有异议”。</p>
          {events.ok && events.body.items.length === 0 ? <p class="muted">档案中还没有记录。</p> : null}
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">日期</th>
                <th scope="col">事项</th>
                <th scope="col">记录单位</th>
                <th scope="col">状态</th>
                <th scope="col">
                  <span class="small">操作</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {events.ok
                ? (events.body.items as FileEvent[])
                    .slice()
                    .reverse()
                    .map((e) => {
                      const mine = objectionsOf(e.id);
                      const open = mine.find((o) => o.status === 'open');
                      return (
                        <tr>
                          <td data-label="日期">{calendarDate(e.occurredOn)}</td>
                          <td data-label="事项">
                            {e.reversesEventId ? `更正记录：${e.title ?? '信用事项'}` : (e.title ?? '信用事项')}
                            {e.amounts.length ? <span class="hint">{e.amounts.map((a) => `${a.value}${unitLabel(a.unit)}`).join('、')}</span> : null}
                            <span class="hint">{`依据：${e.evidence}`}</span>
                          </td>
                          <td data-label="记录单位">{e.agency}</td>
                          <td data-label="状态">
                            {e.reversedBy ? (
                              '已更正，不再计入'
                            ) : open ? (
                              <span class="tag">{`有异议，答复期限 ${calendarDate(open.dueOn)}`}</span>
                            ) : (
                              '有效'
                            )}
                          </td>
                          <td class="action">
                            {!e.reversedBy && !e.reversesEventId && !open ? (
                              <a
                                class="button secondary"
                                href={`${me(c)}/credit/events/${e.id}/objection`}
                                aria-label={`对“${e.title ?? '该记录'}”提出异议`}
                              >
                                提出异议
                              </a>
                            ) : null}
                          </td>
                        </tr>
                      );
                    })
                : null}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="ob">
          <h2 id="ob">我的异议</h2>
          {objections.ok && objections.body.items.length === 0 ? <p class="muted">没有异议。</p> : null}
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">提出时间</th>
                <th scope="col">异议说明</th>
                <th scope="col">进展</th>
              </tr>
            </thead>
            <tbody>
              {objections.ok
                ? (objections.body.items as Objection[]).map((o) => (
                    <tr>
                      <td data-label="提出时间">{beijingDateTime(o.filedAt)}</td>
                      <td data-label="异议说明">{o.statement}</td>
                      <td data-label="进展">
                        {objectionStatusLabel(o.status)}
                        {o.status === 'open' ? (
                          <span class="hint">{`答复期限 ${calendarDate(o.dueOn)}${o.overdue ? '，已逾期' : ''}`}</span>
                        ) : (
                          <span class="hint">{`${beijingDate(o.resolvedAt)} 答复：${o.resolution ?? ''}`}</span>
                        )}
                      </td>
                    </tr>
                  ))
                : null}
            </tbody>
          </table>
        </section>
      </Page>,
    );
  });

  const eventOf = async (c: PagesContext, eventId: string): Promise<FileEvent | undefined> => {
    const v = c.var.visitor;
    const events = await api(c)('GET', `/subjects/${v.subjectId}/credit-events?limit=1000`);
    return events.ok ? (events.body.items as FileEvent[]).find((e) => e.id === eventId) : undefined;
  };

  const objectionForm = (c: PagesContext, e: FileEvent, statement = '', problem?: ApiAnswer) =>
    c.html(
      <Page title="提出异议" visitor={c.var.visitor} current="me/credit">
        {problem ? (
          <Alert>
            <p>{problemMessage(problem)}</p>
          </Alert>
        ) : null}
        <section>
          <dl>
            <dt>事项</dt>
            <dd>{e.title ?? '信用事项'}</dd>
            <dt>日期</dt>
            <dd>{calendarDate(e.occurredOn)}</dd>
            <dt>记录单位</dt>
            <dd>{e.agency}</dd>
            <dt>依据</dt>
            <dd>{e.evidence}</dd>
          </dl>
          <form method="post" action={`${me(c)}/credit/events/${e.id}/objection`}>
            <input type="hidden" name="requestKey" value={requestKey()} />
            <label for="statement">
              异议说明<span class="hint">请写明哪里有误、事实是什么，可注明证明材料的文号。</span>
            </label>
            <textarea id="statement" name="statement" rows={5} required maxlength={4000}>
              {statement}
            </textarea>
            <div class="actions">
              <button type="submit">提交异议</button>
              <a class="button secondary" href={`${me(c)}/credit`}>
                取消
              </a>
            </div>
          </form>
        </section>
      </Page>,
      problem ? 422 : 200,
    );

  r.get('/credit/events/:eventId/objection', async (c) => {
    const e = await eventOf(c, c.req.param('eventId'));
    if (!e) return refusal(c, 404, '提出异议', '未找到这条记录。', `${me(c)}/credit`);
    return objectionForm(c, e);
  });

  r.post('/credit/events/:eventId/objection', async (c) => {
    const e = await eventOf(c, c.req.param('eventId'));
    if (!e) return refusal(c, 404, '提出异议', '未找到这条记录。', `${me(c)}/credit`);
    const form = await c.req.parseBody();
    const statement = String(form.statement ?? '').trim();
    const key = String(form.requestKey ?? '');
    const res = await api(c)(
      'POST',
      `/credit-events/${encodeURIComponent(e.id)}/objections`,
      { statement },
      /^[\w-]{8,128}$/.test(key) ? { 'idempotency-key': key } : {},
    );
    if (!res.ok) return objectionForm(c, e, statement, res);
    return c.html(
      <Page title="异议已提交" visitor={c.var.visitor} current="me/credit">
        <Notice>
          <p>{`您对“${e.title ?? '该记录'}”的异议已提交，主管部门将在 ${calendarDate(res.body.dueOn)} 前答复。处理期间，该记录在评分和报告中标为“有异议”。`}</p>
        </Notice>
        <section>
          <h2>您的说明</h2>
          <p>{res.body.statement}</p>
        </section>
        <p>
          <a href={`${me(c)}/credit`}>返回我的信用</a>
        </p>
      </Page>,
      201,
    );
  });

  interface Consent {
    id: string;
    bankName: string;
    purpose: string;
    scopes: string[];
    grantedAt: string;
    expiresAt: string;
    revokedAt: string | null;
    state: ConsentState;
    evidence: { statement?: string };
  }

  r.get('/consents', async (c) => {
    const v = c.var.visitor;
    const res = await api(c)('GET', '/consents');
    if (!res.ok) return refusal(c, 422, '授权管理', problemMessage(res));
    return c.html(
      <Page title="授权管理" visitor={v} current="me/consents">
        <section>
          <p>银行只有在您授权后，才能在授权范围和期限内查询您的信息。授权可以随时撤销。</p>
          <div class="actions">
            <a class="button" href={`${me(c)}/consents/new`}>
              新增授权
            </a>
          </div>
        </section>
        <section aria-labelledby="list">
          <h2 id="list">我的授权</h2>
          {res.body.items.length === 0 ? <p class="muted">您还没有授权任何银行。</p> : null}
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">银行</th>
                <th scope="col">用途与范围</th>
                <th scope="col">有效期至</th>
                <th scope="col">状态</th>
                <th scope="col">
                  <span class="small">操作</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(res.body.items as Consent[]).map((k) => (
                <tr>
                  <td data-label="银行">{k.bankName}</td>
                  <td data-label="用途与范围">
                    {purposeLabel(k.purpose)}
                    <span class="hint">{k.scopes.map(scopeLabel).join('、')}</span>
                  </td>
                  <td data-label="有效期至">{beijingDate(k.expiresAt)}</td>
                  <td data-label="状态">
                    {consentStateLabel(k.state)}
                    {k.revokedAt ? <span class="hint">{`${beijingDateTime(k.revokedAt)} 撤销`}</span> : null}
                  </td>
                  <td class="action">
                    {k.state === 'active' ? (
                      <a class="button danger" href={`${me(c)}/consents/${k.id}/revoke`} aria-label={`撤销对${k.bankName}的授权`}>
                        撤销
                      </a>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </Page>,
    );
  });

  r.get('/consents/new', async (c) => {
    const [banks, policy] = await Promise.all([api(c)('GET', '/banks'), api(c)('GET', '/district-policy')]);
    if (!banks.ok) return refusal(c, 422, '新增授权', problemMessage(banks));
    // Only the durations the district policy allows; the API refuses longer ones anyway.
    const maxDays: number = policy.ok ? policy.body.consentDays.max : 365;
    const defaultDays: number = policy.ok ? policy.body.consentDays.default : 90;
    const durations = CONSENT_DAYS.filter((n) => n <= maxDays);
    return c.html(
      <Page title="新增授权" visitor={c.var.visitor} current="me/consents">
        <section>
          <form method="get" action={`${me(c)}/consents/confirm`}>
            <label for="bank">授权给哪家银行</label>
            <select id="bank" name="bank" required>
              {(banks.body.items as Array<{ id: string; name: string }>).map((b) => (
                <option value={b.id}>{b.name}</option>
              ))}
            </select>
            <fieldset>
              <legend>用途</legend>
              {Object.entries(PURPOSE_LABELS).map(([code, label], i) => (
                <label class="check">
                  <input type="radio" name="purpose" value={code} checked={i === 0} required />
                  {label}
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>可以查询的信息</legend>
              {Object.entries(SCOPE_LABELS).map(([code, label], i) => (
                <label class="check">
                  <input type="checkbox" name="scopes" value={code} checked={i === 0} />
                  {label}
                </label>
              ))}
            </fieldset>
            <label for="days">有效期</label>
            <select id="days" name="days">
              {durations.map((n) => (
                <option
                  value={String(n)}
                  selected={n === (durations.includes(defaultDays as (typeof CONSENT_DAYS)[number]) ? defaultDays : durations[0])}
                >
                  {n === 365 ? '一年' : `${n} 天`}
                </option>
              ))}
            </select>
            <div class="actions">
              <button type="submit">下一步：查看授权书</button>
              <a class="button secondary" href={`${me(c)}/consents`}>
                取消
              </a>
            </div>
          </form>
        </section>
      </Page>,
    );
  });

  r.get('/consents/confirm', async (c) => {
    const banks = await api(c)('GET', '/banks');
    const bank = banks.ok ? (banks.body.items as Array<{ id: string; name: string }>).find((b) => b.id === c.req.query('bank')) : undefined;
    const purpose = c.req.query('purpose') ?? '';
    const scopes = c.req.queries('scopes')?.filter((s) => s in SCOPE_LABELS) ?? [];
    const days = Number(c.req.query('days'));
    if (!bank || !(purpose in PURPOSE_LABELS) || scopes.length === 0 || !(CONSENT_DAYS as readonly number[]).includes(days)) {
      return refusal(c, 400, '新增授权', '请选择银行、用途、至少一项信息和有效期。', `${me(c)}/consents/new`);
    }
    const expiresAt = new Date(c.var.deps.clock.now().getTime() + days * DAY).toISOString();
    const statement = consentStatement({ bankName: bank.name, purpose, scopes, expiresAt });
    return c.html(
      <Page title="确认授权" visitor={c.var.visitor} current="me/consents">
        <section>
          <h2>授权书</h2>
          <p class="statement" id="statement">
            {statement}
          </p>
          <p class="small muted">授权书原文将随授权一并保存。您可以随时在“授权管理”中撤销。</p>
          <form method="post" action={`${me(c)}/consents`}>
            <input type="hidden" name="bank" value={bank.id} />
            <input type="hidden" name="purpose" value={purpose} />
            {scopes.map((s) => (
              <input type="hidden" name="scopes" value={s} />
            ))}
            <input type="hidden" name="expiresAt" value={expiresAt} />
            <input type="hidden" name="requestKey" value={requestKey()} />
            <div class="actions">
              <button type="submit">同意并授权</button>
              <a class="button secondary" href={`${me(c)}/consents`}>
                不同意
              </a>
            </div>
          </form>
        </section>
      </Page>,
    );
  });

  r.post('/consents', async (c) => {
    const form = await c.req.parseBody({ all: true });
    const scopes = ([] as unknown[]).concat(form.scopes ?? []).map(String);
    const key = String(form.requestKey ?? '');
    const res = await api(c)(
      'POST',
      '/consents',
      { bankClientId: String(form.bank ?? ''), purpose: String(form.purpose ?? ''), scopes, expiresAt: String(form.expiresAt ?? '') },
      /^[\w-]{8,128}$/.test(key) ? { 'idempotency-key': key } : {},
    );
    if (!res.ok) return refusal(c, 422, '未能授权', problemMessage(res), `${me(c)}/consents/new`);
    const k = res.body as Consent;
    return c.html(
      <Page title="授权成功" visitor={c.var.visitor} current="me/consents">
        <Notice>
          <p>{`已授权${k.bankName}，有效期至 ${beijingDate(k.expiresAt)}。`}</p>
        </Notice>
        <section>
          <h2>您同意的授权书</h2>
          <p class="statement">{k.evidence.statement}</p>
        </section>
        <p>
          <a href={`${me(c)}/consents`}>返回授权管理</a>
        </p>
      </Page>,
      201,
    );
  });

  const consentOf = async (c: PagesContext, id: string) => {
    const res = await api(c)('GET', '/consents');
    return res.ok ? (res.body.items as Consent[]).find((k) => k.id === id) : undefined;
  };

  r.get('/consents/:id/revoke', async (c) => {
    const k = await consentOf(c, c.req.param('id'));
    if (k?.state !== 'active') return refusal(c, 404, '撤销授权', '该授权不存在或已不再有效。', `${me(c)}/consents`);
    return c.html(
      <Page title="确认撤销授权" visitor={c.var.visitor} current="me/consents">
        <section>
          <p class="statement">{`撤销后，${k.bankName}将不能再为“${purposeLabel(k.purpose)}”查询您的${k.scopes.map(scopeLabel).join('、')}。已出具的报告不受影响。`}</p>
          <form method="post" action={`${me(c)}/consents/${k.id}/revoke`}>
            <div class="actions">
              <button type="submit" class="danger">
                确认撤销
              </button>
              <a class="button secondary" href={`${me(c)}/consents`}>
                暂不撤销
              </a>
            </div>
          </form>
        </section>
      </Page>,
    );
  });

  r.post('/consents/:id/revoke', async (c) => {
    const res = await api(c)('POST', `/consents/${encodeURIComponent(c.req.param('id'))}/revocation`);
    if (!res.ok) return refusal(c, res.status === 404 ? 404 : 409, '未能撤销', problemMessage(res), `${me(c)}/consents`);
    const k = res.body as Consent;
    return c.html(
      <Page title="授权已撤销" visitor={c.var.visitor} current="me/consents">
        <Notice>
          <p>{`已于 ${beijingDateTime(k.revokedAt)} 撤销对${k.bankName}的授权。`}</p>
        </Notice>
        <p>
          <a href={`${me(c)}/consents`}>返回授权管理</a>
        </p>
      </Page>,
    );
  });

  r.get('/log', async (c) => {
    const cursor = c.req.query('cursor');
    const q = new URLSearchParams({ limit: '20', ...(cursor && /^\d+$/.test(cursor) ? { cursor } : {}) });
    const res = await api(c)('GET', `/query-log?${q}`);
    if (!res.ok) return refusal(c, 422, '查询记录', problemMessage(res));
    return c.html(
      <Page title="谁查询了我" visitor={c.var.visitor} current="me/log">
        <section>
          <p class="muted small">银行、主管部门等每次查看您的信息都会留下记录（北京时间）。</p>
          {res.body.items.length === 0 ? <p class="muted">还没有人查询过您的信息。</p> : null}
          <QueryLogTable items={res.body.items} />
          <Pager prev={cursor ? `${me(c)}/log` : null} next={res.body.nextCursor ? `${me(c)}/log?cursor=${res.body.nextCursor}` : null} />
        </section>
      </Page>,
    );
  });

  return r;
}

export interface QueryLogItem {
  at: string;
  actorName: string;
  actorRole: string;
  action: string;
  purpose: string;
  subjectId: string;
  reportId: string | null;
}

export function QueryLogTable(props: { items: QueryLogItem[]; subjectOf?: (id: string) => string }) {
  return (
    <table class="cards">
      <thead>
        <tr>
          <th scope="col">时间</th>
          {props.subjectOf ? <th scope="col">查询对象</th> : <th scope="col">查询方</th>}
          <th scope="col">事项</th>
          <th scope="col">用途</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((e) => (
          <tr>
            <td data-label="时间">{beijingDateTime(e.at)}</td>
            {props.subjectOf ? (
              <td data-label="查询对象">{props.subjectOf(e.subjectId)}</td>
            ) : (
              <td data-label="查询方">{e.actorRole === 'subject' ? '本人' : e.actorName}</td>
            )}
            <td data-label="事项">{queryActionLabel(e.action)}</td>
            <td data-label="用途">{queryPurposeLabel(e.purpose)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
