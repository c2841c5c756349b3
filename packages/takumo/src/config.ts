import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';
import { CATEGORIES, isDotenvFileName, parseDotenv, type Category, type DetectorConfig, type KnownSecret, type Rule } from '@takumo/core';
import { UsageError } from './cli-context.js';
import { applyCachedPolicy } from './agent/policy.js';
import { childPath } from './scan/walker.js';

/**
 * The project configuration, `.takumo.toml`. Found by looking in the working directory,
 * then its parents up to the git root; `--config FILE` and then `TAKUMO_CONFIG` override
 * the search. Every key is checked: an unknown key or a wrong type is a `UsageError`
 * naming the key (exit 2), so a typo never silently switches a protection off.
 */
export const CONFIG_FILE_NAME = '.takumo.toml';

export type SentinelMode = 'report' | 'block';
export const SENTINEL_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type SentinelSeverity = (typeof SENTINEL_SEVERITIES)[number];

export interface ScanSettings {
  /** Files larger than this many bytes are skipped (and counted in the stats). */
  maxFileSize: number;
  /** gitignore-style patterns of paths never scanned (on top of `.gitignore`). */
  exclude: string[];
}

export interface ProxySettings {
  port?: number;
  /** Loopback only: the proxy never listens beyond this machine. */
  host?: string;
  anthropicUpstream?: string;
  openaiUpstream?: string;
  sentinel?: SentinelMode;
  /** Lowest Sentinel severity that is reported (or blocked in `block` mode). */
  sentinelThreshold?: SentinelSeverity;
}

export interface CloudSettings {
  url?: string;
}

export interface TakumoConfig {
  detector: DetectorConfig;
  scan: ScanSettings;
  proxy: ProxySettings;
  cloud: CloudSettings;
  /** Absolute path of the file the configuration came from; absent when none was found. */
  path?: string;
}

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export interface LoadConfigOptions {
  cwd: string;
  /** `--config FILE`: wins over everything else. */
  file?: string;
  /** Environment to read `TAKUMO_CONFIG` from. */
  env?: NodeJS.ProcessEnv;
}

export async function loadConfig(options: LoadConfigOptions): Promise<TakumoConfig> {
  const path = locateConfig(options);
  if (path === undefined) return withCloudPolicy(defaultConfig(), options.env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read config file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return withCloudPolicy({ ...parseConfig(text, path), path }, options.env);
}

// ---- Takumo Cloud (cloud-agent edit): the organisation policy --------------------------
// The policy cached in TAKUMO_HOME (by `takumo login` and by earlier runs) is merged here so
// that scan, proxy and run all apply it; the local file can only make it stricter. No
// network: see agent/policy.ts. Without a configured cloud this returns `config` unchanged.
function withCloudPolicy(config: TakumoConfig, env: NodeJS.ProcessEnv | undefined): TakumoConfig {
  return env ? applyCachedPolicy(config, env) : config;
}

export function defaultConfig(): TakumoConfig {
  return { detector: {}, scan: { maxFileSize: DEFAULT_MAX_FILE_SIZE, exclude: [] }, proxy: {}, cloud: {} };
}

function locateConfig({ cwd, file, env }: LoadConfigOptions): string | undefined {
  const explicit = file ?? (env?.TAKUMO_CONFIG || undefined);
  if (explicit !== undefined) {
    const path = isAbsolute(explicit) ? explicit : resolve(cwd, explicit);
    const origin = file !== undefined ? '--config' : 'TAKUMO_CONFIG';
    if (!existsSync(path)) throw new UsageError(`config file not found: ${path} (from ${origin})`);
    if (!statSync(path).isFile()) throw new UsageError(`config path is not a file: ${path} (from ${origin})`);
    return path;
  }
  // Walk up to the git root. Outside a repository only the working directory is looked
  // at, so a stray file in a parent (say /tmp or the home directory) is never picked up.
  const candidates: string[] = [];
  let dir = resolve(cwd);
  for (;;) {
    candidates.push(join(dir, CONFIG_FILE_NAME));
    if (existsSync(join(dir, '.git'))) break;
    const parent = dirname(dir);
    if (parent === dir) {
      candidates.length = 1;
      break;
    }
    dir = parent;
  }
  return candidates.find((p) => existsSync(p) && statSync(p).isFile());
}

/** Parses and validates the text of a `.takumo.toml`; `source` names the file in errors. */
export function parseConfig(text: string, source = CONFIG_FILE_NAME): TakumoConfig {
  let raw: Record<string, unknown>;
  try {
    raw = parseToml(text) as Record<string, unknown>;
  } catch (error) {
    // smol-toml's own message quotes the offending line, which may hold a secret: report
    // the position only.
    if (error instanceof TomlError) {
      throw new UsageError(`${source}: invalid TOML at line ${error.line}, column ${error.column}`);
    }
    throw new UsageError(`${source}: invalid TOML`);
  }
  const v = new Validator(source);
  v.keys(raw, '', ['allowlist', 'rules', 'internal_domains', 'scan', 'proxy', 'cloud']);
  const config = defaultConfig();

  const allowlist = v.table(raw.allowlist, 'allowlist');
  if (allowlist) {
    v.keys(allowlist, 'allowlist', ['patterns', 'paths', 'values', 'rules']);
    const patterns = v.stringList(allowlist.patterns, 'allowlist.patterns');
    patterns?.forEach((p, i) => v.pattern(p, `allowlist.patterns[${i}]`));
    config.detector.allowlist = {
      ...(patterns && { patterns }),
      ...(v.stringList(allowlist.paths, 'allowlist.paths') && { paths: allowlist.paths as string[] }),
      ...(v.stringList(allowlist.values, 'allowlist.values') && { values: allowlist.values as string[] }),
      ...(v.stringList(allowlist.rules, 'allowlist.rules') && { disabledRules: allowlist.rules as string[] }),
    };
  }

  if (raw.rules !== undefined) {
    if (!Array.isArray(raw.rules)) v.fail('rules', 'must be an array of tables ([[rules]])');
    const ids = new Set<string>();
    config.detector.extraRules = (raw.rules as unknown[]).map((entry, i) => {
      const rule = v.rule(entry, `rules[${i}]`);
      if (ids.has(rule.id)) v.fail(`rules[${i}].id`, `duplicate rule id "${rule.id}"`);
      ids.add(rule.id);
      return rule;
    });
  }

  const domains = v.stringList(raw.internal_domains, 'internal_domains');
  if (domains) {
    domains.forEach((d, i) => {
      if (!/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i.test(d)) v.fail(`internal_domains[${i}]`, 'must be a domain name such as "corp.example"');
    });
    config.detector.internalDomains = domains.map((d) => d.replace(/^\./, '').toLowerCase());
  }

  const scan = v.table(raw.scan, 'scan');
  if (scan) {
    v.keys(scan, 'scan', ['max_file_size', 'exclude']);
    if (scan.max_file_size !== undefined) config.scan.maxFileSize = v.size(scan.max_file_size, 'scan.max_file_size');
    config.scan.exclude = v.stringList(scan.exclude, 'scan.exclude') ?? [];
  }

  const proxy = v.table(raw.proxy, 'proxy');
  if (proxy) {
    v.keys(proxy, 'proxy', ['port', 'host', 'anthropic_upstream', 'openai_upstream', 'sentinel', 'sentinel_threshold']);
    if (proxy.port !== undefined) config.proxy.port = v.port(proxy.port, 'proxy.port');
    if (proxy.host !== undefined) config.proxy.host = v.loopbackHost(proxy.host, 'proxy.host');
    if (proxy.anthropic_upstream !== undefined)
      config.proxy.anthropicUpstream = v.httpUrl(proxy.anthropic_upstream, 'proxy.anthropic_upstream');
    if (proxy.openai_upstream !== undefined)
      config.proxy.openaiUpstream = v.httpUrl(proxy.openai_upstream, 'proxy.openai_upstream');
    if (proxy.sentinel !== undefined) config.proxy.sentinel = v.oneOf(proxy.sentinel, 'proxy.sentinel', ['report', 'block'] as const);
    if (proxy.sentinel_threshold !== undefined)
      config.proxy.sentinelThreshold = v.oneOf(proxy.sentinel_threshold, 'proxy.sentinel_threshold', SENTINEL_SEVERITIES);
  }

  const cloud = v.table(raw.cloud, 'cloud');
  if (cloud) {
    v.keys(cloud, 'cloud', ['url']);
    if (cloud.url !== undefined) config.cloud.url = v.httpUrl(cloud.url, 'cloud.url');
  }
  return config;
}

/** Checks values and throws a `UsageError` that names the file and the key. */
class Validator {
  constructor(private readonly source: string) {}

  fail(key: string, problem: string): never {
    throw new UsageError(`${this.source}: ${key} ${problem}`);
  }

  keys(table: Record<string, unknown>, prefix: string, allowed: readonly string[]): void {
    for (const key of Object.keys(table)) {
      if (!allowed.includes(key)) {
        const name = prefix ? `${prefix}.${key}` : key;
        throw new UsageError(`${this.source}: unknown key "${name}" (expected one of: ${allowed.join(', ')})`);
      }
    }
  }

  table(value: unknown, key: string): Record<string, unknown> | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(key, 'must be a table');
    return value as Record<string, unknown>;
  }

  string(value: unknown, key: string): string {
    if (typeof value !== 'string') this.fail(key, 'must be a string');
    return value;
  }

  stringList(value: unknown, key: string): string[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((x) => typeof x !== 'string')) this.fail(key, 'must be an array of strings');
    return value as string[];
  }

  oneOf<T extends string>(value: unknown, key: string, allowed: readonly T[]): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.fail(key, `must be one of: ${allowed.map((a) => `"${a}"`).join(', ')}`);
    }
    return value as T;
  }

  port(value: unknown, key: string): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 65535) {
      this.fail(key, 'must be an integer from 0 to 65535');
    }
    return value;
  }

  size(value: unknown, key: string): number {
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
    if (typeof value === 'string') {
      const bytes = parseSize(value);
      if (bytes !== undefined) return bytes;
    }
    this.fail(key, 'must be a positive number of bytes, or a size such as "512KB" or "10MB"');
  }

  loopbackHost(value: unknown, key: string): string {
    const host = this.string(value, key);
    if (!['127.0.0.1', 'localhost', '::1'].includes(host) && !/^127(\.\d{1,3}){3}$/.test(host)) {
      this.fail(key, 'must be a loopback address (127.0.0.1, ::1 or localhost): the proxy never listens beyond this machine');
    }
    return host;
  }

  httpUrl(value: unknown, key: string): string {
    const text = this.string(value, key);
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      this.fail(key, 'must be an http(s) URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') this.fail(key, 'must be an http(s) URL');
    if (url.username || url.password) this.fail(key, 'must not carry credentials (user:password@)');
    return text.replace(/\/+$/, '');
  }

  pattern(source: string, key: string): RegExp {
    const { body, flags } = splitInlineFlags(source);
    const problem = linearTimeProblem(body);
    if (problem) this.fail(key, `is not a linear-time pattern: ${problem}`);
    try {
      return new RegExp(body, flags);
    } catch {
      this.fail(key, 'is not a valid regular expression');
    }
  }

  rule(entry: unknown, key: string): Rule {
    const t = this.table(entry, key);
    if (!t) this.fail(key, 'must be a table');
    this.keys(t, key, ['id', 'category', 'pattern', 'keywords', 'description', 'secret_group', 'examples']);
    const id = this.string(t.id, `${key}.id`);
    if (!/^[a-z0-9][a-z0-9._-]{0,63}$/i.test(id)) this.fail(`${key}.id`, 'must be 1-64 letters, digits, ".", "_" or "-"');
    const category = this.oneOf(t.category ?? 'CRED', `${key}.category`, CATEGORIES) as Category;
    const pattern = this.pattern(this.string(t.pattern, `${key}.pattern`), `${key}.pattern`);
    const keywords = (this.stringList(t.keywords, `${key}.keywords`) ?? []).map((k) => k.toLowerCase());
    const description = t.description === undefined ? `Project rule ${id}` : this.string(t.description, `${key}.description`);
    let secretGroup: number | undefined;
    if (t.secret_group !== undefined) {
      if (typeof t.secret_group !== 'number' || !Number.isInteger(t.secret_group) || t.secret_group < 0) {
        this.fail(`${key}.secret_group`, 'must be a capture group number');
      }
      secretGroup = t.secret_group;
    }
    const examples = this.examples(t.examples, `${key}.examples`);
    const rule: Rule = {
      id,
      category,
      description,
      keywords,
      pattern,
      confidence: 'high',
      examples,
      ...(secretGroup !== undefined && { secretGroup }),
    };
    // A rule carries its own proof: examples given in the config are checked at load time.
    const probe = new RegExp(pattern.source, pattern.flags);
    examples.match.forEach((sample, i) => {
      if (!probe.test(sample)) this.fail(`${key}.examples.match[${i}]`, 'is not matched by the rule\'s pattern');
    });
    examples.noMatch.forEach((sample, i) => {
      if (probe.test(sample)) this.fail(`${key}.examples.no_match[${i}]`, 'is matched by the rule\'s pattern');
    });
    return rule;
  }

  examples(value: unknown, key: string): Rule['examples'] {
    const t = this.table(value, key);
    if (!t) return { match: [], noMatch: [] };
    this.keys(t, key, ['match', 'no_match']);
    return {
      match: this.stringList(t.match, `${key}.match`) ?? [],
      noMatch: this.stringList(t.no_match, `${key}.no_match`) ?? [],
    };
  }
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3 };

/** "512KB", "10MB", "2g", "1000" → bytes (binary multiples); undefined when malformed. */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = SIZE_UNITS[m[2]!.toLowerCase()];
  if (unit === undefined) return undefined;
  const bytes = Math.floor(Number(m[1]) * unit);
  return bytes > 0 ? bytes : undefined;
}

/** gitleaks-style configs start case-insensitive patterns with `(?i)`; JavaScript wants a flag. */
function splitInlineFlags(source: string): { body: string; flags: string } {
  return source.startsWith('(?i)') ? { body: source.slice(4), flags: 'i' } : { body: source, flags: '' };
}

/**
 * Says why a pattern could take super-linear time in a backtracking engine, or returns
 * undefined. Conservative by design: it rejects backreferences, lookarounds, and any
 * repeated group (`*`, `+`, `{n,}`, `{n,m}` with m > 1) that itself contains a
 * quantifier or an alternation — the shapes behind catastrophic backtracking such as
 * `(a+)+`, `(a|a)*` or `(\w+\s?)*`. Optional groups (`?`, `{0,1}`) are fine.
 */
export function linearTimeProblem(source: string): string | undefined {
  interface Frame {
    quantified: boolean;
    alternation: boolean;
  }
  const stack: Frame[] = [{ quantified: false, alternation: false }];
  let lastAtomWasGroup: Frame | undefined;
  let i = 0;
  const top = (): Frame => stack[stack.length - 1]!;
  while (i < source.length) {
    const c = source[i]!;
    const quantifier = readQuantifier(source, i);
    if (quantifier) {
      if (lastAtomWasGroup && quantifier.repeats) {
        if (lastAtomWasGroup.quantified) return 'a repeated group contains a quantifier (nested quantifiers)';
        if (lastAtomWasGroup.alternation) return 'a repeated group contains an alternation';
      }
      top().quantified = true;
      if (lastAtomWasGroup) top().alternation ||= lastAtomWasGroup.alternation;
      lastAtomWasGroup = undefined;
      i += quantifier.length;
      if (source[i] === '?') i++; // lazy
      continue;
    }
    if (lastAtomWasGroup) {
      // An unrepeated group: what it holds counts for the enclosing group.
      top().quantified ||= lastAtomWasGroup.quantified;
      top().alternation ||= lastAtomWasGroup.alternation;
      lastAtomWasGroup = undefined;
    }
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'backreferences are not allowed';
      i += 2;
    } else if (c === '[') {
      i++;
      if (source[i] === '^') i++;
      if (source[i] === ']') i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '(') {
      if (/^\(\?(=|!|<=|<!)/.test(source.slice(i, i + 4))) return 'lookaround assertions are not allowed';
      stack.push({ quantified: false, alternation: false });
      i += source.startsWith('(?:', i) ? 3 : source.startsWith('(?<', i) ? source.indexOf('>', i) + 1 || source.length : 1;
    } else if (c === ')') {
      if (stack.length === 1) return 'unbalanced parenthesis';
      lastAtomWasGroup = stack.pop();
      i++;
    } else {
      if (c === '|') top().alternation = true;
      i++;
    }
  }
  if (lastAtomWasGroup) {
    top().quantified ||= lastAtomWasGroup.quantified;
    top().alternation ||= lastAtomWasGroup.alternation;
  }
  if (stack.length !== 1) return 'unbalanced parenthesis';
  return undefined;
}

function readQuantifier(source: string, i: number): { length: number; repeats: boolean } | undefined {
  const c = source[i];
  if (c === '*' || c === '+') return { length: 1, repeats: true };
  if (c === '?') return { length: 1, repeats: false };
  if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i, i + 24));
    if (!m) return undefined;
    const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
    return { length: m[0].length, repeats: max > 1 };
  }
  return undefined;
}

/** Folders never searched for dotenv files: dependencies and VCS internals. */
const DOTENV_SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const DOTENV_MAX_BYTES = 1024 * 1024;
const DOTENV_MAX_DEPTH = 16;

/** `.env`, `.env.local`, `.env.production`, `prod.env`, … */
export { isDotenvFileName };

/**
 * Finds the workspace's dotenv files (paths relative to `root`, sorted). `.gitignore` is
 * deliberately not honoured: dotenv files are usually ignored by git, and they are exactly
 * the files whose values must be known. Symbolic links are not followed.
 */
export async function findDotenvFiles(root: string, listings?: ReadonlyMap<string, Dirent[]>): Promise<string[]> {
  const found: string[] = [];
  // Synchronous listing: for thousands of folders the promise round-trips cost about
  // twice the CPU of the calls themselves (measured with bench/scan.bench.mjs's tree).
  // Folders a scan's walk has just listed are not listed again.
  function visit(dir: string, rel: string, depth: number): void {
    let entries: Dirent[];
    try {
      entries = listings?.get(dir) ?? readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing to learn from it
    }
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!DOTENV_SKIP_DIRS.has(entry.name) && depth < DOTENV_MAX_DEPTH) visit(childPath(dir, entry.name), childRel, depth + 1);
      } else if (entry.isFile() && isDotenvFileName(entry.name)) {
        found.push(childRel);
      }
    }
  }
  const info = await stat(root).catch(() => undefined);
  if (info?.isDirectory()) visit(resolve(root), '', 0);
  else if (info?.isFile() && isDotenvFileName(basename(root))) found.push(basename(root));
  return found.sort();
}

/**
 * The secret values of every dotenv file in the workspace, as known secrets for the
 * detector (matched exactly wherever they appear). Parsing and the decision of which
 * values are plainly not secrets (ports, booleans, log levels, public URLs) belong to
 * core's `parseDotenv`. Each source is named `<relative path>:<KEY>`, never by value.
 */
export async function collectWorkspaceSecrets(root: string, listings?: ReadonlyMap<string, Dirent[]>): Promise<KnownSecret[]> {
  const base = (await stat(root).catch(() => undefined))?.isDirectory() ? root : dirname(root);
  return parseDotenvFiles((await findDotenvFiles(root, listings)).map((rel) => ({ path: join(base, rel), source: rel })));
}

/**
 * The secret values of the dotenv files lying directly in `dir` and the folders above it,
 * up to the git root: `takumo scan src` still knows the project's root `.env`, without
 * reading the dotenv files of sibling folders it was not asked about. Outside a
 * repository: `dir` only.
 */
export async function collectAncestorSecrets(dir: string): Promise<KnownSecret[]> {
  const start = resolve(dir);
  const chain: string[] = [start];
  let current = start;
  while (!existsSync(join(current, '.git'))) {
    const parent = dirname(current);
    if (parent === current) {
      chain.length = 1; // not in a repository: only the folder itself
      break;
    }
    current = parent;
    chain.push(current);
  }
  const root = chain[chain.length - 1]!;
  const files: { path: string; source: string }[] = [];
  for (const folder of chain) {
    const names = await readdir(folder, { withFileTypes: true }).catch(() => [] as Dirent[]);
    for (const entry of names) {
      if (!entry.isFile() || !isDotenvFileName(entry.name)) continue;
      const path = join(folder, entry.name);
      files.push({ path, source: relative(root, path).split(sep).join('/') || entry.name });
    }
  }
  return parseDotenvFiles(files.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)));
}

async function parseDotenvFiles(files: { path: string; source: string }[]): Promise<KnownSecret[]> {
  const secrets: KnownSecret[] = [];
  const seen = new Set<string>();
  for (const { path, source } of files) {
    const info = await stat(path).catch(() => undefined);
    if (!info || info.size > DOTENV_MAX_BYTES) continue;
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    for (const secret of parseDotenv(text, source)) {
      if (seen.has(secret.value)) continue;
      seen.add(secret.value);
      secrets.push(secret);
    }
  }
  return secrets;
}
