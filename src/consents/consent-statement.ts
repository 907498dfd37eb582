/**
 * The sentence a subject agrees to when giving a bank consent. The pages show it before the subject
 * confirms and the API stores it as the consent's evidence: one function, so both say the same words.
 */
import { beijingDate } from '../platform/messages/zh-CN-format.js';
import { purposeLabel, scopeLabel } from '../platform/messages/zh-CN-labels.js';

const SCOPE_ORDER = ['credit', 'points-summary', 'gep-assets'];

export function consentStatement(input: { bankName: string; purpose: string; scopes: readonly string[]; expiresAt: Date | string }): string {
  const scopes = [...new Set(input.scopes)].sort((a, b) => SCOPE_ORDER.indexOf(a) - SCOPE_ORDER.indexOf(b)).map(scopeLabel);
  return `本人同意将本人的${scopes.join('、')}提供给${input.bankName}，用于${purposeLabel(input.purpose)}，有效期至${beijingDate(input.expiresAt)}。`;
}
