/**
 * The time, from a source tests can replace: usage is counted in, and read for, the billing
 * cycle that holds `now()`, so a test sets the clock to cross a month end or a daylight-saving
 * change instead of waiting for one.
 */
export class Clock {
  private source: () => Date = () => new Date();

  now(): Date {
    return this.source();
  }

  /** Reads the time from `source` from now on; without it, the real time again. */
  use(source?: () => Date): void {
    this.source = source ?? (() => new Date());
  }
}
