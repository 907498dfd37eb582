/**
 * Simulate and diff allocation rule files from disk, with no server: for bureaus who work in an editor.
 * Pure apart from what the caller reads; the CLI prints what this returns.
 */
import { compiledOf } from '../rules/compiled-cache.js';
import { RuleCompileError, RuleCompileErrors } from '../rules/engine/errors.js';
import { AllocationError, type AllocationInput, type AllocationResult, allocate } from '../rules/kinds/allocation/allocate.js';
import { fenText } from '../rules/kinds/allocation/scaled.js';
import { parseRuleFile } from '../rules/rule-file.js';
import { changeOf, fenOf, totalOf } from './changes.js';
import { summary } from './statistics.js';

export class LocalRuleError extends Error {}

export async function simulateFile(source: string, file: string, input: AllocationInput): Promise<AllocationResult> {
  const parsed = await parseRuleFile(source, file);
  if (!parsed.ok) {
    throw new LocalRuleError(parsed.errors.map((e) => `${file}${e.line ? `:${e.line}` : ''} ${e.pointer || '(document)'}: ${e.detail}`).join('\n'));
  }
  const doc = parsed.ruleSet.document;
  if (doc.kind !== 'allocation') throw new LocalRuleError(`${file} is a ${doc.kind}, not an allocation`);
  try {
    return allocate(compiledOf(doc, parsed.ruleSet.hash), input);
  } catch (error) {
    if (error instanceof AllocationError || error instanceof RuleCompileError) throw new LocalRuleError(`${file} ${error.pointer}: ${error.message}`);
    if (error instanceof RuleCompileErrors) throw new LocalRuleError(error.errors.map((e) => `${file} ${e.pointer}: ${e.message}`).join('\n'));
    throw error;
  }
}

export function diffResults(before: AllocationResult, after: AllocationResult) {
  const a = new Map(after.recipients.map((r) => [r.id, r]));
  const b = new Map(before.recipients.map((r) => [r.id, r]));
  const ids = [...new Set([...b.keys(), ...a.keys()])].sort();
  const changes = ids.map((id) => {
    const x = fenOf(b.get(id)?.amount ?? '0');
    const y = fenOf(a.get(id)?.amount ?? '0');
    return { id, before: fenText(x), after: fenText(y), ...changeOf(x, y) };
  });
  return {
    changes,
    totalChange: totalOf(changes),
    summary: { before: summary(before.recipients.map((r) => Number(r.amount))), after: summary(after.recipients.map((r) => Number(r.amount))) },
  };
}
