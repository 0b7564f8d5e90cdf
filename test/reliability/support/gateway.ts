/**
 * The local cloud's gateway as `npm start` runs it: a separate Node process serving the built
 * functions under cloudfunctions/ over HTTP, on a data folder the test chooses.
 */
import type { ChildProcess } from 'child_process';
import * as path from 'path';
import type { ActionName, ApiEvent, ApiResult, DataOf } from '../../../typings/api';
import { spawnTs } from '../../support/ts-process';

const SERVER = path.join(__dirname, '..', '..', '..', 'localcloud', 'server.ts');

export interface Gateway {
  child: ChildProcess;
  base: string;
  /** Everything the process wrote, for failure messages. */
  output(): string;
  /** SIGKILL, and wait for the process to be gone. */
  kill(): Promise<void>;
}

export function startGateway(dataDir: string, adminOpenids: string): Promise<Gateway> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', SEED: 'none', LOCALCLOUD_DIR: dataDir, ADMIN_OPENIDS: adminOpenids };
  delete env.LOCALCLOUD_FUNCTIONS; // the repository's built functions
  const { child, exited } = spawnTs(SERVER, [], env);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /local cloud on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({
          child,
          base: match[1],
          output: () => out,
          async kill() {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
            await exited;
          },
        });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited (${code ?? signal}) before it listened: ${out}`));
    });
  });
}

/** POST /api/api as `openid`: the function's typed answer. */
export async function callApi<A extends ActionName>(base: string, openid: string, event: ApiEvent<A>): Promise<ApiResult<DataOf<A>>> {
  const res = await fetch(`${base}/api/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Openid': openid },
    body: JSON.stringify(event),
  });
  if (res.status !== 200) throw new Error(`gateway answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as ApiResult<DataOf<A>>;
}
