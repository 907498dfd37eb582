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

/** A rule set that validates as data but cannot be compiled (a formula whose units do not work out). */
export class RuleCompileError extends Error {
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(message);
  }
}

/** Every compile error of a file at once, so that a bureau fixes them in one pass. */
export class RuleCompileErrors extends Error {
  constructor(readonly errors: readonly RuleCompileError[]) {
    super(errors.map((e) => `${e.pointer}: ${e.message}`).join('; '));
  }
}

/**
 * Collects compile errors instead of stopping at the first: `check` runs one part and keeps its error;
 * `done` throws them all, if any.
 */
export class CompileIssues {
  readonly errors: RuleCompileError[] = [];

  add(pointer: string, message: string): void {
    this.errors.push(new RuleCompileError(pointer, message));
  }

  check<T>(part: () => T): T | undefined {
    try {
      return part();
    } catch (error) {
      if (error instanceof RuleCompileErrors) this.errors.push(...error.errors);
      else if (error instanceof RuleCompileError) this.errors.push(error);
      else if (error instanceof Error && 'pointer' in error && typeof error.pointer === 'string')
        this.errors.push(new RuleCompileError(error.pointer, error.message));
      else throw error;
      return undefined;
    }
  }

  done(): void {
    if (this.errors.length === 1) throw this.errors[0];
    if (this.errors.length > 1) throw new RuleCompileErrors(this.errors);
  }
}
