/**
 * The demo association `npm start` seeds into an empty store (SPEC §3): 荆门市新联会 with three
 * branches, about sixty members in every role, and three months of history, so that the boards, the
 * ledger and the inboxes are alive on first run.
 *
 * Everything goes through the real `api` function, each call as the person who would make it
 * (openid `demo-<key>`; the secretariat member is bound to `local-admin`): the secretariat imports
 * the roster and records dues, members self-report, leaders endorse, propose collective events and
 * give final review. So the demo's documents are exactly what the product writes, and the tallies
 * equal the ledger by construction.
 */
import { performance } from 'perf_hooks';
import type { PayloadOf } from '../../typings/api';
import type { Claim } from '../../typings/models';
import { categoryName, roleName } from '../../domain/glossary';
import { JINGMEN_SCHEME } from '../../domain/schemes/jingmen';
import { daysBetween, shanghaiDate } from '../../domain/periods';
import type { DemoCast } from '../../localcloud/preview';
import type { LocalCloud } from '../../localcloud/runtime';
import type { SeedOutcome } from '../../localcloud/server';
import { DemoApi, demoOpenid, fail, type DemoOptions } from './api';
import { BRANCHES, demoCast, LEAVERS, type Person } from './jingmen-cast';

/** The association's own unit, for people who belong to no branch. */
const ASSOCIATION_UNIT = '总会';

/** Who the demo's people are, for the preview's caller switcher (GET /demo.json). */
function castOf(people: Person[], secretariat: string): DemoCast {
  return {
    scheme: 'jingmen',
    people: people.map((p) => ({
      openid: demoOpenid(p.key),
      name: p.name,
      roles: [
        ...(p.positions ?? []).map((position) => roleName(JINGMEN_SCHEME, position)),
        ...(p.key === secretariat ? ['秘书处'] : []),
        ...(p.tier ? [categoryName(JINGMEN_SCHEME, p.tier)!] : []),
        ...(LEAVERS.includes(p.key) ? ['已退会'] : []),
      ],
      unit: p.branch ?? ASSOCIATION_UNIT,
    })),
    // A member of a branch, with history and a board position: what most people see first.
    start: demoOpenid('dongbao-05'),
  };
}

/** Seeds the demo association through the api; returns a summary for the console and the people it made. */
export async function seedJingmen(cloud: LocalCloud, options: DemoOptions = {}): Promise<SeedOutcome> {
  const started = performance.now();
  const api = new DemoApi(cloud);
  const today = shanghaiDate(options.now ?? new Date());
  const daysAgo = (n: number): string => {
    const date = new Date(`${today}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() - n);
    return date.toISOString().slice(0, 10);
  };
  const admin = api.admin();

  // The roster: imported by the secretariat, each member binding their WeChat with the invite code.
  const cast = demoCast();
  const imported = await api.as(admin, 'admin.members.import', {
    rows: cast.map((p, i) => ({
      name: p.name,
      phone: `1387160${String(1000 + i)}`,
      branch: p.branch,
      tier: p.tier,
      positions: p.positions ?? [],
      profession: p.profession,
      socialRoles: p.socialRoles ?? [],
    })),
  });
  const idOf = new Map<string, string>();
  const openidOfId = new Map<string, string>();
  cast.forEach((p, i) => {
    const { memberId } = imported.members[i];
    idOf.set(p.key, memberId);
    openidOfId.set(memberId, demoOpenid(p.key));
  });
  const id = (key: string): string => idOf.get(key) ?? fail(`unknown demo member ${key}`);
  await Promise.all(cast.map((p, i) => api.as(demoOpenid(p.key), 'me.bind', { inviteCode: imported.members[i].inviteCode })));
  await api.as(admin, 'admin.members.update', { memberId: id('clerk'), patch: { secretariat: true } });
  const clerk = demoOpenid('clerk');

  // 第五条: dues paid over the last four months (council members a whole term at once).
  await Promise.all(
    cast
      .filter((p) => p.tier)
      .map((p, i) =>
        api.as(clerk, 'admin.dues.record', { memberId: id(p.key), paidOn: daysAgo(95 + (i % 30)), years: p.tier === 'council' ? 5 : 1 }),
      ),
  );

  /** A claim's current reviewer: the first of those it waits for. */
  const reviewerOf = (claim: Claim): string => {
    const memberId = claim.waitingFor?.memberIds[0] ?? fail(`claim ${claim._id} waits for nobody`);
    return openidOfId.get(memberId) ?? fail(`no openid for ${memberId}`);
  };
  const decide = async (claim: Claim, decision: 'approve' | 'reject' = 'approve', reason?: string, by?: string): Promise<Claim> => {
    if (by && !claim.waitingFor?.memberIds.includes(id(by))) fail(`claim ${claim.itemName} does not wait for ${by}`);
    const openid = by ? demoOpenid(by) : reviewerOf(claim);
    return (await api.as(openid, 'claim.decide', { claimId: claim._id, decision, ...(reason ? { reason } : {}) })).claim;
  };

  type Self = { key: string; itemId: string; ago: number; note: string; points?: number; value?: number; count?: number };
  const submit = async (s: Self): Promise<Claim> => {
    const payload: PayloadOf<'claim.submit'> = { itemId: s.itemId, occurredOn: daysAgo(s.ago), note: s.note };
    if (s.points !== undefined) payload.points = s.points;
    if (s.value !== undefined) payload.value = s.value;
    if (s.count !== undefined) payload.count = s.count;
    return (await api.as(demoOpenid(s.key), 'claim.submit', payload)).claim;
  };
  type Event = { by: string; itemId: string; ago: number; note: string; who: string[]; spoke?: string[]; hosted?: string[]; points?: number };
  const propose = async (e: Event): Promise<Claim> =>
    (
      await api.as(demoOpenid(e.by), 'award.propose', {
        itemId: e.itemId,
        occurredOn: daysAgo(e.ago),
        note: e.note,
        recipients: e.who.map((key) => ({
          memberId: id(key),
          ...(e.points !== undefined ? { points: e.points } : {}),
          ...(e.spoke?.includes(key) ? { spoke: true } : {}),
          ...(e.hosted?.includes(key) ? { hosted: true } : {}),
        })),
      })
    ).claim;

  const branchKeys = (slug: string) => cast.filter((p) => p.key.startsWith(`${slug}-`)).map((p) => p.key);
  const officers = ['president', 'vp1', 'vp2', 'vp3', 'secgen', 'council1', 'council2', 'director1', 'director2'];
  const heads = BRANCHES.map((b) => `${b.slug}-head`);

  // 第十五条 集体事件: each month an association meeting, a meeting in every branch; a city activity.
  const events: Event[] = [];
  for (const [n, ago] of [80, 50, 20].entries()) {
    events.push({
      by: 'secgen',
      itemId: 'meeting.attend.association',
      ago,
      note: ['市新联会第一季度工作会议', '市新联会会员代表座谈会', '市新联会年中工作推进会'][n],
      who: [...officers.filter((k) => k !== 'secgen'), ...heads, ...BRANCHES.flatMap((b) => branchKeys(b.slug).slice(4, 8 + n))],
      spoke: ['vp1', heads[n], `${BRANCHES[n].slug}-01`],
    });
    for (const [b, { slug, name }] of BRANCHES.entries()) {
      const members = branchKeys(slug).filter((k) => k !== `${slug}-head`);
      events.push({
        by: `${slug}-head`,
        itemId: 'meeting.attend.branch',
        ago: ago - 5 - b,
        note: `${name}${['季度例会', '主题学习会', '会员联谊交流会'][n]}`,
        who: members.filter((_, i) => (i + n) % 5 !== 0),
        spoke: [members[1], members[4 + n]],
        hosted: n === 1 ? [members[2]] : [],
      });
    }
  }
  events.push({ by: 'vp1', itemId: 'activity.attend.city_uf', ago: 62, note: '全市统战系统“同心荆门”公益行活动', who: ['vp2', 'director1', ...branchKeys('dongbao').slice(3, 9), ...branchKeys('shayang').slice(4, 8)] });
  events.push({ by: 'president', itemId: 'meeting.attend.county_uf', ago: 33, note: '沙洋县统战工作座谈会', who: ['shayang-head', 'shayang-leader1', 'shayang-05', 'shayang-07', 'vp3'], spoke: ['shayang-head'] });
  events.push({ by: 'dongbao-head', itemId: 'other', ago: 26, note: '协助组织分会义诊活动', who: ['dongbao-06', 'dongbao-03'], points: 3 });
  for (const event of events) await decide(await propose(event));

  // 第十五条 个性化事件: self-reports, each endorsed and final-reviewed.
  const reports: Self[] = [
    { key: 'dongbao-05', itemId: 'deed.unquantified', ago: 84, points: 4, note: '为社区老人开展免费法律咨询' },
    { key: 'dongbao-06', itemId: 'outreach.suggestion', ago: 77, note: '关于完善城区停车管理的书面建议' },
    { key: 'dongbao-07', itemId: 'honor.city', ago: 71, note: '获评荆门市优秀律师' },
    { key: 'dongbao-08', itemId: 'deed.quantified', ago: 66, value: 3000, note: '向东宝区希望小学捐赠图书' },
    { key: 'dongbao-09', itemId: 'outreach.recruit', ago: 58, count: 1, note: '介绍何医生加入本会' },
    { key: 'dongbao-leader1', itemId: 'deed.unquantified', ago: 41, points: 3, note: '组织青年教师公益讲座' },
    { key: 'dongbao-10', itemId: 'honor.county', ago: 36, note: '获评东宝区三八红旗手' },
    { key: 'dongbao-11', itemId: 'deed.unquantified', ago: 14, points: 5, note: '协调解决会员企业用工难题' },
    { key: 'dongbao-12', itemId: 'outreach.suggestion', ago: 6, note: '关于支持新就业群体的书面建议' },
    { key: 'duodao-05', itemId: 'deed.quantified', ago: 82, value: 5000, note: '资助困难学生完成学业' },
    { key: 'duodao-06', itemId: 'outreach.suggestion', ago: 73, note: '关于优化营商环境的书面建议' },
    { key: 'duodao-07', itemId: 'outreach.adopted', ago: 55, points: 6, note: '营商环境建议被区政府采纳' },
    { key: 'duodao-08', itemId: 'honor.provincial', ago: 47, note: '获评湖北省优秀青年企业家' },
    { key: 'duodao-09', itemId: 'deed.unquantified', ago: 31, points: 2, note: '参与防汛志愿服务' },
    { key: 'duodao-12', itemId: 'deed.unquantified', ago: 28, points: 4, note: '为会员企业提供财税辅导' },
    { key: 'duodao-10', itemId: 'outreach.recruit', ago: 12, count: 2, note: '介绍两位设计师加入本会' },
    { key: 'duodao-director', itemId: 'honor.city', ago: 3, note: '获评荆门市优秀医务工作者' },
    { key: 'shayang-05', itemId: 'deed.unquantified', ago: 79, points: 5, note: '组织乡村振兴专题调研' },
    { key: 'shayang-06', itemId: 'outreach.suggestion', ago: 64, note: '关于发展县域特色农业的建议' },
    { key: 'shayang-07', itemId: 'deed.quantified', ago: 52, value: 8000, note: '捐助沙洋县敬老院冬季物资' },
    { key: 'shayang-11', itemId: 'deed.unquantified', ago: 44, points: 3, note: '为乡村小学义务授课' },
    { key: 'shayang-08', itemId: 'honor.county', ago: 23, note: '获评沙洋县优秀教师' },
    { key: 'shayang-09', itemId: 'deed.unquantified', ago: 9, points: 8, note: '牵头组织县域医疗下乡义诊' },
    { key: 'shayang-10', itemId: 'outreach.suggestion', ago: 1, note: '关于完善农村养老服务的建议' },
    { key: 'member1', itemId: 'deed.unquantified', ago: 39, points: 4, note: '为新联会拍摄宣传片' },
    { key: 'member2', itemId: 'outreach.suggestion', ago: 17, note: '关于网络新媒体从业人员服务的建议' },
    { key: 'director2', itemId: 'meeting.attend.city_uf', ago: 11, note: '参加市委统战部新阶层人士座谈会' },
    { key: 'dongbao-03', itemId: 'outreach.suggestion', ago: 0, note: '关于社区心理健康服务的建议' },
  ];
  for (const report of reports) {
    const claim = await submit(report);
    await decide(await decide(claim));
  }
  const rejected = await submit({ key: 'duodao-11', itemId: 'honor.national', ago: 20, note: '获得全国表彰（待补充证明）' });
  await decide(rejected, 'reject', '请上传表彰文件或证书照片后重新申报');

  // Waiting now: final review by the secretary-general (after a 2-point leader's endorsement), by the
  // president (after a branch president's) and by the political instructor (after the president's);
  // endorsement by branch leaders; a branch president's award waiting for the president.
  const pending: Claim[] = [
    await decide(await submit({ key: 'dongbao-04', itemId: 'outreach.suggestion', ago: 4, note: '关于加强青年人才引进的建议' }), 'approve', undefined, 'dongbao-leader1'),
    await decide(await submit({ key: 'duodao-03', itemId: 'deed.unquantified', ago: 5, points: 4, note: '组织会员参加无偿献血' })),
    await decide(await submit({ key: 'shayang-03', itemId: 'deed.unquantified', ago: 2, points: 6, note: '为返乡创业青年提供法律服务' })),
    await submit({ key: 'dongbao-02', itemId: 'honor.city', ago: 2, note: '获评荆门市优秀工程师' }),
    await submit({ key: 'shayang-04', itemId: 'outreach.suggestion', ago: 1, note: '关于打造县域文旅品牌的建议' }),
    await propose({ by: 'duodao-head', itemId: 'activity.attend.branch', ago: 2, note: '掇刀分会“送温暖”慰问活动', who: branchKeys('duodao').slice(3, 10) }),
  ];

  for (const key of LEAVERS) await api.as(clerk, 'admin.members.update', { memberId: id(key), patch: { status: 'left' } });

  const reviewers = [...new Set(pending.flatMap((c) => c.waitingFor?.memberIds ?? []))].map((memberId) => openidOfId.get(memberId));
  const summary = [
    `demo association seeded through the api: ${cast.length} members in ${BRANCHES.length} branches, ` +
      `${events.length + 1} collective events, ${reports.length + 1} self-reports, ${pending.length} pending ` +
      `(${api.calls} calls, ${Math.round(performance.now() - started)} ms; history from ${daysAgo(84)} to ${today}, ${daysBetween(daysAgo(84), today)} days)`,
    `  secretariat: ${clerk}   president: ${demoOpenid('president')}   branch president: ${demoOpenid('dongbao-head')}   member: ${demoOpenid('dongbao-05')}`,
    `  inboxes with items: ${reviewers.join(', ')}`,
  ].join('\n');
  return { summary, cast: castOf(cast, 'clerk') };
}
