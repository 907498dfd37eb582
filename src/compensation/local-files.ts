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
import { AllocationInputSchema } from './schemas.js';
import { summary } from './statistics.js';

export class LocalRuleError extends Error {}

/**
 * An inputs file as the API takes it (AllocationInput), checked with the API's own schema: a file that
 * is not JSON, or a field that is wrong, is refused naming the file and the field. Inputs the service
 * fills from its records (`recipientsFrom`, `gep`, `asOf`) need the service.
 */
export function readLocalInputs(text: string, file: string): AllocationInput {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new LocalRuleError(`${file}: not JSON: ${(error as Error).message}`);
  }
  const parsed = AllocationInputSchema.safeParse(value);
  if (!parsed.success) {
    throw new LocalRuleError(parsed.error.issues.map((i) => `${file} /${i.path.join('/')}: ${i.message}`).join('\n'));
  }
  const { recipientsFrom, gep, asOf, ...input } = parsed.data;
  const fromRecords = Object.entries({ recipientsFrom, gep, asOf })
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
  if (fromRecords.length > 0) {
    throw new LocalRuleError(
      `${file} /${fromRecords[0]}: ${fromRecords.join(', ')} fill inputs from the service's records; simulate through the API, or list the values`,
    );
  }
  return input;
}

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
    summary: { before: summary(before.recipients.map((r) => r.amount)), after: summary(after.recipients.map((r) => r.amount)) },
  };
}
