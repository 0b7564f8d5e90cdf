/**
 * Stand-ins for the wx.* APIs a page calls beyond the cloud (toasts, dialogs, storage, files…),
 * installed on simulate's `wx` global for one test and put back by restoreWx() (call it in afterEach).
 */
type WxApi = Record<string, unknown>;

const replaced: [string, unknown][] = [];

function api(): WxApi {
  const scope = globalThis as unknown as { wx?: WxApi };
  scope.wx = scope.wx ?? {};
  return scope.wx;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function stubWx(name: string, impl: (...args: any[]) => unknown = () => undefined): jest.Mock {
  const wxApi = api();
  replaced.push([name, wxApi[name]]);
  const mock = jest.fn(impl);
  wxApi[name] = mock;
  return mock;
}

export function restoreWx(): void {
  const wxApi = api();
  for (let entry = replaced.pop(); entry; entry = replaced.pop()) wxApi[entry[0]] = entry[1];
}

/** wx.getStorageSync / setStorageSync over a Map, so what a page remembers survives within a test. */
export function memoryStorage(initial: Record<string, unknown> = {}): Map<string, unknown> {
  const store = new Map(Object.entries(initial));
  stubWx('getStorageSync', (key: string) => (store.has(key) ? store.get(key) : ''));
  stubWx('setStorageSync', (key: string, value: unknown) => store.set(key, value));
  stubWx('removeStorageSync', (key: string) => store.delete(key));
  return store;
}

/** wx.showModal answering as the user would: confirm (true) or cancel (false). */
export function answerModal(confirm: boolean): jest.Mock {
  return stubWx('showModal', async () => ({ confirm, cancel: !confirm, errMsg: 'showModal:ok' }));
}

/** The calls a mocked wx API received, first argument of each. */
export function argsOf<T = Record<string, unknown>>(mock: jest.Mock): T[] {
  return mock.mock.calls.map((call) => call[0] as T);
}

/** Adds `name` to the wx.cloud stand-in stubApi installed (downloadFile, uploadFile…); call after stubApi. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function stubCloud(name: string, impl: (...args: any[]) => unknown): jest.Mock {
  const cloud = api().cloud as Record<string, unknown> | undefined;
  if (!cloud) throw new Error('install the cloud with stubApi or stubCallFunction first');
  const mock = jest.fn(impl);
  cloud[name] = mock;
  return mock;
}
