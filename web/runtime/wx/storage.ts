/**
 * Storage per person, as each phone has its own: localStorage under `jifenzhi:<openid>:`, values kept
 * as JSON so numbers, booleans and objects come back as they went in.
 */
import { asyncApi, WxFailure } from './callbacks';

export function storageApis(openid: string) {
  const prefix = `jifenzhi:${openid}:`;
  const get = (key: string): unknown => {
    const raw = localStorage.getItem(prefix + key);
    return raw === null ? '' : (JSON.parse(raw) as unknown);
  };
  const set = (key: string, data: unknown): void => {
    if (typeof key !== 'string' || key === '') throw new WxFailure('setStorage:fail parameter error: key should be a non-empty string');
    localStorage.setItem(prefix + key, JSON.stringify(data === undefined ? null : data));
  };
  const keys = (): string[] =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith(prefix))
      .map((k) => k.slice(prefix.length));
  const remove = (key: string) => localStorage.removeItem(prefix + key);
  const clear = () => keys().forEach(remove);
  return {
    getStorageSync: get,
    setStorageSync: set,
    removeStorageSync: remove,
    clearStorageSync: clear,
    getStorageInfoSync: () => ({ keys: keys(), currentSize: 0, limitSize: 10240 }),
    getStorage: asyncApi('getStorage', ({ key }: { key: string }) => {
      if (localStorage.getItem(prefix + key) === null) throw new WxFailure('getStorage:fail data not found');
      return { data: get(key) };
    }),
    setStorage: asyncApi('setStorage', ({ key, data }: { key: string; data: unknown }) => {
      set(key, data);
      return {};
    }),
    removeStorage: asyncApi('removeStorage', ({ key }: { key: string }) => {
      remove(key);
      return {};
    }),
    clearStorage: asyncApi('clearStorage', () => {
      clear();
      return {};
    }),
  };
}
