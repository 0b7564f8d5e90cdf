/**
 * The Chinese message of a failed parse: every message names the field in words (field-labels.ts)
 * and says what it should be. Types only from zod, so the router can word an error without loading
 * it (zod loads with the action that needs it).
 */
import type { z } from 'zod';
import { ELEMENT_UNITS, FIELD_LABELS, VALUE_LABELS } from './field-labels';

/** 「输入有误：…」 naming the first issue. */
export function formatIssues(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return '输入有误';
  return `输入有误：${describeIssue(first)}`;
}

/** 「获分名单第 2 人的分值」 for ['recipients', 1, 'points']; empty for the payload itself. */
export function fieldName(path: readonly PropertyKey[]): string {
  let name = '';
  path.forEach((part, i) => {
    if (typeof part === 'number') {
      const list = path[i - 1];
      name += `第 ${part + 1} ${typeof list === 'string' ? (ELEMENT_UNITS[list] ?? '项') : '项'}`;
      return;
    }
    const label = FIELD_LABELS[String(part)] ?? `字段“${String(part)}”`;
    name += name === '' ? label : typeof path[i - 1] === 'number' ? `的${label}` : `中的${label}`;
  });
  return name;
}

const isChinese = (text: string): boolean => /[\u4e00-\u9fa5]/.test(text);

/** One issue in words: the field by its Chinese name, then what it should be. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const field = fieldName(issue.path);
  const subject = field || '参数';
  switch (issue.code) {
    case 'invalid_type':
      // zod 4 leaves the input out of issues; its message says what it received.
      if (/received undefined/.test(issue.message)) return `缺少${subject}`;
      return `${subject}${TYPE_WORDS[issue.expected] ?? '类型不正确'}`;
    case 'too_small':
      return `${subject}${tooSmall(issue)}`;
    case 'too_big':
      return `${subject}${tooBig(issue)}`;
    case 'invalid_value':
      return `${subject}应为${issue.values.map((v) => VALUE_LABELS[String(v)] ?? String(v)).join('、')}之一`;
    case 'unrecognized_keys':
      return `${field ? `${field}中` : ''}有不认识的字段：${issue.keys.join('、')}`;
    default:
      // Messages written for the schema (a regex's, a refinement's) are Chinese and used as they are.
      return isChinese(issue.message) ? (field ? `${field}：${issue.message}` : issue.message) : `${subject}格式不正确`;
  }
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  number: '应为数字',
  int: '应为整数',
  string: '应为文字',
  boolean: '应为“是”或“否”',
  array: '应为列表',
  object: '格式不正确',
  literal: '取值不正确',
};

function tooSmall(issue: z.core.$ZodIssueTooSmall): string {
  const n = Number(issue.minimum);
  switch (issue.origin) {
    case 'string':
      return n <= 1 ? '不能为空' : `至少 ${n} 个字`;
    case 'array':
    case 'set':
      return n <= 1 ? '不能为空' : `至少 ${n} 项`;
    default:
      return issue.inclusive === false ? `须大于 ${n}` : `不能小于 ${n}`;
  }
}

function tooBig(issue: z.core.$ZodIssueTooBig): string {
  const n = Number(issue.maximum);
  switch (issue.origin) {
    case 'string':
      return `不能超过 ${n} 个字`;
    case 'array':
    case 'set':
      return `最多 ${n} 项`;
    default:
      return issue.inclusive === false ? `须小于 ${n}` : `不能大于 ${n}`;
  }
}
