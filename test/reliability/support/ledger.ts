/**
 * The ledger is the source of truth (SPEC §4): every tally must equal the sum of its member's entries
 * for its key. These checks read a whole-store dump, independent of the server's own arithmetic but
 * for which periods the template keeps (its calendar, read from the stored scheme).
 */
import type { Doc } from '../../../localcloud/store/store';
import { tallyKeysOf, type CalendarDef } from '../../../domain/calendar';
import { JINGMEN_SCHEME } from '../../../domain/schemes';

/** The calendar of the scheme in the dump: the highest stored version's, else the default template's. */
function calendarOf(dump: Record<string, Doc[]>): CalendarDef {
  const stored = [...(dump.schemes ?? [])].sort((a, b) => Number((b.scheme as { version: number }).version) - Number((a.scheme as { version: number }).version));
  return (stored[0]?.scheme as { calendar?: CalendarDef } | undefined)?.calendar ?? JINGMEN_SCHEME.calendar;
}

/** Tally id → total, summed from the ledger: per member, for each period the template keeps that holds occurredOn. */
export function talliesFromLedger(dump: Record<string, Doc[]>): Map<string, number> {
  const calendar = calendarOf(dump);
  const sums = new Map<string, number>();
  for (const entry of dump.ledger ?? []) {
    // 积分超市 spending and returns move the balance (`spent`), never a total (docs/rules.md S1).
    if (entry.redemption) continue;
    const memberId = String(entry.memberId);
    const occurredOn = String(entry.occurredOn);
    for (const key of tallyKeysOf(occurredOn, calendar)) {
      const id = `${memberId}:${key}`;
      sums.set(id, (sums.get(id) ?? 0) + Number(entry.points));
    }
  }
  return sums;
}

/** Every way the stored tallies differ from the ledger's sums; empty when they agree. */
export function tallyDrift(dump: Record<string, Doc[]>): string[] {
  const expected = talliesFromLedger(dump);
  const stored = new Map((dump.tallies ?? []).map((t) => [t._id, t]));
  const drift: string[] = [];
  for (const [id, total] of expected) {
    const tally = stored.get(id);
    if (!tally) drift.push(`${id}: missing, ledger says ${total}`);
    else if (tally.total !== total) drift.push(`${id}: stored ${String(tally.total)}, ledger says ${total}`);
    else if (`${String(tally.memberId)}:${String(tally.key)}` !== id) drift.push(`${id}: memberId/key fields disagree with the id`);
  }
  // What each member spent in the 积分超市, net of returns, on their all-time tally.
  const spent = new Map<string, number>();
  for (const entry of dump.ledger ?? []) if (entry.redemption) spent.set(`${String(entry.memberId)}:all`, (spent.get(`${String(entry.memberId)}:all`) ?? 0) - Number(entry.points));
  for (const [id, amount] of spent) if (Number(stored.get(id)?.spent ?? 0) !== amount) drift.push(`${id}: spent ${String(stored.get(id)?.spent)}, ledger says ${amount}`);
  // A tally no entry implies may only be a zero one: a template with a score keeps one for every member.
  const zero = [...stored.entries()].filter(([id, t]) => !expected.has(id) && t.total === 0).map(([id]) => id);
  for (const id of stored.keys()) if (!expected.has(id) && !zero.includes(id)) drift.push(`${id}: stored, but no ledger entry implies it`);
  // Each member lists the keys of their tallies, so a transaction can update them by id.
  const keysByMember = new Map<string, string[]>();
  for (const id of [...expected.keys(), ...zero]) {
    const [memberId, ...rest] = id.split(':');
    keysByMember.set(memberId, [...(keysByMember.get(memberId) ?? []), rest.join(':')]);
  }
  for (const member of dump.members ?? []) {
    const want = [...(keysByMember.get(member._id) ?? [])].sort();
    const have = [...((member.tallyKeys as string[] | undefined) ?? [])].sort();
    if (JSON.stringify(want) !== JSON.stringify(have)) drift.push(`${member._id}: tallyKeys ${JSON.stringify(have)}, ledger implies ${JSON.stringify(want)}`);
  }
  return drift;
}
