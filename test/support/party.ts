/**
 * A small party organisation on the changzhou template (seeds/002), or on another party template with
 * the same roles (party-branch, seeds/001), made through the api as a secretary would: the template adopted, the roster imported, everyone bound with their invite code.
 * Each person's openid is `p-<key>`.
 */
import type { ImportRow } from '../../typings/api';
import { ADMIN_OPENID, ApiHarness } from './api';

export const partyOpenid = (key: string): string => `p-${key}`;

interface PartyPerson {
  key: string;
  name: string;
  branch?: string;
  roles?: string[];
  category?: string;
}

/** 机关党委 with two 支部: 第一党支部 has a secretary, a committee member, a 记分员 and members, one probationary. */
export const PARTY: PartyPerson[] = [
  { key: 'committee', name: '机关党委周委员', roles: ['party_committee'] },
  { key: 's1', name: '王书记', branch: '第一党支部', roles: ['branch_secretary', 'branch_committee'] },
  { key: 'c1', name: '李支委', branch: '第一党支部', roles: ['branch_committee'] },
  { key: 'k1', name: '赵记分员', branch: '第一党支部', roles: ['scorekeeper'] },
  { key: 'a', name: '陈党员', branch: '第一党支部' },
  { key: 'b', name: '刘党员', branch: '第一党支部' },
  { key: 'p', name: '孙预备', branch: '第一党支部', category: 'probationary' },
  { key: 's2', name: '钱书记', branch: '第二党支部', roles: ['branch_secretary', 'branch_committee'] },
  { key: 'k2', name: '吴记分员', branch: '第二党支部', roles: ['scorekeeper'] },
  { key: 'd', name: '郑党员', branch: '第二党支部' },
];

export interface Party {
  /** Member id by key. */
  id: (key: string) => string;
  /** Unit id by name. */
  unit: (name: string) => string;
}

/**
 * The scheme in force: a template adopted by its id (常州's by default), or a function that puts
 * another scheme in force after 常州's is adopted (e.g. test/support/graded-scheme.ts).
 */
export type PartyScheme = string | ((h: ApiHarness) => void);

export async function partyOrganisation(h: ApiHarness, scheme: PartyScheme = 'changzhou'): Promise<Party> {
  await h.ok(ADMIN_OPENID, 'admin.scheme.adopt', { template: typeof scheme === 'string' ? scheme : 'changzhou' });
  if (typeof scheme === 'function') scheme(h);
  const rows: ImportRow[] = PARTY.map((p, i) => ({
    name: p.name,
    phone: `1390000${String(1000 + i)}`,
    ...(p.branch ? { branch: p.branch } : {}),
    ...(p.roles ? { roles: p.roles } : {}),
    ...(p.category ? { category: p.category } : {}),
  }));
  const imported = await h.ok(ADMIN_OPENID, 'admin.members.import', { rows });
  if (imported.errors.length > 0) throw new Error(`import failed: ${JSON.stringify(imported.errors)}`);
  const ids = new Map<string, string>();
  for (const [i, p] of PARTY.entries()) {
    ids.set(p.key, imported.members[i].memberId);
    await h.ok(partyOpenid(p.key), 'me.bind', { inviteCode: imported.members[i].inviteCode });
  }
  const units = new Map((h.cloud.store.dump().branches ?? []).map((b) => [String(b.name), b._id]));
  return {
    id: (key) => ids.get(key) ?? fail(`no member ${key}`),
    unit: (name) => units.get(name) ?? fail(`no unit ${name}`),
  };
}

function fail(message: string): never {
  throw new Error(message);
}

/** China time at noon of a calendar day. */
export const noon = (date: string): Date => new Date(`${date}T12:00:00+08:00`);

export interface PartyWorld {
  readonly h: ApiHarness;
  readonly party: Party;
  /** 第一党支部's 记分员 records an item for these people (by key) on a day; it counts at once. */
  record(day: string, itemId: string, keys: string[], extra?: { count?: number }): Promise<{ claim: { status: string; total: number } }>;
}

/** The party organisation of one test file: made at noon on `start` before its tests, closed after them. */
export function partyWorld(start: string, scheme: PartyScheme = 'changzhou'): PartyWorld {
  let h: ApiHarness | undefined;
  let party: Party | undefined;
  beforeAll(async () => {
    h = new ApiHarness({ now: noon(start) });
    party = await partyOrganisation(h, scheme);
  }, 60_000);
  afterAll(() => h?.close());
  const world: PartyWorld = {
    get h() {
      return h ?? fail('the party organisation is made in beforeAll');
    },
    get party() {
      return party ?? fail('the party organisation is made in beforeAll');
    },
    async record(day, itemId, keys, extra = {}) {
      world.h.setNow(noon(day));
      const recipients = keys.map((k) => ({ memberId: world.party.id(k) }));
      return world.h.ok(partyOpenid('k1'), 'award.propose', { itemId, occurredOn: day, recipients, note: '', ...extra });
    },
  };
  return world;
}
