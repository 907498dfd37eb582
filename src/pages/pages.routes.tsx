/**
 * Pages for people (zh-CN): residents see their points, credit, objections, consents and who queried
 * them; a bureau uploads a draft rule set, sees the change per recipient as a chart and publishes it; a
 * bank officer checks a pasted report. Sign-in keeps the visitor's own credential (a subject token from
 * the identity provider, or an API key) in an HttpOnly, SameSite=Strict cookie; forms are protected
 * against CSRF by origin checks; no secret is written into the HTML.
 */
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import type { AppEnv } from '../platform/http/env.js';
import { apiClient, type Fetch } from './api-client.js';
import { ChangeChart } from './chart.js';
import { Page } from './layout.js';

const COOKIE = 'eco_credential';
const DISTRICT = /^[a-z][a-z0-9-]{1,39}$/;

const yuan = (v: string | null | undefined) => (v === null || v === undefined ? '—' : `¥${v}`);
const PURPOSES: Record<string, string> = { 'loan-application': '贷款申请', 'post-loan-management': '贷后管理', guarantee: '担保' };
const purpose = (p: string) => PURPOSES[p] ?? p;

export function pagesRoutes(fetch: Fetch) {
  const pages = new Hono<AppEnv>();
  pages.use('*', csrf());
  pages.use('*', async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
    c.header('x-frame-options', 'DENY');
    c.header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'",
    );
  });

  const credential = (c: Context<AppEnv>) => getCookie(c, COOKIE);
  const api = (cred: string) => apiClient(fetch, cred);

  pages.get('/', (c) =>
    c.html(
      <Page title="登录">
        <section>
          <h2>居民、企业</h2>
          <p class="muted">用政务服务身份认证取得的令牌登录（本地环境可用 npm run cli -- token 取得）。</p>
          <SignIn kind="token" />
        </section>
        <section>
          <h2>财政局、银行、审计</h2>
          <SignIn kind="key" />
        </section>
      </Page>,
    ),
  );

  pages.post('/signin', async (c) => {
    const form = await c.req.parseBody();
    const district = String(form.district ?? '');
    const cred = String(form.credential ?? '').trim();
    if (!DISTRICT.test(district) || !cred)
      return c.html(
        <Page title="登录失败">
          <p class="bad">请填写辖区和凭证。</p>
        </Page>,
        400,
      );
    const who = await api(cred)('GET', cred.startsWith('eck_') ? `/v1/districts/${district}` : `/v1/districts/${district}/me`);
    if (who.status !== 200) {
      return c.html(
        <Page title="登录失败">
          <p class="bad">{who.body.detail ?? '凭证无效'}</p>
          <a href="/app">返回</a>
        </Page>,
        401,
      );
    }
    setCookie(c, COOKIE, cred, { httpOnly: true, sameSite: 'Strict', path: '/app', secure: new URL(c.req.url).protocol === 'https:', maxAge: 3600 });
    return c.redirect(cred.startsWith('eck_') ? `/app/districts/${district}/staff` : `/app/districts/${district}/me`, 303);
  });

  pages.post('/signout', (c) => {
    deleteCookie(c, COOKIE, { path: '/app' });
    return c.redirect('/app', 303);
  });

  pages.get('/districts/:d/me', async (c) => {
    const d = c.req.param('d');
    const cred = credential(c);
    if (!cred || !DISTRICT.test(d)) return c.redirect('/app', 303);
    const call = api(cred);
    const me = await call('GET', `/v1/districts/${d}/me`);
    if (me.status !== 200) return c.redirect('/app', 303);
    const id = me.body.id as string;
    const [points, score, objections, consents, log] = await Promise.all([
      call('GET', `/v1/districts/${d}/subjects/${id}/points`),
      call('GET', `/v1/districts/${d}/subjects/${id}/credit-score`),
      call('GET', `/v1/districts/${d}/objections`),
      call('GET', `/v1/districts/${d}/consents`),
      call('GET', `/v1/districts/${d}/query-log`),
    ]);
    return c.html(
      <Page title="我的生态积分与信用" signedIn={`${me.body.name ?? ''} ${me.body.displayId}`}>
        <section aria-labelledby="pts">
          <h2 id="pts">生态积分</h2>
          <p>
            <span class="big">{points.body.balance}</span> 分可用
            <span class="muted">（待入账 {points.body.pending} 分）</span>
          </p>
          {points.body.expiringSoon.length ? (
            <p>
              30天内到期：
              {points.body.expiringSoon.map((e: { points: number; expiresOn: string }) => `${e.points}分（${e.expiresOn}）`).join('、')}
            </p>
          ) : null}
          <table>
            <caption class="muted">最近记录</caption>
            <thead>
              <tr>
                <th>日期</th>
                <th>事由</th>
                <th class="num">积分</th>
              </tr>
            </thead>
            <tbody>
              {points.body.history.map((h: { earnedOn: string; reason: string; points: number }) => (
                <tr>
                  <td>{h.earnedOn}</td>
                  <td>{h.reason}</td>
                  <td class="num">{h.points > 0 ? `+${h.points}` : h.points}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="cr">
          <h2 id="cr">生态信用</h2>
          {score.status === 200 ? (
            <>
              <p>
                <span class="big">{score.body.gradeLabel}</span> {score.body.score} 分
              </p>
              <ul>
                {score.body.items.map((i: { reason: string; points: number }) => (
                  <li>{`${i.reason}：${i.points > 0 ? '+' : ''}${i.points}`}</li>
                ))}
                {score.body.overrides.map((o: { reason: string }) => (
                  <li class="bad">{o.reason}</li>
                ))}
              </ul>
            </>
          ) : (
            <p class="muted">暂无评分：{score.body.detail}</p>
          )}
        </section>
        <section aria-labelledby="ob">
          <h2 id="ob">我的异议</h2>
          {objections.body.items.length === 0 ? <p class="muted">没有异议。</p> : null}
          <ul>
            {objections.body.items.map((o: { statement: string; status: string; dueOn: string; overdue: boolean }) => (
              <li>{`${o.statement}（${o.status === 'open' ? `处理中，答复期限 ${o.dueOn}${o.overdue ? '，已逾期' : ''}` : o.status === 'upheld' ? '已采纳' : '未采纳'}）`}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="co">
          <h2 id="co">我的授权</h2>
          <table>
            <thead>
              <tr>
                <th>银行</th>
                <th>用途</th>
                <th>有效期至</th>
                <th>状态</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {consents.body.items.map((k: { id: string; bankName: string; purpose: string; expiresAt: string; state: string }) => (
                <tr>
                  <td>{k.bankName}</td>
                  <td>{purpose(k.purpose)}</td>
                  <td>{k.expiresAt.slice(0, 10)}</td>
                  <td>{k.state === 'active' ? '有效' : k.state === 'revoked' ? '已撤销' : '已过期'}</td>
                  <td>
                    {k.state === 'active' ? (
                      <form method="post" action={`/app/districts/${d}/consents/${k.id}/revoke`}>
                        <button type="submit" aria-label={`撤销对${k.bankName}的授权`}>
                          撤销
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="lg">
          <h2 id="lg">谁查询了我的信用</h2>
          <table>
            <thead>
              <tr>
                <th>时间</th>
                <th>查询方</th>
                <th>用途</th>
              </tr>
            </thead>
            <tbody>
              {log.body.items.map((e: { at: string; actorName: string; purpose: string }) => (
                <tr>
                  <td>{e.at.slice(0, 16).replace('T', ' ')}</td>
                  <td>{e.actorName}</td>
                  <td>{purpose(e.purpose)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </Page>,
    );
  });

  pages.post('/districts/:d/consents/:id/revoke', async (c) => {
    const d = c.req.param('d');
    const cred = credential(c);
    if (!cred || !DISTRICT.test(d)) return c.redirect('/app', 303);
    await api(cred)('POST', `/v1/districts/${d}/consents/${encodeURIComponent(c.req.param('id'))}/revocation`);
    return c.redirect(`/app/districts/${d}/me`, 303);
  });

  pages.get('/districts/:d/staff', async (c) => {
    const d = c.req.param('d');
    const cred = credential(c);
    if (!cred || !DISTRICT.test(d)) return c.redirect('/app', 303);
    const district = await api(cred)('GET', `/v1/districts/${d}`);
    return c.html(
      <Page title={district.body.name ?? d} signedIn="已登录">
        <section>
          <h2>银行：核验信用报告</h2>
          <VerifyForm d={d} />
        </section>
        <section>
          <h2>财政局：规则版本</h2>
          <ul>
            {[
              'town-eco-fund',
              'basin-water-agreement',
              'forest-ranger-payroll',
              'tri-province-pool',
              'firm-env-credit',
              'resident-village',
              'points-catalogue',
            ].map((id) => (
              <li>
                <a href={`/app/districts/${d}/bureau/rule-sets/${id}`}>{id}</a>
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h2>财政局：上传规则草案并比较</h2>
          <form method="post" action={`/app/districts/${d}/bureau/drafts`}>
            <label for="source">规则文件（YAML）</label>
            <textarea id="source" name="source" rows={10} required />
            <button type="submit">上传并与现行版本比较</button>
          </form>
        </section>
      </Page>,
    );
  });

  pages.post('/districts/:d/bank/verify', async (c) => {
    const d = c.req.param('d');
    const cred = credential(c);
    if (!cred || !DISTRICT.test(d)) return c.redirect('/app', 303);
    const form = await c.req.parseBody();
    const res = await api(cred)('POST', `/v1/districts/${d}/reports/verification`, { report: String(form.report ?? '').trim() });
    const ok = res.status === 200;
    const subject = ok ? (res.body.payload.credentialSubject as Record<string, unknown>) : null;
    const credit = subject?.credit as { gradeLabel: string; score: number; items: Array<{ reason: string; points: number }> } | undefined;
    return c.html(
      <Page title={ok ? '报告真实有效' : '报告无法验证'} signedIn="已登录">
        <section role="status">
          {ok ? (
            <>
              <p class="ok">
                签名有效，签发方 {res.body.payload.iss}，密钥 {res.body.header.kid}，有效期至 {res.body.payload.validUntil}。
              </p>
              <p>
                主体 {String(subject?.displayId)}；用途 {purpose(res.body.payload.purpose)}；授权 {res.body.payload.consent?.id}
              </p>
              {credit ? (
                <>
                  <p>
                    信用等级 <strong>{credit.gradeLabel}</strong>（{credit.score} 分）
                  </p>
                  <ul>
                    {credit.items.map((i) => (
                      <li>{`${i.reason}：${i.points}`}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          ) : (
            <p class="bad">
              {res.body.reason === 'bad-signature' ? '签名与内容不符：报告被改动或由其他密钥签发。' : res.body.detail}（
              {res.body.reason ?? res.status}）
            </p>
          )}
        </section>
        <section>
          <VerifyForm d={d} />
        </section>
      </Page>,
      ok ? 200 : 422,
    );
  });

  pages.get('/districts/:d/bureau/rule-sets/:ruleSetId', async (c) => {
    const { d, ruleSetId } = c.req.param();
    const cred = credential(c);
    if (!cred || !DISTRICT.test(d)) return c.redirect('/app', 303);
    const versions = await api(cred)('GET', `/v1/districts/${d}/rule-sets/${encodeURIComponent(ruleSetId)}/versions`);
    if (versions.status !== 200)
      return c.html(
        <Page title="无法查看" signedIn="已登录">
          <p class="bad">{versions.body.detail}</p>
        </Page>,
        versions.status === 403 ? 403 : 404,
      );
    return c.html(
      <Page title={`规则版本：${ruleSetId}`} signedIn="已登录">
        <section>
          <table>
            <thead>
              <tr>
                <th>版本</th>
                <th>状态</th>
                <th>生效日期</th>
                <th>发布</th>
                <th>内容哈希</th>
              </tr>
            </thead>
            <tbody>
              {versions.body.items.map(
                (v: {
                  versionId: string;
                  version: number;
                  status: string;
                  effectiveFrom: string;
                  publishedAt: string | null;
                  publishedBy: string | null;
                  hash: string;
                }) => (
                  <tr>
                    <td>{v.version}</td>
                    <td>
                      {v.status === 'published' ? (
                        '已发布'
                      ) : (
                        <a href={`/app/districts/${d}/bureau/rule-sets/${ruleSetId}/drafts/${v.versionId}`}>草案：比较并发布</a>
                      )}
                    </td>
                    <td>{v.effectiveFrom}</td>
                    <td>{v.publishedAt ? `${v.publishedAt.slice(0, 10)} ${v.publishedBy ?? ''}` : '—'}</td>
                    <td>
                      <code>{v.hash.slice(0, 19)}…</code>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </section>
      </Page>,
    );
  });

  pages.post('/districts/:d/bureau/drafts', async (c) => {
    const d = c.req.param('d');
    const cred = credential(c);
    if (!cred || !DISTRICT.test(d)) return c.redirect('/app', 303);
    const form = await c.req.parseBody();
    const call = api(cred);
    const up = await call('POST', `/v1/districts/${d}/rule-sets`, { source: String(form.source ?? ''), fileName: 'draft.yaml' });
    if (up.status !== 201 && up.status !== 200) {
      return c.html(
        <Page title="规则文件有误" signedIn="已登录">
          <section>
            <ul class="bad">
              {(up.body.errors ?? [{ detail: up.body.detail }]).map((e: { line?: number; pointer?: string; detail: string }) => (
                <li>{`${e.line ? `第 ${e.line} 行 ` : ''}${e.pointer ?? ''} ${e.detail}`}</li>
              ))}
            </ul>
          </section>
        </Page>,
        422,
      );
    }
    return c.redirect(`/app/districts/${d}/bureau/rule-sets/${up.body.ruleSetId}/drafts/${up.body.versionId}`, 303);
  });

  pages.get('/districts/:d/bureau/rule-sets/:ruleSetId/drafts/:versionId', async (c) => {
    const { d, ruleSetId, versionId } = c.req.param();
    const cred = credential(c);
    if (!cred || !DISTRICT.test(d)) return c.redirect('/app', 303);
    const diff = await api(cred)('POST', `/v1/districts/${d}/rule-sets/${encodeURIComponent(ruleSetId)}/diff`, { candidateVersionId: versionId });
    if (diff.status !== 200) {
      return c.html(
        <Page title="无法比较" signedIn="已登录">
          <p class="bad">{diff.body.detail}</p>
        </Page>,
        422,
      );
    }
    const s = diff.body.summary;
    return c.html(
      <Page title={`草案与现行版本比较：${ruleSetId}`} signedIn="已登录">
        <section>
          <h2>各单位金额变化</h2>
          <ChangeChart changes={diff.body.changes} />
          <p class="muted">
            合计变化 {yuan(diff.body.totalChange)}（期间 {diff.body.period}）
          </p>
        </section>
        <section>
          <h2>统计</h2>
          <table>
            <thead>
              <tr>
                <th />
                <th class="num">均值</th>
                <th class="num">中位数</th>
                <th class="num">基尼系数</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th>现行</th>
                <td class="num">{s.before.mean}</td>
                <td class="num">{s.before.median}</td>
                <td class="num">{s.before.gini}</td>
              </tr>
              <tr>
                <th>草案</th>
                <td class="num">{s.after.mean}</td>
                <td class="num">{s.after.median}</td>
                <td class="num">{s.after.gini}</td>
              </tr>
            </tbody>
          </table>
        </section>
        <section>
          <table>
            <thead>
              <tr>
                <th>单位</th>
                <th class="num">现行</th>
                <th class="num">草案</th>
                <th class="num">变化</th>
                <th class="num">%</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {diff.body.changes.map(
                (x: { id: string; before: string; after: string; change: string; changePercent: string | null; crossed: string[] }) => (
                  <tr>
                    <td>{x.id}</td>
                    <td class="num">{yuan(x.before)}</td>
                    <td class="num">{yuan(x.after)}</td>
                    <td class="num">{x.change}</td>
                    <td class="num">{x.changePercent ?? '—'}</td>
                    <td>{x.crossed.join('；')}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </section>
        <section>
          <form method="post" action={`/app/districts/${d}/bureau/versions/${versionId}/publish`}>
            <p class="muted">发布后按规则文件所载的生效日期（effectiveFrom）起生效。</p>
            <button type="submit">发布</button>
          </form>
        </section>
      </Page>,
    );
  });

  pages.post('/districts/:d/bureau/versions/:versionId/publish', async (c) => {
    const { d, versionId } = c.req.param();
    const cred = credential(c);
    if (!cred || !DISTRICT.test(d)) return c.redirect('/app', 303);
    const res = await api(cred)('POST', `/v1/districts/${d}/rule-set-versions/${encodeURIComponent(versionId)}/publication`, {});
    return c.html(
      <Page title={res.status === 200 ? '已发布' : '未能发布'} signedIn="已登录">
        <p class={res.status === 200 ? 'ok' : 'bad'}>
          {res.status === 200 ? `${res.body.ruleSetId} 自 ${res.body.effectiveFrom} 起生效。` : res.body.detail}
        </p>
      </Page>,
      res.status === 200 ? 200 : 422,
    );
  });

  return pages;
}

function SignIn(props: { kind: 'token' | 'key' }) {
  const id = `cred-${props.kind}`;
  return (
    <form method="post" action="/app/signin">
      <label for={`d-${props.kind}`}>辖区</label>
      <input id={`d-${props.kind}`} name="district" required pattern="[a-z][a-z0-9-]{1,39}" placeholder="chongming" />
      <label for={id}>{props.kind === 'token' ? '身份令牌' : 'API 密钥'}</label>
      <input id={id} name="credential" type="password" required autocomplete="off" />
      <button type="submit">登录</button>
    </form>
  );
}

function VerifyForm(props: { d: string }) {
  return (
    <form method="post" action={`/app/districts/${props.d}/bank/verify`}>
      <label for="report">粘贴签名报告（JWS）</label>
      <textarea id="report" name="report" rows={6} required />
      <button type="submit">核验</button>
    </form>
  );
}
