/**
 * Adopting a template (SCHEMES.md §3): the first administrator of a deployment chooses which
 * template the organisation runs (jingmen, changzhou, …). The template becomes version 1 of the
 * scheme, with a notice; refused once any ledger entry exists, since recorded points were earned
 * under the scheme in force. Adopting the template already in force changes nothing.
 */
import { z } from 'zod';
import type { Notice } from '../../../typings/models';
import { DomainError } from '../../../domain/errors';
import { isTemplate, TEMPLATES } from '../../../domain/schemes';
import { defineAction } from '../action';
import { database } from '../../cloud';
import { COLLECTIONS } from '../../data/collections';
import { withoutId } from '../../data/ledger';
import { readAll } from '../../data/members';
import { loadSchemeVersions, schemeDocId, type StoredScheme } from '../../data/schemes';

export const adminSchemeAdopt = defineAction('admin.scheme.adopt', {
  schema: z.object({ template: z.string().trim().min(1, '请选择方案模板').max(40, '过长') }).strict(),
  access: 'secretariat',
  writes: true,
  async handle(ctx, { template }) {
    if (!isTemplate(template)) {
      const known = Object.entries(TEMPLATES).map(([id, scheme]) => `${id}（${scheme.name}）`);
      throw new DomainError('INVALID_INPUT', `没有模板“${template}”，可选：${known.join('、')}`);
    }
    const chosen = TEMPLATES[template];
    const versions = await loadSchemeVersions();
    const inForce = versions[versions.length - 1];
    if (versions.length === 1 && inForce.template === template) return { scheme: { id: template, name: chosen.name }, version: inForce.version };
    const { total } = await database().collection(COLLECTIONS.ledger).count();
    if (total > 0) throw new DomainError('CONFLICT', `已有 ${total} 条积分记录，不能更换方案模板（已记录的积分按原方案取得）`);
    const stored = await readAll<StoredScheme>(database().collection(COLLECTIONS.schemes));
    const member = await ctx.member();

    return ctx.transact(async (tx) => {
      for (const doc of stored) await tx.collection(COLLECTIONS.schemes).doc(doc._id).remove();
      const adopted: StoredScheme = { _id: schemeDocId(1), scheme: { ...chosen, version: 1 }, publishedAt: ctx.now, publishedBy: member?._id ?? ctx.openid ?? '' };
      await tx.collection(COLLECTIONS.schemes).doc(adopted._id).set({ data: withoutId(adopted) });
      const notice: Notice = {
        _id: 'scheme-adopted',
        kind: 'scheme',
        title: `采用积分方案：${chosen.name}`,
        body: `本组织采用“${chosen.name}”，自即日起按此方案记分、审核和排名。`,
        schemeVersion: 1,
        publishedAt: ctx.now.toISOString(),
        effectiveFrom: chosen.effectiveFrom,
      };
      await tx.collection(COLLECTIONS.notices).doc(notice._id).set({ data: withoutId(notice) });
      return { scheme: { id: template, name: chosen.name }, version: 1 };
    });
  },
});
