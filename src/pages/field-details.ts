/**
 * Field errors from the API say what is wrong in English, for developers. A bureau analyst editing a
 * rule file reads them here in Chinese: the common shapes (zod's type and enum messages, the YAML
 * parser, the rule kinds' own checks) are recognised; anything else gets a plain sentence that points
 * at the field, never the English text.
 */
import { money } from '../platform/messages/zh-CN-format.js';

const TYPE: Record<string, string> = {
  number: '数字',
  string: '文本',
  boolean: '是或否（true/false）',
  array: '列表',
  object: '键值结构',
  undefined: '空',
  null: '空',
  integer: '整数',
};
const type = (t: string) => TYPE[t] ?? t;

const RULES: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  // allocations that the rule cannot make with the inputs given
  [/^the floors add up to ([\d.]+), more than the fund ([\d.]+)$/, (m) => `各单位保底金额合计 ${money(m[1])} 元，超过资金总额 ${money(m[2])} 元`],
  [
    /^(\d+) recipients capped at ([\d.]+) cannot take a fund of ([\d.]+)$/,
    (m) => `${m[1]} 个单位各封顶 ${money(m[2])} 元，分不完资金总额 ${money(m[3])} 元`,
  ],
  [/^the payroll comes to ([\d.]+), more than the fund ([\d.]+)$/, (m) => `应发合计 ${money(m[1])} 元，超过资金总额 ${money(m[2])} 元`],
  [/has no value for '([^']+)'/, (m) => `缺少“${m[1]}”`],
  [/'([^']+)' = '?([^' ]+)'? is outside \[([^,]+), ([^\]]+)\]/, (m) => `“${m[1]}”为 ${m[2]}，超出允许范围 ${m[3]} 至 ${m[4]}`],
  [/is listed twice/, () => '重复出现'],
  [/^the fund must be more than zero/, () => '资金总额应大于零'],
  [/^this scheme divides a fund/, () => '请填写资金总额'],
  [/^factor '([^']+)' is zero for every recipient/, (m) => `所有单位的“${m[1]}”都为零，无法按比例分配`],
  [/^weights sum to (.+), not 1$/, (m) => `各项权重之和为 ${m[1] === 'NaN' ? '无法计算' : m[1]}，应等于 1`],
  [/^Invalid discriminator value\. Expected (.+)$/, (m) => `取值无效，应为以下之一：${m[1]?.replace(/'/g, '').replace(/ \| /g, '、')}`],
  [/^Invalid input: expected (\w+), received undefined$/, () => '缺少此项'],
  [/^Invalid input: expected (\w+), received (\w+)$/, (m) => `类型有误：应为${type(m[1] ?? '')}，实际为${type(m[2] ?? '')}`],
  [/^Invalid option: expected one of (.+)$/, (m) => `取值无效，应为以下之一：${m[1]?.replace(/"/g, '').replace(/\|/g, '、')}`],
  [/^unknown field$/, () => '不认识的字段（请检查拼写，或删去）'],
  [/^Unrecognized key/, () => '不认识的字段（请检查拼写，或删去）'],
  [/^a decimal number/, () => "应为数字，并用引号括起，例如 '0.4'"],
  [/^a date/, () => '应为日期，格式为 YYYY-MM-DD'],
  [/^Too small: expected (\w+) to have >=?(\d+)/, (m) => `至少需要 ${m[2]} 项`],
  [/^Too small: expected number to be >=?(-?[\d.]+)/, (m) => `不能小于 ${m[1]}`],
  [/^Too big: expected number to be <=?(-?[\d.]+)/, (m) => `不能大于 ${m[1]}`],
  [/^Too big/, () => '超出允许的长度或范围'],
  [/^Too small/, () => '低于允许的长度或范围'],
  [/^YAML: /, () => 'YAML 格式有误：请检查缩进、冒号和括号'],
  [/listed twice/, () => '重复列出'],
  [/^unknown unit '([^']+)'/, (m) => `单位 ${m[1]} 无法识别`],
  [/unit/i, () => '单位有误或无法换算'],
];

export function fieldDetailZh(detail: string): string {
  for (const [pattern, say] of RULES) {
    const m = pattern.exec(detail);
    if (m) return say(m);
  }
  return '此处不符合规则文件的要求，请对照规则说明修改';
}
