/**
 * Starts a TypeScript entry point (the gateway, a writer) as a separate Node process, as `npm start`
 * runs it. The process gets a temporary folder of its own, removed when it exits, so what tsx and the
 * process leave there never outlives the test.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const tsxRegister = require.resolve('tsx/cjs');

export interface TsProcess {
  child: ChildProcess;
  /** Resolves once the process has exited and its temporary folder is gone. */
  exited: Promise<void>;
}

const ownTempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'process-'));

export function spawnTs(entry: string, args: string[], env: NodeJS.ProcessEnv): TsProcess {
  const tmp = ownTempDir();
  const child = spawn(process.execPath, ['--require', tsxRegister, entry, ...args], {
    env: { ...env, TMPDIR: tmp },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      fs.rmSync(tmp, { recursive: true, force: true });
      resolve();
    }),
  );
  return { child, exited };
}

/** Runs a TypeScript entry point to its end, as `npx tsx <entry>` does, in a temporary folder of its own. */
export function runTs(entry: string, args: string[], options: { cwd?: string } = {}): SpawnSyncReturns<string> {
  const tmp = ownTempDir();
  try {
    return spawnSync(process.execPath, ['--require', tsxRegister, entry, ...args], {
      cwd: options.cwd,
      env: { ...process.env, TMPDIR: tmp },
      encoding: 'utf8',
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
