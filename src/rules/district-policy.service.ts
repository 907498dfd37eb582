/**
 * The district policy in force at an instant: deadlines, validity periods, consent limits, retention
 * defaults and what each purpose may receive. Every new district gets the shipped default; the kind
 * allows one rule set id only, so at most one version is in force at any instant.
 */
import type { ServiceContext } from '../platform/context.js';
import { DomainError } from '../platform/errors.js';
import { compiledOf } from './compiled-cache.js';
import type { DocumentOf } from './envelope.js';
import { type CompiledDistrictPolicy, DISTRICT_POLICY_ID } from './kinds/district-policy/compile.js';
import { checkRuleSource, inForce } from './rule-sets.service.js';

export async function districtPolicy(ctx: ServiceContext, asOf: Date = ctx.now): Promise<CompiledDistrictPolicy> {
  const found = await inForce(ctx, 'district-policy', asOf);
  // The kind refuses any other id at upload, so there is at most one; the first is the one.
  if (found[0]) return found[0].compiled;
  return shippedDefault(ctx);
}

let shipped: { text: string; compiled: CompiledDistrictPolicy } | undefined;

/**
 * A district created before district policies existed has none published: it reads the shipped
 * default, whose id and hash every result then records, until it publishes its own.
 */
async function shippedDefault(ctx: ServiceContext): Promise<CompiledDistrictPolicy> {
  const source = ctx.deps.shippedRules.find((r) => /(^|\/)district-policy\.ya?ml$/.test(r.path));
  if (!source) throw new DomainError('rule-not-in-force', `district '${ctx.districtId}' has no district policy in force, and none is shipped`);
  if (shipped?.text !== source.text) {
    const parsed = await checkRuleSource(source.text, source.path);
    if (parsed.document.kind !== 'district-policy' || parsed.document.id !== DISTRICT_POLICY_ID) {
      throw new DomainError('wrong-rule-kind', `${source.path} is not the district policy`);
    }
    shipped = { text: source.text, compiled: compiledOf(parsed.document as DocumentOf<'district-policy'>, parsed.hash) };
  }
  return shipped.compiled;
}
