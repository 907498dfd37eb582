/** An evaluation that cannot give an honest answer (a missing fact, no band for a score): never a silent zero. */
export class RuleEvaluationError extends Error {
  constructor(
    readonly ruleSetId: string,
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** A rule set that validates as data but cannot be compiled (e.g. a CEL formula that does not type-check). */
export class RuleCompileError extends Error {
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(message);
  }
}
