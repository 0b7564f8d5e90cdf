/**
 * The People's Republic of China's working-day calendar: the public holidays and 调休 working days
 * the State Council has published (国务院办公厅关于部分节假日安排的通知), from the chinese-days package's
 * data. A year not yet published counts weekends only until the package carries it.
 */
import data from 'chinese-days/dist/chinese-days.json';
import type { WorkingDayCalendar } from '../workdays';

const dates = (table: Record<string, unknown>): Set<string> => new Set(Object.keys(table));

export const CHINA_WORKING_DAYS: WorkingDayCalendar = {
  holidays: dates(data.holidays),
  workdays: dates(data.workdays),
  years: new Set([...Object.keys(data.holidays), ...Object.keys(data.workdays)].map((d) => d.slice(0, 4))),
};
