/**
 * A resident's or firm's own eco-credit credential: what a presentation to a bank would disclose for
 * each purpose (the district policy decides), and the download of the credential bound to the key of
 * the subject's device.
 */
import { Hono } from 'hono';
import { calendarDate } from '../platform/messages/zh-CN-format.js';
import { CLAIM_GROUP_LABELS, PURPOSE_LABELS, purposeLabel } from '../platform/messages/zh-CN-labels.js';
import { CREDENTIAL_MEDIA_TYPE } from '../reports/presentation.js';
import { Page } from './layout.js';
import { only, refusal, requestKey } from './ui.js';
import { type ApiAnswer, api, type PagesContext, type PagesEnv, problemMessage } from './visitor.js';

type Group = keyof typeof CLAIM_GROUP_LABELS;

/** What each group would show of this subject, in a few words. */
function summaries(score: ApiAnswer, points: ApiAnswer, log: ApiAnswer, now: Date): Record<Group, string> {
  const s = score.ok ? score.body : undefined;
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000).toISOString();
  const queried = log.ok ? (log.body.items as Array<{ at: string }>).filter((e) => e.at >= yearAgo).length : undefined;
  const events = s ? (s.items as Array<{ events: unknown[] }>).reduce((n, i) => n + i.events.length, 0) : 0;
  return {
    score: s ? `${s.gradeLabel}，${s.score} 分` : '暂无评分',
    items: s ? `${s.items.length} 个评分项目，共 ${events} 条记录` : '—',
    lists: s
      ? s.lists.length
        ? (s.lists as Array<{ title: string; until: string }>).map((l) => `${l.title}（至 ${calendarDate(l.until)}）`).join('；')
        : '未列入'
      : '—',
    disputes: s ? `${s.disputed.length} 项异议处理中，${s.statements.length} 条本人声明` : '—',
    'query-history': queried === undefined ? '—' : `近 12 个月被查询 ${queried}${log.body.nextCursor ? ' 次以上' : ' 次'}`,
    'points-summary': points.ok ? `可用 ${points.body.balance} 分` : '—',
    'gep-assets': '名下核算单元的GEP（如有）',
    assessments: '银行为您做过的GEP生态贷评估（如有）',
  };
}

export function credentialRoutes() {
  const r = new Hono<PagesEnv>();
  r.use('*', only('subject'));
  const me = (c: PagesContext) => `/app/districts/${c.var.visitor.districtId}/me`;

  r.get('/', async (c) => {
    const v = c.var.visitor;
    const call = api(c);
    const purpose =
      (c.req.query('purpose') ?? 'loan-application') in PURPOSE_LABELS ? (c.req.query('purpose') ?? 'loan-application') : 'loan-application';
    const [policy, score, points, log] = await Promise.all([
      call('GET', '/district-policy'),
      call('GET', `/subjects/${v.subjectId}/credit-score`),
      call('GET', `/subjects/${v.subjectId}/points`),
      call('GET', '/query-log?limit=100'),
    ]);
    if (!policy.ok) return refusal(c, 422, '电子信用凭证', problemMessage(policy), me(c));
    const allowed = new Set<string>(policy.body.purposes[purpose] ?? []);
    const said = summaries(score, points, log, c.var.deps.clock.now());
    return c.html(
      <Page title="电子信用凭证" visitor={v} current="me/credential">
        <section>
          <p>
            {`凭证由${v.districtName}签发，保存在您自己的设备（数字钱包）中，并与设备上的密钥绑定。向银行出示时，您只出示该用途所需的信息；银行凭本辖区公布的公钥即可离线核验，并能确认是您本人出示。`}
          </p>
        </section>
        <section aria-labelledby="disclose">
          <h2 id="disclose">出示给银行时会披露什么</h2>
          <form method="get" action={`${me(c)}/credential`}>
            <fieldset>
              <legend>用途</legend>
              {Object.entries(PURPOSE_LABELS).map(([code, label]) => (
                <label class="check">
                  <input type="radio" name="purpose" value={code} checked={code === purpose} />
                  {label}
                </label>
              ))}
            </fieldset>
            <div class="actions">
              <button type="submit" class="secondary">
                查看
              </button>
            </div>
          </form>
          <p>{`用于${purposeLabel(purpose)}时，按本辖区规定可出示以下信息：`}</p>
          <table class="cards" id="disclosure">
            <thead>
              <tr>
                <th scope="col">信息</th>
                <th scope="col">是否出示</th>
                <th scope="col">您的内容</th>
              </tr>
            </thead>
            <tbody>
              {(Object.keys(CLAIM_GROUP_LABELS) as Group[]).map((g) => (
                <tr>
                  <td data-label="信息">{CLAIM_GROUP_LABELS[g]}</td>
                  <td data-label="是否出示">{allowed.has(g) ? <span class="tag">出示</span> : <span class="muted">不出示</span>}</td>
                  <td data-label="您的内容">{allowed.has(g) ? said[g] : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="download">
          <h2 id="download">下载凭证</h2>
          <form method="post" action={`${me(c)}/credential`}>
            <label for="holderKey">
              设备公钥
              <span class="hint">
                由您的数字钱包生成的公钥（JWK 格式，Ed25519 或 P-256）。也可在电脑上用命令 <code data-verbatim>npm run cli -- credential keygen</code>{' '}
                生成。
              </span>
            </label>
            <textarea id="holderKey" name="holderKey" rows={4} required spellcheck={false} />
            <input type="hidden" name="requestKey" value={requestKey()} />
            <div class="actions">
              <button type="submit">下载凭证</button>
            </div>
          </form>
          <p class="small muted">
            {`凭证自下载起 ${policy.body.credentialValidDays} 天内有效。其状态登记在本辖区的状态列表中：凭证中的记录经异议核实更正后，凭证即被撤销，需重新下载。`}
          </p>
        </section>
      </Page>,
    );
  });

  r.post('/', async (c) => {
    const form = await c.req.parseBody();
    let holderKey: unknown;
    try {
      holderKey = JSON.parse(String(form.holderKey ?? ''));
    } catch {
      return refusal(c, 400, '未能下载凭证', '设备公钥格式有误：请粘贴数字钱包给出的公钥（JWK，JSON 格式）。', `${me(c)}/credential`);
    }
    const key = String(form.requestKey ?? '');
    const res = await api(c)('POST', '/me/credentials', { holderKey }, /^[\w-]{8,128}$/.test(key) ? { 'idempotency-key': key } : {});
    if (!res.ok) return refusal(c, 422, '未能下载凭证', problemMessage(res), `${me(c)}/credential`);
    return c.body(res.body.credential as string, 201, {
      'content-type': CREDENTIAL_MEDIA_TYPE,
      'content-disposition': `attachment; filename="eco-credit-${res.body.credentialId as string}.sd-jwt"`,
    });
  });
  return r;
}
