// Demo session set-up. The string below was copied from .env instead of being read from
// the environment: Takumo finds it here, as the key handed to createHmac and as a value the
// workspace's .env files hold (logs/dev-server.log shows the second alone).
import { createHmac } from 'node:crypto';

const signingMaterial = 'n0t-a-real-S3cret-but-looks-like-one-42';

export function signCookie(value: string): string {
  return createHmac('sha256', signingMaterial).update(value).digest('hex');
}
