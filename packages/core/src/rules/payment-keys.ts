import { isPlausibleSecret } from '../secret-value.js';
import type { Rule, RuleContext } from '../types.js';

/**
 * Key material of payment HSMs and the PKCS#11 tokens banks keep keys in. A clear key component is one share of a
 * key split between custodians (a zone master key, a base derivation key, a terminal master key): the shares XORed
 * together are the key, so each written down is a secret, and ceremony sheets and HSM client configs do write them
 * (`zmk_component_1 = 4A55…`, `BDK component A: 74F2…`). A PKCS#11 user or security-officer PIN logs in to the
 * token that holds the keys (`user_pin: …`, `PARTITION_PIN = "…".toCharArray()`). Neither name holds a word the
 * generic rules read (`pin` alone is a GPIO pin or a pinned version; `component` a UI's), so they are read here,
 * where the name says which key or which token.
 */

/**
 * The key types whose components are written down: zone, terminal and local master keys (ZMK/ZCMK, TMK, LMK), PIN,
 * encryption and MAC keys (ZPK, ZEK, ZAK, TPK, TAK), the base derivation key of DUKPT (BDK), key-encryption and
 * key-block protection keys (KEK, KBPK), the initial PIN encryption key (IPEK), issuer master and master file keys
 * (IMK, MFK), or a plain `key`/`master key`.
 */
const KEY_TYPE = String.raw`(?:zmk|zcmk|zpk|zek|zak|tmk|tpk|tak|lmk|bdk|kek|kbpk|ipek|imk|mfk|ctmk|master[ _.-]?key|key)`;
/** `component 1`, `_component_a`, `Comp #2`, `clear component three`: which share it is. */
const COMPONENT = String.raw`[ _.-]{0,2}(?:clear[ _.-]{0,2})?comp(?:onent)?[ _.-]{0,2}(?:#[ \t]?)?(?:[1-9]|[a-c]|one|two|three)`;
/** One DES (16 hex), double-length (32) or triple-length (48) key: not a key check value (6 hex), not glued to more hex. */
const KEY_HEX = '([0-9A-Fa-f]{48}|[0-9A-Fa-f]{32}|[0-9A-Fa-f]{16})(?![0-9A-Za-z])';

const KEY_COMPONENT = new RegExp(
  String.raw`(?<![A-Za-z0-9])${KEY_TYPE}${COMPONENT}(?![A-Za-z0-9_])["'\]]{0,2}[ \t]{0,8}(?:[:=]|=>)[ \t]{0,8}["'\x60]?` + KEY_HEX,
  'i',
);

/** A component's hex is random: it mixes letters and digits and is no run of one character (`0000…`, `FFFF…`). */
function isRandomHex(secret: string): boolean {
  return /[0-9]/.test(secret) && /[A-Fa-f]/.test(secret) && !/^(.)\1+$/.test(secret) && !/(.)\1{7}/.test(secret);
}

/**
 * Who logs in to a PKCS#11 token with the PIN: its user (`user_pin`, `usr_pin`, `cu_pin`), security or crypto
 * officer (`so_pin`, `co_pin`, `crypto_officer_pin`), or the token, slot, partition or HSM itself (`token_pin`,
 * `partition_pin`, `hsm_pin`, `pkcs11_pin`).
 */
const PIN_NAME = String.raw`(?:user|usr|cu|so|co|crypto[_.-]?officer|security[_.-]?officer|token|slot|partition|hsm|pkcs11|p11|luna)[_.-]?pin`;
/** The value, quoted or bare (`q` holds the opening quote); a PIN holds no space, quote or bracket. */
const PIN_VALUE = String.raw`(?<q>["'\x60]?)(?<v>[^\s"'\x60#;,()[\]{}\\]{4,128})`;
const HSM_PIN = new RegExp(
  String.raw`(?<![A-Za-z0-9])${PIN_NAME}(?![A-Za-z0-9_])["'\]]{0,2}[ \t]{0,8}(?:[:=]|=>|:=)[ \t]{0,8}` + PIN_VALUE,
  'i',
);

/** A bare value that names another: an environment variable, a member chain (`cfg.hsm.pin`), a lookup. */
const REFERENCE = /^(?:[$%@&*]|[A-Za-z_]\w{0,60}(?:(?:\.|::)[A-Za-z_]\w{0,60}){1,6}$|[A-Za-z_]\w{0,60}\()/;

function isPin(secret: string, ctx: RuleContext): boolean {
  const bare = !ctx.groups?.['q'];
  if (bare && REFERENCE.test(secret)) return false;
  return isPlausibleSecret(secret, { category: 'PASS', quoted: !bare, ...(ctx.file === undefined ? {} : { file: ctx.file }) });
}

export const paymentKeyRules: Rule[] = [
  {
    id: 'payment-key-component',
    category: 'KEY',
    description: 'A clear component of a payment HSM key (ZMK, BDK, TMK, ZPK, KEK… component 1/2/3 or A/B/C: 16, 32 or 48 hex), one share of a split key',
    keywords: ['comp'],
    pattern: KEY_COMPONENT,
    secretGroup: 1,
    validate: isRandomHex,
    confidence: 'high',
    examples: {
      match: ['zmk_component_1 = 4A557B1B18FA80E858D157DC9EA54CEF', '    BDK component A: 74F2099FFBA0DBAC7F6468139F8D4981', '"kek_clear_component_2": "30E4BAEB43956B25F0C81EF7E7FC8D5A3B1C7E2F90A4D6B8"'],
      noMatch: ['zmk_kcv = A3F21C', 'key_component_1 = 00000000000000000000000000000000', 'BDK component A: <from the safe>', 'key component 1 = see vault', 'keyComponentCount = 3'],
    },
  },
  {
    id: 'pkcs11-pin',
    category: 'PASS',
    description: "A PKCS#11 token's user or security-officer PIN (`user_pin: …`, `so_pin = …`, `PARTITION_PIN = \"…\"`), which logs in to the HSM that holds the keys",
    // The name's own spellings rather than `pin`, which `mapping`, `spinner` and `typing` hold.
    keywords: ['_pin', '.pin', '-pin', 'userpin', 'usrpin', 'cupin', 'sopin', 'copin', 'officerpin', 'tokenpin', 'slotpin', 'partitionpin', 'hsmpin', 'pkcs11pin', 'p11pin', 'lunapin'],
    pattern: HSM_PIN,
    secretGroup: 'v',
    validate: isPin,
    confidence: 'medium',
    examples: {
      match: ['pkcs11:\n  slot: 3\n  user_pin: xks-Pin-77Qv31', 'private static final char[] PARTITION_PIN = "C0-PIN:7734-Qz9x-Lm21".toCharArray();', 'so_pin = "Sec0fficer!Kestrel"'],
      noMatch: ['user_pin: ${HSM_USER_PIN}', 'so_pin = cfg.hsm.soPin', 'user_pin_length = 8', 'pin: 13', 'led_pin = 13', 'partition_pin_label = "partition.pin"'],
    },
  },
];
