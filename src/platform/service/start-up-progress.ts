/** The step of the start a service is on, as /health/ready names it; undefined once the start is done. */
export interface StartUpStep {
  step(): string | undefined;
}

/**
 * Where the start is: set by src/index.ts as it goes (`starting the database`, `applying the schema`,
 * `planning the IDE's examples 12/28` …) and read by /health/ready, which answers 503 `starting` with the step
 * until `done()`. The HTTP server listens from the first step, so the step is what an operator watching a slow
 * start sees.
 */
export class StartUpProgress implements StartUpStep {
  private current: string | undefined = 'starting';
  private readonly startedAt = Date.now();

  step(): string | undefined {
    return this.current;
  }

  /** The start is now at `step` (until the next one, or `done`). */
  at(step: string): void {
    if (this.current !== undefined) this.current = step;
  }

  /** The start is over: readiness answers from its checks from now on. */
  done(): void {
    this.current = undefined;
  }

  /** Milliseconds since this object was made (the process's start, give or take its module loading). */
  elapsedMs(): number {
    return Date.now() - this.startedAt;
  }
}
