/**
 * The year's 评定结果 a 支部 hands in (seeds/001 篇一 三、3: 报请上级党组织备案; 篇二 (三): 报校党委审查),
 * one sheet per unit in an export of a closed cycle of a template with outcome rules: each 党员's
 * parts (日常, 评议, 动态管理), the score, the grade, the stars, a 一票否决 with its condition and
 * reason, and the flags the rules attach, from the cycle's outcome rows as they were closed, in rank
 * order; the unit, the cycle and the state of its 公示 at the top, with a line for the signer.
 */
import type { Workbook } from 'exceljs';
import { shownFlags, type OutcomeRow } from '../../../domain/outcome-rows';
import type { PublicationState } from '../../../domain/publication';
import { categoryName, schemeTerms } from '../../../domain/glossary';
import { unitWord, type Scheme } from '../../../domain/scheme';
import { byUnit, sheetName } from './unit-sheets';

const STATES: Record<PublicationState, string> = { closing: '考评中', draft: '草稿（未公示）', public: '公示中', final: '已确认' };
const STAR_NAMES = ['', '一星级', '二星级', '三星级', '四星级', '五星级'];
const EFFECTS = { zero: '分值归零', fail: '直接认定为不合格', bar: '仍可积分，不参与积分兑换' } as const;
const OBJECTIONS = { pending: '异议待答复', upheld: '异议成立', rejected: '异议不成立' } as const;

/** A closed cycle's rows, with the state of each row's publication by its id. */
export interface ResultRows {
  rows: OutcomeRow[];
  states: ReadonlyMap<string, PublicationState>;
  key: string;
}

/** Adds a 评定结果 sheet per unit of the rows given. */
export function addResultSheets(book: Workbook, scheme: Scheme, input: ResultRows): void {
  const signer = schemeTerms(scheme).publication?.signer ?? '负责人';
  const used = new Set<string>();
  for (const unit of byUnit(input.rows, scheme.words.direct).sort((a, b) => a.name.localeCompare(b.name, 'zh'))) {
    const rows = [...unit.rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.score - a.score || a.name.localeCompare(b.name, 'zh'));
    const parts = rows.find((r) => r.parts)?.parts?.map((p) => p.name) ?? [];
    const states = [...new Set(rows.map((r) => STATES[input.states.get(r.publication) ?? 'draft']))];
    const sheet = book.addWorksheet(sheetName('评定结果', unit.name, used), { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }] });
    const columns = ['名次', '姓名', scheme.words.category, ...parts, '总分', '等次', '星级', '一票否决', '否决理由', '提示', '异议'];
    const title = sheet.addRow([`${unit.name}${input.key}年度${scheme.words.member}积分评定结果`]);
    sheet.mergeCells(1, 1, 1, columns.length);
    title.font = { bold: true, size: 14 };
    title.alignment = { horizontal: 'center' };
    sheet.addRow([`所在${unitWord(scheme)}：${unit.name}`, '', `考核周期：${input.key}`, `公示：${states.join('、')}`, ...columns.slice(5).map(() => ''), `${signer}签名：`]);
    sheet.addRow(columns).font = { bold: true };
    rows.forEach((row, index) => {
      sheet.addRow([
        row.rank ?? index + 1,
        row.name,
        categoryName(scheme, row.category) ?? '',
        ...parts.map((name) => row.parts?.find((p) => p.name === name)?.points ?? ''),
        row.score,
        row.gradeName ?? '',
        row.stars ? STAR_NAMES[row.stars] : '',
        row.veto ? `${row.veto.conditionName}（${EFFECTS[row.veto.effect]}）` : row.vetoed ? '是' : '',
        row.veto?.reason ?? '',
        shownFlags(row).join('；'),
        row.objection ? OBJECTIONS[row.objection.state] : '',
      ]);
    });
    const widths = [6, 12, 10, ...parts.map(() => 12), 8, 10, 8, 30, 30, 50, 12];
    widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  }
}
