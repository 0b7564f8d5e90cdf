/**
 * The 考核表 of seeds/002 附件 (党员积分管理考核表), one sheet per unit in an export of a template with
 * a composition: the unit and the period at the top with a line for the signer (支部书记签名), then
 * one row per item grouped by part (考核类别) and category (考核内容) with its value (考核分值), a
 * column per person with what each earned or lost on that item in the period, and the remark the
 * appendix gives (每月得 15 分为满分). Each part ends with the value it adds to the score (capped,
 * less deductions; a part weighted on a scale of its own also with what it counts, seeds/001 篇二),
 * and the sheet with the score.
 */
import type { Workbook, Worksheet } from 'exceljs';
import type { CatalogItem, LedgerEntry } from '../../../typings/models';
import { partValue, roundPoints, scaleOf, scoreOf, type ComponentDef, type CompositionDef } from '../../../domain/composition';
import { schemeTerms } from '../../../domain/glossary';
import { unitWord, type Scheme } from '../../../domain/scheme';
import { postedLine } from '../../data/ledger';
import { partsOfLines } from '../../../domain/posting';
import { byUnit, sheetName } from './unit-sheets';

/** Excel has 16,384 columns; a unit with more people than this gets a note in place of its 考核表. */
const MOST_PEOPLE_PER_SHEET = 16_000;
const FIXED_COLUMNS = 3;

interface SheetItem {
  id: string;
  name: string;
  category: string;
  value: string;
  remark: string;
}

/** Someone on a 考核表: the board's people, and the unit's active members with nothing in the period. */
export interface AssessedPerson {
  memberId: string;
  name: string;
  branchId: string | null;
  branchName: string | null;
}

/** Adds a 考核表 per unit of the people given (in their order within each unit). */
export function addAssessmentSheets(book: Workbook, scheme: Scheme, input: { people: AssessedPerson[]; entries: LedgerEntry[]; label: string }): void {
  const composition = scheme.composition;
  if (!composition) return;
  const entriesOf = groupBy(input.entries, (entry) => entry.memberId);
  const used = new Set<string>();
  for (const unit of byUnit(input.people, scheme.words.direct)) {
    const sheet = book.addWorksheet(sheetName('考核表', unit.name, used), { views: [{ state: 'frozen', xSplit: FIXED_COLUMNS, ySplit: 3 }] });
    if (unit.rows.length > MOST_PEOPLE_PER_SHEET) {
      sheet.addRow([`本${unitWord(scheme)}人数超过 ${MOST_PEOPLE_PER_SHEET}，考核表请按${unitWord(scheme)}分开导出`]);
      continue;
    }
    const unitEntries = unit.rows.flatMap((r) => entriesOf.get(r.memberId) ?? []);
    fillSheet(sheet, scheme, composition, { ...unit, entries: unitEntries, label: input.label });
  }
}

function fillSheet(
  sheet: Worksheet,
  scheme: Scheme,
  composition: CompositionDef,
  unit: { name: string; rows: AssessedPerson[]; entries: LedgerEntry[]; label: string },
): void {
  const people = unit.rows;
  const width = FIXED_COLUMNS + people.length + 1;
  const signer = schemeTerms(scheme).publication?.signer ?? '负责人';
  const title = sheet.addRow([`${scheme.organisation.root.name}${scheme.words.member}积分管理考核表`]);
  sheet.mergeCells(1, 1, 1, width);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  sheet.addRow([`所在${unitWord(scheme)}：${unit.name}`, '', `考核期间：${unit.label}`, ...people.map(() => ''), `${signer}签名：`]);
  const header = sheet.addRow(['考核类别', '考核内容', '考核分值', ...people.map((p) => p.name), '备注']);
  header.font = { bold: true };

  // Signed points per person and item in the period.
  const earned = new Map<string, Map<string, number>>();
  for (const entry of unit.entries) {
    const byItem = earned.get(entry.memberId) ?? new Map<string, number>();
    byItem.set(entry.itemId, roundPoints((byItem.get(entry.itemId) ?? 0) + entry.points));
    earned.set(entry.memberId, byItem);
  }
  const pointsOn = (memberId: string, itemId: string) => earned.get(memberId)?.get(itemId);
  // What each part adds to the score over the period: the period's entries posted on their own.
  const entriesOf = groupBy(unit.entries, (entry) => entry.memberId);
  const partsOf = new Map(people.map((p) => [p.memberId, partsOfLines((entriesOf.get(p.memberId) ?? []).map((e) => postedLine(e, scheme)), scheme)]));

  const scale = scaleOf(composition);
  for (const part of composition.components) {
    const items = itemsOf(scheme, part.id, unit.entries);
    const first = sheet.rowCount + 1;
    const label = partLabel(part);
    for (const item of items) {
      sheet.addRow([label, item.category, `${item.name}　${item.value}`, ...people.map((p) => pointsOn(p.memberId, item.id) ?? ''), item.remark]);
    }
    const value = (p: AssessedPerson) => partValue(part, partsOf.get(p.memberId)?.[part.id]);
    const subtotal = sheet.addRow([label, '小计', '计入得分（封顶、扣分后）', ...people.map(value), partRemark(part, scale)]);
    subtotal.font = { bold: true };
    // A part on a scale of its own counts by its weight (seeds/001 篇二: 按8:2的比例加权计算).
    if (part.weight !== undefined && part.weight !== 1) {
      const weight = part.weight;
      sheet.addRow([label, '折合', `按 ${roundPoints(weight * 100)}% 计入得分`, ...people.map((p) => roundPoints(value(p) * weight)), '']).font = { bold: true };
    }
    if (sheet.rowCount > first) sheet.mergeCells(first, 1, sheet.rowCount, 1);
  }
  const total = sheet.addRow(['得分', '', `满分 ${scale}`, ...people.map((p) => scoreOf(composition, partsOf.get(p.memberId))), '']);
  total.font = { bold: true };
  sheet.getColumn(1).width = 14;
  sheet.getColumn(2).width = 12;
  sheet.getColumn(3).width = 44;
  for (let c = 0; c < people.length; c++) sheet.getColumn(FIXED_COLUMNS + 1 + c).width = 8;
  sheet.getColumn(width).width = 30;
}

/** 基础分（70分）; a weighted part 日常考核积分（100分，占70%）; a bonus 动态管理积分（至多10分）. */
function partLabel(part: ComponentDef): string {
  if (part.bonus) return `${part.name}（至多${part.max}分）`;
  if (part.weight !== undefined && part.weight !== 1) return `${part.name}（${part.max}分，占${roundPoints(part.weight * 100)}%）`;
  return `${part.name}（${part.max}分）`;
}

/** How a part counts, where it is not simply earned up to its maximum. */
function partRemark(part: ComponentDef, scale: number): string {
  if (part.startsFull) return `基础分值 ${part.max} 分，倒扣记分，扣完为止`;
  if (part.bonus) return `加分至多 ${part.max} 分，在 ${scale} 分之外${(part.floor ?? 0) < 0 ? '；扣分照扣，可为负分' : ''}`;
  return '';
}

/** The part's items: the scheme's, then any other item (a unit's own) that has entries in the period. */
function itemsOf(scheme: Scheme, partId: string, entries: LedgerEntry[]): SheetItem[] {
  const capGroups = new Map((scheme.composition?.capGroups ?? []).map((g) => [g.id, g]));
  const items: SheetItem[] = scheme.items.filter((i) => i.component === partId).map((item) => sheetItem(item, capGroups));
  const known = new Set(items.map((i) => i.id));
  for (const entry of entries) {
    if (entry.component !== partId || known.has(entry.itemId)) continue;
    known.add(entry.itemId);
    items.push({ id: entry.itemId, name: entry.itemName, category: '自选项目', value: '', remark: '' });
  }
  return items;
}

function sheetItem(item: CatalogItem, capGroups: Map<string, { name: string; perMonth: number }>): SheetItem {
  const per = item.kind === 'per_count' ? `/${item.unit ?? '次'}` : '';
  const value = item.points === undefined ? '' : `${item.deduction ? '扣 ' : ''}${item.points} 分${per}`;
  const group = item.capGroup ? capGroups.get(item.capGroup) : undefined;
  return { id: item.id, name: item.name, category: item.category, value, remark: group ? `${group.name}每月得 ${group.perMonth} 分为满分` : '' };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}
