/**
 * Durability (SPEC §3): what a function saw acknowledged survives a kill -9 of the local cloud, no
 * transaction is half-written, and a torn journal tail is tolerated.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalCloud } from '../../localcloud/runtime';

const functionsRoot = path.join(__dirname, 'fixtures', 'functions');
const tsxRegister = require.resolve('tsx/cjs');

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-durability-'));
}

/** Runs the writer until it has acknowledged `wanted` writes, then kills it with SIGKILL. */
function writeThenKill(dir: string, wanted: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', tsxRegister, path.join(__dirname, 'fixtures', 'writer.ts'), dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: number[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
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
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`writer exited before the kill: ${stderr}`));
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
