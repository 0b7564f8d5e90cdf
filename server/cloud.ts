/**
 * The one place the functions touch wx-server-sdk: initialisation, the database, transactions.
 * Everything above this layer is plain TypeScript over plain documents.
 */
import * as cloud from 'wx-server-sdk';
import { DomainError } from '../domain/errors';

let initialised = false;

export function sdk(): typeof cloud {
  if (!initialised) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string, throwOnNotFound: true } as never);
    initialised = true;
  }
  return cloud;
}

/** The minimal surface of the SDK's database we use; keeps the rest of the code free of `any`. */
export interface DocRef {
  get(): Promise<{ data: unknown }>;
  set(options: { data: object }): Promise<unknown>;
  update(options: { data: object }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<unknown>;
}

export interface Query {
  where(condition: object): Query;
  orderBy(field: string, order: 'asc' | 'desc'): Query;
  limit(n: number): Query;
  skip(n: number): Query;
  field(projection: object): Query;
  get(): Promise<{ data: unknown[] }>;
  count(): Promise<{ total: number }>;
}

export interface Aggregate {
  match(condition: object): Aggregate;
  group(stage: object): Aggregate;
  limit(n: number): Aggregate;
  /** Splits an array field into one document per element (ranking.scopes: social roles). */
  unwind(field: string): Aggregate;
  end(): Promise<{ list: unknown[] }>;
}

export interface CollectionRef extends Query {
  doc(id: string): DocRef;
  add(options: { data: object }): Promise<{ _id: string }>;
  aggregate(): Aggregate;
}

export interface TxCollectionRef {
  doc(id: string): DocRef;
  add(options: { data: object }): Promise<{ _id: string }>;
}

export interface Tx {
  collection(name: string): TxCollectionRef;
}

export interface Database {
  collection(name: string): CollectionRef;
  command: Record<string, (...args: unknown[]) => unknown> & { aggregate: Record<string, (...args: unknown[]) => unknown> };
  serverDate(options?: { offset?: number }): unknown;
  RegExp(options: { regexp: string; options?: string }): unknown;
  runTransaction<T>(fn: (tx: Tx) => Promise<T>, retries?: number): Promise<T>;
}

export function database(): Database {
  return sdk().database() as unknown as Database;
}

/** The caller of this invocation, from the platform (never from the event). */
export function callerOpenid(): string | null {
  const { OPENID } = sdk().getWXContext();
  return typeof OPENID === 'string' && OPENID !== '' ? OPENID : null;
}

/** 秘书处 openids configured for the function (environment variable ADMIN_OPENIDS, comma separated). */
export function adminOpenids(): Set<string> {
  return new Set(
    (process.env.ADMIN_OPENIDS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

const isMissing = (error: unknown): boolean =>
  /does not exist/.test(String((error as { errMsg?: string })?.errMsg ?? (error as Error)?.message ?? ''));

/** `doc().get()` that answers null for a missing document instead of throwing. */
export async function getOrNull<T>(ref: DocRef): Promise<T | null> {
  try {
    return (await ref.get()).data as T;
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

const isConflict = (error: unknown): boolean =>
  (error as { code?: string })?.code === 'DATABASE_TRANSACTION_CONFLICT' ||
  /transaction conflict/i.test(String((error as { errMsg?: string; message?: string })?.errMsg ?? (error as Error)?.message ?? ''));

/**
 * Runs `fn` in one database transaction. The SDK retries a conflicting commit three times; under
 * heavier contention we retry a few more rounds with a short random pause, then report CONFLICT.
 */
export async function transact<T>(fn: (tx: Tx) => Promise<T>, rounds = 8): Promise<T> {
  const db = database();
  for (let round = 1; ; round++) {
    try {
      return await db.runTransaction(fn, 3);
    } catch (error) {
      if (!isConflict(error)) throw error;
      if (round >= rounds) throw new DomainError('CONFLICT', '操作冲突，请稍后重试');
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * round));
    }
  }
}
