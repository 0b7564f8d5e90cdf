/**
 * Rule versions through the real api function (第二十、二十一条): a new version is published as a
 * notice and applies from its effective time; recorded entries keep their points and a pending claim
 * keeps the version it was submitted under.
 */
import type { SchemeItemInput } from '../../typings/api';
import type { CatalogItem } from '../../typings/models';
import { JINGMEN_SCHEME } from '../../domain/schemes/jingmen';
import { ApiHarness, ADMIN_OPENID } from '../support/api';
import { openidOf, associationAt } from '../support/fixtures';

let h: ApiHarness;
beforeEach(() => (h = associationAt(new Date('2026-11-21T04:00:00Z'))));
afterEach(() => h.close());

const snapshot = (): string => h.snapshot();
const docs = (collection: string) => h.cloud.store.dump()[collection] ?? [];

/** Version 2: a written suggestion is worth 3 instead of 2, a new honour item, no 县处级 honour. */
function revisedItems(): SchemeItemInput[] {
  const items: SchemeItemInput[] = JINGMEN_SCHEME.items
    .filter((item) => item.id !== 'honor.county')
    .map((item) => (item.id === 'outreach.suggestion' ? { ...item, points: 3 } : { ...item }));
  items.push({ id: 'honor.industry', name: '获得行业协会表彰', category: '荣誉', kind: 'fixed', points: 5, article: '第十条' });
  return items;
}

async function submitSuggestion(memberKey: string): Promise<string> {
  const { claim } = await h.ok(openidOf(memberKey), 'claim.submit', { itemId: 'outreach.suggestion', occurredOn: '2026-11-20', note: '关于优化营商环境的建议' });
  return claim._id;
}

/** Endorsed by a branch leader (2-point authority covers a fixed item), final review by the secretary-general. */
async function approve(claimId: string): Promise<void> {
  const { claim } = await h.ok(openidOf('b1head'), 'claim.decide', { claimId, decision: 'approve' });
  const finalReviewer = claim.waitingFor!.memberIds[0];
  await h.ok(openidOf(finalReviewer), 'claim.decide', { claimId, decision: 'approve' });
}

describe('admin.scheme.publish', () => {
  it('publishes version 2 with a notice listing what changed', async () => {
    const { version } = await h.ok(ADMIN_OPENID, 'admin.scheme.publish', { items: revisedItems(), note: '根据会长会决议修订建言献策分值' });
    expect(version).toBe(2);
    const { notices } = await h.ok(openidOf('m1'), 'notice.list', {});
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      kind: 'scheme',
      title: '积分办法第2版',
      body: '根据会长会决议修订建言献策分值',
      schemeVersion: 2,
      publishedAt: '2026-11-21T04:00:00.000Z',
      effectiveFrom: '2026-11-21T04:00:00.000Z',
    });
    expect(notices[0].changes).toEqual([
      '书面建言献策：分值由 2 分 改为 3 分',
      '新增项目：获得行业协会表彰（5 分）',
      '删除项目：获得县处级表彰、荣誉',
    ]);
    expect(docs('schemes').map((d) => d._id)).toEqual(['v2']);

    const catalog = await h.ok(openidOf('m1'), 'catalog.get', {});
    expect(catalog.version).toBe(2);
    expect(catalog.items.find((i: CatalogItem) => i.id === 'outreach.suggestion')!.points).toBe(3);
    expect(catalog.items.find((i: CatalogItem) => i.id === 'honor.industry')!.claimable).toBe(true);
  });

  it('leaves recorded entries and tallies as they were', async () => {
    await approve(await submitSuggestion('m1'));
    const recorded = JSON.stringify([docs('ledger'), docs('tallies')]);
    expect(docs('ledger').map((e) => e.points)).toEqual([2]);

    await h.ok(ADMIN_OPENID, 'admin.scheme.publish', { items: revisedItems(), note: '修订' });
    expect(JSON.stringify([docs('ledger'), docs('tallies')])).toBe(recorded);
    expect((await h.ok(openidOf('m1'), 'ranking.get', { period: 'month' })).me).toEqual({ memberId: 'm1', rank: 1, total: 2 });
  });

  it('approves a claim submitted before publication at its own version’s points', async () => {
    const before = await submitSuggestion('m1');
    await h.ok(ADMIN_OPENID, 'admin.scheme.publish', { items: revisedItems(), note: '修订' });
    const after = await submitSuggestion('m2');
    await approve(before);
    await approve(after);

    const { claim } = await h.ok(openidOf('m1'), 'claim.get', { claimId: before });
    expect(claim).toMatchObject({ status: 'approved', schemeVersion: 1 });
    const entries = docs('ledger').map((e) => [e.memberId, e.points, e.schemeVersion]);
    expect(entries).toEqual(expect.arrayContaining([['m1', 2, 1], ['m2', 3, 2]]));
  });

  it('applies a version from its effective date only', async () => {
    const { version } = await h.ok(ADMIN_OPENID, 'admin.scheme.publish', { items: revisedItems(), effectiveFrom: '2026-12-01', note: '12月起执行' });
    expect(version).toBe(2);
    const now = await h.ok(openidOf('m1'), 'catalog.get', {});
    expect(now.version).toBe(1);
    expect((await h.ok(openidOf('m1'), 'notice.list', {})).notices[0].effectiveFrom).toBe('2026-11-30T16:00:00.000Z');

    h.setNow(new Date('2026-11-30T15:59:59Z'));
    expect((await h.ok(openidOf('m1'), 'catalog.get', {})).version).toBe(1);
    h.setNow(new Date('2026-11-30T16:00:00Z')); // 00:00 on 1 December in Shanghai
    const later = await h.ok(openidOf('m1'), 'catalog.get', {});
    expect(later).toMatchObject({ version: 2, effectiveFrom: '2026-11-30T16:00:00.000Z' });
  });

  it('builds each version on the latest one, even before it takes effect', async () => {
    await h.ok(ADMIN_OPENID, 'admin.scheme.publish', { items: revisedItems(), effectiveFrom: '2026-12-01', note: '第二版' });
    const items = revisedItems().map((item) => (item.id === 'honor.industry' ? { ...item, points: 8 } : item));
    const { version } = await h.ok(ADMIN_OPENID, 'admin.scheme.publish', { items, effectiveFrom: '2027-01-01', note: '第三版' });
    expect(version).toBe(3);
    const notices = (await h.ok(openidOf('m1'), 'notice.list', {})).notices;
    expect(notices.find((n) => n.schemeVersion === 3)!.changes).toEqual(['获得行业协会表彰：分值由 5 分 改为 8 分']);
  });

  it('rejects bad input with a typed error and writes nothing', async () => {
    await h.ok(ADMIN_OPENID, 'admin.scheme.publish', { items: revisedItems(), effectiveFrom: '2026-12-10', note: '第二版' });
    const before = snapshot();
    const items = revisedItems();
    const cases: [string, unknown][] = [
      ['no payload', undefined],
      ['no items', { items: [], note: '空' }],
      ['no note', { items }],
      ['blank note', { items, note: '  ' }],
      ['unknown field', { items, note: '修订', version: 9 }],
      ['fixed item without points', { items: [...items, { id: 'x.y', name: '坏项目', category: '其他', kind: 'fixed' }], note: '修订' }],
      ['duplicate ids', { items: [...items, items[5]], note: '修订' }],
      ['bad id', { items: [...items, { id: 'Bad Id', name: '坏', category: '其他', kind: 'fixed', points: 1 }], note: '修订' }],
      ['claimable dues', { items: items.map((i) => (i.kind === 'dues' ? { ...i, claimable: true } : i)), note: '修订' }],
      ['bad date', { items, effectiveFrom: '2026-13-01', note: '修订' }],
      ['in the past', { items, effectiveFrom: '2026-11-01', note: '修订' }],
      ['before the latest version', { items, effectiveFrom: '2026-12-05', note: '修订' }],
      ['nothing changed', { items, effectiveFrom: '2026-12-20', note: '修订' }],
    ];
    for (const [label, payload] of cases) {
      expect([label, (await h.fails(ADMIN_OPENID, 'admin.scheme.publish', payload)).code]).toEqual([label, 'INVALID_INPUT']);
    }
    expect(snapshot()).toBe(before);
  });

  it('is for the secretariat only', async () => {
    const before = snapshot();
    const payload = { items: revisedItems(), note: '修订' };
    expect((await h.fails(openidOf('m1'), 'admin.scheme.publish', payload)).code).toBe('FORBIDDEN');
    expect((await h.fails(openidOf('president'), 'admin.scheme.publish', payload)).code).toBe('FORBIDDEN');
    expect(snapshot()).toBe(before);
    expect((await h.ok(openidOf('clerk'), 'admin.scheme.publish', payload)).version).toBe(2);
  });

  it('answers a retry with the same requestId with the first result and publishes once', async () => {
    const payload = { items: revisedItems(), note: '修订' };
    const first = await h.call(ADMIN_OPENID, 'admin.scheme.publish', payload, 'publish-0001');
    const after = snapshot();
    const second = await h.call(ADMIN_OPENID, 'admin.scheme.publish', payload, 'publish-0001');
    expect(second).toEqual(first);
    expect(first).toEqual({ ok: true, data: { version: 2 } });
    expect(snapshot()).toBe(after);
  });
});
