/**
 * Fault injection (SPEC §7) on the 积分超市 (docs/rules.md S1–S19): a reservation (balance, stock,
 * code and entry in one transaction), a cancellation returning points and stock, a handing over, and
 * a reward changed are each all-or-nothing. The loop is support/faults.ts's, as for 荆门.
 */
import { ADMIN_OPENID, ApiHarness } from '../support/api';
import { partyOpenid as as, partyOrganisation, type Party } from '../support/party';
import { addShopPeople, adoptShopScheme } from '../support/shop-scheme';
import { faultSuite, type FaultCase } from './support/faults';

/** A redemption day (15 March): reserving and handing over both happen on it. */
const NOW = new Date('2026-03-15T02:00:00Z');
const parties = new WeakMap<ApiHarness, { party: Party; rice: string }>();

/** 陈党员 reserves two bags of rice (a requestId makes the reservation and its code the same in every run). */
async function reserved(h: ApiHarness): Promise<string> {
  const { rice } = parties.get(h)!;
  return (await h.ok(as('a'), 'redeem.request', { rewardId: rice, quantity: 2 }, 'setup-reserve-01')).redemption._id;
}

const CASES: FaultCase[] = [
  { name: 'redeem.request', setup: async (h) => ({ openid: as('a'), action: 'redeem.request', payload: { rewardId: parties.get(h)!.rice, quantity: 2 } }) },
  { name: 'redeem.cancel', setup: async (h) => ({ openid: as('a'), action: 'redeem.cancel', payload: { redemptionId: await reserved(h) } }) },
  {
    name: 'redeem.fulfil',
    setup: async (h) => {
      const id = await reserved(h);
      const code = (h.cloud.store.dump().redemptions ?? []).find((r) => r._id === id)!.code as string;
      return { openid: as('keeper'), action: 'redeem.fulfil', payload: { code } };
    },
  },
  {
    name: 'shop.reward.save (stock counted again)',
    setup: async (h) => ({ openid: ADMIN_OPENID, action: 'shop.reward.save', payload: { rewardId: parties.get(h)!.rice, name: '大米 10 斤', cost: 40, stock: 8, keeper: '村积分超市' } }),
  },
];

faultSuite('faults (积分超市)', CASES, async () => {
  const h = new ApiHarness({ now: NOW });
  const party = await partyOrganisation(h, adoptShopScheme);
  await addShopPeople(h);
  await h.ok(as('k1'), 'award.propose', { itemId: 'review.points', occurredOn: '2026-03-14', recipients: [{ memberId: party.id('a') }], count: 100, note: '' });
  const rice = (await h.ok(ADMIN_OPENID, 'shop.reward.save', { name: '大米 10 斤', cost: 40, stock: 5, keeper: '村积分超市' })).reward._id;
  parties.set(h, { party, rice });
  return h;
});
