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
} from './types.js';
export { TakumoError, type TakumoErrorCode } from './errors.js';
export { createDetector, detect, type Detector } from './detector.js';
export { builtinRules } from './rules/index.js';
export { shannonEntropy } from './entropy.js';
export {
  createSession,
  type Rehydrator,
  type RehydratorOptions,
  type Session,
  type SessionOptions,
  type TokenizeResult,
} from './session.js';
