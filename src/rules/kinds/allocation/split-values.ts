/**
 * The split's recipient inputs as exact scaled integers, with the text each is shown as. The same
 * checks, in the same order and with the same messages, as recipientValues() and withDerived() (values.ts),
 * which the other schemes use; the split reads 10 000 recipients, so it parses each value once, into
 * BigInt, instead of into a decimal.js object.
 */
import { exact, type Fraction, toDecimal } from '../../formula/exact.js';
import type { FormulaValue } from '../../formula/formula.js';
import type { CompiledAllocation } from './compile.js';
import { AllocationError, type RecipientInput } from './model.js';
import { compareScaled, mulScaled, parseScaled, plainScaled, type Scaled, scaledText } from './scaled.js';
import { deriveInto } from './values.js';

export interface SplitValues {
  /**
   * By input (then derived line), each recipient's value, undefined where an optional input is not
   * given: one array per name rather than a map per recipient, which at 10 000 recipients was garbage.
   */
  columns: Map<string, Array<Scaled | undefined>>;
  /** Each recipient's values as decimal.js writes them (the result's `inputs`), in the order it lists them. */
  texts: Array<Record<string, string>>;
}

/** A name's values, recipient by recipient; all undefined for a name no recipient has. */
export const columnOf = (values: SplitValues, name: string, n: number): Array<Scaled | undefined> =>
  values.columns.get(name) ?? new Array<Scaled | undefined>(n).fill(undefined);

/** Already as decimal.js writes it: no leading or trailing zeros, no '-0', and not in exponential form. */
const CANONICAL = /^-?(?:0|[1-9]\d{0,20})(?:\.\d*[1-9])?$/;
const written = (raw: string) => raw !== '-0' && !raw.startsWith('0.000000') && !raw.startsWith('-0.000000');

export function splitValues(compiled: CompiledAllocation, recipients: readonly RecipientInput[], parameters: Record<string, string>): SplitValues {
  const decls = Object.entries(compiled.body.inputs).map(([name, decl]) => ({
    name,
    decl,
    min: decl.min !== undefined ? (parseScaled(decl.min) as Scaled) : undefined,
    max: decl.max !== undefined ? (parseScaled(decl.max) as Scaled) : undefined,
  }));
  const n = recipients.length;
  const columns = new Map<string, Array<Scaled | undefined>>();
  const values: SplitValues = { columns, texts: [] };
  for (const { name } of decls) columns.set(name, columnOf(values, name, n));
  const ids = new Set<string>();
  values.texts = recipients.map((r, i): Record<string, string> => {
    if (ids.has(r.id)) throw new AllocationError(`/recipients/${i}/id`, `recipient '${r.id}' is listed twice`);
    ids.add(r.id);
    const texts: Record<string, string> = {};
    for (const { name, decl, min, max } of decls) {
      const raw = r.values[name];
      const at = `/recipients/${i}/values/${name}`;
      if (raw === undefined) {
        if (decl.optional) continue;
        throw new AllocationError(at, `recipient '${r.id}' has no value for '${name}'`);
      }
      // Most values come as decimal.js writes them: then the text is the value given, read once.
      const canonical = CANONICAL.test(raw) && written(raw);
      let x = canonical ? plainScaled(raw) : parseScaled(raw);
      if (x === null) throw new AllocationError(at, `recipient '${r.id}': '${name}' = '${raw}' is not a number`);
      if ((min && compareScaled(x, min) < 0) || (max && compareScaled(x, max) > 0)) {
        throw new AllocationError(at, `recipient '${r.id}': '${name}' = ${raw} is outside [${decl.min ?? '-∞'}, ${decl.max ?? '∞'}]`);
      }
      let text = canonical ? raw : scaledText(x);
      if (decl.perMember) {
        const members = r.values.members;
        if (members === undefined)
          throw new AllocationError(`/recipients/${i}/values/members`, `recipient '${r.id}': '${name}' is per member, so 'members' is needed`);
        const count = parseScaled(members);
        if (count === null)
          throw new AllocationError(`/recipients/${i}/values/members`, `recipient '${r.id}': 'members' = '${members}' is not a number`);
        x = mulScaled(x, count);
        text = scaledText(x);
      }
      (columns.get(name) as Array<Scaled | undefined>)[i] = x;
      texts[name] = text;
    }
    return texts;
  });
  // Derived lines once every recipient's inputs are known good, as withDerived() computes them.
  if (compiled.derived.length > 0) {
    values.texts.forEach((given, i) => {
      const scope: Record<string, FormulaValue> = {};
      for (const [name, text] of Object.entries(given)) scope[name] = exact(text).mul(compiled.scales.get(name) ?? 1);
      for (const [name, p] of Object.entries(parameters)) scope[name] ??= exact(p).mul(compiled.scales.get(name) ?? 1);
      const out = new Map<string, Fraction>();
      deriveInto(compiled, scope, out, `/recipients/${i}/derive`);
      for (const [name, f] of out) {
        const x = parseScaled(toDecimal(f, 30)) as Scaled;
        const column = columnOf(values, name, n);
        columns.set(name, column);
        column[i] = x;
        given[name] = scaledText(x);
      }
    });
  }
  return values;
}
