export { CATEGORIES } from './types.js';
export type {
  AllowlistConfig,
  Category,
  Confidence,
  DetectOptions,
  DetectorConfig,
  Finding,
  KnownSecret,
  Rule,
  RuleContext,
  Span,
} from './types.js';
export { TakumoError, type TakumoErrorCode } from './errors.js';
export { createDetector, detect, type Detector } from './detector.js';
export { builtinRules, builtinRulesFor } from './rules/index.js';
export { parseDotenv, parseDotenvEntries, isPlainlyNotSecret, isDotenvFileName, type DotenvEntry } from './dotenv.js';
export { knownSecretsFromEnvironment } from './known-secrets.js';
export { checkRegexSafety, type RegexProblem } from './regex-safety.js';
export { renderRulesMarkdown } from './rules-doc.js';
export { shannonEntropy } from './entropy.js';
export {
  createSession,
  type Rehydrator,
  type RehydratorOptions,
  type RehydrateOptions,
  type RehydrateResult,
  type Session,
  type SessionOptions,
  type SessionStats,
  type TokenizeResult,
  type UnrestoredToken,
} from './session.js';
export { formatToken, TOKEN_PREFIX } from './token.js';
