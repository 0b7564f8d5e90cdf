/**
 * 奖分's form as plain data: what stops it from being sent, in Chinese, and the award.propose payload
 * it becomes, with the event's photos as its evidence (the server shows them to the final reviewer).
 */
import type { CatalogItem, PayloadOf } from '../../../typings/api';
import {
  discretionaryPayload,
  discretionaryProblems,
  eventPayload,
  recordPayload,
  recordProblems,
  type Attendee,
  type AwardMode,
  type Recipient,
} from './proposal';

export interface AwardForm {
  mode: AwardMode;
  item: CatalogItem | null;
  occurredOn: string;
  note: string;
  attendees: Attendee[];
  recipients: Recipient[];
  authority: number;
  /** Record mode: the count of a per-count item, as typed. */
  count: string;
  memberWord: string;
  /** A committee decision (secretariat): the committee's id; null otherwise. */
  committee: string | null;
  reference: string;
  /** The claims window: the earliest and latest day an award may be dated. */
  earliest: string;
  today: string;
  evidence: string[];
  uploadingPhotos: number;
}

export function problemsOf(form: AwardForm): string[] {
  const { item, mode, note, occurredOn, attendees, recipients, authority, committee, reference } = form;
  if (!item) return [mode === 'event' ? '请选择会议或活动' : mode === 'record' ? '请选择记分项目' : '请选择奖分项目'];
  const problems: string[] = [];
  if (mode === 'record') problems.push(...recordProblems(item, attendees.length, form.count, form.memberWord));
  if (mode === 'event' && attendees.length === 0) problems.push('请添加参加人员');
  if (mode === 'discretionary') problems.push(...discretionaryProblems(item, recipients, authority, committee !== null));
  if (committee !== null && reference.trim() === '') problems.push('请填写会长会决定的文号或会议纪要');
  if (note.trim() === '' && mode !== 'record') problems.push(mode === 'event' ? '请填写会议或活动名称' : '请填写奖分事由');
  if (occurredOn < form.earliest || occurredOn > form.today) problems.push(`日期须在 ${form.earliest} 至 ${form.today} 之间`);
  if (form.uploadingPhotos > 0) problems.push('照片还在上传，请稍候');
  return problems;
}

/** The payload of a form without problems. */
export function proposalOf(form: AwardForm & { item: CatalogItem }): PayloadOf<'award.propose'> {
  const { item, mode, occurredOn, attendees, recipients, note, committee, reference, evidence } = form;
  const filed =
    mode === 'event'
      ? eventPayload(item, occurredOn, attendees, note)
      : mode === 'record'
        ? recordPayload(item, occurredOn, attendees, note, form.count)
        : discretionaryPayload(item, occurredOn, recipients, note, committee !== null ? { committee, reference } : undefined);
  return evidence.length > 0 ? { ...filed, evidence: [...evidence] } : filed;
}
