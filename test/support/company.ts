/**
 * A small company on the enterprise template (seeds/004 第一篇), made through the api as HR would:
 * the template adopted, the roster imported, everyone bound, HR made the secretariat, and each
 * person's 固定积分 attributes set. Each person's openid is `c-<key>`.
 */
import type { ImportRow } from '../../typings/api';
import { ADMIN_OPENID, ApiHarness } from './api';

export const companyOpenid = (key: string): string => `c-${key}`;

interface Employee {
  key: string;
  name: string;
  department?: string;
  roles?: string[];
  attributes: Record<string, string>;
}

const WORKER = { 学历: '初中及以下', 职称: '无', 职务: '员工', 技能: '无', 工龄: '不满5年', 特长: '无' }; // 2 a month

/** 公司 with 综采一队 (a 区队) and 机电科 (a 部室); 人力资源部 at the company. */
const STAFF: Employee[] = [
  { key: 'chair', name: '贾董事长', roles: ['chairman'], attributes: { ...WORKER, 职务: '公司领导' } },
  { key: 'gm', name: '韩总经理', roles: ['general_manager'], attributes: { ...WORKER, 职务: '公司领导' } },
  { key: 'hr', name: '王人事', roles: ['hr'], attributes: { ...WORKER, 学历: '本科' } },
  { key: 'dm1', name: '李队长', department: '综采一队', roles: ['dept_manager'], attributes: { ...WORKER, 职务: '科级' } },
  { key: 'tl1', name: '赵班长', department: '综采一队', roles: ['team_leader'], attributes: { ...WORKER, 职务: '班组长' } },
  // 本科 4 + 中级 4 + 员工 0 + 高级工 3 + 10至20年 3 + 一项 1 = 15 a month.
  { key: 'w1', name: '陈矿工', department: '综采一队', attributes: { 学历: '本科', 职称: '中级', 职务: '员工', 技能: '高级工', 工龄: '10至20年', 特长: '一项' } },
  { key: 'w2', name: '刘矿工', department: '综采一队', attributes: WORKER },
  { key: 'dm2', name: '孙科长', department: '机电科', roles: ['dept_manager'], attributes: { ...WORKER, 职务: '科级' } },
  { key: 'w3', name: '周电工', department: '机电科', attributes: WORKER },
];

export interface Company {
  id: (key: string) => string;
  unit: (name: string) => string;
}

export async function companyOrganisation(h: ApiHarness): Promise<Company> {
  await h.ok(ADMIN_OPENID, 'admin.scheme.adopt', { template: 'enterprise' });
  const rows: ImportRow[] = STAFF.map((p, i) => ({
    name: p.name,
    phone: `1370000${String(1000 + i)}`,
    ...(p.department ? { branch: p.department } : {}),
    ...(p.roles ? { roles: p.roles } : {}),
  }));
  const imported = await h.ok(ADMIN_OPENID, 'admin.members.import', { rows });
  if (imported.errors.length > 0) throw new Error(`import failed: ${JSON.stringify(imported.errors)}`);
  const ids = new Map<string, string>();
  for (const [i, p] of STAFF.entries()) {
    ids.set(p.key, imported.members[i].memberId);
    await h.ok(companyOpenid(p.key), 'me.bind', { inviteCode: imported.members[i].inviteCode });
  }
  await h.ok(ADMIN_OPENID, 'admin.members.update', { memberId: ids.get('hr')!, patch: { secretariat: true } });
  await h.ok(companyOpenid('hr'), 'admin.attributes.set', { rows: STAFF.map((p) => ({ memberId: ids.get(p.key)!, attributes: p.attributes })) });
  const units = new Map((h.cloud.store.dump().branches ?? []).map((b) => [String(b.name), b._id]));
  return {
    id: (key) => ids.get(key) ?? fail(`no employee ${key}`),
    unit: (name) => units.get(name) ?? fail(`no department ${name}`),
  };
}

function fail(message: string): never {
  throw new Error(message);
}
