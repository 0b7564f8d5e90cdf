/**
 * The changzhou demo (`SCHEME=changzhou npm start`; seeds/002): a 机关党委 with four 支部 and their
 * history since January of last year, replayed through the real api at the moments it happened
 * (localcloud/clock.ts travelTo): each branch's 记分员 records the month's study, meetings and dues,
 * members report 特色分 and the 记分员 approves, each quarter is closed, signed by the 支部书记 and
 * published for 5 working days, with objections upheld and rejected, then made final; last year was
 * closed with its 民主评议 into scores, warnings and flags. Today some claims, an objection and a
 * branch's own item wait in inboxes, and the quarter that just ended may still be public.
 */
import { performance } from 'perf_hooks';
import type { Claim } from '../../typings/models';
import { categoryName, roleName } from '../../domain/glossary';
import { CHINA_WORKING_DAYS } from '../../domain/calendars/china';
import { nextMonth, shanghaiDate } from '../../domain/periods';
import { CHANGZHOU_SCHEME } from '../../domain/schemes/changzhou';
import { addDays, nthWorkingDayAfter } from '../../domain/workdays';
import type { DemoCast } from '../../localcloud/preview';
import type { LocalCloud } from '../../localcloud/runtime';
import type { SeedOutcome } from '../../localcloud/server';
import { at, chance, DemoApi, demoOpenid, fail, history, publicationDays, type DemoOptions, replay } from './api';
import { PARTY_BRANCHES, partyCast, type PartyPerson } from './changzhou-cast';

/** What the 支部书记 records for the branch's 记分员 (the rest of the demo leaves them out). */
const OWN_RECORDS = new Set(['study.xuexi', 'life.dues', 'review.excellent', 'review.qualified']);

/** Seeds the changzhou demo through the api; returns a summary for the console and the people it made. */
export async function seedChangzhou(cloud: LocalCloud, options: DemoOptions = {}): Promise<SeedOutcome> {
  const started = performance.now();
  const api = new DemoApi(cloud);
  const now = options.now ?? new Date();
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const lastYear = String(year - 1);
  const cast = partyCast();
  const ids = new Map<string, string>();
  const openids = new Map<string, string>();
  const id = (key: string): string => ids.get(key) ?? fail(`unknown demo member ${key}`);
  const branchName = (slug: string) => PARTY_BRANCHES.find((b) => b.slug === slug)?.name ?? fail(`unknown branch ${slug}`);
  const inBranch = (slug: string) => cast.filter((p) => p.branch === slug);
  const { steps, later } = history();
  const counts = { records: 0, reports: 0, closed: 0, objections: 0 };

  /**
   * The 记分员 of a branch records an item for people on a day; it counts at once. Nobody records
   * their own points: the 支部书记 records the 记分员's monthly study and dues.
   */
  const record = (slug: string, date: string, itemId: string, people: PartyPerson[], extra: { count?: number; note?: string } = {}) => {
    const keeper = `${slug}-scorekeeper`;
    const by = (recorder: string, recipients: PartyPerson[]) => {
      if (recipients.length === 0) return;
      later(at(date, '17:30'), async () => {
        counts.records++;
        const { count, note = '' } = extra;
        return api.as(demoOpenid(recorder), 'award.propose', {
          itemId,
          occurredOn: date,
          note,
          recipients: recipients.map((p) => ({ memberId: id(p.key) })),
          ...(count !== undefined ? { count } : {}),
        });
      });
    };
    by(keeper, people.filter((p) => p.key !== keeper));
    if (OWN_RECORDS.has(itemId)) by(`${slug}-secretary`, people.filter((p) => p.key === keeper));
  };
  const decide = async (claim: Claim, decision: 'approve' | 'reject' = 'approve', reason?: string): Promise<Claim> => {
    const reviewer = openids.get(claim.waitingFor?.memberIds[0] ?? '') ?? fail(`claim ${claim.itemName} waits for nobody`);
    return (await api.as(reviewer, 'claim.decide', { claimId: claim._id, decision, ...(reason ? { reason } : {}) })).claim;
  };
  /** A member's 特色分 report on the day after the deed; the 记分员 decides the day after (or leaves it waiting). */
  const report = (who: string, itemId: string, date: string, note: string, outcome: 'approve' | 'reject' | 'wait' = 'approve', reason?: string) => {
    let claim: Claim | null = null;
    later(at(addDays(date, 1), '20:10'), async () => {
      counts.reports++;
      claim = (await api.as(demoOpenid(who), 'claim.submit', { itemId: resolveItem(itemId), occurredOn: date, note })).claim;
    });
    if (outcome !== 'wait') later(at(addDays(date, 2), '09:40'), async () => decide(claim ?? fail('report not made'), outcome, reason));
  };
  const unitItems = new Map<string, string>();
  const resolveItem = (itemId: string) => (itemId.startsWith('own:') ? (unitItems.get(itemId.slice(4)) ?? fail(`no unit item ${itemId}`)) : itemId);

  // January of last year: the 组织干事 adopts the template, imports the roster, everyone binds.
  const admin = api.admin();
  later(at(`${lastYear}-01-04`, '09:00'), async () => {
    await api.as(admin, 'admin.scheme.adopt', { template: 'changzhou' });
    const imported = await api.as(admin, 'admin.members.import', {
      rows: cast.map((p, i) => ({
        name: p.name,
        phone: `1395190${String(1000 + i)}`,
        ...(p.branch ? { branch: branchName(p.branch) } : {}),
        ...(p.roles ? { roles: p.roles } : {}),
        ...(p.category ? { category: p.category } : {}),
      })),
    });
    cast.forEach((p, i) => {
      ids.set(p.key, imported.members[i].memberId);
      openids.set(imported.members[i].memberId, demoOpenid(p.key));
    });
    await Promise.all(cast.map((p, i) => api.as(demoOpenid(p.key), 'me.bind', { inviteCode: imported.members[i].inviteCode })));
    await api.as(admin, 'admin.members.update', { memberId: id('clerk'), patch: { secretariat: true } });
  });

  // Each month of each branch, up to yesterday: 主题党日, 集中学习, 支部大会 in each quarter's last
  // month, 党课 in June and December, and on the 26th the month's 学习强国 and 党费 (每日一题 and
  // 党小组会 are left out: the 15 points of 政治学习 and 组织生活 are reached without them).
  const yesterday = addDays(today, -1);
  for (let month = `${lastYear}-01`; `${month}-08` <= yesterday; month = nextMonth(month)) {
    const m = Number(month.slice(5));
    for (const { slug } of PARTY_BRANCHES) {
      const people = inBranch(slug);
      const attends = (what: string) => people.filter((p) => chance(`${p.key}:${month}:${what}`) < p.diligence);
      const day = (d: number) => `${month}-${String(d).padStart(2, '0')}`;
      const upTo = (d: number, run: () => void) => day(d) <= yesterday && run();
      upTo(8, () => record(slug, day(8), 'life.party_day', attends('party_day'), { note: `${m}月主题党日` }));
      upTo(15, () => record(slug, day(15), 'study.group', attends('study'), { note: `${m}月集中学习` }));
      if (m % 3 === 0) upTo(20, () => record(slug, day(20), 'life.branch_meeting', attends('meeting')));
      if (m === 6 || m === 12) upTo(22, () => record(slug, day(22), 'life.party_lecture', attends('lecture'), { note: '书记讲党课' }));
      upTo(26, () => {
        record(slug, day(26), 'study.xuexi', attends('xuexi'));
        const late = people.filter((p) => p.diligence < 0.6 && chance(`${p.key}:${month}:dues`) < 0.2);
        record(slug, day(26), 'life.dues', people.filter((p) => !late.includes(p)));
        record(slug, day(26), 'life.dues_late', late);
        for (const count of [1, 2, 3]) {
          const missed = people.filter((p) => Math.floor((1 - p.diligence) * 4) === count);
          record(slug, day(26), 'study.xuexi_missed', missed, { count });
        }
      });
      if (m % 3 === 0) {
        upTo(28, () => {
          for (const itemId of ['conduct.loyalty', 'conduct.integrity', 'conduct.law']) record(slug, day(28), itemId, people.filter((p) => p.diligence >= 0.5));
        });
      }
      // 特色分: a few members report volunteering or 网格化走访 each month.
      for (const p of people) {
        const roll = chance(`${p.key}:${month}:feature`);
        if (roll < 0.12 && day(12) < yesterday) report(p.key, roll < 0.06 ? 'feature.volunteer' : 'feature.grid', day(12), roll < 0.06 ? '社区志愿服务' : '网格化走访困难群众');
      }
    }
  }
  // Misconduct: 第二党支部's least faithful member twice, a year apart (附件 违纪违规 扣 10 分).
  record('b2', `${lastYear}-09-18`, 'conduct.misconduct', [person('b2-08')], { note: '违反工作纪律，受到通报批评' });
  if (`${year}-05-18` <= yesterday) record('b2', `${year}-05-18`, 'conduct.misconduct', [person('b2-08')], { note: '再次违反工作纪律' });

  // 第四党支部's own 特色 item, approved by the 机关党委 in March of last year and reported since.
  later(at(`${lastYear}-03-02`, '10:00'), async () => {
    const { claim } = await api.as(demoOpenid('b4-secretary'), 'item.propose', {
      item: { name: '机关服务满意度之星', points: 4, component: 'feature' },
      note: '每季度由服务对象评选，当选者计特色分 4 分',
    });
    const approved = await decide(claim);
    unitItems.set('b4-star', approved.proposedItem?.id ?? fail('the unit item has no id'));
  });
  for (const [who, date] of [['b4-03', `${lastYear}-04-10`], ['b4-07', `${lastYear}-10-12`], ['b4-05', `${year}-04-09`]] as const) {
    if (addDays(date, 2) < today) report(who, 'own:b4-star', date, '当选本季度机关服务满意度之星');
  }

  // 民主评议 at the end of last year (四(三)): 优秀 for the most faithful, 不合格 for repeated misconduct.
  for (const { slug } of PARTY_BRANCHES) {
    const grade = (p: PartyPerson) =>
      p.key === 'b2-08' ? 'review.unqualified' : p.diligence < 0.6 ? 'review.basic' : p.diligence >= 0.95 && chance(`${p.key}:review`) < 0.6 ? 'review.excellent' : 'review.qualified';
    for (const itemId of ['review.excellent', 'review.qualified', 'review.basic', 'review.unqualified']) {
      record(slug, `${lastYear}-12-26`, itemId, inBranch(slug).filter((p) => grade(p) === itemId), { note: '年度民主评议' });
    }
  }

  // Quarters and last year's cycle: closed and published by each 支部书记 on the first working day
  // after they end, final the day after their 5 working days of 公示 (if that has come).
  const settled: { period: 'quarter' | 'cycle'; key: string }[] = [];
  for (const key of [1, 2, 3, 4].map((q) => `${lastYear}-Q${q}`).concat([1, 2, 3].map((q) => `${year}-Q${q}`))) settled.push({ period: 'quarter', key });
  settled.push({ period: 'cycle', key: lastYear });
  for (const { period, key } of settled) {
    const { closeOn, finalOn } = publicationDays(period, key, CHANGZHOU_SCHEME);
    if (closeOn >= today) continue;
    for (const { slug } of PARTY_BRANCHES) {
      const target = { period, key, unitId: '' };
      const secretary = demoOpenid(`${slug}-secretary`);
      later(at(closeOn, period === 'quarter' ? '09:30' : '10:30'), async () => {
        target.unitId = await api.unitOf(secretary);
        counts.closed++;
        await api.as(secretary, 'admin.period.close', target);
        await api.as(secretary, 'admin.period.publish', target);
      });
      if (finalOn < today) later(at(finalOn, '09:00'), () => api.as(secretary, 'admin.period.finalize', target));
    }
  }

  // Objections in last year's second quarter: one upheld after the 记分员 records the missed 党课,
  // one rejected with the reason; and a disputed 党费 entry reversed by the 支委会.
  const q2Public = nthWorkingDayAfter(`${lastYear}-06-30`, 2, CHINA_WORKING_DAYS);
  const objectTo = (who: string, key: string, reason: string, decision: 'approve' | 'reject', answer?: string, before?: () => Promise<unknown>) =>
    later(at(q2Public, '11:00'), async () => {
      counts.objections++;
      const rows = (await api.as(demoOpenid(who), 'outcome.list', { period: 'quarter', key })).rows;
      const row = rows.find((r) => r.memberId === id(who)) ?? fail(`no outcome of ${who} in ${key}`);
      const { claim } = await api.as(demoOpenid(who), 'objection.submit', { outcomeId: row.outcomeId, reason });
      if (before) await before();
      await decide(claim, decision, answer);
    });
  objectTo('b1-05', `${lastYear}-Q2`, '6月22日书记讲党课我参加了，签到表上有名字', 'approve', undefined, () =>
    api.as(demoOpenid('b1-scorekeeper'), 'award.propose', { itemId: 'life.party_lecture', occurredOn: `${lastYear}-06-22`, recipients: [{ memberId: id('b1-05') }], note: '据签到表补记' }),
  );
  objectTo('b2-06', `${lastYear}-Q2`, '学习强国积分应按天计算', 'reject', '按办法附件，学习强国每月登录计 10 分，不按天计算');
  record('b3', `${lastYear}-05-26`, 'life.dues_late', [person('b3-03')]);
  later(at(`${lastYear}-05-28`, '08:50'), async () => {
    counts.objections++;
    const entry = (await api.as(demoOpenid('b3-03'), 'ledger.list', {})).entries.find((e) => e.itemId === 'life.dues_late') ?? fail('no late dues entry');
    const { claim } = await api.as(demoOpenid('b3-03'), 'objection.submit', { entryId: entry._id, reason: '5月党费已于20日通过支付宝缴纳，有转账记录' });
    await decide(claim);
  });

  // Today's inboxes: reports waiting for 记分员, one rejected, a disputed entry, a branch's item proposal.
  report('b1-05', 'feature.volunteer', addDays(today, -2), '参加社区垃圾分类志愿宣传', 'wait');
  report('b2-03', 'feature.grid', addDays(today, -3), '走访网格内独居老人 3 户', 'wait');
  report('b4-04', 'own:b4-star', addDays(today, -2), '当选本季度机关服务满意度之星', 'wait');
  report('b3-04', 'feature.grid', addDays(today, -8), '网格化走访', 'reject', '请补充走访对象和走访记录照片后重新申报');
  record('b1', addDays(today, -4), 'life.dues_late', [person('b1-07')]);
  later(at(addDays(today, -1), '21:15'), async () => {
    counts.objections++;
    const entry = (await api.as(demoOpenid('b1-07'), 'ledger.list', {})).entries.find((e) => e.itemId === 'life.dues_late') ?? fail('no late dues entry');
    await api.as(demoOpenid('b1-07'), 'objection.submit', { entryId: entry._id, reason: '本月党费已按时交给支部组织委员，请核实' });
  });
  later(at(addDays(today, -1), '16:00'), () =>
    api.as(demoOpenid('b2-secretary'), 'item.propose', {
      item: { name: '节能宣传进社区', points: 3, component: 'feature' },
      note: '结合公共机构节能宣传周，组织党员进社区宣讲节能知识',
    }),
  );

  await replay(steps, now);

  const summary = [
    `changzhou demo seeded through the api: ${cast.length} 党员 in ${PARTY_BRANCHES.length} 支部 from ${lastYear}-01-04 to ${today}: ` +
      `${counts.records} records, ${counts.reports} reports, ${counts.closed} branch periods closed and published, ${counts.objections} objections ` +
      `(${api.calls} calls, ${Math.round(performance.now() - started)} ms)`,
    `  组织干事 (secretariat): ${demoOpenid('clerk')}   机关党委委员: ${demoOpenid('committee1')}   支部书记: ${demoOpenid('b1-secretary')}   ` +
      `记分员: ${demoOpenid('b1-scorekeeper')}   党员: ${demoOpenid('b1-05')}`,
  ].join('\n');
  return { summary, cast: castOf(cast) };

  function person(key: string): PartyPerson {
    return cast.find((p) => p.key === key) ?? fail(`unknown demo member ${key}`);
  }
}

/** Who the demo's people are, for the preview's caller switcher (GET /demo.json). */
function castOf(people: PartyPerson[]): DemoCast {
  const unitName = (slug?: string) => PARTY_BRANCHES.find((b) => b.slug === slug)?.name ?? CHANGZHOU_SCHEME.organisation.root.name;
  return {
    scheme: 'changzhou',
    people: people.map((p) => ({
      openid: demoOpenid(p.key),
      name: p.name,
      roles: [
        ...(p.roles ?? []).map((role) => roleName(CHANGZHOU_SCHEME, role)),
        ...(p.key === 'clerk' ? ['秘书处'] : []),
        ...(p.category ? [categoryName(CHANGZHOU_SCHEME, p.category)!] : []),
      ],
      unit: unitName(p.branch),
    })),
    // A member of 第一党支部 with a year and more of history and a report waiting.
    start: demoOpenid('b1-05'),
  };
}
