import { reconnectDelayMs } from '../apolloClient';

describe('reconnectDelayMs', () => {
  it('doubles from one second and never waits more than 30 seconds', () => {
    const longest = (retries: number) => reconnectDelayMs(retries, () => 1);
    const shortest = (retries: number) => reconnectDelayMs(retries, () => 0);
    expect([0, 1, 2, 3, 4].map(longest)).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(longest(5)).toBe(30_000);
    expect(longest(50)).toBe(30_000);
    expect(shortest(50)).toBe(15_000);
  });
});
