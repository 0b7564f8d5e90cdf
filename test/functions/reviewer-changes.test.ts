/**
 * Claims never get stuck on a reviewer who left or was replaced (第十四条, 第十五条): a claim waits for
 * a role, not a person; whoever holds it now decides it and finds it in their inbox, and where it is
 * vacant the next one up does.
 */
import type { Claim } from '../../typings/models';
import { ADMIN_OPENID, ApiHarness } from '../support/api';
import { associationAt, openidOf, putMember } from '../support/fixtures';

let h: ApiHarness;
beforeEach(() => (h = associationAt(new Date('2026-11-21T04:00:00Z'))));
afterEach(() => h.close());

const as = openidOf;
const update = (memberId: string, patch: Record<string, unknown>) => h.ok(ADMIN_OPENID, 'admin.members.update', { memberId, patch });
const inboxOf = async (key: string) => (await h.ok(as(key), 'inbox.list', {})).claims.map((c) => c._id);
const claimNow = async (claimId: string): Promise<Claim> => (await h.ok(ADMIN_OPENID, 'claim.get', { claimId })).claim;

/** A b1 member's 10-point honour, endorsed by a 2-point branch leader: it waits for the 秘书长. */
async function waitingForSecretaryGeneral(): Promise<Claim> {
  const { claim } = await h.ok(as('m1'), 'claim.submit', { itemId: 'honor.county', occurredOn: '2026-11-20', note: '' });
  const { claim: endorsed } = await h.ok(as('b1lead'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
  expect(endorsed.waitingFor).toEqual({ memberIds: ['secgen'], label: '秘书长' });
  return endorsed;
}

describe('final review when the 秘书长 changes', () => {
  it('gives a claim waiting for a 秘书长 who left to the 会长, as for a vacancy, in his inbox', async () => {
    const claim = await waitingForSecretaryGeneral();
    await update('secgen', { status: 'left' });

    expect((await claimNow(claim._id)).waitingFor).toEqual({ memberIds: ['president'], label: '会长（秘书长空缺，逐级上报）' });
    expect(await inboxOf('president')).toEqual([claim._id]);
    expect((await h.fails(as('secgen'), 'claim.decide', { claimId: claim._id, decision: 'approve' })).code).toBe('FORBIDDEN');
    const { claim: approved } = await h.ok(as('president'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    expect(approved.status).toBe('approved');
  });

  it('lets the new 秘书长 decide what waited for the one replaced, and shows it in their inbox', async () => {
    putMember(h, 'newsec', { name: '陈新秘书长', branch: null, tier: 'director' });
    const claim = await waitingForSecretaryGeneral();
    await update('secgen', { positions: [] });
    await update('newsec', { positions: ['secretary_general'] });

    expect((await claimNow(claim._id)).waitingFor).toEqual({ memberIds: ['newsec'], label: '秘书长' });
    expect(await inboxOf('newsec')).toEqual([claim._id]);
    expect(await inboxOf('secgen')).toEqual([]);
    expect((await h.ok(as('newsec'), 'me.get')).inboxCount).toBe(1);
    const { claim: approved } = await h.ok(as('newsec'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    expect(approved.decisions.map((d) => d.by)).toEqual(['b1lead', 'newsec']);
  });

  it('tells the newly reached reviewer with the reviewer template', async () => {
    putMember(h, 'newsec', { name: '陈新秘书长', branch: null, tier: 'director' });
    const claim = await waitingForSecretaryGeneral();
    h.cloud.outbox.clear();
    await update('secgen', { status: 'left' });
    await update('newsec', { positions: ['secretary_general'] });
    expect(h.cloud.outbox.delivered().map((m) => [m.data.touser, m.data.page])).toEqual([
      [as('president'), `pages/inbox/index?claimId=${claim._id}`],
      [as('newsec'), `pages/inbox/index?claimId=${claim._id}`],
    ]);
  });
});

describe('endorsement when a branch leader leaves or loses the authority', () => {
  beforeEach(() => putMember(h, 'b2lead', { name: '掇刀班子', branch: 'b2', positions: ['branch_leader'] }));

  async function waitingForBranchLeader(): Promise<Claim> {
    const { claim } = await h.ok(as('m3'), 'claim.submit', { itemId: 'honor.county', occurredOn: '2026-11-20', note: '' });
    expect(claim.waitingFor!.memberIds).toEqual(['b2lead']);
    return claim;
  }

  it.each([
    ['leaves', { status: 'left' }],
    ['loses the position', { positions: [] }],
  ])('routes a self-report to the association’s leaders when its only endorser %s', async (_label, patch) => {
    const claim = await waitingForBranchLeader();
    await update('b2lead', patch);

    const now = await claimNow(claim._id);
    expect(now.waitingFor).toEqual({ memberIds: ['president', 'secgen', 'vice'], label: '市新联会领导' });
    expect(await inboxOf('vice')).toEqual([claim._id]);
    expect(await inboxOf('b2lead').catch(() => [])).toEqual([]);
    await h.ok(as('vice'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
  });

  it('gives the claim back to the branch when it has a leader again', async () => {
    const claim = await waitingForBranchLeader();
    await update('b2lead', { positions: [] });
    putMember(h, 'b2head', { name: '掇刀分会长', branch: 'b2', tier: 'member' });
    await update('b2head', { positions: ['branch_president'] });
    expect((await claimNow(claim._id)).waitingFor).toEqual({ memberIds: ['b2head'], label: '分会领导' });
  });
});

describe('the decide step itself', () => {
  it('lets the holder of the role decide even if the stored route has not caught up with them', async () => {
    const claim = await waitingForSecretaryGeneral();
    // The roster changed behind the api's back (as a claim routed in the same instant as an appointment could be).
    putMember(h, 'newsec', { name: '陈新秘书长', branch: null, tier: 'director', positions: ['secretary_general'] });
    putMember(h, 'secgen', { name: '张秘书长', branch: null, tier: 'director', status: 'left' });
    const { claim: approved } = await h.ok(as('newsec'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    expect(approved.status).toBe('approved');
  });
});
