/**
 * Who is told (SPEC §6): a reviewer gets the reviewer template for every claim that reaches them; the
 * member who submitted or proposed a claim gets the decision template when it is approved or
 * rejected. A refused subscription never fails the action. README, the function and the
 * mini-program name the same keys.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DECIDED_TEMPLATE, REVIEW_TEMPLATE, ApiHarness } from '../support/api';
import { associationAt, openidOf } from '../support/fixtures';

let h: ApiHarness;
beforeEach(() => (h = associationAt(new Date('2026-11-21T04:00:00Z'))));
afterEach(() => h.close());

const as = openidOf;
const sent = (templateId: string) =>
  h.cloud.outbox.messages.filter((m) => m.data.template_id === templateId).map((m) => ({ to: m.data.touser, data: m.data.data, delivered: m.delivered }));

describe('the claimant is told the decision', () => {
  it('on final approval, with the points', async () => {
    const { claim } = await h.ok(as('m1'), 'claim.submit', { itemId: 'honor.county', occurredOn: '2026-11-20', note: '' });
    await h.ok(as('b1head'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    expect(sent(DECIDED_TEMPLATE)).toEqual([]);
    await h.ok(as('president'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    expect(sent(DECIDED_TEMPLATE)).toEqual([
      { to: as('m1'), delivered: true, data: expect.objectContaining({ phrase2: { value: '已通过' }, number3: { value: 10 }, thing1: { value: '获得县处级表彰、荣誉' } }) },
    ]);
  });

  it('on rejection at either step, with who rejected it and why', async () => {
    const { claim } = await h.ok(as('m1'), 'claim.submit', { itemId: 'honor.county', occurredOn: '2026-11-20', note: '' });
    await h.ok(as('b1head'), 'claim.decide', { claimId: claim._id, decision: 'reject', reason: '缺少证书照片' });
    expect(sent(DECIDED_TEMPLATE)).toEqual([
      { to: as('m1'), delivered: true, data: expect.objectContaining({ phrase2: { value: '未通过' }, thing4: { value: '东宝分会长驳回：缺少证书照片' } }) },
    ]);
  });

  it('tells the proposer of an award, and a refused subscription does not fail the decision', async () => {
    h.cloud.outbox.refuse(as('b1head'));
    const { claim } = await h.ok(as('b1head'), 'award.propose', { itemId: 'meeting.attend.branch', occurredOn: '2026-11-20', recipients: [{ memberId: 'm1' }], note: '' });
    const { claim: approved } = await h.ok(as('president'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    expect(approved.status).toBe('approved');
    expect(sent(DECIDED_TEMPLATE)).toEqual([{ to: as('b1head'), delivered: false, data: expect.objectContaining({ phrase2: { value: '已通过' } }) }]);
  });
});

describe('reviewers are told of every claim that reaches them', () => {
  it('tells each final reviewer of a split award', async () => {
    await h.ok(as('secgen'), 'award.propose', {
      itemId: 'meeting.attend.association',
      occurredOn: '2026-11-20',
      recipients: [{ memberId: 'president' }, { memberId: 'm1' }],
      note: '季度会议',
    });
    expect(sent(REVIEW_TEMPLATE).map((m) => m.to)).toEqual([as('president'), as('instructor')]);
  });
});

describe('the configuration keys', () => {
  const root = path.join(__dirname, '..', '..');
  const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

  it('are named alike in the README, the mini-program’s config.ts and the function', () => {
    const config = read('miniprogram/config.ts');
    const notify = read('server/notify.ts');
    const readme = read('README.md');
    for (const [page, env] of [
      ['claimAwaitingReview', 'SUBSCRIBE_TEMPLATE_REVIEW'],
      ['claimDecided', 'SUBSCRIBE_TEMPLATE_DECIDED'],
    ]) {
      expect(config).toMatch(new RegExp(`\\b${page}:`));
      expect(notify).toContain(`'${env}'`);
      expect(readme).toContain(`SUBSCRIBE_TEMPLATES.${page}`);
      expect(readme).toContain(env);
    }
    expect(readme).not.toMatch(/SUBSCRIBE_TEMPLATES\.(?!claimAwaitingReview|claimDecided)\w+/);
  });
});
