/**
 * Uncaught page errors: an exception in a page's or component's handler, lifetime or observer (which
 * exparser catches and reports), a rejected promise nobody handled, an error thrown anywhere else.
 * The shell shows each one; `window.__preview.errors` lists them for the browser tests.
 */
import { addGlobalErrorListener } from 'miniprogram-exparser';

export interface PageError {
  message: string;
  stack: string;
  at: string;
}

export type ErrorListener = (error: PageError) => void;

const errors: PageError[] = [];
const listeners: ErrorListener[] = [];

function describe(error: unknown): { message: string; stack: string } {
  if (error instanceof Error) return { message: error.message, stack: error.stack ?? '' };
  if (error && typeof error === 'object' && 'errMsg' in error) return { message: String((error as { errMsg: unknown }).errMsg), stack: '' };
  return { message: String(error), stack: '' };
}

export function reportPageError(error: unknown, context = ''): void {
  const { message, stack } = describe(error);
  const entry = { message: context ? `${context}: ${message}` : message, stack, at: new Date().toISOString() };
  errors.push(entry);
  for (const listener of listeners) listener(entry);
}

export function pageErrors(): readonly PageError[] {
  return errors;
}

export function onPageError(listener: ErrorListener): void {
  listeners.push(listener);
}

/** Calls a page's method as WeChat does: a throw or a rejected promise is an uncaught page error. */
export function callSafely(context: string, fn: () => unknown): void {
  try {
    const result = fn();
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<unknown>).then(undefined, (error: unknown) => reportPageError(error, context));
    }
  } catch (error) {
    reportPageError(error, context);
  }
}

export function watchForPageErrors(): void {
  addGlobalErrorListener((error, info) => {
    reportPageError(error, info?.message ?? '');
    // Handled here: exparser need not print it again.
    return false;
  });
  window.addEventListener('error', (event) => reportPageError(event.error ?? event.message));
  window.addEventListener('unhandledrejection', (event) => reportPageError(event.reason, 'unhandled promise rejection'));
}
