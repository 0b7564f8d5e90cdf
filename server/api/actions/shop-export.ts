/**
 * The quarter's 积分超市 money (seeds/004 第三篇 五 经费保障): an .xlsx with sheet 兑换明细 (every
 * redemption handed over in the quarter, per household), 分户汇总 (each household's items and points)
 * and 补助申报 (per reward: quantity × unit price × subsidy share, and the total to claim). For the
 * secretariat and the shop's managers; stored and handed out as admin.export's files are.
 */
import { z } from 'zod';
import type { Redemption } from '../../../typings/api';
import { assertPeriodKey, periodRange } from '../../../domain/calendar';
import { shopOf } from '../../../domain/shop';
import { householdRows, subsidyRows, subsidyTotal, type HouseholdTotals, type SubsidyRow } from '../../../domain/subsidy';
import { defineAction } from '../action';
import { publishExport } from '../../data/files';
import { fulfilledBetween } from '../../data/shop';
import { requireManager } from './shop';

export const shopExport = defineAction('shop.export', {
  schema: z.object({ quarter: z.string().regex(/^\d{4}-Q[1-4]$/, '格式应为 YYYY-Qn，如 2026-Q3') }).strict(),
  access: 'anyone',
  writes: false,
  async handle(ctx, payload) {
    const scheme = await ctx.scheme();
    shopOf(scheme);
    await requireManager(ctx);
    const key = assertPeriodKey('quarter', payload.quarter);
    const { from, to } = periodRange('quarter', key, scheme.calendar);
    const redemptions = (await fulfilledBetween(from, to)).sort((a, b) => a.fulfilledOn!.localeCompare(b.fulfilledOn!) || a._id.localeCompare(b._id));
    const households = householdRows(redemptions);
    const subsidies = subsidyRows(redemptions);
    const subsidy = subsidyTotal(subsidies);
    const buffer = await workbook(key, redemptions, households, subsidies, subsidy);
    const { fileID, url } = await publishExport(ctx, ['shop', key], `shop-${key}`, buffer);
    return { fileID, url, households: households.length, subsidy };
  },
});

async function workbook(quarter: string, redemptions: Redemption[], households: HouseholdTotals[], subsidies: SubsidyRow[], total: number): Promise<Buffer> {
  // Loaded on use, as admin.export loads it: exceljs is large and only the exports need it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const book = new ExcelJS.Workbook();
  const detail = book.addWorksheet('兑换明细');
  detail.addRow([`${quarter} 积分兑换明细`]);
  detail.addRow(['领取日期', '户', '商品', '提供方', '数量', '单价（分）', '积分', '取货码']);
  for (const r of redemptions) detail.addRow([r.fulfilledOn, r.memberName, r.rewardName, r.keeper, r.quantity, r.cost, r.points, r.code]);
  const byHousehold = book.addWorksheet('分户汇总');
  byHousehold.addRow([`${quarter} 分户兑换汇总`]);
  byHousehold.addRow(['户', '兑换商品', '件数', '积分']);
  for (const h of households) byHousehold.addRow([h.name, h.items, h.quantity, h.points]);
  const claim = book.addWorksheet('补助申报');
  claim.addRow([`${quarter} 积分兑换商品财政补助申报`]);
  claim.addRow(['商品', '提供方', '单价（元）', '数量', '金额（元）', '补助比例', '补助金额（元）']);
  for (const s of subsidies) claim.addRow([s.name, s.keeper, s.cost, s.quantity, s.value, s.subsidyShare, s.subsidy]);
  claim.addRow(['合计', '', '', subsidies.reduce((n, s) => n + s.quantity, 0), subsidies.reduce((n, s) => n + s.value, 0), '', total]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
