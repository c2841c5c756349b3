/**
 * Errors Takumo itself answers with, in the provider's own format, so the AI tool shows
 * them the way it shows the provider's errors. Messages are built from codes and
 * metadata only, never from request or response text.
 */
export type Dialect = 'anthropic' | 'openai';

export type ProxyErrorCode =
  | 'TAKUMO_E_TOKENIZE_FAILED'
  | 'TAKUMO_E_BAD_JSON'
  | 'TAKUMO_E_BODY_TOO_LARGE'
  | 'TAKUMO_E_UNSUPPORTED_BODY'
  | 'TAKUMO_E_UPSTREAM_UNREACHABLE'
  | 'TAKUMO_E_UPSTREAM_TIMEOUT'
  | 'TAKUMO_E_UPSTREAM_BAD_RESPONSE'
  | 'TAKUMO_E_SENTINEL_BLOCKED'
  | 'TAKUMO_E_WEBSOCKET_UNSUPPORTED'
  | 'TAKUMO_E_INTERNAL';

interface ErrorShape {
  status: number;
  anthropicType: string;
  openaiType: string;
  /** Whether the official SDKs should retry (sent as `x-should-retry`). */
  retry: boolean;
}

const SHAPES: Record<ProxyErrorCode, ErrorShape> = {
  TAKUMO_E_TOKENIZE_FAILED: { status: 500, anthropicType: 'api_error', openaiType: 'server_error', retry: false },
  TAKUMO_E_BAD_JSON: { status: 400, anthropicType: 'invalid_request_error', openaiType: 'invalid_request_error', retry: false },
  TAKUMO_E_BODY_TOO_LARGE: { status: 413, anthropicType: 'request_too_large', openaiType: 'invalid_request_error', retry: false },
  TAKUMO_E_UNSUPPORTED_BODY: { status: 415, anthropicType: 'invalid_request_error', openaiType: 'invalid_request_error', retry: false },
  TAKUMO_E_UPSTREAM_UNREACHABLE: { status: 502, anthropicType: 'api_error', openaiType: 'server_error', retry: true },
  TAKUMO_E_UPSTREAM_TIMEOUT: { status: 504, anthropicType: 'timeout_error', openaiType: 'timeout', retry: true },
  TAKUMO_E_UPSTREAM_BAD_RESPONSE: { status: 502, anthropicType: 'api_error', openaiType: 'server_error', retry: false },
  TAKUMO_E_SENTINEL_BLOCKED: { status: 422, anthropicType: 'takumo_sentinel_blocked', openaiType: 'takumo_sentinel_blocked', retry: false },
  TAKUMO_E_WEBSOCKET_UNSUPPORTED: { status: 426, anthropicType: 'invalid_request_error', openaiType: 'invalid_request_error', retry: false },
  TAKUMO_E_INTERNAL: { status: 500, anthropicType: 'api_error', openaiType: 'server_error', retry: false },
};

export class ProxyError extends Error {
  constructor(readonly code: ProxyErrorCode, message: string) {
    super(message);
    this.name = 'ProxyError';
  }

  get status(): number {
    return SHAPES[this.code].status;
  }
}

export interface ErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The JSON error object (no HTTP framing) in the dialect's shape. */
export function errorObject(dialect: Dialect, code: ProxyErrorCode, message: string): Record<string, unknown> {
  const shape = SHAPES[code];
  const text = `Takumo: ${message} (${code})`;
  if (dialect === 'anthropic') return { type: 'error', error: { type: shape.anthropicType, message: text } };
  return { error: { message: text, type: shape.openaiType, param: null, code } };
}

export function errorResponse(dialect: Dialect, error: ProxyError): ErrorResponse {
  const shape = SHAPES[error.code];
  return {
    status: shape.status,
    headers: {
      'content-type': 'application/json',
      'x-should-retry': String(shape.retry),
      'x-takumo-error': error.code,
    },
    body: JSON.stringify(errorObject(dialect, error.code, error.message)),
  };
}
