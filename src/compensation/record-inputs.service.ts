/**
 * Inputs a compensation run takes from the district's own records, as of a date: a town's GEP from its
 * closed account, its red-line and forest area from its accounting unit, its owner's credit grade. Each
 * read is kept with the version of the record it came from, and the values are stored with the run,
 * so that re-running it reproduces the same amounts and the allocation, the GEP accounts and the credit
 * files tell one story.
 */
import { scoreSubject } from '../credit/score.service.js';
import { accountOf } from '../gep/accounts.service.js';
import { childrenOf, type GepUnitRow, getUnit } from '../gep/units.service.js';
import type { ServiceContext } from '../platform/context.js';
import { asOfInstant } from '../platform/dates.js';
import { DomainError, type FieldIssue, fail } from '../platform/errors.js';
import type { AllocationBody } from '../rules/kinds/allocation/body.js';
import type { AllocationInput, RecordRead } from '../rules/kinds/allocation/model.js';

export interface RunRequest extends AllocationInput {
  /** Recipients taken from the accounting units below one unit, instead of listed. */
  recipientsFrom?: { childrenOf: string } | undefined;
  /** The moment the records are read as of (a date: the end of that day in China); default now. */
  asOf?: string | undefined;
  /** Fill this input of each recipient from the GEP account of the unit with the recipient's id. */
  gep?: { input: string; year: number } | undefined;
}

type Source = NonNullable<AllocationBody['inputs'][string]['from']>;

/** The run's input with every value the rule file takes from the records filled in, and what was read. */
export async function fillFromRecords(
  ctx: ServiceContext,
  body: AllocationBody,
  request: RunRequest,
): Promise<{ input: AllocationInput; reads: RecordRead[] }> {
  const { recipientsFrom, asOf: when, gep: legacy, ...plain } = request;
  const asOf = when ? asOfInstant(when) : ctx.now;
  if (asOf > ctx.now) throw fail.field('/asOf', 'in the future', 'asOf cannot be in the future');
  let recipients = plain.recipients;
  if (recipientsFrom) {
    if (recipients.length) throw fail.field('/recipientsFrom', 'give the recipients or where to take them from, not both');
    const parent = await getUnit(ctx, recipientsFrom.childrenOf).catch(() => {
      throw fail.field('/recipientsFrom/childrenOf', `no GEP accounting unit '${recipientsFrom.childrenOf}'`);
    });
    recipients = (await childrenOf(ctx, parent)).map((u) => ({ id: u.code, name: u.name, values: {} }));
    if (recipients.length === 0) throw fail.field('/recipientsFrom/childrenOf', `'${parent.code}' has no units below it`);
  }
  const sources: Array<[string, Source]> = Object.entries(body.inputs).flatMap(([name, d]) => (d.from ? [[name, d.from] as [string, Source]] : []));
  if (legacy) sources.push([legacy.input, { gep: { value: 'annual', yearOffset: 0, closedOnly: false } }]);
  const reads: RecordRead[] = [];
  if (sources.length === 0) return { input: { ...plain, recipients }, reads };

  const errors: FieldIssue[] = [];
  const filled = [];
  for (const [i, r] of recipients.entries()) {
    const values = { ...r.values };
    let unit: GepUnitRow | null | undefined;
    for (const [input, source] of sources) {
      if (values[input] !== undefined) continue;
      const at = `/recipients/${i}/values/${input}`;
      if (unit === undefined) unit = await getUnit(ctx, r.id).catch(() => null);
      if (!unit) {
        errors.push({ pointer: at, in: 'body', detail: `'${r.id}' is no accounting unit, and its ${input} is not given` });
        continue;
      }
      try {
        const read = await readOne(ctx, unit, input, source, legacy && input === legacy.input ? legacy.year : yearOf(plain.period, source), asOf);
        values[input] = read.value;
        reads.push({ recipient: r.id, input, ...read });
      } catch (error) {
        if (!(error instanceof RecordMissing)) throw error;
        errors.push({ pointer: at, in: 'body', detail: error.message });
      }
    }
    filled.push({ ...r, values });
  }
  if (errors.length) throw new DomainError('allocation-refused', `${errors[0]?.detail}; nothing was computed`, { fields: errors });
  return { input: { ...plain, recipients: filled }, reads };
}

class RecordMissing extends Error {}

function yearOf(period: string, source: Source): number | null {
  if (!('gep' in source)) return null;
  const year = /^(\d{4})/.exec(period)?.[1];
  if (!year) throw fail.field('/period', `the period names no year, so the GEP year (${source.gep.yearOffset} from it) cannot be found`);
  return Number(year) + source.gep.yearOffset;
}

async function readOne(
  ctx: ServiceContext,
  unit: GepUnitRow,
  input: string,
  source: Source,
  year: number | null,
  asOf: Date,
): Promise<Omit<RecordRead, 'recipient' | 'input'>> {
  if ('gep' in source) {
    const y = year as number;
    const account = await accountOf(ctx, unit, y, { asOf: asOf.getTime() === ctx.now.getTime() ? undefined : asOf, pin: true });
    if (source.gep.closedOnly && account.status !== 'closed')
      throw new RecordMissing(`the ${y} GEP account of ${unit.code} is not closed (approved) yet`);
    const value = account.values[source.gep.value];
    if (value === null) throw new RecordMissing(`the ${y} GEP account of ${unit.code} has no ${source.gep.value} value`);
    const state = account.status === 'closed' ? `closed, revision ${account.revision}` : 'open';
    return {
      value,
      from: `${source.gep.value} GEP ${y} of ${unit.code} (${state})`,
      record: {
        unitCode: unit.code,
        year: y,
        status: account.status,
        revision: account.revision,
        methodVersionId: account.methodVersionId,
        methodHash: account.ruleSet.hash,
      },
    };
  }
  if ('unitArea' in source) {
    // A unit keeps no history of its areas: a read as of a moment before its last change cannot be answered truly.
    if (unit.updatedAt > asOf.toISOString())
      throw new RecordMissing(`${unit.code} was changed on ${unit.updatedAt}, after ${asOf.toISOString()}: its area as of then is not kept`);
    const value = source.unitArea === 'area' ? unit.areaHa : source.unitArea === 'red-line' ? unit.redLineAreaHa : unit.forestAreaHa;
    if (value === null) throw new RecordMissing(`${unit.code} has no ${source.unitArea} area recorded`);
    return { value, from: `${source.unitArea} area of ${unit.code} (ha)`, record: { unitCode: unit.code, updatedAt: unit.updatedAt } };
  }
  if (!unit.ownerSubjectId) throw new RecordMissing(`${unit.code} has no owner, so no credit grade`);
  const { score } = await scoreSubject(ctx, unit.ownerSubjectId, { asOf, scorecard: source.grade.scorecard });
  const value = source.grade.values[score.grade];
  if (value === undefined)
    throw new RecordMissing(
      `grade '${score.grade}' of ${unit.code}'s owner has no value for ${input} (the rule file gives ${Object.keys(source.grade.values).join(', ')})`,
    );
  return {
    value,
    from: `credit grade ${score.grade} of ${unit.code}'s owner (${score.ruleSets.scorecard.id})`,
    record: {
      unitCode: unit.code,
      subjectId: unit.ownerSubjectId,
      grade: score.grade,
      scorecard: score.ruleSets.scorecard.id,
      scorecardHash: score.ruleSets.scorecard.hash,
    },
  };
}
