/**
 * A member sheet pasted from a spreadsheet or read from a .csv (admin.members.import): a header row
 * 姓名 手机 分会 档次 职务 职业 社会职务 (and 户名 for a village) in any order (the scheme's own words for the unit and the
 * category are read too: 支部, 党员类别), tab- or comma-separated, with the scheme's names of
 * categories and roles. Rows the sheet gets wrong are reported by their line in the sheet (the header
 * is line 1), and nothing is sent until every row reads; the server then checks the roster rules.
 */
import type { ImportRow, SchemeTerms } from '../../../typings/api';
import { categoryOf, roleOf } from './roster-labels';

type Field = 'name' | 'phone' | 'branch' | 'category' | 'roles' | 'profession' | 'socialRoles' | 'household';

const HEADERS: Record<string, Field> = {
  姓名: 'name',
  名字: 'name',
  手机: 'phone',
  手机号: 'phone',
  手机号码: 'phone',
  电话: 'phone',
  联系电话: 'phone',
  分会: 'branch',
  所属分会: 'branch',
  单位: 'branch',
  档次: 'category',
  会费档次: 'category',
  会员档次: 'category',
  类别: 'category',
  职务: 'roles',
  职业: 'profession',
  社会职务: 'socialRoles',
  // Village templates (seeds/004 以户为单位): the household a person belongs to (docs/rules.md H2).
  户名: 'household',
  所属户: 'household',
};

/** Cells meaning "none": the root directly for a unit, no role, and so on. */
const NONE = new Set(['无', '-', '—', '/', '总会直属', '直属']);
/** Several values in one cell: 副会长、分会会长 (a comma inside a CSV cell arrives quoted). */
const LIST_SEPARATORS = /[、;；/,，\r\n]+/;
/** Position names hold no spaces, so a space also separates them. */
const POSITION_SEPARATORS = /[、;；/,，\s]+/;

export interface SheetError {
  /** Line of the sheet, the header being line 1. */
  line: number;
  message: string;
}

export interface ParsedSheet {
  rows: ImportRow[];
  /** The sheet line of each row, to name the server's per-row errors the way the secretary counts. */
  lines: number[];
  errors: SheetError[];
}

/** Splits delimited text into records of cells, honouring double quotes (CSV), "" and quoted line breaks. */
export function splitRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (char === delimiter) {
      record.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
    } else {
      cell += char;
    }
  }
  if (cell !== '' || record.length > 0) {
    record.push(cell);
    records.push(record);
  }
  return records;
}

function delimiterOf(headerLine: string): string {
  if (headerLine.includes('\t')) return '\t';
  if (headerLine.includes(',')) return ',';
  if (headerLine.includes('，')) return '，';
  return '\t';
}

const clean = (cell: string | undefined): string => (cell ?? '').replace(/\s+/g, ' ').trim();
const isNone = (value: string): boolean => value === '' || NONE.has(value);

function listOf(cell: string | undefined, separators: RegExp): string[] {
  return (cell ?? '')
    .split(separators)
    .map((part) => part.trim())
    .filter((part) => part !== '' && !NONE.has(part));
}

/** The header names of a scheme: the general ones, and its own words for the unit and the category. */
function headersOf(terms: SchemeTerms): Record<string, Field> {
  const { unit, category } = terms.words;
  return { ...HEADERS, [unit]: 'branch', [`所属${unit}`]: 'branch', [category]: 'category' };
}

/** The category's column as the header line names it: 荆门's 会费档次 is 档次 for short. */
export const categoryColumn = (category: string): string => (category === '会费档次' ? '档次' : category);

/** What to paste, in the template's words: the header line and the values of the category. */
export function rosterHint(terms: SchemeTerms): string {
  const { unit, category } = terms.words;
  const column = categoryColumn(category);
  return `从 Excel 复制整张表（含表头）粘贴到下方。表头：姓名 手机 ${unit} ${column} 职务 职业 社会职务；${column}填 ${terms.categories.map((c) => c.name).join('/')}，多个职务或社会职务用、分隔。`;
}

export function parseRosterSheet(text: string, terms: SchemeTerms): ParsedSheet {
  const headers = headersOf(terms);
  const { unit, category, member } = terms.words;
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = delimiterOf(firstLine);
  const records = splitRecords(body, delimiter);
  // Quoted line breaks make records and lines differ: number each record by the line it starts on.
  let next = 1;
  const startLines = records.map((record) => {
    const start = next;
    next += 1 + lineBreaksIn(record);
    return start;
  });

  const headerIndex = records.findIndex((record) => record.some((cell) => clean(cell) !== ''));
  if (headerIndex < 0) return { rows: [], lines: [], errors: [{ line: 1, message: `表格是空的，请粘贴带表头的${member}名单` }] };

  const columns = records[headerIndex].map((cell) => headers[clean(cell).replace(/[\s*＊]/g, '')] ?? null);
  if (!columns.includes('name')) {
    const expected = `姓名 手机 ${unit} ${categoryColumn(category)} 职务 职业 社会职务`;
    return { rows: [], lines: [], errors: [{ line: startLines[headerIndex], message: `第一行应为表头，且须有“姓名”列（${expected}）` }] };
  }

  const rows: ImportRow[] = [];
  const lines: number[] = [];
  const errors: SheetError[] = [];
  for (let k = headerIndex + 1; k < records.length; k++) {
    const record = records[k];
    const recordLine = startLines[k];
    if (record.every((cell) => clean(cell) === '')) continue;
    const problems: string[] = [];
    const row: ImportRow = { name: '' };
    columns.forEach((field, i) => {
      const value = clean(record[i]);
      if (field === null) return;
      switch (field) {
        case 'name':
          row.name = value;
          break;
        case 'phone':
          if (!isNone(value)) row.phone = value.replace(/[\s-]/g, '');
          break;
        case 'branch':
          if (!isNone(value)) row.branch = value;
          break;
        case 'profession':
          if (!isNone(value)) row.profession = value;
          break;
        case 'category': {
          if (isNone(value)) break;
          const found = categoryOf(value, terms);
          if (found) row.category = found;
          else problems.push(`${categoryColumn(category)}“${value}”无效，应为${terms.categories.map((c) => c.name).join('、')}`);
          break;
        }
        case 'roles': {
          const names = listOf(record[i], POSITION_SEPARATORS);
          const unknown = names.filter((name) => roleOf(name, terms) === null);
          if (unknown.length > 0) problems.push(`职务“${unknown.join('、')}”无法识别`);
          else if (names.length > 0) row.roles = [...new Set(names.map((name) => roleOf(name, terms)!))];
          break;
        }
        case 'socialRoles': {
          const roles = listOf(record[i], LIST_SEPARATORS);
          if (roles.length > 0) row.socialRoles = roles;
          break;
        }
        case 'household':
          if (!isNone(value)) row.household = value;
          break;
      }
    });
    if (row.name === '') problems.push('缺少姓名');
    if (problems.length > 0) errors.push({ line: recordLine, message: problems.join('；') });
    rows.push(row);
    lines.push(recordLine);
  }
  if (rows.length === 0 && errors.length === 0) errors.push({ line: startLines[headerIndex] + 1, message: `表头下没有${member}` });
  return { rows, lines, errors };
}

function lineBreaksIn(record: string[]): number {
  return record.reduce((sum, cell) => sum + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
}

/** A server error names the 1-based row of the rows sent; the secretary knows the sheet's line. */
export function sheetLineOf(sheet: Pick<ParsedSheet, 'lines'>, row: number): number {
  return sheet.lines[row - 1] ?? row + 1;
}
