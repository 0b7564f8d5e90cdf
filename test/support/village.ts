/**
 * A small village on the `village` template (seeds/004 第三篇), made through the api as the 村 would:
 * the template adopted, the 评定小组 imported as people and the households with their people, and
 * the people bound with their own invite codes. Openids are `v-<key>`.
 */
import type { ImportRow } from '../../typings/api';
import { ADMIN_OPENID, ApiHarness } from './api';

export const villageOpenid = (key: string): string => `v-${key}`;

interface VillagePerson {
  key: string;
  name: string;
  branch?: string;
  roles?: string[];
  household?: string;
  /** Left unbound (the person has not opened the mini-program yet). */
  unbound?: boolean;
}

export const ONE = '一组';
export const TWO = '二组';

export const VILLAGERS: VillagePerson[] = [
  { key: 'leader', name: '周支书', roles: ['assessment_leader', 'village_committee'] },
  { key: 'cadre', name: '何会计', roles: ['village_cadre'] },
  { key: 'committee', name: '罗主任', roles: ['village_committee'] },
  { key: 'keeper', name: '牟店员', roles: ['shop_keeper'] },
  { key: 'gl1', name: '唐组长', branch: ONE, roles: ['group_leader'] },
  { key: 'gl2', name: '邓组长', branch: TWO, roles: ['group_leader'] },
  { key: 'zhang', name: '张建国', branch: ONE, household: '张建国户' },
  { key: 'li', name: '李秀英', branch: ONE, household: '张建国户' },
  { key: 'xiaoming', name: '张小明', branch: ONE, household: '张建国户', unbound: true },
  { key: 'wang', name: '王德福', branch: ONE, household: '王德福户' },
  { key: 'liu', name: '刘长春', branch: TWO, household: '刘长春户' },
  { key: 'chen', name: '陈桂兰', branch: TWO, household: '刘长春户' },
];

export const villageRows = (people: readonly VillagePerson[] = VILLAGERS): ImportRow[] =>
  people.map((p) => ({
    name: p.name,
    // By the person's place in VILLAGERS, so a sheet without someone keeps everyone else's phone.
    phone: `1370000${String(1000 + VILLAGERS.findIndex((v) => v.key === p.key))}`,
    ...(p.branch ? { branch: p.branch } : {}),
    ...(p.roles ? { roles: p.roles } : {}),
    ...(p.household ? { household: p.household } : {}),
  }));

export interface Village {
  /** The account a person acts for: their own, or their household's. */
  account: (key: string) => string;
  unit: (name: string) => string;
  codes: Map<string, string>;
}

export async function villageOrganisation(h: ApiHarness): Promise<Village> {
  await h.ok(ADMIN_OPENID, 'admin.scheme.adopt', { template: 'village' });
  const imported = await h.ok(ADMIN_OPENID, 'admin.members.import', { rows: villageRows() });
  if (imported.errors.length > 0) throw new Error(`import failed: ${JSON.stringify(imported.errors)}`);
  const accounts = new Map<string, string>();
  const codes = new Map<string, string>();
  for (const p of VILLAGERS) {
    const entry = imported.members.find((m) => (p.household ? m.holder === p.name : m.name === p.name && !m.holder));
    if (!entry) throw new Error(`no import entry for ${p.name}`);
    accounts.set(p.key, entry.memberId);
    codes.set(p.key, entry.inviteCode);
    if (!p.unbound) await h.ok(villageOpenid(p.key), 'me.bind', { inviteCode: entry.inviteCode });
  }
  const units = new Map((h.cloud.store.dump().branches ?? []).map((b) => [String(b.name), b._id]));
  return {
    account: (key) => accounts.get(key) ?? fail(`no person ${key}`),
    unit: (name) => units.get(name) ?? fail(`no unit ${name}`),
    codes,
  };
}

function fail(message: string): never {
  throw new Error(message);
}
