/**
 * What an action is: its payload schema (checked against the contract in typings/api.ts), who may
 * call it, whether it writes, and its handler.
 */
import type { z } from 'zod';
import type { ActionName, DataOf, PayloadOf } from '../../typings/api';
import type { RequestContext } from './context';

export type Access =
  /** Anyone, bound or not (me.get, me.bind, catalog.get). */
  | 'anyone'
  /** A bound, active member. */
  | 'member'
  /** The secretariat (秘书处). */
  | 'secretariat'
  /**
   * A gate of the action's own, for callers beyond one of the above (admin.export: the secretariat or a
   * unit's book-keeper, F2). It throws FORBIDDEN or NOT_BOUND; the handler still checks the payload's target.
   */
  | { gate(ctx: RequestContext): Promise<void> };

export interface ActionDef<A extends ActionName> {
  schema: z.ZodType<PayloadOf<A>>;
  access: Access;
  /** Writing actions honour `requestId` idempotency and run in one transaction. */
  writes: boolean;
  handle(ctx: RequestContext, payload: PayloadOf<A>): Promise<DataOf<A>>;
}

export type ActionTable = { [A in ActionName]: ActionDef<A> };

/** Identity helper so each action file is type-checked against its entry in the contract. */
export function defineAction<A extends ActionName>(_name: A, def: ActionDef<A>): ActionDef<A> {
  return def;
}
