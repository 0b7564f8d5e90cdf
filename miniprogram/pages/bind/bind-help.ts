import type { SchemeTerms } from '../../../typings/api';

/**
 * Who binds, in the template's words (from 我的's answer, when it came first): on a households template
 * each person binds their own WeChat with their own code (docs/rules.md H9).
 */
export function bindHelpOf(terms: SchemeTerms | null): string {
  const who = terms?.households ? '户内每人凭自己的邀请码绑定自己的微信' : `每个${terms?.words.member ?? '会员'}只能绑定一个微信`;
  return `没有邀请码？请联系秘书处。${who}；需要更换微信时，由秘书处重置。`;
}
