/**
 * A fresh machine installs the project with `npm ci`: the lock must be one that every npm the
 * project supports accepts, and nothing the project needs may depend on an install script (npm 11
 * skips dependency install scripts unless package.json's `allowScripts` approves them).
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

interface LockEntry {
  version?: string;
  link?: boolean;
  resolved?: string;
  integrity?: string;
  hasInstallScript?: boolean;
  optional?: boolean;
}

const lock = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};
const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  allowScripts?: Record<string, boolean>;
};

const packageName = (key: string): string => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);

describe('the lock file', () => {
  it('is a version 3 lock', () => {
    expect(lock.lockfileVersion).toBe(3);
  });

  it('gives every installed entry a version (npm 11 refuses the lock otherwise: "Invalid Version:")', () => {
    const missing = Object.entries(lock.packages)
      .filter(([key, entry]) => key !== '' && !entry.link && !entry.version)
      .map(([key]) => key);
    expect(missing).toEqual([]);
  });

  it('gives every registry entry its integrity, so npm ci verifies what it downloads', () => {
    const unverified = Object.entries(lock.packages)
      .filter(([key, entry]) => key !== '' && !entry.link && entry.resolved?.startsWith('https://registry.npmjs.org/') && !entry.integrity)
      .map(([key]) => key);
    expect(unverified).toEqual([]);
  });
});

describe('install scripts', () => {
  it('has a decision in allowScripts for every package of the lock that has one', () => {
    const withScripts = [
      ...new Set(
        Object.entries(lock.packages)
          .filter(([key, entry]) => key !== '' && entry.hasInstallScript)
          .map(([key]) => packageName(key)),
      ),
    ].sort();
    const decided = Object.keys(manifest.allowScripts ?? {}).map((k) => k.replace(/@[^@/]+$/, ''));
    expect(withScripts.filter((name) => !decided.includes(name))).toEqual([]);
  });

  it('denies them all: the project needs none of them', () => {
    expect(Object.values(manifest.allowScripts ?? {}).every((allowed) => allowed === false)).toBe(true);
  });

  it('bundles with esbuild without its postinstall (the binary comes from its platform package)', async () => {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({ stdin: { contents: 'export const answer: number = 42' , loader: 'ts' }, write: false, format: 'cjs' });
    expect(result.outputFiles[0].text).toContain('42');
  });

  it('runs the official WXML compiler, whose binary ships inside miniprogram-compiler', () => {
    const wcc = path.join(REPO_ROOT, 'node_modules', 'miniprogram-compiler', 'bin', 'linux', 'wcc');
    expect(fs.existsSync(wcc)).toBe(true);
    // npm does not keep the executable bit of that file; scripts/check-wx.ts sets it before use.
    fs.chmodSync(wcc, fs.statSync(wcc).mode | 0o755);
    const run = spawnSync(wcc, ['-h'], { encoding: 'utf8' });
    expect(run.error).toBeUndefined();
  });
});
