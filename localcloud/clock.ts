/**
 * The local cloud's clock. The functions, the database's serverDate and the timers all read the
 * process's Date, so the clock is moved there: once installed, `new Date()` and `Date.now()` answer
 * the shifted time; a Date built from a value is unchanged.
 *
 * - `LOCALCLOUD_NOW=<ISO time>` (startClockAt): the clock starts at that time and runs on from there,
 *   so a person can try month ends, year ends and 公示 windows without waiting for them.
 * - A demo replaying an organisation's past (scripts/demos) travels to each moment it acts at
 *   (travelTo) and comes back to where the clock was (the returned function).
 */
let offsetMs = 0;
let installed: { base: DateConstructor; shifted: DateConstructor } | null = null;

/**
 * Replaces the global Date with one shifted by the current offset, over whatever Date is global now
 * (a test framework's fake clock included); again if something replaced it since. A Date put in since
 * is the new time: the offset, measured from the one it replaced, starts again at zero.
 */
function install(): DateConstructor {
  if (installed && globalThis.Date === installed.shifted) return installed.base;
  if (installed) offsetMs = 0;
  const Base = Date;
  class ShiftedDate extends Base {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(Base.now() + offsetMs);
      else super(...(args as [string]));
    }

    static override now(): number {
      return Base.now() + offsetMs;
    }
  }
  installed = { base: Base, shifted: ShiftedDate as DateConstructor };
  globalThis.Date = ShiftedDate as DateConstructor;
  return Base;
}

export function startClockAt(value: string): { offsetMs: number } {
  const target = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(target)) {
    throw new Error(`localcloud: LOCALCLOUD_NOW must be an ISO time such as 2026-12-31T23:59:00+08:00, got "${value}"`);
  }
  const base = install();
  offsetMs = target - base.now();
  return { offsetMs };
}

/** Moves the clock to `at` (it runs on from there); answers a function that moves it back. */
export function travelTo(at: Date): () => void {
  const base = install();
  const before = offsetMs;
  offsetMs = at.getTime() - base.now();
  return () => {
    offsetMs = before;
  };
}
