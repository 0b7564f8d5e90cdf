/**
 * The party-branch demo (`SCHEME=party-branch npm start`; seeds/001): a 街道党工委 with four 支部 and
 * their history since January of last year, replayed through the real api at the moments it happened
 * (localcloud/clock.ts travelTo). Each 支部's 记分员 records the 日常 deductions of its 主题党日,
 * 集中学习 and monthly 台账 (everyone starts the year at 100, 扣完为止), distinctions and misconduct
 * under 动态管理积分, and last year's 民主评议 scores; members report distinctions and the 记分员
 * approves. Each quarter and last year are closed, signed by the 支部书记 and published for 7 working
 * days, then made final; 街道机关党支部's 优秀 line falls in a tie. This year a 流动党员's 一票否决 is in
 * force. Today reports and a disputed deduction wait in inboxes.
 */
import { performance } from 'perf_hooks';
import type { Claim } from '../../typings/models';
import { CHINA_WORKING_DAYS } from '../../domain/calendars/china';
import { nextMonth, shanghaiDate } from '../../domain/periods';
import { PARTY_BRANCH_SCHEME } from '../../domain/schemes/party-branch';
import { addDays, nthWorkingDayAfter } from '../../domain/workdays';
import type { LocalCloud } from '../../localcloud/runtime';
import type { SeedOutcome } from '../../localcloud/server';
import { at, chance, DemoApi, demoOpenid, fail, history, publicationDays, type DemoOptions, replay } from './api';
import { BRANCHES, branchCast, castOf, type BranchPerson, type Conduct } from './party-branch-cast';

/** How often a conduct misses a meeting with leave, misses it without, or leaves out the month's study notes. */
const HABITS: Record<Exclude<Conduct, 'exact'>, { leave: number; absent: number; notes: number; late: number }> = {
  model: { leave: 0, absent: 0, notes: 0, late: 0 },
  steady: { leave: 0.18, absent: 0.06, notes: 0.15, late: 0.05 },
  lax: { leave: 0.15, absent: 0.35, notes: 0.3, late: 0.3 },
  gone: { leave: 0, absent: 1, notes: 1, late: 1 },
};

/** 赵丽萍 and 孙国栋's deductions last year: 96 and 93 of 日常, with 评议 90 and 97 both 94.2. */
const EXACT: Record<string, [string, string, number][]> = {
  'b1-02': [['03-08', 'daily.leave', 1], ['06-08', 'daily.leave', 1], ['09-20', 'daily.absent', 1]],
  'b1-03': [['02-08', 'daily.absent', 1], ['05-20', 'daily.absent', 1], ['07-08', 'daily.leave', 1], ['04-26', 'daily.notes', 2]],
};

/** Seeds the party-branch demo through the api; returns a summary for the console and the people it made. */
export async function seedPartyBranch(cloud: LocalCloud, options: DemoOptions = {}): Promise<SeedOutcome> {
  const started = performance.now();
  const api = new DemoApi(cloud);
  const now = options.now ?? new Date();
  const today = shanghaiDate(now);
  const yesterday = addDays(today, -1);
  const year = Number(today.slice(0, 4));
  const lastYear = String(year - 1);
  const cast = branchCast();
  const ids = new Map<string, string>();
  const openids = new Map<string, string>();
  const id = (key: string): string => ids.get(key) ?? fail(`unknown demo member ${key}`);
  const person = (key: string): BranchPerson => cast.find((p) => p.key === key) ?? fail(`unknown demo member ${key}`);
  const branchName = (slug: string) => BRANCHES.find((b) => b.slug === slug)?.name ?? fail(`unknown branch ${slug}`);
  const inBranch = (slug: string) => cast.filter((p) => p.branch === slug);
  const { steps, later } = history();
  const counts = { records: 0, reports: 0, closed: 0, objections: 0 };

  /** The branch's 记分员 records an item for people on a day (the 支部书记 for the 记分员 themself); it counts at once. */
  const record = (slug: string, date: string, itemId: string, people: BranchPerson[], extra: { count?: number; note?: string } = {}) => {
    if (date > yesterday) return;
    const keeper = `${slug}-scorekeeper`;
    const by = (recorder: string, recipients: BranchPerson[]) => {
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
    by(`${slug}-secretary`, people.filter((p) => p.key === keeper));
  };
  const decide = async (claim: Claim, decision: 'approve' | 'reject' = 'approve', reason?: string): Promise<Claim> => {
    const reviewer = openids.get(claim.waitingFor?.memberIds[0] ?? '') ?? fail(`claim ${claim.itemName} waits for nobody`);
    return (await api.as(reviewer, 'claim.decide', { claimId: claim._id, decision, ...(reason ? { reason } : {}) })).claim;
  };
  /** A member reports a distinction with its evidence the day after; the 记分员 decides two days later (or it waits). */
  const report = (who: string, itemId: string, date: string, note: string, outcome: 'approve' | 'reject' | 'wait' = 'approve', reason?: string) => {
    if (addDays(date, 1) > yesterday) return;
    let claim: Claim | null = null;
    later(at(addDays(date, 1), '20:10'), async () => {
      counts.reports++;
      claim = (await api.as(demoOpenid(who), 'claim.submit', { itemId, occurredOn: date, note })).claim;
    });
    if (outcome !== 'wait') later(at(addDays(date, 3), '09:40'), async () => decide(claim ?? fail('report not made'), outcome, reason));
  };

  // January of last year: the 党务专干 adopts the template, imports the roster, everyone binds.
  const admin = api.admin();
  later(at(`${lastYear}-01-04`, '09:00'), async () => {
    await api.as(admin, 'admin.scheme.adopt', { template: 'party-branch' });
    const imported = await api.as(admin, 'admin.members.import', {
      rows: cast.map((p, i) => ({
        name: p.name,
        phone: `1377210${String(1000 + i)}`,
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

  // Each month of each 支部 up to yesterday, on the 26th the 记分员 registers the month's 登记卡: who
  // missed the 主题党日 and the 集中学习, with leave or without (a count of the month's misses), whose
  // study notes are missing and whose dues are late. `exact` members' deductions of last year are
  // written out (EXACT); this year they are steady.
  for (let month = `${lastYear}-01`; `${month}-26` <= yesterday; month = nextMonth(month)) {
    const m = Number(month.slice(5));
    for (const { slug } of BRANCHES) {
      const people = inBranch(slug);
      const habit = (p: BranchPerson) => HABITS[p.conduct === 'exact' ? (month < `${year}-01` ? 'model' : 'steady') : p.conduct];
      const roll = (p: BranchPerson, what: string) => chance(`${p.key}:${month}:${what}`);
      const misses = (p: BranchPerson, how: 'absent' | 'leave') =>
        ['party_day', 'study'].filter((event) => {
          const absent = roll(p, `${event}:absent`) < habit(p).absent;
          return how === 'absent' ? absent : !absent && roll(p, `${event}:leave`) < habit(p).leave;
        }).length;
      for (const [itemId, how, what] of [['daily.absent', 'absent', '无故缺席'], ['daily.leave', 'leave', '请假缺席']] as const) {
        for (const count of [1, 2]) {
          record(slug, `${month}-26`, itemId, people.filter((p) => misses(p, how) === count), { count, note: `${m}月主题党日、集中学习${what}${count}次` });
        }
      }
      record(slug, `${month}-26`, 'daily.notes', people.filter((p) => roll(p, 'notes') < habit(p).notes), { count: 1, note: `${m}月学习心得未按时提交` });
      record(slug, `${month}-26`, 'daily.dues_late', people.filter((p) => roll(p, 'dues') < habit(p).late), { note: `${m}月党费未按时足额交纳` });
    }
  }
  for (const [key, lines] of Object.entries(EXACT)) {
    for (const [date, itemId, count] of lines) record('b1', `${lastYear}-${date}`, itemId, [person(key)], { count, note: '据签到表和学习台账登记' });
  }
  // 萧长林 went out to work in March of last year without telling the 支部 (流动党员外出三个月以上不报告),
  // and has paid no dues since: 日常 reaches 0 before the year ends (扣完为止).
  record('b2', `${lastYear}-06-26`, 'daily.flow', [person('b2-07')], { note: '外出务工三个月以上未向党组织报告' });
  for (const date of [`${lastYear}-06-26`, `${lastYear}-09-26`, `${lastYear}-12-26`, `${year}-03-26`, `${year}-06-26`]) {
    record('b2', date, 'daily.dues_overdue', [person('b2-07')], { note: '超过3个月未交纳党费' });
  }
  // 江一帆, a 预备党员 of the 非公企业联合党支部, three times left the tasks the 支部 gave undone: with her
  // absences last year ends at 一星 (篇十五: 预备党员年度总积分被定为一星级的，延长预备期或取消预备党员资格).
  for (const date of [`${lastYear}-05-28`, `${lastYear}-08-28`, `${lastYear}-10-28`]) {
    record('b4', date, 'daily.orders', [person('b4-probation')], { note: '未完成党组织交办的结对帮扶任务' });
  }
  // 一票否决 (篇二十一 三、(三)7: 无正当理由连续6个月不缴纳党费) for 萧长林 this year: proposed by the
  // 记分员 of 幸福里社区党支部 with the facts, 认定 by its 支部书记 (the 支部考评小组's head).
  const vetoOn = `${year}-07-06`;
  if (vetoOn <= yesterday) {
    later(at(vetoOn, '10:00'), async () => {
      const { claim } = await api.as(demoOpenid('b2-scorekeeper'), 'veto.propose', {
        memberId: id('b2-07'),
        key: String(year),
        condition: 'unpaid_six_months',
        reason: `自${lastYear}年12月起连续6个月未交纳党费，经支部多次电话、书面催缴，本人无正当理由仍未交纳`,
      });
      await decide(claim);
    });
  }

  // 动态管理积分: distinctions (高秀珍's pass the cap of 10) and misconduct.
  record('b2', `${lastYear}-04-15`, 'bonus.city', [person('b2-01')], { note: '获评市级优秀社区志愿者' });
  record('b2', `${lastYear}-07-22`, 'bonus.rescue', [person('b2-01'), person('b2-leader')], { note: '参加7月防汛抢险，转移群众' });
  record('b2', `${lastYear}-09-10`, 'bonus.media', [person('b2-01')], { note: '助老事迹被市电视台报道' });
  report('b2-01', 'bonus.county', `${lastYear}-11-18`, '获区“最美社区党员”称号，附表彰文件');
  report('b3-01', 'bonus.county', `${lastYear}-09-10`, '获区优秀教师称号，附证书');
  report('b4-01', 'bonus.city', `${lastYear}-05-12`, '获市劳动模范称号，附表彰文件');
  record('b4', `${lastYear}-08-14`, 'penalty.minor', [person('b4-04')], { note: '违反工作纪律，受到通报批评' });
  report('b3-secretary', 'bonus.province', `${year}-09-10`, '获省级优秀教育工作者称号，附证书');
  report('b1-01', 'bonus.media', `${year}-05-20`, '社区矛盾调解事迹被区融媒体中心报道');
  record('b2', `${year}-07-16`, 'bonus.rescue', [person('b2-01'), person('b2-03')], { note: '参加7月防汛抢险' });
  report('b4-03', 'bonus.county', `${year}-06-02`, '获区优秀志愿者', 'reject', '所附证书为企业内部表彰，不属于县（区）级表彰');

  // 民主评议 at the end of last year (篇二 (一)2): each 党员's score, entered by the 记分员.
  for (const { slug } of BRANCHES) {
    const reviewed = inBranch(slug);
    for (const score of new Set(reviewed.map((p) => p.review))) {
      record(slug, `${lastYear}-12-28`, 'review.score', reviewed.filter((p) => p.review === score), { count: score, note: '年度民主评议' });
    }
  }

  // Quarters and last year's cycle: closed and published by each 支部书记 on the first working day
  // after they end, final the day after their 7 working days of 公示 (if that has come).
  const settled: { period: 'quarter' | 'cycle'; key: string }[] = [];
  for (const key of [1, 2, 3, 4].map((q) => `${lastYear}-Q${q}`).concat([1, 2, 3].map((q) => `${year}-Q${q}`))) settled.push({ period: 'quarter', key });
  settled.push({ period: 'cycle', key: lastYear });
  for (const { period, key } of settled) {
    const { closeOn, finalOn } = publicationDays(period, key, PARTY_BRANCH_SCHEME);
    if (closeOn >= today) continue;
    for (const { slug } of BRANCHES) {
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

  // An objection during last year's 公示, rejected with the reason by the 支委会.
  const yearPublic = nthWorkingDayAfter(`${lastYear}-12-31`, 2, CHINA_WORKING_DAYS);
  later(at(yearPublic, '11:00'), async () => {
    counts.objections++;
    const rows = (await api.as(demoOpenid('b4-03'), 'outcome.list', { period: 'cycle', key: lastYear })).rows;
    const row = rows.find((r) => r.memberId === id('b4-03')) ?? fail('no outcome of b4-03');
    const { claim } = await api.as(demoOpenid('b4-03'), 'objection.submit', { outcomeId: row.outcomeId, reason: '民主评议得分偏低，请支部复核' });
    await decide(claim, 'reject', '经支委会复核，民主评议票数统计无误');
  });

  // Today's inboxes: reports waiting for the 记分员, and a disputed deduction waiting for the 支委会.
  report('b1-04', 'bonus.media', addDays(today, -3), '撰写的基层党建经验被区委组织部简报刊发', 'wait');
  report('b2-09', 'bonus.county', addDays(today, -2), '获区“文明家庭”称号，附证书', 'wait');
  report('b3-02', 'bonus.county', addDays(today, -4), '获区教学能手称号', 'wait');
  const disputed = addDays(today, -6);
  record('b2', disputed, 'daily.absent', [person('b2-06')], { count: 1, note: '无故缺席集中学习' });
  if (addDays(today, -5) <= yesterday) {
    later(at(addDays(today, -5), '21:15'), async () => {
      counts.objections++;
      const entry = (await api.as(demoOpenid('b2-06'), 'ledger.list', {})).entries.find((e) => e.itemId === 'daily.absent' && e.occurredOn === disputed) ?? fail('no disputed entry');
      await api.as(demoOpenid('b2-06'), 'objection.submit', { entryId: entry._id, reason: '当天已向组织委员电话请假，有通话记录' });
    });
  }

  await replay(steps, now);

  const summary = [
    `party-branch demo seeded through the api: ${cast.length} 党员 in ${BRANCHES.length} 支部 from ${lastYear}-01-04 to ${today}: ` +
      `${counts.records} records, ${counts.reports} reports, ${counts.closed} branch periods closed and published, ${counts.objections} objections ` +
      `(${api.calls} calls, ${Math.round(performance.now() - started)} ms)`,
    `  党务专干 (secretariat): ${demoOpenid('clerk')}   党工委委员: ${demoOpenid('committee1')}   支部书记: ${demoOpenid('b1-secretary')}   ` +
      `记分员: ${demoOpenid('b1-scorekeeper')}   党员: ${demoOpenid('b1-04')}`,
  ].join('\n');
  return { summary, cast: castOf(cast) };
}
