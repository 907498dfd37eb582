/**
 * A rule file's worked examples: inputs with what the rules must give. They run at every upload, so a
 * bureau keeps its published worked examples with its rules and a change that breaks one is refused.
 * Every field an example names is compared exactly: decimals as exact numbers ('1500000' equals
 * '1500000.00'), everything else as written; fields it does not name are not compared.
 */
import type { RuleExample } from './envelope.js';
import { exact } from './formula/exact.js';
import type { RuleKind } from './kinds/kind.js';

export interface ExampleDifference {
  path: string;
  expected: unknown;
  got: unknown;
}

export interface ExampleResult {
  name: string;
  /** Where the example comes from: this file, or the version in force that this one would replace. */
  origin: 'file' | 'in-force';
  index: number;
  passed: boolean;
  got: unknown;
  differences: ExampleDifference[];
  /** The input could not be run (a code the rules do not know, a malformed input): why. */
  error?: string;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

function compare(expected: unknown, got: unknown, path: string, out: ExampleDifference[]): void {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (got === null || typeof got !== 'object' || Array.isArray(got)) {
      out.push({ path, expected, got });
      return;
    }
    for (const [k, v] of Object.entries(expected)) compare(v, (got as Record<string, unknown>)[k], `${path}/${k}`, out);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(got) || got.length !== expected.length) {
      out.push({ path, expected, got });
      return;
    }
    expected.forEach((v, i) => {
      compare(v, got[i], `${path}/${i}`, out);
    });
    return;
  }
  const asDecimal = (v: unknown) =>
    typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'string' && DECIMAL.test(v) ? v : undefined;
  const a = asDecimal(expected);
  const b = asDecimal(got);
  if (a !== undefined && b !== undefined) {
    if (!exact(a).equals(exact(b))) out.push({ path, expected, got });
    return;
  }
  if (expected !== got) out.push({ path, expected, got });
}

export function runExamples<C>(
  kind: RuleKind<string, never, C>,
  compiled: C,
  examples: readonly RuleExample[],
  origin: ExampleResult['origin'],
): ExampleResult[] {
  const runner = kind.examples;
  return examples.map((example, index) => {
    if (!runner)
      return { name: example.name, origin, index, passed: false, got: null, differences: [], error: `${kind.name} rule sets take no examples` };
    const input = runner.input.safeParse(example.input);
    if (!input.success) {
      const issue = input.error.issues[0];
      return {
        name: example.name,
        origin,
        index,
        passed: false,
        got: null,
        differences: [],
        error: `input ${issue?.path.join('/') ?? ''}: ${issue?.message ?? 'invalid'}`,
      };
    }
    let got: unknown;
    try {
      got = runner.run(compiled, input.data);
    } catch (error) {
      return {
        name: example.name,
        origin,
        index,
        passed: false,
        got: null,
        differences: [],
        error: error instanceof Error ? error.message : String(error),
      };
    }
    const differences: ExampleDifference[] = [];
    compare(example.expect, got, '', differences);
    return { name: example.name, origin, index, passed: differences.length === 0, got, differences };
  });
}

/** One line a person reads for a failed example. */
export function describeFailure(r: ExampleResult): string {
  if (r.error) return `example '${r.name}' cannot run: ${r.error}`;
  return `example '${r.name}'${r.origin === 'in-force' ? ' (from the version in force)' : ''}: ${r.differences
    .map((d) => `${d.path || '(result)'} expected ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.got)}`)
    .join('; ')}`;
}
