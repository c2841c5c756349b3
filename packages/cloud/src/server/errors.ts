import type { ZodError } from 'zod';

/**
 * An API error with a stable code. Messages are built from metadata (field names, limits),
 * never from submitted values, so nothing a client sent (possibly a secret) is echoed back
 * or logged.
 */
export class CloudError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CloudError';
  }
}

export const notFound = (what = 'resource') => new CloudError(404, 'not_found', `${what} not found`);
export const forbidden = (message = 'your role does not allow this') => new CloudError(403, 'forbidden', message);
export const unauthenticated = () => new CloudError(401, 'unauthenticated', 'authentication required: a session cookie or a bearer API token');

export function invalidRequest(where: string, error: ZodError): CloudError {
  const first = error.issues[0];
  const path = first && first.path.length > 0 ? first.path.join('.') : where;
  const detail = first ? describeIssue(first) : 'invalid';
  return new CloudError(400, 'invalid_request', `${where}: ${path}: ${detail}`);
}

function describeIssue(issue: ZodError['issues'][number]): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field(s) ${issue.keys.map((k) => JSON.stringify(k.slice(0, 40))).join(', ')}`;
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_big':
      return `too large (max ${String(issue.maximum)})`;
    case 'too_small':
      return `too small (min ${String(issue.minimum)})`;
    case 'invalid_format':
      return `invalid ${issue.format}`;
    case 'invalid_value':
      return 'not one of the allowed values';
    default:
      return 'invalid value';
  }
}
