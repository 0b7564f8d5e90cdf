/**
 * A scheme with a 积分超市 for the engine's tests (seeds/004 第三篇, 001 篇十七): the graded party
 * scheme of graded-scheme.ts with a 积分超市店员 who hands rewards over, a 积分超市管理员 who keeps
 * the rewards (the 'shop' right), a veto that bars redemption but not earning (篇十七 14), and the
 * shop's settings: half the unit price subsidised, redemption on the 15th of each quarter's last
 * month, reservations kept the default 30 days. Adopted by writing it as the scheme's first version.
 */
import type { Scheme } from '../../domain/scheme';
import { ADMIN_OPENID, type ApiHarness } from './api';
import { GRADED_SCHEME, replaceAdoptedScheme } from './graded-scheme';
import { partyOpenid } from './party';

export const SHOP_SCHEME: Scheme = {
  ...GRADED_SCHEME,
  template: 'shop',
  name: '积分超市（测试方案）',
  organisation: {
    ...GRADED_SCHEME.organisation,
    roles: [
      ...GRADED_SCHEME.organisation.roles,
      { id: 'shopkeeper', name: '积分超市店员', at: 'root', rights: [] },
      { id: 'shop_admin', name: '积分超市管理员', at: 'root', rights: ['shop'] },
    ],
  },
  outcomes: {
    ...GRADED_SCHEME.outcomes,
    vetoes: [...(GRADED_SCHEME.outcomes?.vetoes ?? []), { id: 'law', name: '出现违法违纪问题', effect: 'bar', article: '篇十七 14' }],
  },
  shop: { keeperRole: 'shopkeeper', subsidyShare: 0.5, redemptionDays: { day: 15, months: [3, 6, 9, 12] } },
};

/** Puts the shop scheme in force in place of the template adopted (before any points are recorded). */
export const adoptShopScheme = (h: ApiHarness): void => replaceAdoptedScheme(h, SHOP_SCHEME);

/** The shop's people, imported and bound: `keeper` (店员) and `manager` (管理员), openids p-keeper and p-manager. */
export async function addShopPeople(h: ApiHarness): Promise<Record<'keeper' | 'manager', string>> {
  const rows = [
    { name: '何店员', phone: '13900009001', roles: ['shopkeeper'] },
    { name: '冯管理员', phone: '13900009002', roles: ['shop_admin'] },
  ];
  const imported = await h.ok(ADMIN_OPENID, 'admin.members.import', { rows });
  if (imported.errors.length > 0) throw new Error(`import failed: ${JSON.stringify(imported.errors)}`);
  const [keeper, manager] = imported.members;
  await h.ok(partyOpenid('keeper'), 'me.bind', { inviteCode: keeper.inviteCode });
  await h.ok(partyOpenid('manager'), 'me.bind', { inviteCode: manager.inviteCode });
  return { keeper: keeper.memberId, manager: manager.memberId };
}
