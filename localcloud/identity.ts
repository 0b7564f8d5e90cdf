/**
 * Per-invocation identity. `cloud.getWXContext()` reads `WX_OPENID` and friends from
 * `process.env`, as it does in a real cloud function instance. Here many invocations share one
 * process, so `process.env` is overlaid with the variables of the invocation whose async context is
 * running: concurrent callers never see each other's identity.
 */
import { AsyncLocalStorage } from 'async_hooks';

type EnvOverlay = Record<string, string | undefined>;

const context = new AsyncLocalStorage<EnvOverlay>();
let installed = false;

export function installEnvOverlay(): void {
  if (installed) return;
  installed = true;
  const base = process.env;
  process.env = new Proxy(base, {
    get(target, key) {
      const overlay = context.getStore();
      if (overlay && typeof key === 'string' && key in overlay) return overlay[key];
      return Reflect.get(target, key);
    },
    has(target, key) {
      const overlay = context.getStore();
      if (overlay && typeof key === 'string' && key in overlay) return overlay[key] !== undefined;
      return Reflect.has(target, key);
    },
  });
}

export function runWithEnv<T>(overlay: EnvOverlay, fn: () => T): T {
  installEnvOverlay();
  return context.run(overlay, fn);
}

export interface Caller {
  openid?: string;
  appid?: string;
  unionid?: string;
  /** `wx_client` for a mini-program call, absent for a timer trigger. */
  source?: string;
}

/** The variables a WeChat cloud function instance sees for one call. */
export function wxContextEnv(caller: Caller, env: string): EnvOverlay {
  return {
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
    WX_OPENID: caller.openid,
    WX_APPID: caller.appid ?? (caller.openid ? 'wxlocalappid' : undefined),
    WX_UNIONID: caller.unionid,
    TCB_ENV: env,
    SCF_NAMESPACE: env,
    TCB_SOURCE: caller.source ?? (caller.openid ? 'wx_client' : undefined),
  };
}
