/**
 * Shared zod building blocks for payloads, and the Chinese message of a failed parse.
 */
import { z } from 'zod';

/** Payload of an action that takes none: absent, null or an empty object. */
export const noPayload = z
  .union([z.object({}).strict(), z.undefined(), z.null()])
  .transform(() => undefined as never) as unknown as z.ZodType<Record<string, never> | undefined>;

export const id = z.string().trim().min(1, '不能为空').max(64, '过长');

/** 'YYYY-MM-DD'; the calendar check (no 2026-02-30) is the domain's. */
export const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const monthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
export const yearKey = z.string().regex(/^\d{4}$/, '年份格式应为 YYYY');

export const note = (max = 500) => z.string().trim().max(max, `不能超过 ${max} 字`);
export const cursor = z.string().max(200).optional();

export const points = z.number().int('须为整数').min(1, '至少 1 分').max(100000, '过大');

/** Evidence photos: cloud fileIDs, at most nine (the picker's limit). */
export const evidence = z
  .array(z.string().regex(/^cloud:\/\/[^\s]{1,300}$/, '照片须为云存储文件'))
  .max(9, '最多 9 张照片')
  .optional();

export function formatIssues(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return '输入有误';
  const where = first.path.length > 0 ? `${first.path.join('.')}：` : '';
  const message = /^[\x00-\x7F]*$/.test(first.message) ? translate(first) : first.message;
  return `输入有误：${where}${message}`;
}

function translate(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // zod 4 leaves the input out of issues; its message says what it received.
      return /received undefined/.test(issue.message) ? '缺少此项' : `类型应为 ${issue.expected}`;
    case 'unrecognized_keys':
      return `不认识的字段 ${issue.keys.join('、')}`;
    case 'too_small':
      return '太小或太短';
    case 'too_big':
      return '太大或太长';
    case 'invalid_value':
      return `取值应为 ${issue.values.map(String).join(' / ')}`;
    default:
      return '格式不正确';
  }
}
