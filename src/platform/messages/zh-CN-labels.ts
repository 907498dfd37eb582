/**
 * What people read for the service's own vocabulary: purposes, scopes, roles, states, units and the
 * like, in zh-CN. The API keeps its stable codes (`loan-application`, `gep-assets`); pages and the
 * statements people agree to use these labels. Codes a district defines itself (event codes, actions,
 * rule ids) carry their own titles in the rule files and are not listed here.
 */
import type { QueryAction } from '../audit/query-log.js';
import type { ClientRole } from '../http/principal.js';

/** Looks a code up, falling back to the code itself for one this table does not know. */
const lookup =
  <K extends string>(table: Record<K, string>) =>
  (code: string | null | undefined): string =>
    code === null || code === undefined ? '—' : ((table as Record<string, string>)[code] ?? code);

export const PURPOSE_LABELS = { 'loan-application': '贷款申请', 'post-loan-management': '贷后管理', guarantee: '担保' } as const;
export const purposeLabel = lookup(PURPOSE_LABELS);

export const SCOPE_LABELS = { credit: '生态信用信息', 'points-summary': '积分概况', 'gep-assets': '生态资产（GEP）信息' } as const;
export const scopeLabel = lookup(SCOPE_LABELS);

export const ROLE_LABELS: Record<ClientRole | 'resident' | 'firm', string> = {
  bureau: '主管部门',
  recorder: '记录单位',
  bank: '银行',
  auditor: '审计',
  resident: '居民',
  firm: '企业',
};
export const roleLabel = lookup(ROLE_LABELS);

export const consentStateLabel = lookup({ active: '有效', revoked: '已撤销', expired: '已过期' });
export const objectionStatusLabel = lookup({ open: '处理中', upheld: '已采纳，原记录已更正', rejected: '未采纳' });
export const ledgerKindLabel = lookup({ earn: '获得', expire: '过期', redeem: '兑换', reverse: '撤回' });
export const listLabel = lookup({ red: '红名单（守信激励）', black: '黑名单（失信惩戒）' });

/** What the query log calls each read: every action the read services log has its label. */
export const queryActionLabel = lookup<QueryAction>({
  issueCreditReport: '出具信用报告',
  getCreditScore: '查看信用评分',
  listCreditEvents: '查看信用档案',
  getPointsAccount: '查看积分账户',
  getPointsBalance: '查看积分余额',
  listPointsLedger: '查看积分明细',
  listPointsSources: '查看积分数据来源设置',
  getGepAccount: '查看GEP核算',
  listGepAccountRevisions: '查看GEP核算修订记录',
  getSubject: '查看主体信息',
  lookupSubject: '查找主体',
  assessGepLoan: 'GEP生态贷评估',
  verifyCredentialPresentation: '核验本人出示的信用凭证',
});

/** Why a query was made: a consented purpose, or a role's own duties. */
export const queryPurposeLabel = lookup({
  ...PURPOSE_LABELS,
  'bureau duties': '履行主管职责',
  'recorder duties': '履行记录职责',
  'auditor duties': '履行审计职责',
  'bank duties': '银行业务',
  own: '本人查看',
});

/** The claim groups of a report or credential, as a subject or an officer reads them. */
export const CLAIM_GROUP_LABELS = {
  score: '信用分与信用等级',
  items: '各评分项目及其记录',
  lists: '红黑名单',
  disputes: '异议标记与本人声明',
  'query-history': '被查询次数',
  'points-summary': '积分概况',
  'gep-assets': '名下生态资产（GEP）',
  assessments: 'GEP生态贷评估结果',
} as const;
export const claimGroupLabel = lookup(CLAIM_GROUP_LABELS);

/** Whether a report's or credential's status could be checked, and if not why. */
export const statusLabel = lookup({
  valid: '有效',
  revoked: '已撤销',
  suspended: '已暂停',
  'no-status': '该报告未登记状态',
  unreachable: '未能取得状态列表',
  tampered: '状态列表不可信',
  'wrong-list': '状态列表不符',
  stale: '状态列表已过期',
  'out-of-range': '状态列表中没有该条目',
});

export const gepCategoryLabel = lookup({ material: '物质产品', regulating: '调节服务', cultural: '文化服务' });
export const gepLevelLabel = lookup({ district: '区县', town: '乡镇', village: '村', plot: '地块', project: '项目' });
export const ecosystemLabel = lookup({
  forest: '森林',
  wetland: '湿地',
  grassland: '草地',
  farmland: '农田',
  water: '水域',
  urban: '城镇',
  ocean: '海洋',
  desert: '荒漠',
});
export const gepFactorLabel = lookup({
  'sediment-ratio': '泥沙淤积比',
  'inverse-bulk-density': '土壤容重倒数',
  'nitrogen-content': '土壤含氮量',
  'phosphorus-content': '土壤含磷量',
  'co2-per-npp': '固碳系数',
  'o2-per-npp': '释氧系数',
});

export const pledgeTypeLabel = lookup({
  gep: 'GEP（生态产品价值）',
  'forest-rights': '林权',
  'discharge-rights': '排污权',
  'water-rights': '水权',
  'carbon-sink': '碳汇',
});
export const guaranteeLabel = lookup({ none: '信用（无担保）', guaranteed: '保证担保', collateral: '抵质押' });
export const loanConditionLabel = lookup({
  'borrower-kind': '产品不面向此类借款人',
  'min-grade': '信用等级未达到产品要求',
  'major-incident': '近年内发生过重大突发环境事件',
  'admin-penalty': '近期受过环境行政处罚',
  'black-list': '借款人在黑名单（失信惩戒）上',
  'eco-pledge': '尚未签署生态保护承诺书',
  term: '期限超过产品上限',
  guarantee: '产品对此担保方式没有额度',
});

export const allocationSchemeLabel = lookup({ split: '按因素分配', bilateral: '横向补偿', pool: '资金池', payroll: '按人发放' });
export const constrainedLabel = lookup({ floor: '保底', cap: '封顶' });

/** A diff's note on a recipient crossing a floor or cap. */
export const crossedLabel = lookup({
  'now at the floor': '现按保底',
  'now at the cap': '现被封顶',
  'no longer at the floor': '不再按保底',
  'no longer at the cap': '不再封顶',
});

/** Units of amounts and quantities that are not GEP accounting units (those carry their own labels). */
const UNIT_LABELS: Record<string, string> = {
  yuan: '元',
  'wan-yuan': '万元',
  tree: '棵',
  step: '步',
  trip: '次',
  day: '天',
  tce: '吨标准煤',
  'kg-co2e': '千克二氧化碳当量',
  kg: '千克',
  t: '吨',
  ha: '公顷',
  m3: '立方米',
  person: '人',
  month: '个月',
  percent: '%',
};
export function unitLabel(unit: string | null | undefined, gepLabel?: (u: string) => string | undefined): string {
  if (!unit || unit === '1') return '';
  const known = UNIT_LABELS[unit] ?? gepLabel?.(unit);
  if (known !== undefined) return known;
  if (unit.includes('/'))
    return unit
      .split('/')
      .map((part) => unitLabel(part, gepLabel) || part)
      .join('/');
  return unit;
}

/**
 * A text from a rule file as people should read it. Shipped rule files write a Chinese text followed
 * by an English gloss in brackets, e.g. `生态守信行为加分 (positive behaviour, 12 months)`: the gloss
 * goes, keeping what it says about a time window (近12个月); an amount in brackets, as points entries
 * write it (`义务植树 (4 tree)`), keeps its number with the unit's label.
 */
export function ruleText(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .replace(/\s*\(([^()]*)\)\s*$/u, (whole, inner: string) => {
      if (/[\u3400-\u9fff]/u.test(inner)) return whole;
      const amount = /^(\d+(?:\.\d+)?)\s+([A-Za-z][\w-]*)$/.exec(inner.trim());
      if (amount) return `（${amount[1]}${unitLabel(amount[2])}）`;
      const months = /(\d+)\s*months?/.exec(inner);
      if (months) return `（近${months[1]}个月）`;
      const years = /(\d+)\s*years?/.exec(inner);
      if (years) return `（近${years[1]}年）`;
      return '';
    })
    .trim();
}

/** Data sources that award points (catalogue `source`), as a holder knows them. */
export const pointsSourceLabel = lookup({
  'transit-app': '公交地铁出行数据',
  'fitness-app': '运动步数数据',
  'utility-company': '水电燃气缴费数据',
});
