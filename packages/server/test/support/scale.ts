/**
 * Chaos and load tests run at a bounded size in the suite, and at their full size in
 * `pnpm bench` (its `stress` row runs them with ATRIUM_TEST_SCALE=full).
 */
export const FULL_SCALE = process.env.ATRIUM_TEST_SCALE === 'full';

/** `suite` in the test suite, `full` under the bench's stress row. */
export function sized(suite: number, full: number): number {
  return FULL_SCALE ? full : suite;
}
