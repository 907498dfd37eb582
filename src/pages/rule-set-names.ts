/**
 * The shipped rule sets by the names people know them by. A district's own rule sets carry a title in
 * their file; where a page has only the id, these names stand in, and an unknown id shows as itself.
 */
export const RULE_SET_NAMES: Record<string, string> = {
  'town-eco-fund': '乡镇生态补偿资金分配',
  'forest-ranger-payroll': '生态护林员劳务补助',
  'basin-water-agreement': '流域横向生态补偿',
  'tri-province-pool': '跨省流域补偿资金池',
  'firm-env-credit': '企业环境信用评价',
  'resident-village': '村民生态信用积分',
  'resident-carbon-account': '个人碳账户',
  'points-catalogue': '生态积分目录',
  'firm-behaviours': '企业行为清单',
  'resident-behaviours': '居民行为清单',
  'gep-method': 'GEP核算方法',
  'gep-eco-loan': 'GEP生态贷',
  'carbon-sink-loan': '林业碳汇贷',
};
export const ruleSetName = (id: string) => RULE_SET_NAMES[id] ?? id;
