/**
 * The qiuxian demo (`SCHEME=qiuxian npm start`; seeds/003): 邱县新联会's 700 members and member units in
 * 14 分会, replayed through the real api at the moments it happened (localcloud/clock.ts travelTo)
 * from the start of the last finished half-year: each 分会's monthly activity recorded by its 班子 and
 * final-reviewed by the 秘书长; the association's 每月交流研讨, 每季度分析总结, the 当值副会长's 轮值活动,
 * forwarding of the 公众号, 公益服务, 品牌活动 and 中心工作 recorded by the 秘书长 or the 会长 and
 * final-reviewed; members' own reports endorsed by their 分会 and final-reviewed. Every ended month is
 * closed, published for 3 working days and made final (一月一公布); the half is closed with its stars
 * by place and 挂牌公示, published and final (半年一评比). Today some reports wait in inboxes.
 */
import { performance } from 'perf_hooks';
import type { Claim } from '../../typings/models';
import type { Period } from '../../typings/api';
import { categoryName, roleName } from '../../domain/glossary';
import { nextMonth, shanghaiDate } from '../../domain/periods';
import { QIUXIAN_SCHEME } from '../../domain/schemes/qiuxian';
import { addDays } from '../../domain/workdays';
import type { DemoCast } from '../../localcloud/preview';
import type { LocalCloud } from '../../localcloud/runtime';
import type { SeedOutcome } from '../../localcloud/server';
import { at, chance, DemoApi, demoOpenid, fail, history, publicationDays, type DemoOptions, replay } from './api';
import { QIUXIAN_BRANCHES, qiuxianCast, rotaOf, type QiuxianAccount } from './qiuxian-cast';

/** award.propose takes at most 300 recipients. */
const CHUNK = 300;
/**
 * How many of a 分会 come to its monthly activity, at most (by each one's zeal): kept so that seeding
 * stays quick (every entry of the demo is posted through the api).
 */
const DENSITY = 0.3;

/** The last half-year finished by today (closed, its 公示 of 3 working days over), and where the demo starts. */
export function finishedHalf(today: string): { key: string; from: string } {
  const year = Number(today.slice(0, 4));
  if (today >= `${year}-07-15`) return { key: `${year}-H1`, from: `${year}-01-01` };
  if (today >= `${year}-01-15`) return { key: `${year - 1}-H2`, from: `${year - 1}-07-01` };
  return { key: `${year - 1}-H1`, from: `${year - 1}-01-01` };
}

/**
 * How many accounts the demo seeds: half of seeds/003's 700 (25 in each 分会), since every entry is
 * posted through the api and the whole 700 takes about a minute to seed (README); QIUXIAN_MEMBERS=700
 * seeds them all.
 */
const DEMO_SIZE = 350;

/** Seeds the qiuxian demo through the api; `size` accounts (DEMO_SIZE unless QIUXIAN_MEMBERS says). */
export async function seedQiuxian(cloud: LocalCloud, options: DemoOptions & { size?: number } = {}): Promise<SeedOutcome> {
  const started = performance.now();
  const api = new DemoApi(cloud);
  const now = options.now ?? new Date();
  const today = shanghaiDate(now);
  const yesterday = addDays(today, -1);
  const half = finishedHalf(today);
  const cast = qiuxianCast(options.size ?? (Number(process.env.QIUXIAN_MEMBERS) || DEMO_SIZE));
  const ids = new Map<string, string>();
  const openids = new Map<string, string>();
  const id = (key: string) => ids.get(key) ?? fail(`unknown demo member ${key}`);
  const { steps, later } = history();
  const counts = { awards: 0, entries: 0, reports: 0, closed: 0 };
  const members = cast.filter((p) => p.category !== null);
  const persons = members.filter((p) => p.category === 'member');
  const inBranch = (slug: string) => members.filter((p) => p.branch === slug);
  const comes = (p: QiuxianAccount, what: string, odds = 1) => chance(`${p.key}:${what}`) < p.zeal * odds;

  const decide = async (claim: Claim, decision: 'approve' | 'reject' = 'approve', reason?: string): Promise<Claim> => {
    const reviewer = openids.get(claim.waitingFor?.memberIds[0] ?? '') ?? fail(`claim ${claim.itemName} waits for nobody`);
    return (await api.as(reviewer, 'claim.decide', { claimId: claim._id, decision, ...(reason ? { reason } : {}) })).claim;
  };
  /** A leader records an item for people on a day; each claim is final-reviewed an hour later (第十四条-like two persons). */
  const award = (by: string, date: string, itemId: string, people: QiuxianAccount[], extra: { count?: number; points?: number; note?: string } = {}) => {
    const recipients = people.filter((p) => p.key !== by);
    for (let i = 0; i < recipients.length; i += CHUNK) {
      const chunk = recipients.slice(i, i + CHUNK);
      let claims: Claim[] = [];
      later(at(date, '17:30'), async () => {
        counts.awards++;
        counts.entries += chunk.length;
        const { count, points, note = '' } = extra;
        ({ claims } = await api.as(demoOpenid(by), 'award.propose', {
          itemId,
          occurredOn: date,
          note,
          recipients: chunk.map((p) => ({ memberId: id(p.key), ...(points ? { points } : {}) })),
          ...(count ? { count } : {}),
        }));
      });
      later(at(date, '18:30'), async () => {
        for (const claim of claims) await decide(claim);
      });
    }
  };
  /** A member's own report the day after; their 分会 endorses the next day and the final review follows (or it waits). */
  const report = (who: string, itemId: string, date: string, note: string, outcome: 'approve' | 'endorse' | 'wait' | 'reject' = 'approve', reason?: string) => {
    acts.add(who);
    let claim: Claim | null = null;
    // A range item is reported at its least, within a 分会 班子's authority.
    const points = QIUXIAN_SCHEME.items.find((item) => item.id === itemId)?.range?.[0];
    later(at(addDays(date, 1), '20:10'), async () => {
      counts.reports++;
      claim = (await api.as(demoOpenid(who), 'claim.submit', { itemId, occurredOn: date, note, ...(points ? { points } : {}) })).claim;
    });
    if (outcome === 'wait') return;
    later(at(addDays(date, 2), '09:40'), async () => {
      const current = claim ?? fail('report not made');
      claim = outcome === 'reject' ? await decide(current, 'reject', reason) : await decide(current);
      if (outcome === 'approve' && claim.status === 'pending') await decide(claim);
    });
  };

  const acts = new Set<string>(shownInSwitcher(cast).map((p) => p.key));

  // The start of the half: the 秘书处 adopts the template, imports the roster, those who act bind.
  const admin = api.admin();
  later(at(addDays(half.from, 3), '09:00'), async () => {
    await api.as(admin, 'admin.scheme.adopt', { template: 'qiuxian' });
    const branchName = (slug?: string) => QIUXIAN_BRANCHES.find((b) => b.slug === slug)?.name;
    const imported = await api.as(admin, 'admin.members.import', {
      rows: cast.map((p, i) => ({
        name: p.name,
        phone: `1393110${String(i).padStart(4, '0')}`,
        ...(p.branch ? { branch: branchName(p.branch) } : {}),
        roles: p.roles ?? [],
        ...(p.category ? { category: p.category } : {}),
        ...(p.profession ? { profession: p.profession } : {}),
      })),
    });
    if (imported.errors.length > 0) fail(`import: ${JSON.stringify(imported.errors.slice(0, 3))}`);
    cast.forEach((p, i) => {
      ids.set(p.key, imported.members[i].memberId);
      openids.set(imported.members[i].memberId, demoOpenid(p.key));
    });
    // Who acts in the demo or is offered in the switcher binds; the others have not opened the mini-program yet.
    await Promise.all(cast.map((p, i) => (acts.has(p.key) ? api.as(demoOpenid(p.key), 'me.bind', { inviteCode: imported.members[i].inviteCode }) : null)));
    await api.as(admin, 'admin.members.update', { memberId: id('clerk'), patch: { secretariat: true } });
  });

  // Each month up to yesterday, across the seven 板块.
  for (let month = half.from.slice(0, 7); `${month}-06` <= yesterday; month = nextMonth(month)) {
    const m = Number(month.slice(5));
    const day = (d: number) => `${month}-${String(d).padStart(2, '0')}`;
    const upTo = (d: number, run: () => void) => day(d) <= yesterday && run();
    // 参加集体活动: each 分会's monthly activity, recorded by its first 班子成员.
    upTo(6, () => QIUXIAN_BRANCHES.forEach(({ slug, name }) => award(`${slug}-lead1`, day(6), 'event.branch', inBranch(slug).filter((p) => comes(p, `${month}:branch`, DENSITY)), { note: `${name}${m}月活动` })));
    // 学习交流: 每月交流研讨, with a few speakers; 每季度分析总结 for the leaders.
    upTo(12, () => {
      const attend = persons.filter((p) => comes(p, `${month}:study`, DENSITY / 2));
      award('secgen', day(12), 'study.monthly', attend, { note: `${m}月交流研讨` });
      award('secgen', day(12), 'study.monthly_speak', attend.filter((p) => chance(`${p.key}:${month}:speak`) < 0.02));
      if (m % 3 === 0) award('secgen', day(12), 'study.quarterly', members.filter((p) => p.roles?.length), { note: `第${m / 3}季度分析总结` });
    });
    // 会长轮值活动: the month's 副会长 leads (每月至少4场), members attend.
    upTo(18, () => {
      award('secgen', day(18), 'rota.lead', [person(rotaOf(m))], { note: `${m}月轮值主题活动` });
      award('secgen', day(18), 'rota.attend', members.filter((p) => comes(p, `${month}:rota`, DENSITY / 4)));
    });
    // 信息转发: the month's forwarding of the 公众号, by how much each forwarded.
    upTo(22, () => {
      const forwarded = (p: QiuxianAccount) => chance(`${p.key}:${month}:fwd`) * p.zeal;
      award('secgen', day(22), 'media.forward', members.filter((p) => forwarded(p) >= 0.8), { count: 20, note: `${m}月转发` });
      award('secgen', day(22), 'media.forward', members.filter((p) => forwarded(p) >= 0.6 && forwarded(p) < 0.8), { count: 8, note: `${m}月转发` });
    });
    // 社会服务: three 分会 a month take the 公益 service days in turn.
    upTo(25, () => {
      for (let k = 0; k < 2; k++) {
        const { slug } = QIUXIAN_BRANCHES[(m * 2 + k) % QIUXIAN_BRANCHES.length];
        award(`${slug}-lead1`, day(25), 'service.volunteer', inBranch(slug).filter((p) => comes(p, `${month}:service`, DENSITY)), { note: '邱县新联公益服务日' });
      }
    });
    // 品牌活动 in spring and autumn; 参加县新联会活动 and 中心工作 in some months.
    if (m === 4 || m === 9) {
      upTo(15, () => {
        for (const slug of ['zhunong', 'manhua', 'falv'] as const) {
          award(`${slug}-head`, day(15), 'brand.join', inBranch(slug).filter((p) => comes(p, `${month}:brand`, DENSITY)), { note: slug === 'zhunong' ? '一品一播助农直播' : slug === 'manhua' ? '青蛙漫画进校园' : '公益法律服务进社区' });
          award('secgen', day(15), 'brand.lead', inBranch(slug).filter((p) => p.category === 'unit_president' || p.category === 'unit_director'));
        }
      });
    }
    if (m === 2 || m === 7 || m === 10) upTo(9, () => award('secgen', day(9), 'event.association', members.filter((p) => comes(p, `${month}:assoc`, DENSITY / 2)), { note: m === 7 ? '庆祝建党主题活动' : '县新联会全体会员大会' }));
    if (m === 5 || m === 11) upTo(20, () => award('president', day(20), 'task.central', members.filter((p) => p.category === 'unit_president' || (p.category === 'unit_director' && comes(p, `${month}:task`))), { points: 15, note: '参与招商引资和创城重点任务' }));
    // Members' own reports: four a month, endorsed by their 分会 and final-reviewed by the 秘书长.
    const reporters = persons.filter((p) => !p.roles?.length && chance(`${p.key}:${month}:report`) < 4 / persons.length);
    reporters.forEach((p, i) => {
      const [itemId, note] = [
        ['service.professional', '为敬老院老人义诊'],
        ['media.story', '撰写的活动信息被公众号采用'],
        ['task.suggestion', '关于乡村物流配送的建议'],
        ['brand.join', '参加新联助农直播带货'],
      ][i % 4];
      upTo(14, () => report(p.key, itemId, day(14), note));
    });
  }

  // Today's inboxes: reports waiting for their 分会 and for the 秘书长, one sent back.
  report('xinli-05', 'service.professional', addDays(today, -2), '为社区居民开展心理疏导讲座', 'wait');
  report('falv-07', 'service.professional', addDays(today, -3), '为困难群众提供免费法律咨询', 'wait');
  report('zhunong-03', 'media.story', addDays(today, -2), '撰写的助农直播报道被公众号采用', 'wait');
  report('yiliao-06', 'task.suggestion', addDays(today, -4), '关于县医院预约挂号的建议', 'endorse');
  report('jiaoyu-04', 'service.volunteer', addDays(today, -5), '青鸟计划课后辅导志愿服务', 'endorse');
  report('zimeiti-02', 'media.press', addDays(today, -6), '撰写信息被县融媒体采用', 'reject', '请附上县融媒体刊发链接或截图后重新申报');

  // 一月一公布 and 半年一评比: closed and published by the 秘书长 on the first working day after, final
  // the day after its 3 working days (if that has come).
  const settled: { period: Period; key: string }[] = [];
  for (let month = half.from.slice(0, 7); `${month}-31` < today; month = nextMonth(month)) settled.push({ period: 'month', key: month });
  settled.push({ period: 'half', key: half.key });
  for (const target of settled) {
    const { closeOn, finalOn } = publicationDays(target.period, target.key, QIUXIAN_SCHEME);
    if (closeOn >= today) continue;
    const payload = { period: target.period, key: target.key };
    later(at(closeOn, target.period === 'month' ? '09:30' : '10:30'), async () => {
      counts.closed++;
      while (!(await api.as(demoOpenid('secgen'), 'admin.period.close', payload)).done);
      await api.as(demoOpenid('secgen'), 'admin.period.publish', payload);
    });
    if (finalOn < today) later(at(finalOn, '09:00'), () => api.as(demoOpenid('secgen'), 'admin.period.finalize', payload));
  }

  await replay(steps, now);

  const summary = [
    `qiuxian demo seeded through the api: ${members.length} 会员 in ${QIUXIAN_BRANCHES.length} 分会 from ${half.from} to ${today}: ` +
      `${counts.awards} records (${counts.entries} entries), ${counts.reports} reports, ${counts.closed} periods closed and published, ${half.key} assessed ` +
      `(${api.calls} calls, ${Math.round(performance.now() - started)} ms)`,
    `  秘书处: ${demoOpenid('clerk')}   秘书长: ${demoOpenid('secgen')}   会长: ${demoOpenid('president')}   分会会长: ${demoOpenid('xinli-head')}   会员: ${demoOpenid('xinli-05')}`,
  ].join('\n');
  return { summary, cast: castOf(cast) };

  function person(key: string): QiuxianAccount {
    return cast.find((p) => p.key === key) ?? fail(`unknown demo member ${key}`);
  }
}

/**
 * Who the preview's caller switcher offers (GET /demo.json): the officers, each 分会's 班子, and in
 * each 分会 two members and two of its units (seven hundred would bury the switcher).
 */
function shownInSwitcher(people: QiuxianAccount[]): QiuxianAccount[] {
  return people.filter((p) => p.roles?.length || p.key === 'clerk' || /-(0[12]|unit[12])$/.test(p.key));
}

/** Who the demo's people are, for the preview's caller switcher. */
function castOf(people: QiuxianAccount[]): DemoCast {
  const unitName = (slug?: string) => QIUXIAN_BRANCHES.find((b) => b.slug === slug)?.name ?? QIUXIAN_SCHEME.organisation.root.name;
  const shown = shownInSwitcher(people);
  return {
    scheme: 'qiuxian',
    people: shown.map((p) => ({
      openid: demoOpenid(p.key),
      name: p.name,
      roles: [
        ...(p.roles ?? []).map((role) => roleName(QIUXIAN_SCHEME, role)),
        ...(p.key === 'clerk' ? ['秘书处'] : []),
        ...(p.category && p.category !== 'member' ? [categoryName(QIUXIAN_SCHEME, p.category)!] : []),
      ],
      unit: unitName(p.branch),
    })),
    start: demoOpenid('xinli-05'),
  };
}
