/**
 * Invite codes (邀请码): what the secretariat hands a member to bind their WeChat account (me.bind).
 * Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L), about 10^12 codes; each new
 * code is checked against the codes on file before it is issued.
 */
import { randomInt } from 'crypto';
import { database } from '../cloud';
import { COLLECTIONS } from './collections';

export const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITE_LENGTH = 8;
const QUERY_CHUNK = 500;

export function randomInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_LENGTH; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return code;
}

/** Codes among `codes` that a member, or a household's person (holderCodes), already holds. */
async function codesInUse(codes: readonly string[]): Promise<Set<string>> {
  const db = database();
  const used = new Set<string>();
  for (let i = 0; i < codes.length; i += QUERY_CHUNK) {
    const chunk = codes.slice(i, i + QUERY_CHUNK);
    const { data } = await db
      .collection(COLLECTIONS.members)
      .where(db.command.or([{ inviteCode: db.command.in(chunk) }, { holderCodes: db.command.in(chunk) }]) as object)
      .field({ inviteCode: true, holderCodes: true })
      .limit(1000)
      .get();
    for (const doc of data as { inviteCode: string; holderCodes?: string[] }[]) {
      for (const code of [doc.inviteCode, ...(doc.holderCodes ?? [])]) if (chunk.includes(code)) used.add(code);
    }
  }
  return used;
}

/** `count` fresh codes, distinct from each other and from every code on file. */
export async function issueInviteCodes(count: number): Promise<string[]> {
  const issued = new Set<string>();
  let pending: string[] = [];
  while (issued.size < count) {
    while (issued.size + pending.length < count) {
      const code = randomInviteCode();
      if (!issued.has(code) && !pending.includes(code)) pending.push(code);
    }
    const used = await codesInUse(pending);
    for (const code of pending) if (!used.has(code)) issued.add(code);
    pending = [];
  }
  return [...issued];
}
