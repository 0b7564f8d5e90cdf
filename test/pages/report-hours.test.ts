/**
 * The 申报 form for volunteer hours (seeds/004 第五篇; docs/rules.md W1–W4): the hours typed, the
 * points shown before submitting as the server will count them, and the payload.
 */
import type { CatalogItem } from '../../typings/api';
import { missingOf, payloadOf, previewOf, type ClaimForm } from '../../miniprogram/pages/report/claim-form';
import { inputKindOf, itemPointsLabel } from '../../miniprogram/format/points';
import { entryViewOf } from '../../miniprogram/components/entry-row/entry-view';

const volunteer: CatalogItem = { id: 'self.volunteer', name: '志愿服务（按时长）', category: '自治类', kind: 'hours', rate: 1, unit: '小时', maxCount: 24, claimable: true };
const form = (value: string): ClaimForm => ({ item: volunteer, occurredOn: '2026-05-10', points: 1, count: 1, value, note: '', evidence: [] });

it('asks for hours and labels the item by its rate', () => {
  expect(inputKindOf(volunteer)).toBe('hours');
  expect(itemPointsLabel(volunteer)).toBe('每小时1分');
});

it('shows the points of whole and half hours, and sends the hours as the value', () => {
  expect(previewOf(form('2.5'))).toMatchObject({ points: 2.5, pointsText: '+2.5' });
  expect(missingOf(form('2.5'))).toBeNull();
  expect(payloadOf(form('2.5'))).toMatchObject({ itemId: 'self.volunteer', value: 2.5 });
});

it('says what is missing for hours not in half hours or more than a day', () => {
  expect(previewOf(form('1.25')).points).toBeNull();
  expect(missingOf(form('1.25'))).toBe('请填写服务时长（小时，按半小时计，最多 24 小时）');
  expect(previewOf(form('30')).points).toBeNull();
});

it('shows a volunteer entry’s hours beside its points in 明细', () => {
  const entry = {
    _id: 'e1', memberId: 'h1', memberName: '张建国户', itemId: 'self.volunteer', itemName: '志愿服务（按时长）', points: 3.5, hours: 3.5,
    occurredOn: '2026-05-10', schemeVersion: 1, claimId: 'c1', reviewers: ['r1'], createdAt: '2026-05-11T02:00:00.000Z',
  };
  const view = entryViewOf(entry, false, new Date('2026-05-12T04:00:00Z'));
  expect(view).toMatchObject({ points: '+3.5' });
  expect(view?.subtitle).toContain('志愿服务 3.5 小时');
});
