// Demo session set-up. The string below was copied from .env instead of being read from
// the environment: Takumo knows every value in the workspace's .env files and finds it here.
import { createHmac } from 'node:crypto';

const signingMaterial = 'n0t-a-real-S3cret-but-looks-like-one-42';

export function signCookie(value: string): string {
  return createHmac('sha256', signingMaterial).update(value).digest('hex');
}
