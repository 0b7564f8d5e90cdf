/**
 * One invocation's context: the caller (from the platform only), the clock, the scheme in force,
 * and the idempotent transaction every writing action runs in.
 */
import type { ActionName } from '../../typings/api';
import { DomainError } from '../../domain/errors';
import type { Scheme } from '../../domain/scheme';
import { getOrNull, transact, type Tx } from '../cloud';
import { actorOf, type StoredMember } from '../data/members';
import { findCaller, type Caller } from '../data/binding';
import { loadSchemeInForce } from '../data/schemes';
import { COLLECTIONS } from '../data/collections';

export interface StoredRequest {
  _id: string;
  action: ActionName;
  result: unknown;
  at: Date;
}

/** Who acts for the secretariat when the caller has no member record (an ADMIN_OPENIDS administrator). */
export const SECRETARIAT = { id: 'secretariat', name: '秘书处' } as const;

/** Thrown inside a transaction that found its requestId already done: the first result stands. */
export class Replay {
  constructor(readonly result: unknown) {}
}

export class RequestContext {
  private callerCache: Promise<Caller | null> | undefined;
  private schemeCache: Promise<Scheme> | undefined;

  constructor(
    readonly openid: string | null,
    readonly action: ActionName,
    readonly now: Date,
    /** `<openid>:<requestId>` when the caller sent a requestId. */
    readonly requestKey: string | null,
    private readonly adminOpenids: ReadonlySet<string>,
  ) {}

  /** The caller's account: their member record, or the household they act for (docs/rules.md H9). */
  async member(): Promise<StoredMember | null> {
    return (await this.caller())?.member ?? null;
  }

  private caller(): Promise<Caller | null> {
    this.callerCache ??= this.openid ? findCaller(this.openid) : Promise.resolve(null);
    return this.callerCache;
  }

  /** The caller as a claim names its author: `张三（张建国户）` for a household's person (H10). */
  async actor(): Promise<Pick<StoredMember, '_id' | 'name'>> {
    const member = await this.requireMember();
    return actorOf(member, (await this.caller())?.holder ?? null);
  }

  /** The person of a household acting in this request; null for a person's own account. */
  async holder(): Promise<string | null> {
    return (await this.caller())?.holder ?? null;
  }

  /** The caller's member record; NOT_BOUND for an unbound account, FORBIDDEN after leaving. */
  async requireMember(): Promise<StoredMember> {
    const member = await this.member();
    if (!member) throw new DomainError('NOT_BOUND', '请先用邀请码绑定会员身份');
    if (member.status !== 'active') throw new DomainError('FORBIDDEN', '您已退出本会，不能进行此操作');
    return member;
  }

  /** 秘书处: an openid configured as administrator, or a member marked secretariat. */
  async isSecretariat(): Promise<boolean> {
    if (this.openid && this.adminOpenids.has(this.openid)) return true;
    const member = await this.member();
    return Boolean(member && member.status === 'active' && member.secretariat);
  }

  async requireSecretariat(): Promise<void> {
    if (!(await this.isSecretariat())) throw new DomainError('FORBIDDEN', '只有秘书处可以进行此操作');
  }

  /** The secretariat caller as decisions name them: their member record, or 秘书处. */
  async secretariatActor(): Promise<{ id: string; name: string }> {
    const member = await this.member();
    return member && member.status === 'active' ? { id: member._id, name: member.name } : { ...SECRETARIAT };
  }

  scheme(): Promise<Scheme> {
    this.schemeCache ??= loadSchemeInForce(this.now);
    return this.schemeCache;
  }

  /**
   * Runs the action's writes in one transaction. With a requestId, the transaction first looks for
   * the request's record (a retry answers with the first result) and records its own result, so a
   * retried call never writes twice, even when both attempts race.
   */
  async transact<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const key = this.requestKey;
    return transact(async (tx) => {
      if (key) {
        const done = await getOrNull<StoredRequest>(tx.collection(COLLECTIONS.requests).doc(key));
        if (done) throw new Replay(done.result);
      }
      const result = await fn(tx);
      if (key) {
        await tx.collection(COLLECTIONS.requests).doc(key).set({
          data: { action: this.action, result: JSON.parse(JSON.stringify(result)), at: this.now },
        });
      }
      return result;
    });
  }
}
