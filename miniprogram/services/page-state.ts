/**
 * What a page keeps beside its data, and how it words a failure. Component() pages cannot hold
 * fields of their own that setData does not render, so each page's state lives in a WeakMap keyed by
 * the page instance; a call's failure shows the server's Chinese message, or a page's own fallback
 * for anything unexpected (which is logged with the page's name).
 */
import { ApiCallError } from './api';

/** `stateOf(page)`: the page's own state, made by `init` the first time it is asked for. */
export function pageState<T>(init: () => T): (page: object) => T {
  const states = new WeakMap<object, T>();
  return (page) => {
    let state = states.get(page);
    if (state === undefined) {
      state = init();
      states.set(page, state);
    }
    return state;
  };
}

/** The message for a failed call: the api's own, or `fallback` for an unexpected failure (logged as `page`'s). */
export function failureMessage(error: unknown, page: string, fallback: string): string {
  if (error instanceof ApiCallError) return error.message;
  console.error(`${page}: unexpected failure`, error);
  return fallback;
}
