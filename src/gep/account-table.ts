/**
 * The account as a bureau files it (生态产品总值核算表): one line per indicator with quantity, unit,
 * price with its year and source, value and share, then subtotals, categories and the total, and the
 * method version and approval. The CSV and the printable page are both drawn from these lines, so
 * they cannot disagree.
 */

import { stringify } from 'csv-stringify/browser/esm/sync';
import Decimal from 'decimal.js';
import type { AccountView } from './account-view.js';

export const CATEGORY_TEXT = { material: '物质产品', regulating: '调节服务', cultural: '文化服务' } as const;

export const TABLE_COLUMNS = [
  '类别',
  '小计',
  '指标',
  '实物量',
  '实物量单位',
  '价格',
  '价格单位',
  '价格年份',
  '价格来源',
  '价值（元）',
  '占比',
  '数据来源',
  '说明',
] as const;

export type TableLine = Record<(typeof TABLE_COLUMNS)[number], string>;

/** A share as a percentage with two decimals: '0.253417' → '25.34%'. */
export function percent(share: string | null): string {
  return share === null ? '' : `${new Decimal(share).mul(100).toFixed(2, Decimal.ROUND_HALF_UP)}%`;
}

export interface AccountHeader {
  title: string;
  unit: { code: string; name: string; areaHa: string };
  year: number;
  method: string;
  status: string;
}

export function headerOf(account: AccountView, unit: { code: string; name: string; areaHa: string }): AccountHeader {
  const method = `${account.ruleSet.id} 第${account.ruleSet.version}版（${account.methodVersionId}，${account.ruleSet.hash.slice(0, 19)}…）`;
  const status =
    account.status === 'closed'
      ? `已审定 第${account.revision}次修订，${account.closedAt ?? ''} ${account.closedBy ?? ''}${account.note ? `：${account.note}` : ''}`
      : `未审定（核算中）${account.pinnedAt ? `，自 ${account.pinnedAt} 起固定采用该方法版本` : ''}`;
  return { title: `${unit.name} ${account.year}年 生态产品总值核算表`, unit, year: account.year, method, status };
}

export function tableLines(account: AccountView): TableLine[] {
  const blank = Object.fromEntries(TABLE_COLUMNS.map((c) => [c, ''])) as TableLine;
  const lines: TableLine[] = [];
  for (const category of ['material', 'regulating', 'cultural'] as const) {
    const rows = account.rows.filter((r) => r.category === category);
    if (rows.length === 0) continue;
    for (const sub of account.subtotals.filter((s) => s.category === category)) {
      for (const r of rows.filter((x) => x.subtotal === sub.subtotal)) {
        lines.push({
          ...blank,
          类别: CATEGORY_TEXT[category],
          小计: r.subtotal,
          指标: r.title,
          实物量: r.quantity ?? '',
          实物量单位: r.quantityUnit,
          价格: r.price.value,
          价格单位: r.price.unit,
          价格年份: String(r.price.year),
          价格来源: r.price.source,
          '价值（元）': r.value ?? '未核算',
          占比: percent(r.share),
          数据来源: r.source ?? '',
          说明: r.status === 'assessed' ? (r.quantityFormula ? `实物量 = ${r.quantityFormula}` : '') : (r.note ?? '无测量数据'),
        });
      }
      lines.push({ ...blank, 类别: CATEGORY_TEXT[category], 小计: `${sub.subtotal} 小计`, '价值（元）': sub.value, 占比: percent(sub.share) });
    }
    lines.push({
      ...blank,
      类别: `${CATEGORY_TEXT[category]} 合计`,
      '价值（元）': account.categories[category],
      占比: percent(account.categoryShares[category]),
    });
  }
  lines.push({ ...blank, 类别: '生态产品总值（GEP）', '价值（元）': account.total, 占比: account.total === '0.00' ? '' : '100.00%' });
  return lines;
}

/** The table as CSV (UTF-8 with a byte-order mark, so that spreadsheet programs read the Chinese). */
export function accountCsv(account: AccountView, unit: { code: string; name: string; areaHa: string }): string {
  const h = headerOf(account, unit);
  const preamble = [
    [h.title],
    ['核算单元', `${unit.name}（${unit.code}），面积 ${unit.areaHa} 公顷`],
    ['核算年度', String(account.year)],
    ['核算方法', h.method],
    ['审定', h.status],
    [],
  ];
  const lines = tableLines(account).map((l) => TABLE_COLUMNS.map((c) => l[c]));
  return `\uFEFF${stringify([...preamble, [...TABLE_COLUMNS], ...lines], { record_delimiter: 'windows' })}`;
}
