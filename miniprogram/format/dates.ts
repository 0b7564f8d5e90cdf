/**
 * Calendar days as the association lives them: Asia/Shanghai, which has had no daylight saving time
 * since 1991, so a fixed +8 hours is exact. Days travel as 'YYYY-MM-DD' (typings/models.ts).
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar day in China at `now`. */
export function chinaDay(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** `day` moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The earliest and latest occurredOn a claim may have today (SPEC §4 claims window). */
export function claimsWindow(windowDays: number, now: Date = new Date()): { start: string; end: string } {
  const end = chinaDay(now);
  return { start: addDays(end, -windowDays), end };
}

/** '2026-11-20' → '2026年11月20日'. */
export function dayLabel(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
}

/** '2026-11-20' → '11月20日' in the current year, the full label otherwise. */
export function shortDayLabel(day: string, now: Date = new Date()): string {
  const [year, month, date] = day.split('-').map(Number);
  return String(year) === chinaDay(now).slice(0, 4) ? `${month}月${date}日` : dayLabel(day);
}

/** An ISO instant as China time, '2026-11-20 09:05'. */
export function timeLabel(iso: string): string {
  const shifted = new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

/** '2026-11' → '2026年11月', '2026' → '2026年'. */
export function periodLabel(key: string): string {
  const [year, month] = key.split('-');
  return month ? `${year}年${Number(month)}月` : `${year}年`;
}
