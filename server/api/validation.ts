/**
 * Shared zod building blocks for payloads. The Chinese message of a failed parse is issues.ts's.
 */
import { z } from 'zod';

export { describeIssue, fieldName, formatIssues } from './issues';

/** Payload of an action that takes none: absent, null or an empty object. */
export const noPayload = z
  .union([z.object({}).strict(), z.undefined(), z.null()])
  .transform(() => undefined as never) as unknown as z.ZodType<Record<string, never> | undefined>;

export const id = z.string().trim().min(1, '不能为空').max(64, '过长');

/** 'YYYY-MM-DD'; the calendar check (no 2026-02-30) is the domain's. */
export const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '格式应为 YYYY-MM-DD');
export const monthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '格式应为 YYYY-MM');
export const yearKey = z.string().regex(/^\d{4}$/, '格式应为 YYYY');

export const note = (max = 500) => z.string().trim().max(max, `不能超过 ${max} 字`);
export const cursor = z.string().max(200).optional();

export const points = z.number().int('须为整数').min(1, '至少 1 分').max(100000, '过大');

/** Evidence photos: cloud fileIDs, at most nine (the picker's limit). */
export const evidence = z
  .array(z.string().regex(/^cloud:\/\/[^\s]{1,300}$/, '须为云存储中的文件'))
  .max(9, '最多 9 张照片')
  .optional();
