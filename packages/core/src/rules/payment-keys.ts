import { isPlausibleSecret } from '../secret-value.js';
import type { DetectOptions, Rule, RuleContext, Span } from '../types.js';
import { lineAround } from '../line-index.js';

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
/**
 * The value, quoted or bare (`q` holds the opening quote); a PIN holds no space, quote or bracket. Between quotes it runs
 * to the closing quote, so a generated PIN may hold `#`, `;` or `,` (`"v#T4…"`); a bare one ends at them (a comment's `#`).
 */
const PIN_VALUE = String.raw`(?<q>["'\x60]?)(?<v>(?<=["'\x60])[^\s"'\x60\\]{4,128}(?=["'\x60])|[^\s"'\x60#;,()[\]{}\\]{4,128})`;
/**
 * The module or the token the PIN's owner belongs to, named before it, as camel-cased constants run the words together
 * (`HsmPartitionPin`, `LunaSoPin`, `hsmUserPin`): the owner's name then starts inside the name, not after a mark.
 */
const PIN_OWNER_WORD = String.raw`(?:(?:hsm|luna|cloudhsm|pkcs11|p11|token|slot|partition)[_.-]?)?`;
const PIN_OWNER_MODULE = PIN_OWNER_WORD + PIN_OWNER_WORD;
const HSM_PIN = new RegExp(
  String.raw`(?<![A-Za-z0-9])${PIN_OWNER_MODULE}${PIN_NAME}(?![A-Za-z0-9_])["'\]]{0,2}[ \t]{0,8}(?:[:=]|=>|:=)[ \t]{0,8}` + PIN_VALUE,
  'i',
);

/** A bare value that names another: an environment variable, a member chain (`cfg.hsm.pin`), a lookup. */
const REFERENCE = /^(?:[$%@&*]|[A-Za-z_]\w{0,60}(?:(?:\.|::)[A-Za-z_]\w{0,60}){1,6}$|[A-Za-z_]\w{0,60}\()/;

/**
 * A PIN of digits only, as HSMs and smart cards take it: six digits or more (a four-digit `1234` is the default of
 * every token and every example), never one digit repeated (`000000`) nor a run counted up or down (`123456`, `87654321`).
 */
function isNumericPin(secret: string): boolean {
  if (!/^\d{6,16}$/.test(secret) || /^(\d)\1+$/.test(secret)) return false;
  let up = true;
  let down = true;
  for (let i = 1; i < secret.length; i++) {
    const step = secret.charCodeAt(i) - secret.charCodeAt(i - 1);
    if (step !== 1) up = false;
    if (step !== -1) down = false;
  }
  return !up && !down;
}

function isPinValue(secret: string, quoted: boolean, file: string | undefined): boolean {
  if (!quoted && REFERENCE.test(secret)) return false;
  if (/^\d+$/.test(secret)) return isNumericPin(secret);
  return isPlausibleSecret(secret, { category: 'PASS', quoted, ...(file === undefined ? {} : { file }) });
}

function isPin(secret: string, ctx: RuleContext): boolean {
  return isPinValue(secret, !!ctx.groups?.['q'], ctx.file);
}

/**
 * A config's block for the HSM or PKCS#11 token (YAML's `hsm:`, `payment-hsm:`, `pkcs11:` with its entries indented
 * under it; an INI or TOML section `[hsm]`) names the token once, and its entries the PIN plainly: `pin: …`,
 * `user-pin: …`, `userPin = …`. Read at each `hsm`/`pkcs11`/`p11`/`luna` that ends a block's name; the block's lines
 * are those indented further than the name (a section's: up to the next section), at most `BLOCK_LINES` of them.
 */
const TOKEN_BLOCK_WORD = /hsm|pkcs11|p11|luna/iy;
const YAML_BLOCK_NAME_BEFORE = /^([ \t]{0,40})(?:["']?[A-Za-z0-9]{1,30}[_.-])?$/;
const YAML_BLOCK_NAME_AFTER = /["']?[ \t]{0,4}:[ \t]{0,4}(?:#[^\r\n]{0,200})?(?=\r?\n)/y;
const SECTION_NAME_BEFORE = /^[ \t]{0,8}\[[ \t]{0,4}(?:[A-Za-z0-9]{1,30}[_.-])?$/;
const SECTION_NAME_AFTER = /[ \t]{0,4}\][ \t]{0,4}(?=\r?\n)/y;
const BLOCK_LINES = 30;
/** An entry of the block that holds the PIN: its indent, then `pin`, maybe whose (`user-pin`, `soPin`), and its value. */
const BLOCK_PIN_ENTRY = new RegExp(
  String.raw`^([ \t]{0,40})(?:(?:user|usr|so|co|crypto[_.-]?officer|token|slot|partition)[_.-]?)?pin["']?[ \t]{0,8}[:=][ \t]{0,8}` + PIN_VALUE + String.raw`["'\x60]?[ \t]{0,8}(?:#[^\r\n]{0,200})?\r?$`,
  'i',
);

/**
 * An XML config's element for the HSM or PKCS#11 token (`<hsm host="…" slot="2" pin="…"/>`, `<pkcs11 library="…"
 * userPin="…">`) gives the PIN as an attribute of its opening tag, which runs to its `>` (at most `XML_TAG_REACH`).
 */
const XML_TAG_REACH = 400;
const XML_ELEMENT_NAME_END = /[\s/>]/y;
const XML_PIN_ATTRIBUTE = /\s(?:(?:user|usr|so|co|crypto[_.-]?officer|token|slot|partition)[_.-]?)?pin[ \t]{0,4}=[ \t]{0,4}(?<q>["'])(?<v>[^"'\s<>]{4,128})["']/i;

function xmlTokenElementPin(text: string, offset: number, end: number, file: string | undefined): Span | undefined {
  XML_ELEMENT_NAME_END.lastIndex = end;
  if (!XML_ELEMENT_NAME_END.test(text)) return undefined;
  const reach = text.slice(end, end + XML_TAG_REACH);
  const close = reach.indexOf('>');
  const tag = close === -1 ? reach : reach.slice(0, close);
  const m = XML_PIN_ATTRIBUTE.exec(tag);
  if (m === null || !isPinValue(m.groups!['v']!, true, file)) return undefined;
  const start = end + m.index + m[0].length - 1 - m.groups!['v']!.length;
  return { start, end: start + m.groups!['v']!.length, category: 'PASS' };
}

function findTokenBlockPins(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let doneUntil = -1;
  for (const offset of offsets) {
    if (offset < doneUntil) continue;
    TOKEN_BLOCK_WORD.lastIndex = offset;
    if (!TOKEN_BLOCK_WORD.test(text)) continue;
    const end = TOKEN_BLOCK_WORD.lastIndex;
    // lineAround looks back at most 81 characters: lastIndexOf walked to the line's start per keyword, quadratic on one long line.
    const lineStart = lineAround(text, offset, 81).start;
    if (offset - lineStart > 80) continue;
    const before = text.slice(lineStart, offset);
    if (text.charCodeAt(offset - 1) === 0x3c /* < */) {
      const tag = xmlTokenElementPin(text, offset, end, options.file);
      if (tag !== undefined) spans.push(tag);
      continue;
    }
    let indent: number;
    let section = false;
    YAML_BLOCK_NAME_AFTER.lastIndex = end;
    SECTION_NAME_AFTER.lastIndex = end;
    const yaml = YAML_BLOCK_NAME_BEFORE.exec(before);
    if (yaml !== null && YAML_BLOCK_NAME_AFTER.test(text)) {
      indent = yaml[1]!.length;
    } else if (SECTION_NAME_BEFORE.test(before) && SECTION_NAME_AFTER.test(text)) {
      indent = -1;
      section = true;
    } else {
      continue;
    }
    let at = text.indexOf('\n', end) + 1;
    for (let n = 0; n < BLOCK_LINES && at > 0 && at < text.length; n++) {
      let lineEnd = text.indexOf('\n', at);
      if (lineEnd === -1) lineEnd = text.length;
      const line = text.slice(at, Math.min(lineEnd, at + 400));
      const trimmed = line.trimStart();
      // The block ends at a line indented no further than its name (a section's at the next section), which may open a block itself.
      if (trimmed !== '' && !trimmed.startsWith('#') && !trimmed.startsWith(';') && (section ? trimmed.startsWith('[') : line.length - trimmed.length <= indent)) break;
      const m = BLOCK_PIN_ENTRY.exec(line);
      if (m !== null && isPinValue(m.groups!['v']!, m.groups!['q'] !== '', options.file)) {
        const value = m.groups!['v']!;
        const start = at + m[0].indexOf(value, m[0].search(/[:=]/) + 1);
        spans.push({ start, end: start + value.length, category: 'PASS' });
      }
      at = lineEnd + 1;
    }
    doneUntil = at;
  }
  return spans;
}

/**
 * A SIM's authentication keys: the subscriber key Ki (`K`) and the operator variant OPc derive every session key of
 * the card's network attach (Milenage / COMP128), so whoever holds them can clone the SIM. The card vendor's batch
 * output file lists them per card under column headers (`ICCID IMSI PIN1 PUK1 KI OPC`), and HLR/HSS provisioning
 * scripts pass them by name (`ki: "…"`, `OPC=…`); K4, the transport key the vendor encrypts them with, is written the
 * same way. Each is 128 bits: 32 hex. The names are too short to be read anywhere (`ki` is a PID gain, `opc` an
 * industrial protocol), so only 32 random hex under them counts, and only in text about SIMs (one naming an IMSI or ICCID).
 */
const SIM_KEY_NAME = /^(?:ki|eki|opc|k4)$/i;
const SIM_KEY_ASSIGNMENT =
  /(?<![A-Za-z0-9_$.-])(?:ki|eki|opc|k4)["'\]]{0,2}[ \t]{0,8}(?:=>|:=|[:=])[ \t]{0,8}["'\x60]?([0-9A-Fa-f]{32})(?![0-9A-Za-z])/gi;
/** A header cell: a column's short name (`ICCID`, `PUK1`, `KI`, `Ser_nb`). */
const HEADER_CELL = /^[A-Za-z][A-Za-z0-9_]{0,19}$/;
const SIM_KEY_HEX = /^[0-9A-Fa-f]{32}$/;
const MAX_TABLE_LINE = 2000;

/** The cells of a line parted by blanks, commas, semicolons or bars, with their offsets. */
function cellsOf(line: string, lineStart: number): { text: string; start: number }[] {
  const cells: { text: string; start: number }[] = [];
  for (const m of line.matchAll(/[^ \t,;|]{1,200}/g)) cells.push({ text: m[0], start: lineStart + m.index });
  return cells;
}

function findSimKeys(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(SIM_KEY_ASSIGNMENT)) {
    const hex = m[1]!;
    if (!isRandomHex(hex)) continue;
    const start = m.index + m[0].length - hex.length;
    spans.push({ start, end: start + hex.length });
  }
  // Tables: a header naming a key column, then rows with as many cells, the key's hex in that column.
  let columns: number[] | undefined;
  let width = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = lineEnd - lineStart <= MAX_TABLE_LINE ? text.slice(lineStart, lineEnd) : '';
    const cells = cellsOf(line, lineStart);
    if (columns !== undefined && cells.length === width) {
      for (const c of columns) {
        const cell = cells[c]!;
        const hex = cell.text.replace(/^["']|["']$/g, '');
        if (SIM_KEY_HEX.test(hex) && isRandomHex(hex)) {
          const start = cell.start + (hex.length === cell.text.length ? 0 : 1);
          spans.push({ start, end: start + 32 });
        }
      }
    } else {
      columns = undefined;
      if (cells.length >= 2 && cells.length <= 40 && cells.every((c) => HEADER_CELL.test(c.text.replace(/^["']|["']$/g, '')))) {
        const keyColumns = cells.flatMap((c, i) => (SIM_KEY_NAME.test(c.text.replace(/^["']|["']$/g, '')) ? [i] : []));
        if (keyColumns.length > 0) {
          columns = keyColumns;
          width = cells.length;
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  return spans;
}

/**
 * A MIFARE Classic sector key (key A or key B, 48 bits: 12 hex) under a name that says MIFARE or a sector's key
 * (`mifare_key_a DA…`, `sectorKeyB = "…"`): a hotel's or a transit operator's card encoder writes it to every card, and
 * whoever holds it reads and rewrites (clones) their cards. The name may be followed by a separator or, as in a daemon's
 * config, by blanks alone.
 */
const MIFARE_KEY = /(?:mifare|sector)[\w.-]{0,24}key[\w.-]{0,8}["'\]]{0,2}(?:[ \t]{0,4}(?::=|=>|[:=])[ \t]{0,4}|[ \t]{1,8})["']?(?:0x)?([0-9A-Fa-f]{12})(?![0-9A-Za-z])/iy;
/**
 * The keys every reader tries first: the factory default, MIFARE Application Directory's and NFC Forum's public keys,
 * and the few that tools' default dictionaries open most cards with. Under the name they are a default, no secret.
 */
const WELL_KNOWN_MIFARE_KEYS = new Set(['FFFFFFFFFFFF', '000000000000', 'A0A1A2A3A4A5', 'B0B1B2B3B4B5', 'D3F7D3F7D3F7', 'A1A2A3A4A5A6', 'AABBCCDDEEFF', '4D3A99C351DD', '1A982C7E459A', '714C5C886E97', '587EE5F9350F', 'A0478CC39091', '533CB6C723F6', '8FD0A4F256E9', 'C0C1C2C3C4C5', 'D0D1D2D3D4D5', '123456789ABC', 'ABCDEF123456']);

export const paymentKeyRules: Rule[] = [
  {
    id: 'mifare-sector-key',
    category: 'KEY',
    description: "A MIFARE Classic sector key (12 hex, key A or B) under a MIFARE or sector key name in a card encoder's config or code: it reads and rewrites (clones) the operator's cards. The factory default and the published MAD/NFC keys stay silent",
    keywords: ['mifare', 'sector'],
    startsAtKeyword: true,
    pattern: MIFARE_KEY,
    secretGroup: 1,
    // A key mixes letters and digits; a run of one character or a default stands in for one.
    validate: (hex) => /\d/.test(hex) && /[A-Fa-f]/.test(hex) && !WELL_KNOWN_MIFARE_KEYS.has(hex.toUpperCase()) && !/(.)\1{3}/.test(hex) && !/^(..)\1{5}$|^(...)\2{3}$|^(.{4})\3{2}$|^(.{6})\4$/.test(hex),
    confidence: 'medium',
    examples: {
      match: ['mifare_key_a 5C8E21B7A04F', 'sectorKeyB = "E39D0A6C1B74"', '"mifareKeyA": "0x3F7C19E2A85D"'],
      noMatch: ['mifare_key_a FFFFFFFFFFFF', 'mifare_default_key A0A1A2A3A4A5', 'mifare_key_b D3F7D3F7D3F7', 'sector_key_count 16', 'mifare_key_a 5C8E21B7A04F9D', 'sector key 123456789012'],
    },
  },
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
      match: ['pkcs11:\n  slot: 3\n  user_pin: xks-Pin-77Qv31', 'private static final char[] PARTITION_PIN = "C0-PIN:7734-Qz9x-Lm21".toCharArray();', 'private const string HsmPartitionPin = "Rw-4t8Q-2mKz-Lp7V";', 'so_pin = "Sec0fficer!Kestrel"', 'hsm_pin: 58203917', 'HSM_PIN="q7#Lw2;Tz9,Rm4Xk"'],
      noMatch: ['user_pin: ${HSM_USER_PIN}', 'so_pin = cfg.hsm.soPin', 'user_pin_length = 8', 'pin: 13', 'led_pin = 13', 'partition_pin_label = "partition.pin"', 'user_pin: 1234', 'so_pin = 000000', 'hsm_pin: 12345678', 'HSM_PIN="#"', "so_pin = 'xxxx'"],
    },
  },
  {
    id: 'hsm-block-pin',
    category: 'PASS',
    description: "A PIN given plainly (`pin: …`, `user-pin: …`) in a config's block or section for the HSM or PKCS#11 token (`hsm:`, `pkcs11:`, `[hsm]`), or as an attribute of its XML element (`<hsm slot=\"2\" pin=\"…\"/>`), which logs in to the token that holds the keys",
    keywords: ['hsm', 'pkcs11', 'p11', 'luna'],
    pattern: /(?:hsm|pkcs11|p11|luna)["']?[ \t]{0,4}:[ \t]{0,4}\r?\n[ \t]{1,40}(?:[a-z]{1,20}[_.-]?)?pin[ \t]{0,8}[:=][ \t]{0,8}["']?(?<v>[^\s"'#]{4,128})/i,
    find: findTokenBlockPins,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['payments:\n  hsm:\n    slot: 4\n    pin: "40718352"', 'pkcs11:\n  library: /usr/lib/softhsm/libsofthsm2.so\n  pin: Qv7.Tarn-Hollow', '[hsm]\nslot = 1\npin = 730461', '<signer>\n  <hsm host="hsm-a.internal" slot="1" pin="62048175"/>\n</signer>', '<pkcs11 library="/usr/lib/libsofthsm2.so" pin="Rk4-Tarn.91q">'],
      noMatch: ['hsm:\n  slot: 2\n  pin: "123456"', 'hsm:\n  pin: ${HSM_PIN}', 'hsm:\n  pin: 1234', 'hsm:\n  slot: 2\nled:\n  pin: 40718352', 'gpio:\n  pin: 17', 'hsm:\n  pin_length: 8', '<hsm host="hsm-a.internal" slot="1" pin="${HSM_PIN}"/>', '<hsm slot="1" pin="123456"/>', '<gpio pin="40718352"/>', '<hsm slot="1" pinLength="40718352"/>'],
    },
  },
  {
    id: 'sim-auth-key',
    category: 'KEY',
    description: "A SIM's authentication key Ki, its OPc or the vendor's transport key K4 (32 hex) in a SIM vendor's batch file or an HLR/HSS provisioning script: whoever holds them can clone the card",
    // Ki and OPc travel with the card's IMSI or ICCID; `ki` itself is too short a keyword.
    keywords: ['imsi', 'iccid'],
    pattern: SIM_KEY_ASSIGNMENT,
    find: findSimKeys,
    confidence: 'high',
    examples: {
      match: ['imsi: "001019900000017"\nki: "7E1B2C44A09D3F58C61E0B9A2D7F4C13"', 'ICCID IMSI KI OPC\n8900000000000000017 001019900000017 7E1B2C44A09D3F58C61E0B9A2D7F4C13 5A0C9E17D3B2F4681C7A9E03B5D2F6C4'],
      noMatch: ['imsi: 001019900000017\nki: 0.35', 'ICCID IMSI KI\n8900000000000000017 001019900000017 00000000000000000000000000000000', 'imsi = 1\nkid = "7E1B2C44A09D3F58C61E0B9A2D7F4C13"', 'ki: "7E1B2C44A09D3F58C61E0B9A2D7F4C13"'],
    },
  },
];
