/**
 * The roster through the real api function: importing a pasted sheet (admin.members.import) and
 * editing one member (admin.members.update), with the boards following every change at once.
 */
import type { ImportRow } from '../../typings/api';
import { ApiHarness, ADMIN_OPENID } from '../support/api';
import { openidOf, associationAt, approveSelfReport } from '../support/fixtures';

let h: ApiHarness;
beforeEach(() => (h = associationAt(new Date('2026-11-21T04:00:00Z'))));
afterEach(() => h.close());

const snapshot = (): string => h.snapshot();
const docs = (collection: string) => h.cloud.store.dump()[collection] ?? [];
const storedMember = (id: string) => docs('members').find((m) => m._id === id) as Record<string, unknown> | undefined;
/** A stored member in the contract's names (SPEC §5: tier and positions are 荆门's category and roles). */
const member = (id: string) => {
  const stored = storedMember(id);
  return stored && ({ ...stored, tier: stored.category, positions: stored.roles } as Record<string, unknown>);
};
const memberNamed = (name: string) => docs('members').filter((m) => m.name === name) as Record<string, unknown>[];

/** 700 distinct people across three branches, the way a secretary's sheet would have them. */
function sheet(count: number): ImportRow[] {
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
  const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国文斌宇浩凯';
  const branches = ['东宝分会', '掇刀分会', '沙洋分会', undefined];
  return Array.from({ length: count }, (_, i) => ({
    name: `${surnames[i % surnames.length]}${given[Math.floor(i / surnames.length) % given.length]}${given[i % given.length]}`,
    phone: `139${String(10_000_000 + i).padStart(8, '0')}`,
    branch: branches[i % branches.length],
    tier: i % 10 === 0 ? 'director' : 'member',
    profession: ['律师', '医生', '会计师', '教师'][i % 4],
    socialRoles: i % 7 === 0 ? ['政协委员'] : [],
  }));
}

/** Gives m1 an approved 4-point entry this month, so it has tallies for the boards. */
async function approvedEntryFor(memberKey: string): Promise<void> {
  const { claim } = await h.ok(openidOf(memberKey), 'claim.submit', {
    itemId: 'deed.unquantified',
    occurredOn: '2026-11-20',
    points: 4,
    note: '助老志愿服务',
  });
  await approveSelfReport(h, claim._id);
}

describe('admin.members.import', () => {
  it('creates new members with unique 8-character invite codes and new branches', async () => {
    const result = await h.ok(ADMIN_OPENID, 'admin.members.import', {
      rows: [
        { name: '周律师', phone: '138 0013 8000', branch: '沙洋分会', tier: 'director', profession: '律师', socialRoles: ['人大代表'] },
        { name: '吴医生', branch: '东宝分会', positions: ['branch_leader'] },
        { name: '郑指导员', positions: ['political_instructor'] },
      ],
    });
    expect(result).toMatchObject({ created: 3, updated: 0, errors: [] });
    expect(result.members.map((m) => m.name)).toEqual(['周律师', '吴医生', '郑指导员']);
    for (const { inviteCode } of result.members) expect(inviteCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    expect(new Set(result.members.map((m) => m.inviteCode)).size).toBe(3);

    const zhou = member(result.members[0].memberId)!;
    expect(zhou).toMatchObject({ phone: '13800138000', branchName: '沙洋分会', tier: 'director', status: 'active', openid: null, socialRoles: ['人大代表'] });
    expect(docs('branches').map((b) => b.name).sort()).toEqual(['东宝分会', '掇刀分会', '沙洋分会']);
    expect(member(result.members[1].memberId)).toMatchObject({ branchId: 'b1', tier: 'member', positions: ['branch_leader'] });
    // The political instructor is an official, not a member: no dues tier (SPEC §4).
    expect(member(result.members[2].memberId)).toMatchObject({ branchId: null, tier: null });

    const bound = await h.ok('new-phone', 'me.bind', { inviteCode: result.members[0].inviteCode });
    expect(bound.member.name).toBe('周律师');
  });

  it('updates a member matched by phone, or by name within the branch, and their tallies follow', async () => {
    await approvedEntryFor('m1');
    h.cloud.store.commit([{ collection: 'members', id: 'm2', doc: { ...storedMember('m2')!, phone: '13900000002' } as never }]);
    const result = await h.ok(ADMIN_OPENID, 'admin.members.import', {
      rows: [
        { name: '会员甲', branch: '东宝分会', tier: 'council', profession: '建筑师' },
        { name: '会员乙改名', phone: '13900000002', branch: '掇刀分会' },
      ],
    });
    expect(result).toMatchObject({ created: 0, updated: 2, errors: [] });
    expect(result.members).toEqual([
      { memberId: 'm1', name: '会员甲', inviteCode: member('m1')!.inviteCode },
      { memberId: 'm2', name: '会员乙改名', inviteCode: member('m2')!.inviteCode },
    ]);
    expect(member('m1')).toMatchObject({ tier: 'council', profession: '建筑师', openid: openidOf('m1') });
    expect(member('m2')).toMatchObject({ name: '会员乙改名', branchId: 'b2', profession: '医生' });

    const leaders = await h.ok(openidOf('m1'), 'ranking.get', { period: 'month', scope: { group: 'leaders' } });
    expect(leaders.rows.map((r) => r.memberId)).toEqual(['m1']);
    const architects = await h.ok(openidOf('m1'), 'ranking.get', { period: 'all', scope: { profession: '建筑师' } });
    expect(architects.me).toEqual({ memberId: 'm1', rank: 1, total: 4 });
  });

  it('reports every bad row with its number and writes nothing', async () => {
    const before = snapshot();
    const result = await h.ok(ADMIN_OPENID, 'admin.members.import', {
      rows: [
        { name: '好人一', branch: '东宝分会' },
        { name: '  ' },
        { name: '错号码', phone: '12345' },
        { name: '错档次', tier: '理事' as never },
        { name: '错职务', positions: ['chairman' as never] },
        { name: '无分会会长', positions: ['branch_president'] },
        { name: '同名', branch: '掇刀分会' },
        { name: '同名', branch: '掇刀分会' },
        { name: '名字实在是太长了超过二十个字的名字肯定是填错了吧' },
        { name: '重号一', phone: '13700000001' },
        { name: '重号二', phone: '137 0000 0001' },
        { name: '好人二' },
      ],
    });
    expect(result.created).toBe(0);
    expect(result.updated).toBe(0);
    expect(result.members).toEqual([]);
    expect(result.errors.map((e) => e.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 11]);
    const message = (row: number) => result.errors.find((e) => e.row === row)!.message;
    expect(message(2)).toContain('请填写姓名');
    expect(message(3)).toContain('手机号');
    expect(message(4)).toContain('会费档次');
    expect(message(5)).toContain('chairman');
    expect(message(6)).toContain('分会会长须填写所属分会');
    expect(message(7)).toContain('与第 8 行同一分会同名');
    expect(message(9)).toContain('20');
    expect(message(11)).toContain('与第 10 行手机号相同');
    expect(snapshot()).toBe(before);
  });

  it('refuses a row that matches a name held by two members of the branch', async () => {
    h.cloud.store.commit([{ collection: 'members', id: 'twin', doc: { ...member('m1')!, _id: 'twin', inviteCode: 'TWINCODE', openid: null } as never }]);
    const before = snapshot();
    const result = await h.ok(ADMIN_OPENID, 'admin.members.import', { rows: [{ name: '会员甲', branch: '东宝分会' }] });
    expect(result.errors).toEqual([{ row: 1, message: '已有 2 名同分会同名会员，请填写手机号以区分' }]);
    expect(snapshot()).toBe(before);
  });

  it('answers INVALID_INPUT for a malformed payload and writes nothing', async () => {
    const before = snapshot();
    for (const payload of [
      {},
      { rows: [] },
      { rows: 'name' },
      { rows: [{ phone: '13800138000' }] },
      { rows: [{ name: 5 }] },
      { rows: [{ name: '甲', openid: 'x' }] },
      { rows: Array.from({ length: 1001 }, (_, i) => ({ name: `人${i}` })) },
    ]) {
      expect((await h.fails(ADMIN_OPENID, 'admin.members.import', payload)).code).toBe('INVALID_INPUT');
    }
    expect(snapshot()).toBe(before);
  });

  it('is for the secretariat only', async () => {
    const before = snapshot();
    const rows = [{ name: '新人' }];
    expect((await h.fails(openidOf('m1'), 'admin.members.import', { rows })).code).toBe('FORBIDDEN');
    expect((await h.fails(openidOf('president'), 'admin.members.import', { rows })).code).toBe('FORBIDDEN');
    expect((await h.fails('stranger', 'admin.members.import', { rows })).code).toBe('FORBIDDEN');
    expect(snapshot()).toBe(before);
    // A member marked secretariat may import.
    expect((await h.ok(openidOf('clerk'), 'admin.members.import', { rows })).created).toBe(1);
  });

  it('answers a retry with the same requestId with the first result and writes nothing new', async () => {
    const rows = [{ name: '新人甲', branch: '东宝分会' }, { name: '新人乙' }];
    const first = await h.call(ADMIN_OPENID, 'admin.members.import', { rows }, 'import-0001');
    const after = snapshot();
    const second = await h.call(ADMIN_OPENID, 'admin.members.import', { rows }, 'import-0001');
    expect(second).toEqual(first);
    expect(snapshot()).toBe(after);
    expect(memberNamed('新人甲')).toHaveLength(1);

    // Even when the roster changed since, so that the rows would now be refused, the retry gets the first result.
    const twin = { ...memberNamed('新人乙')[0], _id: 'twin', inviteCode: 'TWINCODE' };
    h.cloud.store.commit([{ collection: 'members', id: 'twin', doc: twin as never }]);
    expect((await h.ok(ADMIN_OPENID, 'admin.members.import', { rows })).errors).toHaveLength(1);
    expect(await h.call(ADMIN_OPENID, 'admin.members.import', { rows }, 'import-0001')).toEqual(first);
  });

  it('imports 700 rows in one call, well within the 20 s function timeout', async () => {
    const rows = sheet(700);
    jest.useRealTimers(); // a wall clock to measure with; the store keeps its fixed serverDate
    const timed = async (timeoutMs = 20_000) => {
      const started = Date.now();
      const result = await h.cloud.invoke('api', { action: 'admin.members.import', payload: { rows } }, { openid: ADMIN_OPENID, timeoutMs });
      return { data: (result as { data: { created: number; updated: number; errors: unknown[]; members: { memberId: string; inviteCode: string }[] } }).data, ms: Date.now() - started };
    };
    const created = await timed();
    expect(created.data).toMatchObject({ created: 700, updated: 0, errors: [] });
    expect(new Set(created.data.members.map((m) => m.inviteCode)).size).toBe(700);
    expect(created.ms).toBeLessThan(20_000);

    // A year of history each (all, the year, twelve months: 14 tallies).
    const keys = ['all', 'y:2026', ...Array.from({ length: 12 }, (_, m) => `m:2026-${String(m + 1).padStart(2, '0')}`)];
    const imported = new Map(docs('members').map((m) => [m._id, m]));
    for (const { memberId } of created.data.members) {
      const stored = imported.get(memberId)!;
      h.cloud.store.commit([
        { collection: 'members', id: memberId, doc: { ...stored, tallyKeys: keys } as never },
        ...keys.map((key) => ({ collection: 'tallies', id: `${memberId}:${key}`, doc: { _id: `${memberId}:${key}`, memberId, key, total: 10, name: stored.name, status: 'active' } as never })),
      ]);
    }
    // The same sheet again: nothing to write.
    const unchanged = await timed();
    expect(unchanged.data).toMatchObject({ created: 0, updated: 0, errors: [] });
    expect(unchanged.ms).toBeLessThan(20_000);

    // A tenth of the members changed branch: their members and 980 tallies are rewritten.
    rows.forEach((row, i) => i % 10 === 0 && (row.branch = '京山分会'));
    const someChanged = await timed();
    expect(someChanged.data).toMatchObject({ created: 0, updated: 70, errors: [] });
    expect(someChanged.ms).toBeLessThan(20_000);

    // The worst case, every member changed: 700 members and 9,800 tallies in one transaction.
    rows.forEach((row) => (row.profession = '企业家'));
    const allChanged = await timed(60_000);
    expect(allChanged.data).toMatchObject({ created: 0, updated: 700, errors: [] });
    console.log(
      `700-row import: creating ${created.ms} ms; unchanged again ${unchanged.ms} ms; ` +
        `70 changed (14 tallies each) ${someChanged.ms} ms; all 700 changed (9,800 tallies) ${allChanged.ms} ms`,
    );
    expect(docs('members')).toHaveLength(12 + 700);
    expect(docs('tallies').filter((t) => t.profession === '企业家')).toHaveLength(700 * keys.length);
    expect(docs('tallies').filter((t) => t.branchName === '京山分会')).toHaveLength(70 * keys.length);
  }, 90_000);
});

describe('admin.members.update', () => {
  it('takes a member who left off every board at once, keeping their ledger', async () => {
    await approvedEntryFor('m1');
    const { member: left } = await h.ok(ADMIN_OPENID, 'admin.members.update', { memberId: 'm1', patch: { status: 'left' } });
    expect(left.status).toBe('left');
    for (const period of ['month', 'year', 'all'] as const) {
      expect((await h.ok(openidOf('m2'), 'ranking.get', { period })).rows).toEqual([]);
    }
    expect(docs('ledger').filter((e) => e.memberId === 'm1')).toHaveLength(1);
    expect((await h.fails(openidOf('m1'), 'claim.mine', {})).code).toBe('FORBIDDEN');
  });

  it('moves a member to another branch, and the new branch board shows them', async () => {
    await approvedEntryFor('m1');
    await h.ok(ADMIN_OPENID, 'admin.members.update', { memberId: 'm1', patch: { branch: '掇刀分会' } });
    expect((await h.ok(openidOf('m1'), 'ranking.get', { period: 'month', scope: { branchId: 'b1' } })).rows).toEqual([]);
    const b2 = await h.ok(openidOf('m1'), 'ranking.get', { period: 'month', scope: { branchId: 'b2' } });
    expect(b2.rows).toEqual([{ memberId: 'm1', name: '会员甲', branchName: '掇刀分会', total: 4, rank: 1 }]);

    // A branch named for the first time is created.
    const { member: moved } = await h.ok(ADMIN_OPENID, 'admin.members.update', { memberId: 'm1', patch: { branch: '京山分会' } });
    expect(docs('branches').find((b) => b._id === moved.branchId)).toMatchObject({ name: '京山分会' });
  });

  it('resets a binding: the old account is released and a new invite code is issued', async () => {
    const oldCode = member('m1')!.inviteCode;
    const { member: reset, inviteCode } = await h.ok(ADMIN_OPENID, 'admin.members.update', { memberId: 'm1', patch: { resetBinding: true } });
    expect(reset._id).toBe('m1');
    expect(inviteCode).not.toBe(oldCode);
    expect(member('m1')).toMatchObject({ openid: null, inviteCode });
    expect((await h.ok(openidOf('m1'), 'me.get', {})).member).toBeNull();
    expect((await h.fails('new-phone', 'me.bind', { inviteCode: oldCode as string })).code).toBe('NOT_FOUND');
    expect((await h.ok('new-phone', 'me.bind', { inviteCode })).member._id).toBe('m1');
  });

  it('edits positions, tier, secretariat and profile fields', async () => {
    const { member: updated } = await h.ok(ADMIN_OPENID, 'admin.members.update', {
      memberId: 'm2',
      patch: { name: '会员乙', phone: '+86 139-0000-0009', tier: 'director', positions: ['branch_leader'], profession: '', socialRoles: ['政协委员'], secretariat: true },
    });
    expect(updated).toMatchObject({ tier: 'director', positions: ['branch_leader'], profession: null, socialRoles: ['政协委员'], secretariat: true, phone: '13900000009' });
    expect((await h.ok(openidOf('m2'), 'me.get', {})).roles).toEqual(['branch_leader', 'secretariat']);
  });

  it('rejects bad patches with a typed error and writes nothing', async () => {
    h.cloud.store.commit([{ collection: 'members', id: 'm3', doc: { ...member('m3')!, phone: '13900000003' } as never }]);
    const before = snapshot();
    const cases: [unknown, string][] = [
      [{ memberId: 'm1', patch: {} }, 'INVALID_INPUT'],
      [{ memberId: 'm1' }, 'INVALID_INPUT'],
      [{ memberId: 'm1', patch: { name: '' } }, 'INVALID_INPUT'],
      [{ memberId: 'm1', patch: { phone: '1234' } }, 'INVALID_INPUT'],
      [{ memberId: 'm1', patch: { tier: 'chair' } }, 'INVALID_INPUT'],
      [{ memberId: 'm1', patch: { positions: ['king'] } }, 'INVALID_INPUT'],
      [{ memberId: 'm1', patch: { status: 'gone' } }, 'INVALID_INPUT'],
      [{ memberId: 'm1', patch: { resetBinding: false } }, 'INVALID_INPUT'],
      [{ memberId: 'm1', patch: { openid: 'x' } }, 'INVALID_INPUT'],
      [{ memberId: 'm1', patch: { branch: null, positions: ['branch_president'] } }, 'INVALID_INPUT'],
      [{ memberId: 'b1lead', patch: { branch: null } }, 'INVALID_INPUT'],
      [{ memberId: 'm1', patch: { phone: '13900000003' } }, 'INVALID_INPUT'],
      [{ memberId: 'nobody', patch: { status: 'left' } }, 'NOT_FOUND'],
    ];
    for (const [payload, code] of cases) {
      expect([JSON.stringify(payload), (await h.fails(ADMIN_OPENID, 'admin.members.update', payload)).code]).toEqual([JSON.stringify(payload), code]);
    }
    expect(snapshot()).toBe(before);
  });

  it('is for the secretariat only', async () => {
    const before = snapshot();
    const payload = { memberId: 'm1', patch: { status: 'left' as const } };
    expect((await h.fails(openidOf('m2'), 'admin.members.update', payload)).code).toBe('FORBIDDEN');
    expect((await h.fails(openidOf('b1head'), 'admin.members.update', payload)).code).toBe('FORBIDDEN');
    expect(snapshot()).toBe(before);
  });

  it('answers a retry with the same requestId with the first result and writes nothing new', async () => {
    const payload = { memberId: 'm1', patch: { resetBinding: true as const } };
    const first = await h.call(ADMIN_OPENID, 'admin.members.update', payload, 'reset-m1-01');
    const after = snapshot();
    const second = await h.call(ADMIN_OPENID, 'admin.members.update', payload, 'reset-m1-01');
    expect(second).toEqual(first);
    expect(snapshot()).toBe(after);
  });
});
