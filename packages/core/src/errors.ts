/**
 * Errors are values with stable codes. Messages are built from metadata (rule, category,
 * line, file) only, never from the text being scanned, so an error can be shown or logged
 * without leaking a secret.
 */
export type TakumoErrorCode =
  | 'TAKUMO_E_TOKENIZE_FAILED'
  | 'TAKUMO_E_SESSION_DESTROYED'
  | 'TAKUMO_E_INVALID_INPUT'
  | 'TAKUMO_E_CONFIG'
  | 'TAKUMO_E_INTERNAL';

export class TakumoError extends Error {
  readonly code: TakumoErrorCode;

  constructor(code: TakumoErrorCode, message: string) {
    super(message);
    this.name = 'TakumoError';
    this.code = code;
  }
}
