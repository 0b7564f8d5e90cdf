/**
 * Fixes Date for a page test without faking timers: simulate and j-component deliver events and
 * setData on real timers and microtasks.
 */
export function setNow(iso: string): void {
  jest.useFakeTimers({
    now: new Date(iso),
    doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask'],
  });
}

export function restoreClock(): void {
  jest.useRealTimers();
}
