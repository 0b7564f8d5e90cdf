/**
 * Earlier versions of documents, kept while a transaction that may still read them is open.
 *
 * The cloud database runs transactions at snapshot isolation: a transaction reads every document as
 * it was when the transaction started, however many commits happen meanwhile. The store holds only
 * the newest version of a document, so when a batch overwrites a document while a transaction with
 * an older snapshot is open, the version it replaces is kept here, tagged with the sequence number
 * that wrote it. Versions no open snapshot can see any more are dropped, so outside transactions the
 * history is empty and costs nothing.
 */
import type { Doc } from './store';

interface Version {
  /** The batch that wrote this version (0: the document did not exist). */
  seq: number;
  doc: Doc | null;
  /** The batch that replaced it: snapshots at or after it no longer need it. */
  replacedAt: number;
}

export class VersionHistory {
  /** Per document, its replaced versions, oldest first. */
  private readonly byDoc = new Map<string, Version[]>();
  /** Every kept version's document key in the order they were replaced, for pruning. */
  private readonly replaced: { key: string; replacedAt: number }[] = [];

  get size(): number {
    return this.replaced.length;
  }

  /** Keeps the version of `key` that the batch `replacedAt` overwrites. */
  keep(key: string, seq: number, doc: Doc | null, replacedAt: number): void {
    let versions = this.byDoc.get(key);
    if (!versions) {
      versions = [];
      this.byDoc.set(key, versions);
    }
    versions.push({ seq, doc, replacedAt });
    this.replaced.push({ key, replacedAt });
  }

  /**
   * The version of `key` a snapshot taken at `snapshot` sees, when the current one is newer; null
   * for a document that did not exist then. Undefined when no kept version is old enough, which
   * means the current version is the one (it was written at or before the snapshot).
   */
  at(key: string, snapshot: number): { doc: Doc | null } | undefined {
    const versions = this.byDoc.get(key);
    if (!versions) return undefined;
    for (let i = versions.length - 1; i >= 0; i--) {
      const version = versions[i];
      if (version.seq <= snapshot && version.replacedAt > snapshot) return { doc: version.doc };
    }
    return undefined;
  }

  /** Drops versions replaced at or before `oldestSnapshot` (null: no transaction is open). */
  prune(oldestSnapshot: number | null): void {
    let drop = 0;
    while (drop < this.replaced.length && (oldestSnapshot === null || this.replaced[drop].replacedAt <= oldestSnapshot)) drop++;
    if (drop === 0) return;
    for (const { key } of this.replaced.splice(0, drop)) {
      const versions = this.byDoc.get(key)!;
      versions.shift();
      if (versions.length === 0) this.byDoc.delete(key);
    }
  }
}
