/**
 * The enterprise demo (`SCHEME=enterprise npm start`; seeds/004 第一篇): a coal company with two 区队
 * and three 部室 over the last three months, replayed through the real api at the moments it
 * happened (localcloud/clock.ts travelTo). 人力资源部 sets everyone's 固定积分 attributes and records
 * each month's attendance (one month during the month, credited by the monthly job on the 1st; the
 * others after the month, credited at once); 班组长 and 部门经理 award and deduct within their limits,
 * approved by the level above; two serious violations go beyond the proposer's limit up to the 总经理
 * and leave their worker below zero: one was given the one reprieve, the other waits on last month's
 * list. Today a deduction beyond a 班组长's limit waits for the 总经理, and an award for a 部门经理.
 */
import { performance } from 'perf_hooks';
import type { Claim } from '../../typings/models';
import { roleName } from '../../domain/glossary';
import { addMonths, nextMonth, shanghaiDate } from '../../domain/periods';
import { ENTERPRISE_SCHEME } from '../../domain/schemes/enterprise';
import { addDays } from '../../domain/workdays';
import type { DemoCast } from '../../localcloud/preview';
import type { LocalCloud } from '../../localcloud/runtime';
import type { SeedOutcome } from '../../localcloud/server';
import { at, chance, DemoApi, demoOpenid, fail, history, pick, type DemoOptions, replay } from './api';
import { companyCast, DEPARTMENTS, type Employee } from './enterprise-cast';

/** 煤矿 work six days a week: 26 required days a month. */
const WORKDAYS = 26;

const MERITS = ['merit.extra_duty', 'merit.emergency', 'merit.suggestion', 'merit.good_deed', 'merit.skill'];
const MERIT_NOTES = ['主动顶班完成检修任务', '及时发现并处理皮带跑偏', '提出改进支护工艺的建议被采纳', '拾到工友钱包主动归还', '区队技能比武获得第二名'];
const FAULTS = ['fault.discipline', 'fault.slack'];
const FAULT_NOTES = ['班前会迟到', '交接班记录不全，推诿责任'];

/** Seeds the enterprise demo through the api; returns a summary for the console and the people it made. */
export async function seedEnterprise(cloud: LocalCloud, options: DemoOptions = {}): Promise<SeedOutcome> {
  const started = performance.now();
  const api = new DemoApi(cloud);
  const now = options.now ?? new Date();
  const today = shanghaiDate(now);
  const current = today.slice(0, 7);
  const months = [addMonths(current, -3), addMonths(current, -2), addMonths(current, -1)];
  const cast = companyCast();
  const ids = new Map<string, string>();
  const openids = new Map<string, string>();
  const id = (key: string): string => ids.get(key) ?? fail(`unknown demo employee ${key}`);
  const { steps, later } = history();
  const counts = { awards: 0, deductions: 0, attendance: 0 };
  const workersOf = (slug: string) => cast.filter((p) => p.department === slug && !p.roles);
  const hr = api.admin();

  const decide = async (claim: Claim): Promise<Claim> => {
    const reviewer = openids.get(claim.waitingFor?.memberIds[0] ?? '') ?? fail(`claim ${claim.itemName} waits for nobody`);
    return (await api.as(reviewer, 'claim.decide', { claimId: claim._id, decision: 'approve' })).claim;
  };
  /** One proposal on `date`, decided by the level above the next morning unless it is left waiting. */
  const propose = (by: string, date: string, itemId: string, who: string, points: number, note: string, wait = false) => {
    let claim: Claim | null = null;
    later(at(date, '16:30'), async () => {
      if (itemId.startsWith('fault.')) counts.deductions++;
      else counts.awards++;
      claim = (await api.as(demoOpenid(by), 'award.propose', { itemId, occurredOn: date, recipients: [{ memberId: id(who), points }], note })).claim;
    });
    if (!wait) later(at(addDays(date, 1), '09:20'), async () => decide(claim ?? fail('proposal not made')));
  };
  /** HR records a department's month of attendance at a moment. */
  const attendance = (month: string, when: Date) => {
    for (const d of DEPARTMENTS) {
      later(when, async () => {
        counts.attendance++;
        const people = cast.filter((p) => p.department === d.slug);
        const rows = people.map((p) => ({ memberId: id(p.key), days: daysWorked(p, month) }));
        return api.as(hr, 'admin.attendance.record', { month, workdays: WORKDAYS, rows });
      });
    }
    later(when, () => api.as(hr, 'admin.attendance.record', { month, workdays: WORKDAYS, rows: cast.filter((p) => !p.department).map((p) => ({ memberId: id(p.key), days: WORKDAYS })) }));
  };

  // The first month: HR adopts the template, imports the roster, everyone binds, attributes are set.
  later(at(`${months[0]}-02`, '09:00'), async () => {
    await api.as(hr, 'admin.scheme.adopt', { template: 'enterprise' });
    const imported = await api.as(hr, 'admin.members.import', {
      rows: cast.map((p, i) => ({
        name: p.name,
        phone: `1363510${String(1000 + i)}`,
        ...(p.department ? { branch: DEPARTMENTS.find((d) => d.slug === p.department)!.name } : {}),
        ...(p.roles ? { roles: p.roles } : {}),
      })),
    });
    cast.forEach((p, i) => {
      ids.set(p.key, imported.members[i].memberId);
      openids.set(imported.members[i].memberId, demoOpenid(p.key));
    });
    await Promise.all(cast.map((p, i) => api.as(demoOpenid(p.key), 'me.bind', { inviteCode: imported.members[i].inviteCode })));
    await api.as(hr, 'admin.members.update', { memberId: id('clerk'), patch: { secretariat: true } });
    await api.as(hr, 'admin.attributes.set', { rows: cast.map((p) => ({ memberId: id(p.key), attributes: p.attributes })) });
  });

  for (const [i, month] of months.entries()) {
    // The monthly job on the 1st of the next month (config.json's timer).
    later(at(`${nextMonth(month)}-01`, '00:10'), async () => {
      const result = (await cloud.invoke('cron', { Type: 'Timer', TriggerName: 'monthly', Time: at(`${nextMonth(month)}-01`, '00:10').toISOString() })) as { ok: boolean; error?: { message: string } };
      if (!result.ok) fail(`the monthly job failed: ${result.error?.message ?? ''}`);
    });
    // The middle month's attendance is entered on its 28th and waits for the job; the others after the month, credited at once.
    attendance(month, i === 1 ? at(`${month}-28`, '16:00') : at(`${nextMonth(month)}-03`, '10:00'));
    for (const d of DEPARTMENTS) {
      const workers = workersOf(d.slug).filter((p) => !['zc1-11', 'jj2-12'].includes(p.key));
      const someone = (what: string) => pick(workers, `${month}:${d.slug}:${what}`).key;
      const k = Math.floor(chance(`${month}:${d.slug}`) * MERITS.length);
      propose(`${d.slug}-leader1`, `${month}-08`, MERITS[k], someone('a'), 2 + (k % 4), MERIT_NOTES[k]);
      propose(`${d.slug}-leader2`, `${month}-15`, FAULTS[k % 2], someone('d'), 1 + (k % 3), FAULT_NOTES[k % 2]);
      propose(`${d.slug}-manager`, `${month}-22`, MERITS[(k + 2) % MERITS.length], someone('m'), 6 + 2 * k, MERIT_NOTES[(k + 2) % MERITS.length]);
    }
  }

  // 综采一队's worker 11: a serious violation in the middle month, beyond the 班组长's 5 and the 区队长's
  // 20, approved by the 总经理; below zero at that month's end, HR records his one reprieve (六、4).
  propose('zc1-leader1', `${months[1]}-16`, 'fault.safety', 'zc1-11', 45, '井下违章操作采煤机，险些造成人身事故');
  later(at(`${months[2]}-05`, '10:30'), () =>
    api.as(hr, 'admin.reprieve.record', { memberId: id('zc1-11'), month: months[1], note: '本人书面申请一次不离职的机会，区队担保，调岗学习一个月' }),
  );
  // 掘进二队's worker 12: 违章放炮 last month, proposed by the 区队长 and approved by the 总经理; on last month's list.
  propose('jj2-manager', `${months[2]}-20`, 'fault.safety', 'jj2-12', 60, '违章放炮，未执行“一炮三检”');
  // Today: a 25-point deduction by a 班组长 waits for the 总经理; an award by a 班组长 for the 区队长.
  propose('jj2-leader1', addDays(today, -2), 'fault.discipline', 'jj2-03', 25, '连续三天脱岗', true);
  propose('zc1-leader2', addDays(today, -1), 'merit.suggestion', 'zc1-05', 4, '提出刮板输送机链条张紧改进建议', true);

  await replay(steps, now);

  const summary = [
    `enterprise demo seeded through the api: ${cast.length} 员工 in ${DEPARTMENTS.length} 部门 from ${months[0]}-02 to ${today}: ` +
      `${counts.attendance} attendance sheets, ${counts.awards} awards, ${counts.deductions} deductions (${api.calls} calls, ${Math.round(performance.now() - started)} ms)`,
    `  人力资源部 (secretariat): ${demoOpenid('clerk')}   总经理: ${demoOpenid('gm')}   区队长: ${demoOpenid('zc1-manager')}   ` +
      `班组长: ${demoOpenid('zc1-leader1')}   员工: ${demoOpenid('zc1-05')}`,
  ].join('\n');
  return { summary, cast: castOf(cast) };
}

/** Days worked of the month: the person's usual share, a little less some months, in half days. */
function daysWorked(p: Employee, month: string): number {
  const share = p.attendance * (0.96 + 0.04 * chance(`${p.key}:${month}:days`));
  return Math.min(WORKDAYS, Math.round(WORKDAYS * share * 2) / 2);
}

/** Who the demo's people are, for the preview's caller switcher (GET /demo.json). */
function castOf(people: Employee[]): DemoCast {
  return {
    scheme: 'enterprise',
    people: people.map((p) => ({
      openid: demoOpenid(p.key),
      name: p.name,
      roles: [...(p.roles ?? []).map((role) => roleName(ENTERPRISE_SCHEME, role)), ...(p.key === 'clerk' ? ['秘书处'] : [])],
      unit: DEPARTMENTS.find((d) => d.slug === p.department)?.name ?? ENTERPRISE_SCHEME.organisation.root.name,
    })),
    // A worker of 综采一队 with three months of fixed points and an award waiting.
    start: demoOpenid('zc1-05'),
  };
}
