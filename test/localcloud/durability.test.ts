/**
 * Durability (SPEC §3): what a function saw acknowledged survives a kill -9 of the local cloud, no
 * transaction is half-written, and a torn journal tail is tolerated.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalCloud } from '../../localcloud/runtime';
import { spawnTs } from '../support/ts-process';
import { startLocalCloud } from '../../localcloud/server';
import { repairJournal } from '../../localcloud/store/repair';

const functionsRoot = path.join(__dirname, 'fixtures', 'functions');

const made: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-durability-'));
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the writer until it has acknowledged `wanted` writes, then kills it with SIGKILL. */
function writeThenKill(dir: string, wanted: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const { child, exited } = spawnTs(path.join(__dirname, 'fixtures', 'writer.ts'), [dir], process.env);
    const acked: number[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^ack (\d+)$/.exec(line);
        if (match) acked.push(Number(match[1]));
      }
      if (acked.length >= wanted && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      const outcome = () => (signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`writer exited before the kill: ${stderr}`)));
      void exited.then(outcome);
    });
  });
}

it('keeps every acknowledged write and no half transaction after kill -9', async () => {
  const dir = tempDir();
  const acked = await writeThenKill(dir, 300);
  expect(acked.length).toBeGreaterThanOrEqual(300);

  const cloud = new LocalCloud({ dir, functionsRoot });
  try {
    const ids = new Set((cloud.store.dump().pairs ?? []).map((doc) => doc._id));
    for (const n of acked) {
      expect(ids.has(`a${n}`)).toBe(true);
      expect(ids.has(`b${n}`)).toBe(true);
    }
    // Both halves of every transaction, or neither.
    for (const id of ids) expect(ids.has(id.startsWith('a') ? `b${id.slice(1)}` : `a${id.slice(1)}`)).toBe(true);
  } finally {
    cloud.close();
  }
}, 60_000);

it('tolerates a torn journal tail and keeps appending after it', async () => {
  const dir = tempDir();
  let cloud = new LocalCloud({ dir, functionsRoot });
  await cloud.invoke('probe', { op: 'twoDocs', n: 1 });
  cloud.close();

  const journal = path.join(dir, 'db', 'journal.log');
  const intact = fs.readFileSync(journal, 'utf8');
  fs.appendFileSync(journal, intact.slice(0, Math.floor(intact.length / 2))); // a write cut in the middle

  cloud = new LocalCloud({ dir, functionsRoot });
  expect(cloud.store.dump().pairs.map((d) => d._id)).toEqual(['a1', 'b1']);
  await cloud.invoke('probe', { op: 'twoDocs', n: 2 });
  cloud.close();

  cloud = new LocalCloud({ dir, functionsRoot });
  expect(cloud.store.dump().pairs.map((d) => d._id)).toEqual(['a1', 'a2', 'b1', 'b2']);
  cloud.close();
});

it('survives a restart after compaction into a snapshot', async () => {
  const dir = tempDir();
  let cloud = new LocalCloud({ dir, functionsRoot });
  await cloud.invoke('probe', { op: 'seed', collection: 'items', count: 5 });
  cloud.store.compact();
  await cloud.invoke('probe', { op: 'twoDocs', n: 9 });
  const before = cloud.store.dump();
  cloud.close();

  cloud = new LocalCloud({ dir, functionsRoot });
  expect(cloud.store.dump()).toEqual(before);
  cloud.close();
});

describe('a damaged journal', () => {
  /** A store of 40 transactions, closed: its journal has 40 records. */
  async function storeWithForty(): Promise<{ dir: string; journal: string; before: ReturnType<LocalCloud['store']['dump']> }> {
    const dir = tempDir();
    const cloud = new LocalCloud({ dir, functionsRoot });
    for (let n = 1; n <= 40; n++) await cloud.invoke('probe', { op: 'twoDocs', n });
    const before = cloud.store.dump();
    cloud.close();
    return { dir, journal: path.join(dir, 'db', 'journal.log'), before };
  }

  /** Flips one byte inside the JSON of record `line` (1-based). */
  function flipByteOfLine(journal: string, line: number): number {
    const bytes = fs.readFileSync(journal);
    let offset = 0;
    for (let l = 1; l < line; l++) offset = bytes.indexOf(0x0a, offset) + 1;
    const at = offset + 30;
    bytes[at] ^= 0x01;
    fs.writeFileSync(journal, bytes);
    return offset;
  }

  it('refuses to start, naming the file, the offset and the records after it, and changes nothing', async () => {
    const { dir, journal } = await storeWithForty();
    const offset = flipByteOfLine(journal, 20);
    const damaged = fs.readFileSync(journal);
    expect(() => new LocalCloud({ dir, functionsRoot })).toThrow(
      new RegExp(`journal ${journal.replace(/[.]/g, '\\.')} is damaged at byte ${offset} \\(line 20\\), and 20 intact records follow`),
    );
    expect(fs.readFileSync(journal).equals(damaged)).toBe(true);
  });

  it('refuses a complete last record whose bytes changed: only a write cut short is a torn tail', async () => {
    const { dir, journal } = await storeWithForty();
    flipByteOfLine(journal, 40);
    expect(() => new LocalCloud({ dir, functionsRoot })).toThrow(/line 40\), and 0 intact records follow/);
  });

  it('repairs by keeping every intact record and moving the damaged line to a side file', async () => {
    const { dir, journal, before } = await storeWithForty();
    const offset = flipByteOfLine(journal, 20);
    const damagedLine = fs.readFileSync(journal).subarray(offset, fs.readFileSync(journal).indexOf(0x0a, offset) + 1);

    const report = repairJournal(journal, new Date('2026-11-30T08:00:00Z'));
    expect(report.kept).toBe(39);
    expect(report.dropped).toEqual([expect.objectContaining({ line: 20, offset })]);
    expect(fs.readFileSync(report.sideFile!).includes(damagedLine)).toBe(true);

    const cloud = new LocalCloud({ dir, functionsRoot });
    try {
      // Record 20 held pair 20: it is gone; every other pair is as it was.
      const lost = new Set(['a20', 'b20']);
      expect(cloud.store.dump().pairs).toEqual(before.pairs.filter((d) => !lost.has(d._id)));
    } finally {
      cloud.close();
    }
  });

  it('never seeds the demo over a damaged store: the start refuses before seeding', async () => {
    const { dir, journal } = await storeWithForty();
    flipByteOfLine(journal, 1);
    const seed = jest.fn(async () => null);
    const env = { ...process.env };
    Object.assign(process.env, { LOCALCLOUD_DIR: dir, LOCALCLOUD_FUNCTIONS: functionsRoot, PORT: '0' });
    try {
      await expect(startLocalCloud({ seed })).rejects.toThrow(/is damaged at byte 0 \(line 1\), and 39 intact records follow/);
    } finally {
      process.env = env;
    }
    expect(seed).not.toHaveBeenCalled();
  });
});
