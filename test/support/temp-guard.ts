/**
 * Every test removes what it creates. Before the suites, the run gets a temporary folder of its own
 * (TMPDIR, which os.tmpdir() and the test workers read); after them, that folder must be empty. A
 * test that leaves a file or folder behind fails the run, naming what it left.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const VARIABLE = 'JIFENZHI_TEST_TMPDIR';

export function claimTempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jifenzhi-test-'));
  process.env[VARIABLE] = dir;
  process.env.TMPDIR = dir;
  // Processes the tests start with tsx would otherwise leave tsx's compile cache in the folder.
  process.env.TSX_DISABLE_CACHE = '1';
  return dir;
}

/** The entries a run left in its temporary folder; the folder is removed either way. */
export function releaseTempDir(): string[] {
  const dir = process.env[VARIABLE];
  if (!dir || !fs.existsSync(dir)) return [];
  const left = fs.readdirSync(dir).sort();
  fs.rmSync(dir, { recursive: true, force: true });
  return left;
}
