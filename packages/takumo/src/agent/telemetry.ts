import { CloudClient } from './cloud-client.js';
import { loadCredentials } from './credentials.js';
import { homeFile, readStateFile, writeStateFile } from './home.js';
import { VERSION } from '../version.js';

/**
 * Anonymous, opt-out usage telemetry. It goes only to the cloud this agent is logged in to
 * (never to a Takumo-run or third-party endpoint), and carries only the CLI version, the OS
 * family and how many times each command ran (`{"scan": 3, "audit verify": 1}`) — command
 * names, never their arguments. No id, no path, no code, no value, no exit status.
 * Off with `takumo telemetry off`, `TAKUMO_TELEMETRY=0` or `DO_NOT_TRACK=1`; when off,
 * nothing is recorded either.
 *
 * Counts are gathered in TAKUMO_HOME/telemetry.json and sent at most once an hour, so the
 * cloud sees daily-ish totals rather than a timeline of one person's work.
 */
export interface TelemetryPayload {
  cliVersion: string;
  os: 'linux' | 'darwin' | 'windows' | 'other';
  commands: Record<string, number>;
}

export interface TelemetryState {
  enabled: boolean;
  /** Why it is on or off, in words for `takumo telemetry status`. */
  reason: string;
  /** Where it would go (the configured cloud), when enabled. */
  destination?: string;
}

const SETTINGS_FILE = 'telemetry.json';
const OFF_VALUES = new Set(['0', 'false', 'off', 'no', 'disabled']);

export function telemetryState(env: NodeJS.ProcessEnv): TelemetryState {
  const flag = env.TAKUMO_TELEMETRY?.trim().toLowerCase();
  if (flag !== undefined && OFF_VALUES.has(flag)) return { enabled: false, reason: 'off: TAKUMO_TELEMETRY is set to turn it off' };
  const dnt = env.DO_NOT_TRACK?.trim().toLowerCase();
  if (dnt !== undefined && dnt !== '' && !OFF_VALUES.has(dnt)) return { enabled: false, reason: 'off: DO_NOT_TRACK is set' };
  let settings: { enabled?: boolean } | undefined;
  try {
    settings = readStateFile<{ enabled?: boolean }>(homeFile(env, SETTINGS_FILE));
  } catch {
    return { enabled: false, reason: 'off: the telemetry settings file is unreadable' };
  }
  if (settings?.enabled === false) return { enabled: false, reason: 'off: turned off with `takumo telemetry off`' };
  let cloud: string | undefined;
  try {
    cloud = loadCredentials(env)?.cloud;
  } catch {
    cloud = undefined;
  }
  if (!cloud) return { enabled: false, reason: 'inactive: no cloud configured, so nothing is sent anywhere' };
  return { enabled: true, reason: 'on (opt out with `takumo telemetry off`, TAKUMO_TELEMETRY=0 or DO_NOT_TRACK=1)', destination: cloud };
}

/** `takumo telemetry on|off`. Turning it off also discards counts not yet sent. */
export function setTelemetryEnabled(env: NodeJS.ProcessEnv, enabled: boolean): string {
  const path = homeFile(env, SETTINGS_FILE);
  const settings = readSettings(env);
  writeStateFile(path, enabled ? { ...settings, enabled: true } : { enabled: false });
  return path;
}

interface TelemetrySettings {
  enabled?: boolean;
  pending?: Record<string, number>;
  lastSentAt?: string;
}

const SEND_INTERVAL_MS = 60 * 60 * 1000;
const COMMAND_NAME = /^[a-z][a-z-]{0,31}( [a-z][a-z-]{0,31})?$/;

/** The payload for a set of command counts (what `telemetry status` shows and `send` sends). */
export function buildTelemetryPayload(commands: Record<string, number>): TelemetryPayload {
  const clean: Record<string, number> = {};
  for (const [name, count] of Object.entries(commands)) {
    if (COMMAND_NAME.test(name) && Number.isSafeInteger(count) && count > 0) clean[name] = Math.min(count, 100_000);
  }
  return { cliVersion: VERSION, os: osFamily(process.platform), commands: clean };
}

/** The command words only (`audit verify`); anything else is not recorded. */
export function telemetryCommandName(words: string[]): string | undefined {
  const name = words.slice(-2).join(' ');
  return COMMAND_NAME.test(name) ? name : undefined;
}

function osFamily(platform: NodeJS.Platform): TelemetryPayload['os'] {
  if (platform === 'linux') return 'linux';
  if (platform === 'darwin') return 'darwin';
  if (platform === 'win32') return 'windows';
  return 'other';
}

/** What would be sent next (pending counts plus `extra`), for `takumo telemetry status`. */
export function pendingTelemetry(env: NodeJS.ProcessEnv): TelemetryPayload {
  return buildTelemetryPayload(readSettings(env).pending ?? {});
}

/**
 * Records one run of `command` and, when an hour has passed since the last send, sends the
 * gathered counts. Does nothing at all when telemetry is off. Bounded by `timeoutMs`, silent
 * on failure (telemetry never changes what a command does). Returns whether it sent.
 */
export async function recordCommand(env: NodeJS.ProcessEnv, command: string, options: { timeoutMs?: number; now?: Date } = {}): Promise<boolean> {
  try {
    if (!telemetryState(env).enabled || !COMMAND_NAME.test(command)) return false;
    const now = options.now ?? new Date();
    const settings = readSettings(env);
    const pending = { ...(settings.pending ?? {}) };
    pending[command] = (pending[command] ?? 0) + 1;
    const due = !settings.lastSentAt || now.getTime() - Date.parse(settings.lastSentAt) >= SEND_INTERVAL_MS;
    if (!due) {
      writeSettings(env, { ...settings, pending });
      return false;
    }
    const credentials = loadCredentials(env);
    if (!credentials) return false;
    const client = new CloudClient({ url: credentials.cloud, token: credentials.token });
    try {
      await client.telemetry(buildTelemetryPayload(pending) as unknown as Record<string, unknown>, options.timeoutMs ?? 800);
    } catch {
      writeSettings(env, { ...settings, pending }); // keep the counts for the next attempt
      return false;
    }
    writeSettings(env, { ...settings, pending: {}, lastSentAt: now.toISOString() });
    return true;
  } catch {
    return false;
  }
}

function readSettings(env: NodeJS.ProcessEnv): TelemetrySettings {
  try {
    return readStateFile<TelemetrySettings>(homeFile(env, SETTINGS_FILE)) ?? {};
  } catch {
    return {};
  }
}

function writeSettings(env: NodeJS.ProcessEnv, settings: TelemetrySettings): void {
  writeStateFile(homeFile(env, SETTINGS_FILE), settings);
}
