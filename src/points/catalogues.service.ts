/** The points catalogues in force: what earns points, how many, with which caps, and which catalogue an award is made under. */
import type { ServiceContext } from '../platform/context.js';
import { DomainError } from '../platform/errors.js';
import type { CompiledCatalogue } from '../rules/kinds/points-catalogue/compile.js';
import { inForce } from '../rules/rule-sets.service.js';
import { refuse } from './refusal.js';

/**
 * The catalogue an award is made under. Several may be in force side by side (the city's, a transit
 * platform's), each with its own caps: the award names its catalogue, or the action must be in one only.
 */
export async function catalogueFor(ctx: ServiceContext, actionCode: string, catalogueId: string | undefined): Promise<CompiledCatalogue> {
  const all = (await inForce(ctx, 'points-catalogue')).map((c) => c.compiled);
  if (all.length === 0) throw new DomainError('rule-not-in-force', `district '${ctx.districtId}' has no points catalogue in force`);
  if (catalogueId !== undefined) {
    const named = all.find((c) => c.ruleSet.id === catalogueId);
    if (!named)
      throw refuse(
        'unknown-action',
        '/catalogue',
        `no points catalogue '${catalogueId}' is in force (in force: ${all.map((c) => c.ruleSet.id).join(', ')})`,
      );
    return named;
  }
  const holding = all.filter((c) => c.actions.has(actionCode));
  if (holding.length > 1) {
    throw refuse(
      'validation',
      '/catalogue',
      `${actionCode} is in several catalogues (${holding.map((c) => c.ruleSet.id).join(', ')}): name the catalogue`,
    );
  }
  return holding[0] ?? (all[0] as CompiledCatalogue);
}

/** Every points catalogue in force: how points are earned, for the pages and the bureau. */
export async function cataloguesInForce(ctx: ServiceContext): Promise<CompiledCatalogue[]> {
  return (await inForce(ctx, 'points-catalogue')).map((c) => c.compiled);
}

/** The catalogues in force, as written: what earns points, how many, with which caps. */
export async function cataloguesAsWritten(ctx: ServiceContext) {
  const all = await inForce(ctx, 'points-catalogue');
  if (all.length === 0) throw new DomainError('rule-not-in-force', `district '${ctx.districtId}' has no points catalogue in force`);
  return all.map((c) => ({ ruleSet: c.compiled.ruleSet, title: c.document.title, actions: c.document.body.actions }));
}
