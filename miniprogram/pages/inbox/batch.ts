/**
 * Batch approval: one claim.decide per claim, a few at a time, so a long selection neither floods the
 * cloud function nor stops at the first claim another reviewer decided meanwhile.
 */
import type { Claim } from '../../../typings/api';

export type Outcome<T> = { id: string; ok: true; value: T } | { id: string; ok: false; error: unknown };

/** Runs `task` for every id with at most `limit` in flight; outcomes come back in the order of `ids`. */
export async function settleEach<T>(ids: readonly string[], limit: number, task: (id: string) => Promise<T>): Promise<Outcome<T>[]> {
  const outcomes: Outcome<T>[] = new Array(ids.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < ids.length) {
      const index = next++;
      const id = ids[index];
      try {
        outcomes[index] = { id, ok: true, value: await task(id) };
      } catch (error) {
        outcomes[index] = { id, ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, ids.length)) }, worker));
  return outcomes;
}

export interface Selection {
  selected: Record<string, boolean>;
  selectedCount: number;
  selectedPoints: number;
  /** Every claim waiting is chosen: all are loaded (`complete`) and none is left out. */
  allSelected: boolean;
}

/** The batch bar's figures for the claims chosen among those shown (a chosen claim no longer shown drops out). */
export function selectionOf(claims: readonly Pick<Claim, '_id' | 'total'>[], chosen: Readonly<Record<string, boolean>>, complete: boolean): Selection {
  const kept = claims.filter((claim) => chosen[claim._id]);
  return {
    selected: Object.fromEntries(kept.map((claim) => [claim._id, true])),
    selectedCount: kept.length,
    selectedPoints: kept.reduce((sum, claim) => sum + claim.total, 0),
    allSelected: complete && kept.length > 0 && kept.length === claims.length,
  };
}

/**
 * The question before a batch approval: how many claims, how many points they post, and how many
 * carry a line that may repeat a recorded deed (第十四条: the reviewer sees what they approve).
 */
export function batchQuestion(claims: readonly Pick<Claim, 'lines' | 'total'>[]): string {
  const points = claims.reduce((sum, claim) => sum + claim.total, 0);
  const flagged = claims.filter((claim) => claim.lines.some((line) => line.duplicateOf && !line.excluded)).length;
  return `确认通过选中的 ${claims.length} 件申请，合计 ${points} 分？${flagged > 0 ? `其中 ${flagged} 件可能与已有积分重复。` : ''}`;
}

export interface BatchSummary {
  approved: string[];
  /** Why each claim that did not go through failed, by claim id. */
  failures: Record<string, string>;
  /** What to tell the approver when some failed: one line per claim. */
  report: { title: string; content: string } | null;
}

export function summarize<T>(outcomes: readonly Outcome<T>[], describe: (id: string) => string, messageOf: (error: unknown) => string): BatchSummary {
  const approved = outcomes.filter((o) => o.ok).map((o) => o.id);
  const failures: Record<string, string> = {};
  for (const outcome of outcomes) if (!outcome.ok) failures[outcome.id] = messageOf(outcome.error);
  const failed = Object.keys(failures);
  const report =
    failed.length === 0
      ? null
      : {
          title: `已通过 ${approved.length} 件，${failed.length} 件未通过`,
          content: failed.map((id) => `${describe(id)}：${failures[id]}`).join('\n'),
        };
  return { approved, failures, report };
}
