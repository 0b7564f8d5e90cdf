/**
 * The local cloud's clock (localcloud/clock.ts): moved to a moment it runs on from there, and moved
 * back to where it was; a fake clock put in later (a test's jest.useFakeTimers) is the time from then on.
 */
import { travelTo } from '../../localcloud/clock';

afterEach(() => jest.useRealTimers());

it('moves to a moment, runs on from there, and goes back to where it was', () => {
  jest.useFakeTimers({ now: new Date('2026-11-18T02:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
  const back = travelTo(new Date('2027-01-01T00:00:00+08:00'));
  expect(new Date().toISOString()).toBe('2026-12-31T16:00:00.000Z');
  jest.advanceTimersByTime(90_000);
  expect(new Date(Date.now()).toISOString()).toBe('2026-12-31T16:01:30.000Z');
  // A Date built from a value is that value.
  expect(new Date('2026-05-01T00:00:00Z').toISOString()).toBe('2026-05-01T00:00:00.000Z');
  back();
  expect(new Date().toISOString()).toBe('2026-11-18T02:01:30.000Z');
});

it('takes a fake clock put in after a move as the time, and goes back to it, not to the move measured from the old clock', () => {
  const sweep = travelTo(new Date('2027-01-01T00:05:00+08:00'));
  try {
    jest.useFakeTimers({ now: new Date('2026-11-21T04:00:00Z') });
    const back = travelTo(new Date('2025-03-01T00:00:00Z'));
    expect(new Date().toISOString()).toBe('2025-03-01T00:00:00.000Z');
    back();
    expect(new Date().toISOString()).toBe('2026-11-21T04:00:00.000Z');
  } finally {
    jest.useRealTimers();
    sweep();
  }
});
