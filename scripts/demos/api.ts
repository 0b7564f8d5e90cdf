/**
 * What every demo organisation is made with: the real `api` function called as one person at a time
 * (openid `demo-<key>`; the secretariat member is bound to `local-admin`, the local default
 * administrator), so a demo's documents are exactly what the product writes.
 */
import type { ActionName, ApiResult, DataOf, PayloadOf, Period } from '../../typings/api';
import { periodRange } from '../../domain/calendar';
import { CHINA_WORKING_DAYS } from '../../domain/calendars/china';
import type { Scheme } from '../../domain/scheme';
import { addDays, nthWorkingDayAfter } from '../../domain/workdays';
import type { LocalCloud } from '../../localcloud/runtime';
import { travelTo } from '../../localcloud/clock';

/** The secretariat member's account: the local default administrator (ADMIN_OPENIDS). */
export const DEMO_ADMIN_OPENID = 'local-admin';

/** A demo person's WeChat openid by their key; the secretariat member ('clerk') is the administrator. */
export const demoOpenid = (key: string): string => (key === 'clerk' ? DEMO_ADMIN_OPENID : `demo-${key}`);

export class DemoError extends Error {}

export function fail(message: string): never {
  throw new DemoError(`demo seed: ${message}`);
}

export interface DemoOptions {
  /** The demo's "today"; defaults to now. History is dated before it. */
  now?: Date;
}

/** A caller of the real api function as one person; counts the calls for the summary. */
export class DemoApi {
  calls = 0;
  private readonly units = new Map<string, string>();
  constructor(private readonly cloud: LocalCloud) {}

  async as<A extends ActionName>(openid: string, action: A, payload: PayloadOf<A>): Promise<DataOf<A>> {
    this.calls++;
    const result = (await this.cloud.invoke('api', { action, payload }, { openid })) as ApiResult<DataOf<A>>;
    if (!result.ok) throw new DemoError(`demo seed: ${action} as ${openid} failed: ${result.error.code} ${result.error.message}`);
    return result.data;
  }

  /** The unit a person belongs to, as the api tells them (once: people do not move in a demo). */
  async unitOf(openid: string): Promise<string> {
    const known = this.units.get(openid);
    if (known) return known;
    const { member } = await this.as(openid, 'me.get', {});
    const unitId = member?.branchId ?? fail(`${openid} has no unit`);
    this.units.set(openid, unitId);
    return unitId;
  }

  /** The first administrator openid the functions are configured with. */
  admin(): string {
    return (this.cloud.functionEnv.ADMIN_OPENIDS ?? '').split(',').map((s) => s.trim()).find(Boolean) ?? fail('no administrator openid is configured (ADMIN_OPENIDS)');
  }
}

/** A stable number in [0, 1) for a text: the demo's variety without randomness. */
export function chance(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.codePointAt(0)!, 16777619);
  return (hash >>> 0) / 2 ** 32;
}

/** One of `values`, the same one for the same text. */
export const pick = <T>(values: readonly T[], text: string): T => values[Math.floor(chance(text) * values.length)];

/** A moment on a day, Beijing time: `at('2025-03-02', '09:40')`. */
export const at = (date: string, time: string): Date => new Date(`${date}T${time}:00+08:00`);

/**
 * When an ended period is closed and published (the first working day after it) and made final (the
 * day after its 公示 of the scheme's working days).
 */
export function publicationDays(period: Period, key: string, scheme: Scheme): { closeOn: string; finalOn: string } {
  const closeOn = nthWorkingDayAfter(periodRange(period, key, scheme.calendar).to, 1, CHINA_WORKING_DAYS);
  const windowWorkingDays = scheme.publication?.windowWorkingDays ?? fail(`the ${scheme.template} scheme publishes nothing`);
  return { closeOn, finalOn: addDays(nthWorkingDayAfter(closeOn, windowWorkingDays, CHINA_WORKING_DAYS), 1) };
}

/** A moment of a demo's history: an api call made at `at`. */
export interface Step {
  at: Date;
  run: () => Promise<unknown>;
}

/** A demo's history as it is written: `later(when, run)` adds a step, `steps` go to replay. */
export function history(): { steps: Step[]; later: (when: Date, run: () => Promise<unknown>) => void } {
  const steps: Step[] = [];
  return { steps, later: (when, run) => void steps.push({ at: when, run }) };
}

/**
 * Replays a demo's history in order, each step at its moment on the local cloud's clock (so entries,
 * windows and deadlines fall when they would have), leaving out steps after `now`; the clock comes
 * back to now at the end, whatever happens.
 */
export async function replay(steps: Step[], now: Date): Promise<void> {
  const back = travelTo(now);
  try {
    const ordered = [...steps].sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const step of ordered) {
      if (step.at.getTime() > now.getTime()) continue;
      travelTo(step.at);
      await step.run();
    }
  } finally {
    back();
  }
}
