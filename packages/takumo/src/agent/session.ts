import { UsageError } from '../cli-context.js';
import { CloudClient, CloudClientError } from './cloud-client.js';
import { credentialsFor, type Credentials } from './credentials.js';

/**
 * A command's connection to the cloud: the credentials for `--cloud URL` (or the logged-in
 * cloud) and a client. Cloud failures become one-line user errors (exit 2).
 */
export function connect(env: NodeJS.ProcessEnv, cloudFlag: string | undefined, timeoutMs?: number): { credentials: Credentials; client: CloudClient } {
  const credentials = credentialsFor(env, cloudFlag);
  return {
    credentials,
    client: new CloudClient({ url: credentials.cloud, token: credentials.token, ...(timeoutMs !== undefined && { timeoutMs }) }),
  };
}

/** Runs a cloud call, turning a CloudClientError into a UsageError with the same message. */
export async function cloudCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof CloudClientError) throw new UsageError(error.message);
    throw error;
  }
}
