/**
 * The bureau's pages: allocation runs (inputs given as a CSV file, one recipient a row, by name),
 * drafts of rule files (kept with each error beside its line when they do not pass), the change a
 * draft makes per recipient against the version in force (chart of the largest changes, summary,
 * paged table, statistics), and publication after a confirmation.
 */
import { parse as parseCsv } from 'csv-parse/browser/esm/sync';
import Decimal from 'decimal.js';
import { Hono } from 'hono';
import { parse as parseYaml } from 'yaml';
import { chinaDate } from '../platform/clock.js';
import { beijingDateTime, calendarDate, money, signedYuan, yuan } from '../platform/messages/zh-CN-format.js';
import { constrainedLabel, crossedLabel, ruleText, unitLabel } from '../platform/messages/zh-CN-labels.js';
import type { RuleSetStatus } from '../platform/vocabulary.js';
import { ChangeChart } from './chart.js';
import { fieldDetailZh } from './field-details.js';
import { Page } from './layout.js';
import { RULE_SET_NAMES, ruleSetName } from './rule-set-names.js';
import { Alert, Notice, only, Pager, refusal } from './ui.js';
import { type ApiAnswer, api, type PagesContext, type PagesEnv, problemMessage } from './visitor.js';

/** Allocation rule sets whose inputs are one row per recipient. */
const PER_RECIPIENT = ['town-eco-fund', 'forest-ranger-payroll'];
const PAGE_SIZE = 20;

interface VersionHead {
  versionId: string;
  ruleSetId: string;
  version: number;
  status: RuleSetStatus;
  effectiveFrom: string;
  publishedAt: string | null;
  publishedBy: string | null;
  createdAt: string;
  hash: string;
}

interface RuleInput {
  name: string;
  description: string | null;
  unit: string | null;
  optional: boolean;
}

const isDecimal = (s: string) => /^-?\d{1,15}(\.\d{1,8})?$/.test(s);
const cleanNumber = (s: string) => s.replace(/[,，\s]/g, '').replace(/元$/, '');

/** The version of a rule set in force today, and what its inputs are (from its own file). */
async function inForce(c: PagesContext, ruleSetId: string) {
  const call = api(c);
  const versions = await call('GET', `/rule-sets/${encodeURIComponent(ruleSetId)}/versions`);
  if (!versions.ok) return { problem: versions };
  const today = chinaDate(c.var.deps.clock.now());
  const current = (versions.body.items as VersionHead[])
    .filter((v) => v.status === 'published' && v.effectiveFrom <= today)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : b.version - a.version))[0];
  if (!current) return { versions: versions.body.items as VersionHead[] };
  const full = await call('GET', `/rule-set-versions/${current.versionId}`);
  const doc = full.ok
    ? (parseYaml(full.body.source) as { title?: string; body?: { inputs?: Record<string, Omit<RuleInput, 'name'> & { from?: unknown }> } })
    : {};
  const inputs: RuleInput[] = Object.entries(doc.body?.inputs ?? {}).map(([name, def]) => ({
    name,
    description: def.description ?? null,
    unit: def.unit ?? null,
    // An input the service reads from the records (GEP, areas, grades) may be left out: 编号 names the unit.
    optional: Boolean(def.optional) || def.from !== undefined,
  }));
  return { versions: versions.body.items as VersionHead[], current, title: doc.title ? ruleText(doc.title) : ruleSetName(ruleSetId), inputs };
}

interface ParsedCsv {
  recipients: Array<{ id: string; name: string; values: Record<string, string> }>;
  errors: string[];
}

/**
 * One recipient a row: a name column (名称), an optional id column (编号; the name stands in for it),
 * and one column per input, headed by the input's name or its description in the rule file.
 */
export function recipientsFromCsv(text: string, inputs: readonly RuleInput[]): ParsedCsv {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { columns: true, bom: true, trim: true, skip_empty_lines: true }) as Record<string, string>[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { recipients: [], errors: [`CSV 格式有误${line ? `（第 ${line} 行附近）` : ''}：请检查引号和逗号。`] };
  }
  if (rows.length === 0) return { recipients: [], errors: ['文件中没有数据行：第一行是列名，其后每行一个单位。'] };
  const headers = Object.keys(rows[0] ?? {});
  const nameCol = headers.find((h) => ['名称', '单位名称', 'name'].includes(h));
  const idCol = headers.find((h) => ['编号', '代码', 'id'].includes(h));
  const errors: string[] = [];
  if (!nameCol) errors.push('缺少“名称”列。');
  const columnOf = new Map<string, string>();
  for (const input of inputs) {
    const col = headers.find((h) => h === input.name || (input.description !== null && h === input.description));
    if (col) columnOf.set(input.name, col);
    else if (!input.optional) errors.push(`缺少“${input.description ?? input.name}”列（也可用列名 ${input.name}）。`);
  }
  const known = new Set([nameCol, idCol, ...columnOf.values()]);
  const extra = headers.filter((h) => !known.has(h));
  if (extra.length) errors.push(`不认识的列：${extra.join('、')}。`);
  if (errors.length) return { recipients: [], errors };
  const seen = new Set<string>();
  const recipients = rows.map((row, i) => {
    const line = i + 2;
    const name = row[nameCol as string] ?? '';
    const id = (idCol ? row[idCol] : '') || name;
    if (!name) errors.push(`第 ${line} 行：缺少名称。`);
    if (seen.has(id)) errors.push(`第 ${line} 行：“${id}”重复出现。`);
    seen.add(id);
    const values: Record<string, string> = {};
    for (const [input, col] of columnOf) {
      const raw = cleanNumber(row[col] ?? '');
      if (raw === '') {
        if (!inputs.find((x) => x.name === input)?.optional) errors.push(`第 ${line} 行：“${col}”为空。`);
        continue;
      }
      if (!isDecimal(raw)) errors.push(`第 ${line} 行：“${col}”应为数字，而不是“${row[col]}”。`);
      values[input] = raw;
    }
    return { id, name, values };
  });
  return { recipients, errors };
}

/** A field error of an allocation run, pointing at its CSV line where it concerns a recipient. */
function runErrorLine(e: { pointer: string; detail: string }, recipients: ParsedCsv['recipients']): string {
  const m = /^\/recipients\/(\d+)(?:\/values\/([^/]+))?/.exec(e.pointer);
  if (m) {
    const r = recipients[Number(m[1])];
    return `第 ${Number(m[1]) + 2} 行（${r?.name ?? ''}${m[2] ? `，${m[2]}` : ''}）：${fieldDetailZh(e.detail)}`;
  }
  if (e.pointer === '/fund') return '资金总额应为以元计的数字，最多两位小数。';
  if (e.pointer === '/period') return '请填写期间，例如 2026。';
  return fieldDetailZh(e.detail);
}

export function bureauRoutes() {
  const r = new Hono<PagesEnv>();
  r.use('*', only('bureau'));
  const home = (c: PagesContext) => `/app/districts/${c.var.visitor.districtId}/bureau`;

  r.get('/', async (c) => {
    const runs = await api(c)('GET', '/allocations?limit=10');
    return c.html(
      <Page title="财政局工作台" visitor={c.var.visitor} current="bureau">
        <section aria-labelledby="runs">
          <h2 id="runs">最近的资金分配</h2>
          {!runs.ok ? (
            <Alert>
              <p>{problemMessage(runs)}</p>
            </Alert>
          ) : runs.body.items.length === 0 ? (
            <p class="muted">还没有分配记录。</p>
          ) : (
            <table class="cards">
              <thead>
                <tr>
                  <th scope="col">规则</th>
                  <th scope="col">期间</th>
                  <th scope="col" class="num">
                    分配总额
                  </th>
                  <th scope="col">计算时间</th>
                  <th scope="col">
                    <span class="small">操作</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {(runs.body.items as Array<{ id: string; ruleSetId: string; period: string; total: string; createdAt: string }>).map((run) => (
                  <tr>
                    <td data-label="规则">{ruleSetName(run.ruleSetId)}</td>
                    <td data-label="期间">{run.period}</td>
                    <td data-label="分配总额" class="num">
                      {yuan(run.total)}
                    </td>
                    <td data-label="计算时间">{beijingDateTime(run.createdAt)}</td>
                    <td class="action">
                      <a href={`${home(c)}/allocations/${run.id}`}>查看明细</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div class="actions">
            <a class="button" href={`${home(c)}/allocations/new`}>
              上传分配数据
            </a>
          </div>
        </section>
        <section aria-labelledby="rules">
          <h2 id="rules">规则</h2>
          <p>先上传规则草案，与现行规则按上次分配的数据比较后，再决定是否发布。</p>
          <div class="actions">
            <a class="button" href={`${home(c)}/drafts/new`}>
              上传规则草案
            </a>
          </div>
          <ul>
            {Object.entries(RULE_SET_NAMES).map(([id, name]) => (
              <li>
                <a href={`${home(c)}/rule-sets/${id}`}>{`${name}：各版本`}</a>
              </li>
            ))}
          </ul>
        </section>
      </Page>,
    );
  });

  const allocationForm = async (
    c: PagesContext,
    fields: { ruleSetId: string; period?: string; fund?: string; csv?: string },
    problems: string[] = [],
  ) => {
    const rule = await inForce(c, fields.ruleSetId);
    const inputs = rule.inputs ?? [];
    return c.html(
      <Page title="上传分配数据" visitor={c.var.visitor} current="bureau/allocations/new">
        {problems.length ? (
          <Alert>
            <p>数据未能计算，请修改后重新上传：</p>
            <ul>
              {problems.map((p) => (
                <li>{p}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        <section>
          <form method="get" action={`${home(c)}/allocations/new`}>
            <label for="rule">分配规则</label>
            <select id="rule" name="ruleSetId">
              {PER_RECIPIENT.map((id) => (
                <option value={id} selected={id === fields.ruleSetId}>
                  {ruleSetName(id)}
                </option>
              ))}
            </select>
            <div class="actions">
              <button type="submit" class="secondary">
                换用此规则
              </button>
            </div>
          </form>
        </section>
        <section aria-labelledby="cols">
          <h2 id="cols">{rule.title ?? ruleSetName(fields.ruleSetId)}：数据格式</h2>
          {rule.current ? (
            <p class="small muted">{`现行版本：第 ${rule.current.version} 版，自 ${calendarDate(rule.current.effectiveFrom)} 起生效。`}</p>
          ) : (
            <Alert>
              <p>该规则目前没有生效的版本。</p>
            </Alert>
          )}
          <p>CSV 文件（UTF-8），第一行是列名，其后每行一个受偿单位：</p>
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">列名</th>
                <th scope="col">内容</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td data-label="列名">名称</td>
                <td data-label="内容">单位名称（必填）</td>
              </tr>
              <tr>
                <td data-label="列名">编号</td>
                <td data-label="内容">可选；与GEP核算单元编号一致时可对应核算结果</td>
              </tr>
              {inputs.map((i) => (
                <tr>
                  <td data-label="列名">{i.description ?? i.name}</td>
                  <td data-label="内容">{`${i.unit ? `单位：${unitLabel(i.unit)}` : '数值'}${i.optional ? '（可选）' : ''}；也可用列名 ${i.name}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="small">
            示例首行：<code>{['名称', ...inputs.map((i) => i.description ?? i.name)].join(',')}</code>
          </p>
        </section>
        <section aria-labelledby="up">
          <h2 id="up">上传并计算</h2>
          <form method="post" action={`${home(c)}/allocations`} enctype="multipart/form-data">
            <input type="hidden" name="ruleSetId" value={fields.ruleSetId} />
            <label for="period">期间</label>
            <input id="period" name="period" required value={fields.period ?? String(Number(chinaDate(c.var.deps.clock.now()).slice(0, 4)))} />
            <label for="fund">
              资金总额（元）<span class="hint">按人发放的规则不填。</span>
            </label>
            <input id="fund" name="fund" inputmode="decimal" value={fields.fund ?? ''} />
            <label for="file">CSV 文件</label>
            <input id="file" name="file" type="file" accept=".csv,text/csv" />
            <label for="csv">
              或直接粘贴 CSV 内容<span class="hint">同时提供时以文件为准。</span>
            </label>
            <textarea id="csv" name="csv" rows={6}>
              {fields.csv ?? ''}
            </textarea>
            <div class="actions">
              <button type="submit">按现行规则计算并保存</button>
            </div>
          </form>
        </section>
      </Page>,
      problems.length ? 422 : 200,
    );
  };

  r.get('/allocations/new', (c) => {
    const id = c.req.query('ruleSetId');
    return allocationForm(c, { ruleSetId: id && PER_RECIPIENT.includes(id) ? id : 'town-eco-fund' });
  });

  r.post('/allocations', async (c) => {
    const form = await c.req.parseBody();
    const ruleSetId = String(form.ruleSetId ?? '');
    if (!PER_RECIPIENT.includes(ruleSetId)) return refusal(c, 400, '上传分配数据', '请选择分配规则。', `${home(c)}/allocations/new`);
    const file = form.file;
    const text = file instanceof File && file.size > 0 ? await file.text() : String(form.csv ?? '');
    const period = String(form.period ?? '').trim();
    const fund = cleanNumber(String(form.fund ?? ''));
    const fields = { ruleSetId, period, fund, csv: text };
    if (!text.trim()) return allocationForm(c, fields, ['请选择 CSV 文件或粘贴 CSV 内容。']);
    const rule = await inForce(c, ruleSetId);
    const parsed = recipientsFromCsv(text, rule.inputs ?? []);
    if (parsed.errors.length) return allocationForm(c, fields, parsed.errors);
    const res = await api(c)('POST', '/allocations', { ruleSetId, period, ...(fund ? { fund } : {}), recipients: parsed.recipients });
    if (!res.ok) {
      c.var.deps.logger.info('allocation refused', { detail: res.body?.detail, errors: res.body?.errors });
      const lines = (res.body?.errors ?? []).map((e: { pointer: string; detail: string }) => runErrorLine(e, parsed.recipients));
      return allocationForm(c, fields, [problemMessage(res), ...lines]);
    }
    return c.redirect(`${home(c)}/allocations/${res.body.id}?saved=1`, 303);
  });

  interface Recipient {
    id: string;
    name: string | null;
    amount: string;
    constrained: 'floor' | 'cap' | null;
    inputs: Record<string, string>;
  }

  r.get('/allocations/:id', async (c) => {
    const res = await api(c)('GET', `/allocations/${encodeURIComponent(c.req.param('id'))}`);
    if (!res.ok) return refusal(c, 404, '分配明细', problemMessage(res), home(c));
    const run = res.body;
    const result = run.result;
    const total = new Decimal(result.total);
    const sorted = [...(result.recipients as Recipient[])].sort((a, b) => new Decimal(b.amount).cmp(new Decimal(a.amount)));
    const page = Math.max(1, Number(c.req.query('page')) || 1);
    const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
    const shown = sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const link = (p: number) => `${home(c)}/allocations/${run.id}?page=${p}`;
    return c.html(
      <Page title={`${ruleSetName(result.ruleSet.id)}：${result.period} 年度分配`} visitor={c.var.visitor} current="bureau">
        {c.req.query('saved') ? (
          <Notice>
            <p>{`已按现行规则计算并保存，共 ${sorted.length} 个单位，合计 ${yuan(result.total)}。`}</p>
          </Notice>
        ) : null}
        <section>
          <dl>
            <dt>资金总额</dt>
            <dd>{result.fund ? yuan(result.fund) : '按人计算'}</dd>
            <dt>分配合计</dt>
            <dd>{yuan(result.total)}</dd>
            <dt>受偿单位</dt>
            <dd>{`${sorted.length} 个`}</dd>
            <dt>取整</dt>
            <dd>精确到分，尾差按最大余数法分配</dd>
            <dt>所用规则</dt>
            <dd>{`第 ${result.ruleSet.version} 版`}</dd>
            <dt>计算时间</dt>
            <dd>{beijingDateTime(run.createdAt)}</dd>
          </dl>
        </section>
        <section aria-labelledby="who">
          <h2 id="who">各单位分配额</h2>
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col" class="num">
                  金额
                </th>
                <th scope="col" class="num">
                  占比
                </th>
                <th scope="col">说明</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((x) => (
                <tr>
                  <td data-label="单位">{x.name ?? x.id}</td>
                  <td data-label="金额" class="num">
                    {yuan(x.amount)}
                  </td>
                  <td data-label="占比" class="num">
                    {total.isZero() ? '—' : `${new Decimal(x.amount).div(total).mul(100).toFixed(2)}%`}
                  </td>
                  <td data-label="说明">{x.constrained ? constrainedLabel(x.constrained) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages > 1 ? <p class="small muted">{`第 ${page} / ${pages} 页`}</p> : null}
          <Pager prev={page > 1 ? link(page - 1) : null} next={page < pages ? link(page + 1) : null} />
        </section>
      </Page>,
    );
  });

  r.get('/rule-sets/:ruleSetId', async (c) => {
    const ruleSetId = c.req.param('ruleSetId');
    const versions = await api(c)('GET', `/rule-sets/${encodeURIComponent(ruleSetId)}/versions`);
    if (!versions.ok) return refusal(c, versions.status === 403 ? 403 : 404, '规则版本', problemMessage(versions), home(c));
    return c.html(
      <Page title={`${ruleSetName(ruleSetId)}：各版本`} visitor={c.var.visitor} current="bureau">
        <section>
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">版本</th>
                <th scope="col">状态</th>
                <th scope="col">生效日期</th>
                <th scope="col">发布</th>
                <th scope="col">内容摘要</th>
              </tr>
            </thead>
            <tbody>
              {(versions.body.items as VersionHead[]).map((v) => (
                <tr>
                  <td data-label="版本">{`第 ${v.version} 版`}</td>
                  <td data-label="状态">
                    {v.status === 'published' ? (
                      '已发布'
                    ) : (
                      <a href={`${home(c)}/rule-sets/${encodeURIComponent(ruleSetId)}/drafts/${v.versionId}`}>草案：比较并发布</a>
                    )}
                  </td>
                  <td data-label="生效日期">{calendarDate(v.effectiveFrom)}</td>
                  <td data-label="发布">{v.publishedAt ? `${beijingDateTime(v.publishedAt)}` : '—'}</td>
                  <td data-label="内容摘要">
                    <code>{`${v.hash.slice(0, 19)}…`}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </Page>,
    );
  });

  const versionOf = async (c: PagesContext, ruleSetId: string, versionId: string): Promise<VersionHead | undefined> => {
    const res = await api(c)('GET', `/rule-sets/${encodeURIComponent(ruleSetId)}/versions`);
    return res.ok ? (res.body.items as VersionHead[]).find((v) => v.versionId === versionId) : undefined;
  };

  const draftForm = (c: PagesContext, source = '', problem?: ApiAnswer) => {
    const errors = (problem?.body?.errors ?? []) as Array<{ line?: number; pointer: string; detail: string }>;
    const byLine = new Map<number, string[]>();
    const unplaced: string[] = [];
    for (const e of errors) {
      const text = `${fieldDetailZh(e.detail)}${e.pointer ? `（${e.pointer}）` : ''}`;
      if (e.line) byLine.set(e.line, [...(byLine.get(e.line) ?? []), text]);
      else unplaced.push(text);
    }
    const lines = source.split(/\r?\n/);
    return c.html(
      <Page title={problem ? '规则草案有误' : '上传规则草案'} visitor={c.var.visitor} current="bureau/drafts/new">
        {problem ? (
          <Alert>
            <p>{problemMessage(problem)}</p>
            {errors.length ? <p>{`共 ${errors.length} 处，已在下方对应行标出。`}</p> : null}
            {unplaced.length ? (
              <ul>
                {unplaced.map((u) => (
                  <li>{u}</li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
        {byLine.size ? (
          <section aria-labelledby="lines">
            <h2 id="lines">出错的位置</h2>
            <ol class="yaml">
              {lines.map((text, i) => {
                const here = byLine.get(i + 1);
                return (
                  <li class={here ? 'err' : undefined} id={here ? `line-${i + 1}` : undefined}>
                    <span class="n">{i + 1}</span>
                    {/* The bureau's own file, echoed as written: not page text to translate. */}
                    <span data-verbatim translate="no">
                      {text || ' '}
                    </span>
                    {here?.map((m) => (
                      <span class="msg">{`第 ${i + 1} 行：${m}`}</span>
                    ))}
                  </li>
                );
              })}
            </ol>
          </section>
        ) : null}
        <section>
          <form method="post" action={`${home(c)}/drafts`}>
            <label for="source">
              规则文件（YAML）<span class="hint">保存为草案后，可与现行版本比较，确认无误再发布。</span>
            </label>
            <textarea id="source" name="source" rows={14} required spellcheck={false}>
              {source}
            </textarea>
            <div class="actions">
              <button type="submit">保存草案并与现行版本比较</button>
            </div>
          </form>
        </section>
      </Page>,
      problem ? 422 : 200,
    );
  };

  r.get('/drafts/new', (c) => draftForm(c));

  r.post('/drafts', async (c) => {
    const source = String((await c.req.parseBody()).source ?? '');
    const up = await api(c)('POST', '/rule-sets', { source, fileName: 'draft.yaml' });
    if (!up.ok) return draftForm(c, source, up);
    return c.redirect(`${home(c)}/rule-sets/${encodeURIComponent(up.body.ruleSetId)}/drafts/${up.body.versionId}`, 303);
  });

  interface Change {
    id: string;
    before: string | null;
    after: string | null;
    change: string;
    changePercent: string | null;
    crossed: string[];
  }

  r.get('/rule-sets/:ruleSetId/drafts/:versionId', async (c) => {
    const { ruleSetId, versionId } = c.req.param();
    const [diff, draft] = await Promise.all([
      api(c)('POST', `/rule-sets/${encodeURIComponent(ruleSetId)}/diff`, { candidateVersionId: versionId }),
      versionOf(c, ruleSetId, versionId),
    ]);
    const today = chinaDate(c.var.deps.clock.now());
    // A version takes effect on the effectiveFrom its file states; a date already past cannot be published.
    const publishForm = !draft ? null : draft.status === 'published' ? (
      <p>{`该版本已发布，自 ${calendarDate(draft.effectiveFrom)} 起生效。`}</p>
    ) : draft.effectiveFrom < today ? (
      <Alert>
        <p>{`规则文件所载生效日期 ${calendarDate(draft.effectiveFrom)} 已过，不能发布。请把文件中的生效日期（effectiveFrom）改为今天或以后，重新上传。`}</p>
      </Alert>
    ) : (
      <form method="get" action={`${home(c)}/versions/${versionId}/publish`}>
        <input type="hidden" name="ruleSetId" value={ruleSetId} />
        <p>{`按规则文件所载，自 ${calendarDate(draft.effectiveFrom)} 起生效。`}</p>
        <div class="actions">
          <button type="submit">发布……</button>
        </div>
      </form>
    );
    if (!diff.ok) {
      return c.html(
        <Page title={`草案：${ruleSetName(ruleSetId)}`} visitor={c.var.visitor} current="bureau">
          <Alert>
            <p>{`草案已保存，但无法与现行版本比较：${problemMessage(diff)}`}</p>
          </Alert>
          {diff.body?.code === 'no-inputs' ? (
            <p>
              <a href={`${home(c)}/allocations/new?ruleSetId=${encodeURIComponent(ruleSetId)}`}>先上传分配数据</a>
            </p>
          ) : null}
          <section>
            <h2>发布</h2>
            {publishForm}
          </section>
        </Page>,
        422,
      );
    }
    const d = diff.body;
    const names = new Map<string, string>();
    for (const x of [...d.before.recipients, ...d.after.recipients] as Array<{ id: string; name: string | null }>) names.set(x.id, x.name ?? x.id);
    const nameOf = (id: string) => names.get(id) ?? id;
    const changes = [...(d.changes as Change[])].sort((a, b) => new Decimal(b.change).abs().cmp(new Decimal(a.change).abs()));
    const page = Math.max(1, Number(c.req.query('page')) || 1);
    const pages = Math.max(1, Math.ceil(changes.length / PAGE_SIZE));
    const link = (p: number) => `${home(c)}/rule-sets/${encodeURIComponent(ruleSetId)}/drafts/${versionId}?page=${p}#all`;
    const stat = (n: number) => money(new Decimal(n).toFixed(2));
    return c.html(
      <Page title={`草案与现行版本比较：${ruleSetName(ruleSetId)}`} visitor={c.var.visitor} current="bureau">
        <section aria-labelledby="chart">
          <h2 id="chart">各单位金额变化</h2>
          <p class="muted small">{`按 ${d.period} 年度最近一次分配的数据计算；合计变化 ${signedYuan(d.totalChange)}。`}</p>
          <ChangeChart changes={changes} nameOf={nameOf} />
        </section>
        <section aria-labelledby="stats">
          <h2 id="stats">统计</h2>
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">方案</th>
                <th scope="col" class="num">
                  平均每单位（元）
                </th>
                <th scope="col" class="num">
                  中位数（元）
                </th>
                <th scope="col" class="num">
                  基尼系数
                </th>
              </tr>
            </thead>
            <tbody>
              {[
                ['现行', d.summary.before],
                ['草案', d.summary.after],
              ].map(([label, s]) => (
                <tr>
                  <th scope="row" data-label="方案">
                    {label}
                  </th>
                  <td data-label="平均每单位（元）" class="num">
                    {stat(s.mean)}
                  </td>
                  <td data-label="中位数（元）" class="num">
                    {stat(s.median)}
                  </td>
                  <td data-label="基尼系数" class="num">
                    {new Decimal(s.gini).toFixed(4)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="all" id="all">
          <h2 id="all-h">全部单位</h2>
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col" class="num">
                  现行
                </th>
                <th scope="col" class="num">
                  草案
                </th>
                <th scope="col" class="num">
                  变化
                </th>
                <th scope="col">说明</th>
              </tr>
            </thead>
            <tbody>
              {changes.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((x) => (
                <tr>
                  <td data-label="单位">{nameOf(x.id)}</td>
                  <td data-label="现行" class="num">
                    {yuan(x.before)}
                  </td>
                  <td data-label="草案" class="num">
                    {yuan(x.after)}
                  </td>
                  <td data-label="变化" class="num">
                    {signedYuan(x.change)}
                    {x.changePercent ? (
                      <span class="hint">{`${x.changePercent.startsWith('-') ? `−${x.changePercent.slice(1)}` : `+${x.changePercent}`}%`}</span>
                    ) : null}
                  </td>
                  <td data-label="说明">{x.crossed.length ? x.crossed.map(crossedLabel).join('；') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages > 1 ? <p class="small muted">{`第 ${page} / ${pages} 页`}</p> : null}
          <Pager prev={page > 1 ? link(page - 1) : null} next={page < pages ? link(page + 1) : null} />
        </section>
        <section aria-labelledby="pub">
          <h2 id="pub">发布</h2>
          <p>发布后，自生效日期起按草案分配；之前的分配记录不受影响。</p>
          {publishForm}
        </section>
      </Page>,
    );
  });

  r.get('/versions/:versionId/publish', async (c) => {
    const versionId = c.req.param('versionId');
    const ruleSetId = c.req.query('ruleSetId') ?? '';
    const draft = await versionOf(c, ruleSetId, versionId);
    if (draft?.status !== 'draft') {
      return refusal(c, 404, '发布', '没有这份草案，或它已经发布。', `${home(c)}/rule-sets/${encodeURIComponent(ruleSetId)}`);
    }
    const effectiveFrom = draft.effectiveFrom;
    return c.html(
      <Page title="确认发布" visitor={c.var.visitor} current="bureau">
        <section>
          <p class="statement">{`发布“${ruleSetName(ruleSetId)}”的这一草案，自 ${calendarDate(effectiveFrom)} 起生效。发布后不能撤回，只能再发布新的版本。`}</p>
          <form method="post" action={`${home(c)}/versions/${versionId}/publish`}>
            <input type="hidden" name="effectiveFrom" value={effectiveFrom} />
            <div class="actions">
              <button type="submit">确认发布</button>
              <a class="button secondary" href={`${home(c)}/rule-sets/${encodeURIComponent(ruleSetId)}/drafts/${versionId}`}>
                返回比较
              </a>
            </div>
          </form>
        </section>
      </Page>,
    );
  });

  r.post('/versions/:versionId/publish', async (c) => {
    const versionId = c.req.param('versionId');
    const form = await c.req.parseBody();
    // The date the visitor confirmed: the API refuses it if the file says otherwise.
    const res = await api(c)('POST', `/rule-set-versions/${encodeURIComponent(versionId)}/publication`, {
      effectiveFrom: String(form.effectiveFrom ?? ''),
    });
    if (!res.ok) return refusal(c, 422, '未能发布', problemMessage(res), home(c));
    return c.html(
      <Page title="已发布" visitor={c.var.visitor} current="bureau">
        <Notice>
          <p>{`“${ruleSetName(res.body.ruleSetId)}”的新版本已发布，自 ${calendarDate(res.body.effectiveFrom)} 起生效。`}</p>
          <p class="small">{`发布时间 ${beijingDateTime(res.body.publishedAt)}。`}</p>
        </Notice>
        <p>
          <a href={`${home(c)}/rule-sets/${encodeURIComponent(res.body.ruleSetId)}`}>查看各版本</a>
        </p>
      </Page>,
    );
  });

  return r;
}
