import type { ErrorCode } from '../typings/api';

/**
 * A rule was broken. Thrown inside the domain; the `api` router turns it into
 * `{ ok: false, error: { code, message } }` at the boundary (SPEC §5).
 * `message` is shown to the user, so it is Chinese.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Machine-readable details for logs and tests (never shown to the user). */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
