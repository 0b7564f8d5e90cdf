/**
 * The roster and ledger races of the concurrency suite, each run through the api on a fresh
 * association: two secretaries importing overlapping sheets, one WeChat account binding two invite
 * codes at once, and two people proposing the reversal of one entry at once. Each returns what the
 * suite asserts and prints.
 */
import type { ImportRow } from '../../../typings/api';
import { ADMIN_OPENID, ApiHarness } from '../../support/api';
import { approveSelfReport, openidOf, putMember, standardAssociation } from '../../support/fixtures';
import { tallyDrift } from './ledger';
import { Random, realClock, turns } from './random';

const NOW = new Date('2026-11-21T04:00:00Z');

function fresh(): ApiHarness {
  const h = new ApiHarness({ now: NOW });
  standardAssociation(h);
  return h;
}

export interface ImportRace {
  people: number;
  members: number;
  duplicates: number;
  created: number;
  ms: number;
}

/** 300 people, two sheets of 200 overlapping by 100 (a tenth of them without phones), imported at once. */
export async function importRace(rng: Random): Promise<ImportRace> {
  const h = fresh();
  try {
    const person = (i: number): ImportRow => ({
      name: `导入${i}`,
      branch: ['东宝分会', '掇刀分会', '沙洋分会'][i % 3],
      ...(i % 10 === 0 ? {} : { phone: `1392000${String(i).padStart(4, '0')}` }),
    });
    const sheet = (from: number) => rng.shuffle(Array.from({ length: 200 }, (_, k) => person(from + k)));
    const started = realClock();
    const [a, b] = await Promise.all([
      h.call(ADMIN_OPENID, 'admin.members.import', { rows: sheet(0) }),
      turns(rng.int(0, 20)).then(() => h.call(openidOf('clerk'), 'admin.members.import', { rows: sheet(100) })),
    ]);
    const ms = Math.round(realClock() - started);
    if (!a.ok || !b.ok) throw new Error(`an import failed: ${JSON.stringify([a, b]).slice(0, 300)}`);
    const members = (h.cloud.store.dump().members ?? []).filter((m) => String(m.name).startsWith('导入'));
    const keys = members.map((m) => m.phone ?? `${m.branchId}:${m.name}`);
    return { people: 300, members: members.length, duplicates: keys.length - new Set(keys).size, created: a.data.created + b.data.created, ms };
  } finally {
    h.close();
  }
}

export interface BindRace {
  trials: number;
  boundOnce: number;
  refusedWithConflict: number;
}

/** One account sends two invite codes at once, `trials` times on fresh associations. */
export async function bindRace(trials: number, rng: Random): Promise<BindRace> {
  let boundOnce = 0;
  let refusedWithConflict = 0;
  for (let t = 0; t < trials; t++) {
    const h = fresh();
    try {
      putMember(h, 'm5', { name: '会员戊', bound: false });
      putMember(h, 'm6', { name: '会员己', bound: false });
      const results = await Promise.all([
        h.call('o-phone', 'me.bind', { inviteCode: 'INVM5XXX' }),
        turns(rng.int(0, 6)).then(() => h.call('o-phone', 'me.bind', { inviteCode: 'INVM6XXX' })),
      ]);
      const bound = (h.cloud.store.dump().members ?? []).filter((m) => m.openid === 'o-phone').length;
      if (bound === 1 && results.filter((r) => r.ok).length === 1) boundOnce++;
      if (results.some((r) => !r.ok && r.error.code === 'CONFLICT')) refusedWithConflict++;
    } finally {
      h.close();
    }
  }
  return { trials, boundOnce, refusedWithConflict };
}

export interface ReversalRace {
  entries: number;
  pendingPerEntry: number[];
  refusedWithConflict: number;
  /** Tallies that differ from the ledger once every pending one is approved. */
  drift: number;
}

/** For each of `entries` approved entries, two leaders' reversals and the secretariat's correction race. */
export async function reversalRace(entries: number, rng: Random): Promise<ReversalRace> {
  const h = fresh();
  try {
    const ids: string[] = [];
    for (let i = 0; i < entries; i++) {
      const { claim } = await h.ok(openidOf('m1'), 'claim.submit', { itemId: 'deed.unquantified', occurredOn: '2026-11-20', points: 4, note: `助老 ${i}` });
      await approveSelfReport(h, claim._id);
      ids.push(`${claim._id}-0`);
    }
    const calls = ids.flatMap((entryId) => [
      () => h.call(openidOf('b1head'), 'entry.reverse', { entryId, reason: '重复录入' }),
      () => h.call(openidOf('vice'), 'entry.reverse', { entryId, reason: '重复录入' }),
      () => h.call(ADMIN_OPENID, 'entry.correct', { entryId, points: 2, reason: '应为 2 分' }),
    ]);
    const results = await Promise.all(rng.shuffle(calls).map(async (call) => (await turns(rng.int(0, 30)), call())));
    const claims = (h.cloud.store.dump().claims ?? []).filter((c) => c.status === 'pending' && typeof c.reversalOf === 'string');
    const pendingPerEntry = ids.map((entryId) => claims.filter((c) => c.reversalOf === entryId).length);
    for (const claim of claims) {
      const reviewer = (claim.waitingFor as { memberIds: string[] }).memberIds[0];
      await h.ok(openidOf(reviewer), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    }
    return {
      entries,
      pendingPerEntry,
      refusedWithConflict: results.filter((r) => !r.ok && r.error.code === 'CONFLICT').length,
      drift: tallyDrift(h.cloud.store.dump()).length,
    };
  } finally {
    h.close();
  }
}
