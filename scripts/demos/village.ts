/**
 * The village demo (`SCHEME=village npm start`; seeds/004 第三篇, 001 篇十七): 石板村 with six 村民小组
 * and 122 households, replayed through the real api from January of last year to today: each group's
 * 村民小组长 records the month's 义务劳动 and 环境整洁 and the 评定小组 confirms; households report
 * what they did (volunteer hours, honours, 红白喜事从简…) and their 村民小组长 and a 村干部 review it;
 * a few deductions; each ended quarter closed, published in the village by the 评定小组组长 and final
 * after its 5 working days, with an objection upheld by the 村委会 and one rejected; last year's
 * year-end items. Today some households' reports wait in the 村民小组长's 审批.
 */
import { performance } from 'perf_hooks';
import type { Claim } from '../../typings/models';
import { CHINA_WORKING_DAYS } from '../../domain/calendars/china';
import { roleName } from '../../domain/glossary';
import { nextMonth, shanghaiDate } from '../../domain/periods';
import { VILLAGE_SCHEME } from '../../domain/schemes/village';
import { addDays, nthWorkingDayAfter } from '../../domain/workdays';
import type { DemoCast } from '../../localcloud/preview';
import type { LocalCloud } from '../../localcloud/runtime';
import type { SeedOutcome } from '../../localcloud/server';
import { at, chance, DemoApi, demoOpenid, fail, history, publicationDays, type DemoOptions, replay } from './api';
import { GROUPS, OFFICIALS, START_HOUSEHOLD, VILLAGE_NAME, villageHouseholds, type VillageHousehold, type VillagePerson } from './village-cast';

/** What households report, with a note: the demo's self-reports pick from these. */
const REPORTS: [string, string, { value?: number }?][] = [
  ['self.volunteer', '参加村里组织的志愿服务：清理河道垃圾', { value: 3 }],
  ['self.volunteer', '帮助留守老人收割稻谷', { value: 4.5 }],
  ['virtue.help_poor', '帮扶邻组独居老人，送米送油'],
  ['self.thrift', '儿子结婚按村规民约从简操办，未办流水席'],
  ['virtue.blood', '到区中心血站义务献血'],
  ['lead.advice_adopted', '建议在村口设置垃圾分类投放点，已被村委会采纳'],
  ['lead.honour.town', '获评镇级“星级文明户”'],
  ['self.garden', '房前屋后种植桂花和月季'],
];

export async function seedVillage(cloud: LocalCloud, options: DemoOptions = {}): Promise<SeedOutcome> {
  const started = performance.now();
  const api = new DemoApi(cloud);
  const now = options.now ?? new Date();
  const today = shanghaiDate(now);
  const yesterday = addDays(today, -1);
  const year = Number(today.slice(0, 4));
  const lastYear = String(year - 1);
  const households = villageHouseholds();
  /** Who acts for a household in the demo: its first person with a bound WeChat (none: it never reports). */
  const actingFor = (h: VillageHousehold) => h.people.find((p) => p.bound);
  const start = households.find((h) => h.key === START_HOUSEHOLD) ?? fail('no start household');
  // The households that object to last year's second quarter: each has someone bound to act.
  const [missed, banquet] = [3, 45].map((n) => households.slice(n).find((h) => actingFor(h)) ?? fail('no bound household'));
  const people: VillagePerson[] = [...OFFICIALS, ...households.flatMap((h) => h.people)];
  const accounts = new Map<string, string>();
  const openidOf = new Map<string, string>();
  const account = (key: string) => accounts.get(key) ?? fail(`unknown demo account ${key}`);
  const { steps, later } = history();
  const counts = { records: 0, reports: 0, closed: 0, objections: 0, pending: 0 };

  const decide = async (claim: Claim, decision: 'approve' | 'reject' = 'approve', reason?: string): Promise<Claim> => {
    const reviewer = openidOf.get(claim.waitingFor?.memberIds[0] ?? '') ?? fail(`claim ${claim.itemName} waits for nobody`);
    return (await api.as(reviewer, 'claim.decide', { claimId: claim._id, decision, ...(reason ? { reason } : {}) })).claim;
  };
  /**
   * A 村民小组长 records for households of their group (or a 村干部 for the whole village: group
   * 'village'); another of the 评定小组 confirms the next morning.
   */
  const record = (date: string, itemId: string, group: number | 'village', of: VillageHousehold[], note: string) => {
    if (of.length === 0 || date > yesterday) return;
    let claim: Claim | null = null;
    const recorder = group === 'village' ? 'cadre1' : `leader${group + 1}`;
    later(at(date, '17:00'), async () => {
      counts.records++;
      claim = (await api.as(demoOpenid(recorder), 'award.propose', { itemId, occurredOn: date, note, recipients: of.map((h) => ({ memberId: account(h.key) })) })).claim;
    });
    later(at(addDays(date, 1), '09:00'), () => decide(claim ?? fail('record not made')));
  };
  /** A household's person reports; the 村民小组长 and a 村干部 review over the next days (or it waits). */
  const report = (h: VillageHousehold, date: string, which: number, wait = false) => {
    const person = actingFor(h);
    if (!person) return;
    const [itemId, note, input] = REPORTS[which % REPORTS.length];
    let claim: Claim | null = null;
    later(at(date, '20:00'), async () => {
      counts.reports++;
      if (wait) counts.pending++;
      claim = (await api.as(demoOpenid(person.key), 'claim.submit', { itemId, occurredOn: date, note, evidence: [], ...(input ?? {}) })).claim;
    });
    if (wait) return;
    // The 村民小组长 checks the next morning, a 村干部 confirms the day after (each decision on the claim as it then is).
    later(at(addDays(date, 1), '08:30'), async () => (claim = await decide(claim ?? fail('report not made'))));
    later(at(addDays(date, 2), '10:00'), async () => decide(claim ?? fail('report not made')));
  };

  // January of last year: the 文书 adopts the template and imports the roster; people bind.
  const admin = api.admin();
  later(at(`${lastYear}-01-04`, '09:00'), async () => {
    await api.as(admin, 'admin.scheme.adopt', { template: 'village' });
    const rows = [
      ...OFFICIALS.map((p) => ({ name: p.name, ...(p.group !== undefined ? { branch: GROUPS[p.group] } : {}), ...(p.roles ? { roles: p.roles } : {}) })),
      ...households.flatMap((h) => h.people.map((p) => ({ name: p.name, branch: GROUPS[h.group], household: h.name, category: h.category }))),
    ];
    const imported = await api.as(admin, 'admin.members.import', { rows });
    for (const p of OFFICIALS) {
      const entry = imported.members.find((m) => !m.holder && m.name === p.name) ?? fail(`no import entry for ${p.name}`);
      accounts.set(p.key, entry.memberId);
      openidOf.set(entry.memberId, demoOpenid(p.key));
      await api.as(demoOpenid(p.key), 'me.bind', { inviteCode: entry.inviteCode });
    }
    for (const h of households) {
      for (const p of h.people) {
        const entry = imported.members.find((m) => m.name === h.name && m.holder === p.name) ?? fail(`no import entry for ${p.name}`);
        accounts.set(h.key, entry.memberId);
        if (p.bound) await api.as(demoOpenid(p.key), 'me.bind', { inviteCode: entry.inviteCode });
      }
    }
    await api.as(admin, 'admin.members.update', { memberId: account('clerk'), patch: { secretariat: true } });
  });

  // Each quarter each group's 义务劳动 and the village's 环境卫生检查 (篇十七 家庭积分 8: 当月积5分,
  // for the month checked); each half-year a 村民会议.
  for (let month = `${lastYear}-01`; `${month}-10` <= yesterday; month = nextMonth(month)) {
    const m = Number(month.slice(5));
    const keen = (of: VillageHousehold[], what: string, bar = 1) => of.filter((h) => chance(`${h.key}:${month}:${what}`) < h.zeal * bar);
    if (m % 3 === 0) record(`${month}-25`, 'self.clean_month', 'village', keen(households, 'clean', 0.6), `${m}月环境卫生检查`);
    if (m % 6 === 1) record(`${month}-05`, 'self.meeting', 'village', keen(households, 'meeting'), `${m}月村民会议`);
    if (m % 3 === 2) GROUPS.forEach((_, g) => record(`${month}-10`, 'self.labour', g, keen(households.filter((h) => h.group === g), 'labour', 0.7), `${m}月组内义务劳动：清理沟渠、修整便道`));
    // Households report: two or three a month across the village.
    for (const h of households) {
      const roll = chance(`${h.key}:${month}:report`);
      if (roll < 0.02 * h.zeal + 0.003) report(h, `${month}-${String(12 + Math.floor(roll * 1000) % 10).padStart(2, '0')}`, Math.floor(roll * 10000));
    }
  }
  // Last year's year-end items (篇十七 家庭积分: 当年积分), recorded in December for most households.
  record(`${lastYear}-12-20`, 'virtue.no_violence', 'village', households.filter((h) => chance(`${h.key}:violence`) < 0.97), `${lastYear}年度家庭无家暴`);
  record(`${lastYear}-12-20`, 'virtue.neighbours', 'village', households.filter((h) => chance(`${h.key}:neighbours`) < 0.85), `${lastYear}年度邻里团结`);
  record(`${lastYear}-12-21`, 'virtue.schooling', 'village', households.filter((h) => h.people.length >= 3), `${lastYear}年度子女无辍学`);
  // Deductions found by the 评定小组 (四(二)): dumping twice, a banquet, gambling once.
  const deduct = (date: string, itemId: string, h: VillageHousehold, note: string) => record(date, itemId, h.group, [h], note);
  deduct(`${lastYear}-04-16`, 'self.dumping', households[7], '在河沟边倾倒建筑垃圾');
  deduct(`${lastYear}-08-03`, 'self.banquet', banquet, '为新房落成违规操办无事酒');
  deduct(`${lastYear}-11-22`, 'law.gambling', households[88], '经派出所查实参与赌博');
  deduct(`${year}-03-14`, 'self.dumping', households[101], '焚烧垃圾、乱倒污水');

  // Quarters: closed and published by the 评定小组组长 on the first working day after they end, final after 5 working days.
  const secretary = demoOpenid('secretary');
  const quarters = [1, 2, 3, 4].map((q) => `${lastYear}-Q${q}`).concat([1, 2, 3, 4].map((q) => `${year}-Q${q}`));
  for (const key of quarters) {
    const { closeOn, finalOn } = publicationDays('quarter', key, VILLAGE_SCHEME);
    if (closeOn >= today) continue;
    const target = { period: 'quarter', key, unitId: 'root' } as const;
    later(at(closeOn, '09:30'), async () => {
      counts.closed++;
      await api.as(secretary, 'admin.period.close', target);
      await api.as(secretary, 'admin.period.publish', target);
    });
    if (finalOn < today) later(at(finalOn, '09:00'), () => api.as(secretary, 'admin.period.finalize', target));
  }
  // Objections to last year's Q2: one upheld after the missed 义务劳动 is recorded, one rejected.
  const q2Public = nthWorkingDayAfter(`${lastYear}-06-30`, 2, CHINA_WORKING_DAYS);
  const objectTo = (h: VillageHousehold, reason: string, decision: 'approve' | 'reject', answer?: string, before?: () => Promise<unknown>) =>
    later(at(q2Public, '11:00'), async () => {
      counts.objections++;
      const who = demoOpenid((actingFor(h) ?? fail(`nobody of ${h.name} is bound`)).key);
      const row = (await api.as(who, 'outcome.list', { period: 'quarter', key: `${lastYear}-Q2` })).rows.find((r) => r.memberId === account(h.key)) ?? fail(`no outcome of ${h.name}`);
      const { claim } = await api.as(who, 'objection.submit', { outcomeId: row.outcomeId, reason });
      if (before) await before();
      await decide(claim, decision, answer);
    });
  objectTo(missed, '6月10日组里清理沟渠我家去了两个人，公示表上没有', 'approve', undefined, async () => {
    const { claim } = await api.as(demoOpenid(`leader${missed.group + 1}`), 'award.propose', {
      itemId: 'self.labour', occurredOn: `${lastYear}-06-10`, recipients: [{ memberId: account(missed.key) }], note: '经村委会核实补记',
    });
    await decide(claim);
  });
  objectTo(banquet, '无事酒扣分太重，希望减免', 'reject', '经村委会调查核实，确属违规操办无事酒，维持扣分');

  // Today: reports waiting for 村民小组长 in several groups.
  const waiting = [start, ...[30, 61, 95, 118].map((n) => households.slice(n).find((h) => actingFor(h))!)];
  for (const [i, h] of waiting.entries()) report(h, addDays(today, -1 - i), i, true);

  // 积分超市 (004 第三篇 四(五)1②): the 村干部 puts the daily goods on the shelf, 1 分 = 1 元, kept by the
  // village's own 超市 and a partner shop; the 户主 who opens the preview has reserved 牙膏 for the next
  // redemption day.
  later(at(addDays(today, -20), '10:00'), async () => {
    const shelf = [
      { name: '大米（10斤）', cost: 30, stock: 40, keeper: '石板村积分超市' },
      { name: '食用油（5升）', cost: 60, stock: 20, keeper: '石板村积分超市' },
      { name: '洗衣液（2千克）', cost: 25, stock: 30, keeper: '石板村积分超市' },
      { name: '洗洁精', cost: 10, stock: 50, keeper: '石板村积分超市' },
      { name: '牙膏', cost: 8, stock: 60, keeper: '村口便民超市' },
      { name: '毛巾', cost: 10, stock: 60, keeper: '村口便民超市' },
    ];
    const rewards = [];
    for (const reward of shelf) rewards.push((await api.as(demoOpenid('cadre1'), 'shop.reward.save', reward)).reward);
    const toothpaste = rewards.find((r) => r.name === '牙膏') ?? fail('no 牙膏 on the shelf');
    await api.as(demoOpenid(START_HOUSEHOLD), 'redeem.request', { rewardId: toothpaste._id, quantity: 1 });
  });

  await replay(steps, now);

  const holders = households.reduce((n, h) => n + h.people.length, 0);
  const summary = [
    `village demo seeded through the api: ${VILLAGE_NAME}, ${households.length} households (${holders} people) in ${GROUPS.length} 村民小组 from ${lastYear}-01-04 to ${today}: ` +
      `${counts.records} records, ${counts.reports} reports (${counts.pending} waiting), ${counts.closed} quarters published, ${counts.objections} objections ` +
      `(${api.calls} calls, ${Math.round(performance.now() - started)} ms)`,
    `  文书 (secretariat): ${demoOpenid('clerk')}   评定小组组长: ${secretary}   村民小组长: ${demoOpenid('leader1')}   户主: ${demoOpenid(START_HOUSEHOLD)}`,
  ].join('\n');
  return { summary, cast: castOf(people, households) };
}

/** Who the demo's people are, for the preview's caller switcher (GET /demo.json). */
function castOf(people: VillagePerson[], households: VillageHousehold[]): DemoCast {
  return {
    scheme: 'village',
    people: people
      .filter((p) => p.bound)
      .map((p) => ({
        openid: demoOpenid(p.key),
        name: p.name,
        roles: [...(p.roles ?? []).map((role) => roleName(VILLAGE_SCHEME, role)), ...(p.key === 'clerk' ? ['秘书处'] : [])],
        unit: p.group !== undefined ? GROUPS[p.group] : VILLAGE_NAME,
        ...(p.household ? { household: p.household } : {}),
      })),
    // A household's 户主 in 一组 with a report waiting.
    start: demoOpenid(START_HOUSEHOLD),
  };
}
