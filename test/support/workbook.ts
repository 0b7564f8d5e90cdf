/** Reading back a workbook the api wrote to local storage (admin.export): each sheet's rows as arrays of cell values. */
import ExcelJS from 'exceljs';
import type { ApiHarness } from './api';

/** Each sheet by name, its non-empty rows as arrays of cell values, header first. */
export async function storedSheets(h: ApiHarness, fileID: string): Promise<Map<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(h.cloud.storage.read(fileID)! as unknown as ArrayBuffer);
  const out = new Map<string, unknown[][]>();
  book.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
    out.set(sheet.name, rows);
  });
  return out;
}
