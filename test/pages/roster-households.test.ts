/**
 * A village's roster sheet (seeds/004 以户为单位; docs/rules.md H2): the 户名 column groups people into
 * their household for admin.members.import.
 */
import { parseRosterSheet } from '../../miniprogram/pages/admin/roster-table';
import { changzhouTerms } from './support/builders';

it('reads the 户名 column into each row’s household, and leaves it out where blank', () => {
  const sheet = parseRosterSheet('姓名\t分会\t户名\n张建国\t一组\t张建国户\n李秀英\t一组\t张建国户\n周支书\t\t无\n', changzhouTerms());
  expect(sheet.errors).toEqual([]);
  expect(sheet.rows).toEqual([
    { name: '张建国', branch: '一组', household: '张建国户' },
    { name: '李秀英', branch: '一组', household: '张建国户' },
    { name: '周支书' },
  ]);
});
