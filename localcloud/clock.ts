/**
 * `LOCALCLOUD_NOW=<ISO time>`: the local cloud's clock starts at that time and runs on from there, so
 * a person can try month ends, year ends and 公示 windows without waiting for them. The functions,
 * the database's serverDate and the timers all read the process's Date, so the clock is moved there:
 * `new Date()` and `Date.now()` answer the shifted time; a Date built from a value is unchanged.
 */
export function startClockAt(value: string): { offsetMs: number } {
  const target = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(target)) {
    throw new Error(`localcloud: LOCALCLOUD_NOW must be an ISO time such as 2026-12-31T23:59:00+08:00, got "${value}"`);
  }
  const RealDate = Date;
  const offsetMs = target - RealDate.now();
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offsetMs);
      else super(...(args as [string]));
    }

    static override now(): number {
      return RealDate.now() + offsetMs;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
  return { offsetMs };
}
