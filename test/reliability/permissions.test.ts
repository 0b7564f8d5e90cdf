/**
 * Role × action × target (SPEC §7), beyond the access matrix of test/functions/access.test.ts:
 * nobody exceeds their authority (第十三条), nobody reviews their own points (第十四条), and nobody
 * reads another branch's ledger without the role. Expectations are written out here from the rules,
 * not computed with the domain's own functions.
 */
import type { ErrorCode } from '../../typings/api';
import type { Claim } from '../../typings/models';
import { ADMIN_OPENID, ApiHarness } from '../support/api';
import { openidOf, putMember, standardAssociation } from '../support/fixtures';

const NOW = new Date('2026-11-21T04:00:00Z');
const DATE = '2026-11-20';

/** Authority limits of the default scheme's leaders (第十三条): 理事 and 分会班子 2, 分会会长/副会长/秘书长 5, 会长 10. */
const LEADERS: Record<string, number> = { b1lead: 2, director: 2, b1head: 5, vice: 5, secgen: 5, president: 10 };
const EVERYONE = ['president', 'vice', 'secgen', 'instructor', 'clerk', 'b1head', 'b1lead', 'director', 'm1', 'm2', 'm3', 'm4'];
/** Everyone who holds a 积分台账: the political instructor has none, so reports nothing and is awarded nothing (H24). */
const ACCOUNTS = EVERYONE.filter((k) => k !== 'instructor');
/** Leaders of branch b1 (not of the association): they award b1's members only. */
const BRANCH_LEADERS = ['b1head', 'b1lead', 'director'];
const BRANCH_OF: Record<string, string | null> = { b1head: 'b1', b1lead: 'b1', director: 'b1', m1: 'b1', m2: 'b1', m3: 'b2' };

let h: ApiHarness;
const as = openidOf;
const sizes: Record<string, number> = {};

beforeEach(() => {
  h = new ApiHarness({ now: NOW });
  standardAssociation(h);
});
afterEach(() => h.close());
afterAll(() => {
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  console.log(`permissions: ${total} role × action × target cells — ${Object.entries(sizes).map(([name, n]) => `${name} ${n}`).join(', ')}`);
});

const outcome = (r: { ok: boolean; error?: { code: ErrorCode } }): 'ok' | ErrorCode => (r.ok ? 'ok' : r.error!.code);

describe('authority (第十三条)', () => {
  it('accepts a leader award of `other` with 1 to 12 points exactly when it is within the proposer’s authority', async () => {
    const seen: string[] = [];
    const wrong: string[] = [];
    for (const [leader, authority] of Object.entries(LEADERS)) {
      expect((await h.ok(as(leader), 'me.get', {})).authority).toBe(authority);
      for (let points = 1; points <= 12; points++) {
        const result = await h.call(as(leader), 'award.propose', { itemId: 'other', occurredOn: DATE, recipients: [{ memberId: 'm1', points }], note: '奖分' });
        const expected = points <= authority ? 'ok' : 'OVER_AUTHORITY';
        seen.push(`${leader}/${points}:${outcome(result)}`);
        if (outcome(result) !== expected) wrong.push(`${leader} (${authority}) awarding ${points}: ${outcome(result)}, expected ${expected}`);
        if (result.ok) {
          expect(result.data.claim).toMatchObject({ discretionary: points, lines: [{ memberId: 'm1', points }] });
          expect(result.data.claim.waitingFor!.memberIds).not.toContain(leader);
        }
      }
    }
    sizes['award authority'] = seen.length;
    expect(wrong).toEqual([]);
    // Nothing over authority was recorded.
    const claims = (h.cloud.store.dump().claims ?? []) as unknown as Claim[];
    expect(claims.every((c) => c.discretionary <= LEADERS[c.createdBy])).toBe(true);
    expect(claims).toHaveLength(2 * 2 + 5 * 3 + 10);
  });

  it('lets only a leader whose authority covers a self-report’s points endorse it, and only those it waits for', async () => {
    // Who a b1 member's self-report of p discretionary points waits for: b1's leaders who cover p, else the association's.
    const endorsers = (p: number) => (p <= 2 ? ['b1head', 'b1lead', 'director'] : p <= 5 ? ['b1head'] : ['president']);
    let cells = 0;
    const wrong: string[] = [];
    for (let points = 1; points <= 12; points++) {
      const submitted = await h.call(as('m1'), 'claim.submit', { itemId: 'deed.unquantified', occurredOn: DATE, points, note: '' });
      cells++;
      // No one in the scheme holds more than 10 points of authority: a larger self-report has nobody to endorse it.
      if (points > 10) {
        if (outcome(submitted) !== 'OVER_AUTHORITY') wrong.push(`a ${points}-point self-report: ${outcome(submitted)}`);
        continue;
      }
      if (!submitted.ok) throw new Error(`submit ${points}: ${submitted.error.code}`);
      const claim = submitted.data.claim;
      expect(claim.waitingFor!.memberIds).toEqual(endorsers(points));
      const order = Object.keys(LEADERS).sort((a, b) => Number(endorsers(points).includes(a)) - Number(endorsers(points).includes(b)));
      for (const leader of order) {
        const result = await h.call(as(leader), 'claim.decide', { claimId: claim._id, decision: 'approve' });
        cells++;
        const expected = LEADERS[leader] < points ? 'OVER_AUTHORITY' : endorsers(points).includes(leader) ? 'ok' : 'FORBIDDEN';
        if (outcome(result) !== expected) wrong.push(`${leader} endorsing ${points}: ${outcome(result)}, expected ${expected}`);
        if (result.ok) break; // the claim has moved on to final review
      }
    }
    sizes['endorse authority'] = cells;
    expect(wrong).toEqual([]);
  });

  it('lets an endorser set a range value up to their own authority and no higher', async () => {
    let cells = 0;
    const wrong: string[] = [];
    for (const leader of ['b1lead', 'director', 'b1head']) {
      for (let points = 1; points <= 12; points++) {
        const { claim } = await h.ok(as('m1'), 'claim.submit', { itemId: 'deed.unquantified', occurredOn: DATE, points: 1, note: '' });
        const result = await h.call(as(leader), 'claim.decide', { claimId: claim._id, decision: 'approve', points });
        cells++;
        const expected = points <= LEADERS[leader] ? 'ok' : 'OVER_AUTHORITY';
        if (outcome(result) !== expected) wrong.push(`${leader} setting ${points}: ${outcome(result)}, expected ${expected}`);
        if (result.ok) expect(result.data.claim.lines[0].points).toBe(points);
      }
    }
    sizes['endorser sets points'] = cells;
    expect(wrong).toEqual([]);
  });
});

describe('nobody reviews their own points (第十四条)', () => {
  /** Everyone interested in a claim tries to decide it: each must get SELF_REVIEW; the claim must not wait for them. */
  async function interestedMayNotDecide(claim: Claim, interested: string[], wrong: string[]): Promise<number> {
    for (const key of interested) {
      if (claim.waitingFor!.memberIds.includes(key)) wrong.push(`${claim._id} at ${claim.step} waits for ${key}, who is interested`);
      const result = await h.call(as(key), 'claim.decide', { claimId: claim._id, decision: 'approve' });
      if (outcome(result) !== 'SELF_REVIEW') wrong.push(`${key} deciding ${claim.kind} ${claim.itemId} at ${claim.step}: ${outcome(result)}`);
    }
    return interested.length;
  }

  it('refuses every claimant at both steps of their own self-report, and the endorser at final review', async () => {
    let cells = 0;
    const wrong: string[] = [];
    for (const claimant of ACCOUNTS) {
      const { claim } = await h.ok(as(claimant), 'claim.submit', { itemId: 'honor.county', occurredOn: DATE, note: '' });
      cells += await interestedMayNotDecide(claim, [claimant], wrong);
      // The first endorser whose approval can reach a final reviewer (one who is interested is refused).
      let endorser = '';
      let endorsed: Claim | null = null;
      for (const candidate of claim.waitingFor!.memberIds) {
        const result = await h.call(as(candidate), 'claim.decide', { claimId: claim._id, decision: 'approve' });
        if (result.ok) {
          [endorser, endorsed] = [candidate, result.data.claim];
          break;
        }
        if (result.error.code !== 'SELF_REVIEW') wrong.push(`${candidate} endorsing ${claimant}: ${result.error.code}`);
      }
      if (!endorsed) throw new Error(`nobody could endorse ${claimant}'s claim`);
      cells += await interestedMayNotDecide(endorsed, [claimant, endorser], wrong);
      const { claim: approved } = await h.ok(as(endorsed.waitingFor!.memberIds[0]), 'claim.decide', { claimId: claim._id, decision: 'approve' });
      expect(new Set(approved.decisions.map((d) => d.by)).size).toBe(2);
      expect(approved.decisions.map((d) => d.by)).not.toContain(claimant);
    }
    sizes['self-report reviewers'] = cells;
    expect(wrong).toEqual([]);
  });

  it('refuses the proposer and every recipient of an award, whoever they are', async () => {
    let cells = 0;
    const wrong: string[] = [];
    for (const proposer of Object.keys(LEADERS)) {
      const others = ACCOUNTS.filter((k) => k !== proposer);
      // Each other person alone, then all the other leaders at once.
      const groups = [...others.map((k) => [k]), Object.keys(LEADERS).filter((k) => k !== proposer)];
      for (const recipients of groups) {
        const result = await h.call(as(proposer), 'award.propose', {
          itemId: 'meeting.attend.association',
          occurredOn: DATE,
          recipients: recipients.map((memberId) => ({ memberId })),
          note: '',
        });
        cells++;
        if (!result.ok) {
          // A branch leader awards only their own branch's members; otherwise only when every reviewer up
          // the line is interested may an award find nobody to review it.
          const expected = BRANCH_LEADERS.includes(proposer) && recipients.some((k) => BRANCH_OF[k] !== 'b1') ? 'FORBIDDEN' : 'SELF_REVIEW';
          if (result.error.code !== expected) wrong.push(`${proposer} → ${recipients.join('+')}: ${result.error.code}, expected ${expected}`);
          continue;
        }
        if (BRANCH_LEADERS.includes(proposer) && recipients.some((k) => BRANCH_OF[k] !== 'b1')) wrong.push(`${proposer} awarded outside b1: ${recipients.join('+')}`);
        // One claim per final reviewer: each claim's reviewers are neither the proposer nor one of its recipients.
        expect(result.data.claims.flatMap((c) => c.lines.map((l) => l.memberId)).sort()).toEqual(recipients.flatMap((k) => [k]).sort());
        for (const claim of result.data.claims) {
          cells += await interestedMayNotDecide(claim, [proposer, ...new Set(claim.lines.map((l) => l.memberId))], wrong);
          await h.ok(as(claim.waitingFor!.memberIds[0]), 'claim.decide', { claimId: claim._id, decision: 'approve' });
        }
      }
    }
    // Whoever was awarded, nobody's entry names them as one of its reviewers.
    const ledger = h.cloud.store.dump().ledger ?? [];
    for (const entry of ledger) {
      expect(entry.reviewers).not.toContain(entry.memberId);
    }
    sizes['award reviewers'] = cells;
    expect(wrong).toEqual([]);
    expect(ledger.length).toBeGreaterThan(50);
  });

  it('refuses a leader proposing to reverse an entry of their own', async () => {
    const { claim } = await h.ok(as('b1head'), 'award.propose', {
      itemId: 'meeting.attend.branch',
      occurredOn: DATE,
      recipients: [{ memberId: 'b1lead' }, { memberId: 'director' }],
      note: '',
    });
    await h.ok(as('president'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    expect((await h.fails(as('b1lead'), 'entry.reverse', { entryId: `${claim._id}-0`, reason: '重复录入' })).code).toBe('SELF_REVIEW');
    const { claim: reversal } = await h.ok(as('director'), 'entry.reverse', { entryId: `${claim._id}-0`, reason: '重复录入' });
    expect(reversal.waitingFor!.memberIds).not.toContain('b1lead');
    expect((await h.fails(as('b1lead'), 'claim.decide', { claimId: reversal._id, decision: 'approve' })).code).toBe('SELF_REVIEW');
    expect((await h.fails(as('director'), 'claim.decide', { claimId: reversal._id, decision: 'approve' })).code).toBe('SELF_REVIEW');
    sizes['reversals'] = 3;
  });
});

describe('reading ledgers', () => {
  it('lets a member read their own ledger, leaders their branch’s, association officers and the secretariat everyone’s, and nobody else', async () => {
    putMember(h, 'gone', { name: '已退会员', status: 'left' });
    const owners = [...EVERYONE, 'gone'];
    // Everybody with a ledger has an entry (the political instructor has none, H24).
    const { claim } = await h.ok(as('clerk'), 'award.propose', {
      itemId: 'deed.major',
      committee: 'association',
      reference: '会长会纪要 2026-11',
      occurredOn: DATE,
      recipients: owners.filter((k) => !['clerk', 'president', 'gone', 'instructor'].includes(k)).map((memberId) => ({ memberId, points: 3 })),
      note: '',
    });
    await h.ok(as(claim.waitingFor!.memberIds[0]), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    const branchOf: Record<string, string | null> = { b1head: 'b1', b1lead: 'b1', director: 'b1', m1: 'b1', m2: 'b1', m3: 'b2', gone: 'b1' };
    // The political instructor holds no authority but final-reviews the president's awards (第十四条).
    const associationLeaders = ['president', 'vice', 'secgen', 'instructor'];
    const b1Leaders = ['b1head', 'b1lead', 'director'];

    const readers = ['stranger', ADMIN_OPENID, ...owners];
    const expected = (reader: string, owner: string): 'ok' | ErrorCode => {
      if (reader === 'stranger') return 'NOT_BOUND';
      if (reader === ADMIN_OPENID || reader === 'clerk' || reader === owner) return 'ok';
      if (reader === 'gone') return 'FORBIDDEN';
      if (associationLeaders.includes(reader)) return 'ok';
      if (b1Leaders.includes(reader) && branchOf[owner] === 'b1') return 'ok';
      return 'FORBIDDEN';
    };
    const wrong: string[] = [];
    let cells = 0;
    for (const reader of readers) {
      const openid = reader === 'stranger' ? 'stranger-openid' : reader === ADMIN_OPENID ? ADMIN_OPENID : as(reader);
      for (const owner of owners) {
        const result = await h.call(openid, 'ledger.list', { memberId: owner });
        cells++;
        if (outcome(result) !== expected(reader, owner)) wrong.push(`${reader} reading ${owner}: ${outcome(result)}, expected ${expected(reader, owner)}`);
        if (result.ok && result.data.entries.some((e) => e.memberId !== owner)) wrong.push(`${reader} reading ${owner} got someone else's entries`);
      }
    }
    sizes['ledger reads'] = cells;
    expect(wrong).toEqual([]);
    // The four cases of the issue, spelled out.
    expect(expected('m1', 'm3')).toBe('FORBIDDEN');
    expect(expected('b1head', 'm1')).toBe('ok');
    expect(expected('b1head', 'm3')).toBe('FORBIDDEN');
    expect([expected('president', 'm3'), expected('clerk', 'm3')]).toEqual(['ok', 'ok']);
  });
});

describe('the member directory', () => {
  it('shows phones and invite codes to the secretariat only, and each branch leader only their branch', async () => {
    putMember(h, 'gone', { name: '已退会员', branch: 'b2', status: 'left' });
    await h.ok(ADMIN_OPENID, 'admin.members.update', { memberId: 'm3', patch: { phone: '13800000003' } });
    const readers = ['stranger', ADMIN_OPENID, ...EVERYONE];
    // The political instructor reads everyone's 明细 (L1), so lists everyone to open them from.
    const associationLeaders = ['president', 'vice', 'secgen', 'instructor'];
    const expected = (reader: string, branchId: string | undefined): 'ok' | ErrorCode => {
      if (reader === 'stranger') return 'NOT_BOUND';
      if (reader === ADMIN_OPENID || reader === 'clerk' || associationLeaders.includes(reader)) return 'ok';
      if (!BRANCH_LEADERS.includes(reader)) return 'FORBIDDEN';
      return branchId === undefined || branchId === 'b1' ? 'ok' : 'FORBIDDEN';
    };
    const wrong: string[] = [];
    let cells = 0;
    for (const reader of readers) {
      const openid = reader === 'stranger' ? 'stranger-openid' : reader === ADMIN_OPENID ? ADMIN_OPENID : as(reader);
      const secretariat = reader === ADMIN_OPENID || reader === 'clerk';
      for (const branchId of [undefined, 'b1', 'b2']) {
        for (const status of ['active', 'left'] as const) {
          const result = await h.call(openid, 'members.list', { ...(branchId ? { branchId } : {}), status });
          cells++;
          if (outcome(result) !== expected(reader, branchId)) wrong.push(`${reader} listing ${branchId ?? 'all'}/${status}: ${outcome(result)}, expected ${expected(reader, branchId)}`);
          if (!result.ok) continue;
          const members = result.data.members;
          if (!secretariat && members.some((m) => 'phone' in m || 'inviteCode' in m)) wrong.push(`${reader} saw phones or invite codes`);
          if (BRANCH_LEADERS.includes(reader) && members.some((m) => m.branchId !== 'b1')) wrong.push(`${reader} saw another branch's members`);
          if (secretariat && members.some((m) => m._id === 'm3' && m.phone !== '13800000003')) wrong.push(`${reader} did not see m3's phone`);
        }
      }
    }
    sizes['member directory'] = cells;
    expect(wrong).toEqual([]);
  });
});

describe('the bottom of the board (第十九条)', () => {
  it('lets the secretariat record a 通报 or 谈话提醒 for anyone, a 分会会长 for the other members of their branch, and nobody else', async () => {
    const readers = ['stranger', ADMIN_OPENID, ...EVERYONE];
    const expected = (reader: string, owner: string): 'ok' | ErrorCode => {
      if (reader === 'stranger') return 'NOT_BOUND';
      if (reader === ADMIN_OPENID) return 'ok';
      if (reader === owner && (reader === 'clerk' || reader === 'b1head')) return 'FORBIDDEN';
      if (reader === 'clerk') return 'ok';
      if (reader === 'b1head' && BRANCH_OF[owner] === 'b1') return 'ok';
      return 'FORBIDDEN';
    };
    const wrong: string[] = [];
    let cells = 0;
    for (const reader of readers) {
      const openid = reader === 'stranger' ? 'stranger-openid' : reader === ADMIN_OPENID ? ADMIN_OPENID : as(reader);
      for (const owner of EVERYONE) {
        const before = h.snapshot();
        const result = await h.call(openid, 'reminder.record', { memberId: owner, year: '2026', method: 'talk', note: '年度积分靠后，谈话提醒' });
        cells++;
        if (outcome(result) !== expected(reader, owner)) wrong.push(`${reader} recording for ${owner}: ${outcome(result)}, expected ${expected(reader, owner)}`);
        if (!result.ok && h.snapshot() !== before) wrong.push(`${reader} recording for ${owner} was refused but wrote`);
      }
    }
    sizes['bottom-of-board records'] = cells;
    expect(wrong).toEqual([]);
    expect(h.cloud.store.dump().reminders).toHaveLength(EVERYONE.length + (EVERYONE.length - 1) + 4);
  });
});

describe('末尾淘汰 (seeds/003)', () => {
  it('lets the secretariat and the association’s readers (the 会长会) ask for the list, and nobody else', async () => {
    // 荆门 has no 末尾淘汰: whoever may ask is told so (INVALID_INPUT); the others are refused before.
    const MAY_ASK = ['clerk', 'president', 'vice', 'secgen', 'instructor'];
    const expected = (reader: string): ErrorCode => (reader === 'stranger' ? 'NOT_BOUND' : reader === ADMIN_OPENID || MAY_ASK.includes(reader) ? 'INVALID_INPUT' : 'FORBIDDEN');
    const wrong: string[] = [];
    for (const reader of ['stranger', ADMIN_OPENID, ...EVERYONE]) {
      const openid = reader === 'stranger' ? 'stranger-openid' : reader === ADMIN_OPENID ? ADMIN_OPENID : as(reader);
      const result = await h.call(openid, 'bottom.list', { period: 'year', key: '2025' });
      if (outcome(result) !== expected(reader)) wrong.push(`${reader}: ${outcome(result)}, expected ${expected(reader)}`);
    }
    sizes['末尾淘汰 readers'] = EVERYONE.length + 2;
    expect(wrong).toEqual([]);
  });
});

describe('exporting sheets (F1, F2)', () => {
  it('lets the secretariat export any board, a 分会会长 their own 分会’s only, and nobody else anything', async () => {
    putMember(h, 'gone', { name: '已退会长', branch: 'b1', status: 'left', positions: ['branch_president'] });
    const SCOPES: Record<string, { branchId?: string; profession?: string } | undefined> = {
      whole: undefined,
      b1: { branchId: 'b1' },
      b2: { branchId: 'b2' },
      'b1 doctors': { branchId: 'b1', profession: '医生' },
      doctors: { profession: '医生' },
    };
    const exporters = ['stranger', ADMIN_OPENID, 'gone', ...EVERYONE];
    const expected = (who: string, scope: string): 'ok' | ErrorCode => {
      if (who === ADMIN_OPENID || who === 'clerk') return 'ok';
      if (who === 'b1head' && scope === 'b1') return 'ok';
      return 'FORBIDDEN';
    };
    const wrong: string[] = [];
    const files = new Map<string, string>();
    let cells = 0;
    for (const who of exporters) {
      const openid = who === 'stranger' ? 'stranger-openid' : who === ADMIN_OPENID ? ADMIN_OPENID : as(who);
      for (const [name, scope] of Object.entries(SCOPES)) {
        const before = h.snapshot();
        const result = await h.call(openid, 'admin.export', { period: 'month', ...(scope ? { scope } : {}) });
        cells++;
        if (outcome(result) !== expected(who, name)) wrong.push(`${who} exporting ${name}: ${outcome(result)}, expected ${expected(who, name)}`);
        if (!result.ok && h.snapshot() !== before) wrong.push(`${who} exporting ${name} was refused but wrote`);
        if (result.ok) files.set(`${who}/${name}`, result.data.fileID);
      }
    }
    sizes['exports'] = cells;
    expect(wrong).toEqual([]);
    // Each export is its maker's own file: the 分会会长's b1 sheet is not the secretariat's.
    expect(new Set([files.get('b1head/b1'), files.get(`${ADMIN_OPENID}/b1`), files.get('clerk/b1')]).size).toBe(3);
  });
});
