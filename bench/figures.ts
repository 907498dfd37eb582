/**
 * The figures a script reads from a run (`--json`): each benchmark records its own under the names
 * issue 21 gives them, and bench/run.ts prints them all as one JSON object on the last line. Ratios are
 * plain numbers (0.5: half the baseline's speed), times in milliseconds, memory in MB.
 */
const figures: Record<string, number> = {};

export function recordFigure(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new Error(`figure ${name} is not a number: ${value}`);
  figures[name] = Number(value.toPrecision(4));
}

export function allFigures(): Record<string, number> {
  return { ...figures };
}
