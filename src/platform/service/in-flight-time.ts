/** A point in time to measure the load from (`InFlightTime.mark`). */
export interface InFlightMark {
  readonly at: number;
  readonly integral: number;
}

/**
 * How many requests were in flight on average over any stretch of time: the count of requests in flight,
 * integrated over time as they enter and leave (a multiplication and an addition each), so every request can
 * ask, whenever it wants, how many were worked on beside it since it arrived, without a list of who came when.
 */
export class InFlightTime {
  private count = 0;
  /** Requests × milliseconds since the start. */
  private integral = 0;
  private lastAt: number;

  constructor(private readonly now: () => number = () => performance.now()) {
    this.lastAt = now();
  }

  /** One more request is in flight. */
  entered(): void {
    this.advance();
    this.count += 1;
  }

  /** One request fewer is in flight. */
  left(): void {
    this.advance();
    this.count -= 1;
  }

  /** Requests in flight right now. */
  get inFlight(): number {
    return this.count;
  }

  /** Now, to measure from. */
  mark(): InFlightMark {
    this.advance();
    return { at: this.lastAt, integral: this.integral };
  }

  /** Requests in flight on average since `mark` (the count now, when no time has passed since). */
  averageSince(mark: InFlightMark): number {
    this.advance();
    const span = this.lastAt - mark.at;
    return span > 0 ? (this.integral - mark.integral) / span : this.count;
  }

  private advance(): void {
    const now = this.now();
    this.integral += this.count * (now - this.lastAt);
    this.lastAt = now;
  }
}
