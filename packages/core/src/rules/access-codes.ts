import { splitWords } from '../key-name.js';
import { lineAround } from '../line-index.js';

/**
 * PINs and keypad codes: digits that open a door, an alarm panel, a key safe, a device or a conference bridge. Notes are
 * full of numbers (ports, counts, dates, tickets, extensions, lot numbers), so a run of digits is a secret only where the
 * words before it name a PIN or a code for something that guards access. The rules that read them in prose
 * (`admin-pin-prose`, `stated-keypad-code`), in a chat's answer and in a CSV column share these words and this judgement.
 */

/** A run of one digit (`0000`) or a counting one, up or down (`1234`, `9876`): what a note writes for "any number", or a factory code. */
export function isStandInDigits(value: string): boolean {
  const step = value.charCodeAt(1) - value.charCodeAt(0);
  if (step < -1 || step > 1) return false;
  for (let i = 2; i < value.length; i++) if (value.charCodeAt(i) - value.charCodeAt(i - 1) !== step) return false;
  return true;
}

/**
 * Digits only, as an HMI's or a door panel's operator login takes them (login `OPER` / `4471`): too short for a password
 * anywhere else, but after a login's name, both halves in code marks, they are its password. Not a stand-in.
 */
export function isLoginPin(value: string): boolean {
  return /^\d{4,12}$/.test(value) && !isStandInDigits(value);
}

/** Four to eight digits, not a stand-in: what a PIN or a keypad's code is given as. */
export function isProsePin(value: string): boolean {
  return /^\d{4,8}$/.test(value) && !isStandInDigits(value);
}

/** Words on a code's line that say it is no real one: the factory's, a default, an example (`e.g.` ends on its dot, no word's end). */
const STAND_IN_CODE_WORDS = /\b(?:default|factory|example|such as|sample|placeholder|dummy|fake|test)\b|\be\.g\./i;
/** How far back on its line a code's stand-in words are looked for. */
const STAND_IN_REACH = 200;

/** Whether the code's line, from its start to `end`, calls it a stand-in (`the factory default alarm code: …`). */
export function linesCodeStandIn(text: string, start: number, end: number): boolean {
  const line = lineAround(text, start, STAND_IN_REACH);
  return STAND_IN_CODE_WORDS.test(text.slice(line.start, end));
}

/**
 * Rooms that are kept locked behind a keypad, named by what they hold (`machine room`, `server room`, `comms room`): a
 * room's code alone is as often its number on a timetable (`room code B2.14`).
 */
const LOCKED_ROOMS = [
  'machine', 'server', 'comms', 'comm', 'communications', 'plant', 'boiler', 'store', 'stock', 'switch', 'equipment', 'electrical',
  'riser', 'data', 'network', 'control', 'pump', 'meter', 'battery', 'ups', 'cash', 'post', 'mail', 'bike', 'bin', 'staff', 'motor',
  'lift', 'sprinkler', 'generator', 'hub', 'patch', 'print', 'utility', 'it',
];
export const LOCKED_ROOM_QUALIFIER = `(?:${LOCKED_ROOMS.join('|')})`;

/**
 * A box that keys are left in, named so in its clause before the word box (`key box`, `keys in the box — box code is …`,
 * `the van keys are in the grey box by the gate, box code …`): a key safe by another name. Without keys a box's code is
 * as often a product's or a parcel's.
 */
const KEY_BOX = '(?<=\\bkeys?(?:[ \\t][^\\r\\n.;:]{0,40})?[ \\t])box';

/**
 * What a keypad guards, as prose names it before or after its code (`alarm`, `door`, a car park's `barrier`, `key safe`,
 * `padlock`, a locked room); each word ends there (`gateway` is no gate). A room is matched at the word room, what it holds read behind it,
 * so that a rule sticky at its keyword starts there.
 */
export const KEYPAD_GUARD = `(?:alarm|door|gate|barrier|keypad|key[ -]?safe|safe|lock[ -]?box|padlock|locker|disarm|entry|(?<=\\b${LOCKED_ROOM_QUALIFIER}[ \\t])room|${KEY_BOX})(?![\\w])`;

/**
 * Whose or what a PIN is, as prose names it right before the word PIN: a role that may override or unlock (`Admin PIN`,
 * `supervisor PIN`, `service PIN`, an installer's or an engineer's, a vendor's remote `support PIN`), a device or an app
 * it unlocks (`laptop PIN`, `SIM PIN`, a till's, a kiosk's, a card reader's, a tracker app's) or enrols (`enrolment PIN`),
 * a call or a video room it lets into (`conference bridge PIN`, `voicemail PIN`, a host's, a relay service's `room_pin`,
 * a `meeting PIN`), or a keypad it opens (`door PIN`, a gate's, a vehicle's `ignition PIN`, a key cabinet's `box PIN`).
 * Without one, `PIN 560034` is as often India's postal code or a board's pin.
 */
export const PIN_OWNERS = [
  'admin', 'administrator', 'master', 'unlock', 'supervisor', 'operator', 'manager', 'override', 'service', 'engineer', 'engineering',
  'maintenance', 'technician', 'installer', 'user', 'staff', 'security', 'access', 'login', 'sim', 'phone', 'handset', 'voicemail',
  'bridge', 'conference', 'dial-in', 'room', 'meeting', 'host', 'chairperson', 'moderator', 'leader', 'laptop', 'tablet', 'ipad', 'device', 'kiosk',
  'till', 'pos', 'terminal', 'bios', 'screen-lock', 'screen lock', 'lock-screen', 'lock screen', 'screen', 'card', 'door', 'alarm',
  'keypad', 'safe', 'gate', 'reader', 'app', 'enrolment', 'enrollment', 'support', 'mobile', 'ignition', 'box',
];
/**
 * Parts of a device that own a PIN only where prose writes it as the acronym, in capitals (`HMI panel PIN`, a tablet's `lock
 * PIN`, the `drone controller PIN`): in lower case each also names a metal pin (a panel pin is a nail, a lock pin a
 * fastener) or a chip's (a controller's pin 13).
 */
export const PIN_PART_OWNERS: readonly string[] = ['panel', 'lock', 'controller'];
/**
 * Words before `pin`, or in a setting's name that ends in it, that make it another pin: a postal code's (India's `PIN
 * code`), a board's or a chip's (`GPIO pin`, `reset pin`, `the data pin`), a certificate's or a key's pinned hash, a map's,
 * or a pin that holds things.
 */
export const NOT_ACCESS_PIN_LEAD: ReadonlySet<string> = new Set([
  'postal', 'post', 'zip', 'area', 'india', 'indian', 'address', 'gpio', 'header', 'reset', 'data', 'clock', 'ground', 'power', 'input',
  'output', 'led', 'analog', 'analogue', 'digital', 'sensor', 'serial', 'tx', 'rx', 'cs', 'sda', 'scl', 'pwm', 'adc', 'interrupt',
  'enable', 'chip', 'board', 'pcb', 'pogo', 'test', 'jumper', 'cert', 'certificate', 'public', 'hash', 'sha256', 'map', 'drawing',
  'safety', 'hair', 'push', 'lapel', 'bowling', 'rolling', 'hinge', 'cotter', 'dowel', 'pivot', 'spring', 'status',
]);
/** Whose PIN it is, before the word PIN alone: the shared owners and a kiosk's `exit PIN` (an `exit code` is a process's). */
export const PROSE_PIN_OWNERS = [...PIN_OWNERS, 'exit'];
const PIN_OWNER_WORDS = new Set(PROSE_PIN_OWNERS);

/** Single words of `KEYPAD_GUARD`, as a column's title splits them. */
const KEYPAD_GUARD_WORDS = new Set(['alarm', 'door', 'gate', 'barrier', 'keypad', 'keysafe', 'safe', 'lockbox', 'padlock', 'locker', 'disarm']);
const LOCKED_ROOM_WORDS = new Set(LOCKED_ROOMS);
/** The words for a keypad's code: a code, a PIN, a passcode, a lock's combination. */
export const KEYPAD_CODE_NOUNS: readonly string[] = ['code', 'pin', 'passcode', 'combination', 'combo'];
/** Last words of a column's title that name a code or a PIN. */
const CODE_WORDS = new Set(KEYPAD_CODE_NOUNS);
/**
 * Roles whose code, right before the word code, opens or overrides what a keypad guards: an alarm panel's `installer_code`
 * and `engineer_code`, the duress code that disarms it while calling for help, an escape room's or a kiosk's
 * `OVERRIDE_CODE`, a gate keypad's bypass code, a phone's `unlock_code`; prose names a code by them alone (`duress code …`,
 * `Bypass code for the gate keypad: …`). (A `service_code` or a `user_code` is as often an id.)
 */
export const ACCESS_CODE_ROLES: readonly string[] = ['override', 'unlock', 'installer', 'engineer', 'duress', 'bypass'];
const CODE_OWNER_WORDS = new Set(ACCESS_CODE_ROLES);
/** The single words that, right before `code` in a name, make it a keypad's code (`ALARM_CODE`, `installerCode`): what a scanner looks for. */
export const ACCESS_CODE_OWNERS: readonly string[] = [...KEYPAD_GUARD_WORDS, ...CODE_OWNER_WORDS];

/**
 * Whether a CSV column's title or a setting's name names a keypad's code or a PIN (`door_code`, `machine_room_code`, `Key
 * safe combination`, `supervisor_pin`, `INSTALLER_PIN`, `passcode`, `override_code`): a code word last, and before it what
 * the keypad guards (a room only with what it holds), or, before a PIN or a passcode, whose it is, or before a code, a role
 * that opens or overrides it. `pin` or `pin_code` alone is as often a postal code.
 */
export function namesAccessCodeColumn(title: string): boolean {
  const words = splitWords(title);
  const last = words.length - 1;
  if (last < 0 || !CODE_WORDS.has(words[last]!)) return false;
  if (words[last] === 'passcode' && last === 0) return true;
  if ((words[last] === 'pin' || words[last] === 'passcode') && last > 0 && PIN_OWNER_WORDS.has(words[last - 1]!)) return true;
  if (words[last] === 'code' && last > 0 && CODE_OWNER_WORDS.has(words[last - 1]!)) return true;
  for (let i = 0; i < last; i++) {
    if (guardsOrLockedRoomAt(words, i)) return true;
  }
  return false;
}

/** Whether the word at `i` names what a keypad guards (`door`, `gate`, a key safe's `key safe`). */
function guardsAt(words: readonly string[], i: number): boolean {
  return KEYPAD_GUARD_WORDS.has(words[i]!) || (words[i] === 'key' && words[i + 1] === 'safe');
}

/** Whether the word at `i` names what a keypad guards, or is a locked room's `room` (`server room`); not for captions. */
function guardsOrLockedRoomAt(words: readonly string[], i: number): boolean {
  return guardsAt(words, i) || (words[i] === 'room' && i > 0 && LOCKED_ROOM_WORDS.has(words[i - 1]!));
}

/** Plural code words as a caption writes them over a list of codes (`Gate and door codes`, `Alarm PINs`). */
const CODE_WORDS_PLURAL = new Set(KEYPAD_CODE_NOUNS.map((noun) => `${noun}s`));
/**
 * Words of a caption or of a table's titles that make its codes another kind: a sensor's fault or an event's code, a
 * panel's zone, a product's or a part's number, a postal code, and a table that explains codes rather than keeps them
 * (`| Code | Meaning |`).
 */
const NOT_KEYPAD_CODE_WORDS = new Set([
  'error', 'errors', 'fault', 'faults', 'status', 'event', 'events', 'sensor', 'sensors', 'zone', 'zones', 'trouble', 'alert', 'alerts',
  'warning', 'warnings', 'log', 'model', 'part', 'parts', 'product', 'products', 'sku', 'serial', 'zip', 'postal', 'area', 'meaning',
  'description', 'cause', 'reason', 'condition', 'definition', 'explanation', 'price', 'qty', 'quantity', 'http', 'exit',
]);

/**
 * Whether a caption over a table (its heading, or the line that introduces it) names the keypads' codes it lists: what a
 * keypad guards and a code's noun (`# Gate and door codes`, `Alarm PINs:`), no word of another kind of code (`Door sensor
 * fault codes`). Under it, a column titled a bare `Code` holds them.
 */
export function captionNamesKeypadCodes(caption: string): boolean {
  // Lower case first: a plural's `s` after capitals (`PINs`) is no word of its own.
  const words = caption.length <= 120 ? splitWords(caption.toLowerCase()) : [];
  if (words.some((word) => NOT_KEYPAD_CODE_WORDS.has(word))) return false;
  const named = words.some((word) => CODE_WORDS.has(word) || CODE_WORDS_PLURAL.has(word));
  return named && words.some((_, i) => guardsAt(words, i));
}

/**
 * What a table's row names in its first cell, when that names a keypad's lock: its code (`Studio alarm code`, `Gate PIN`)
 * or only what the keypad guards (`Fuel bowser padlock`, `Clubhouse door keypad`, `Winch shed key safe`); nothing when a
 * word makes it another kind (`Door sensor`, `Alarm zone 3`).
 */
export function rowNamesKeypad(label: string): 'code' | 'guard' | undefined {
  const words = label.length <= 60 ? splitWords(label.toLowerCase()) : [];
  if (words.length === 0 || words.some((word) => NOT_KEYPAD_CODE_WORDS.has(word))) return undefined;
  if (namesAccessCodeColumn(label)) return 'code';
  return words.some((_, i) => guardsOrLockedRoomAt(words, i)) ? 'guard' : undefined;
}

/** Words a title joins to a code's noun to say its column holds what opens a lock (`Code / key`, `PIN or combination`). */
const LOCK_OPENER_WORDS = new Set([...KEYPAD_CODE_NOUNS, 'key', 'keys', 'lock', 'or', 'and']);
/**
 * Whether a column's title names what opens a lock, a code among a few such words (`Code / key`, `PIN or combination`):
 * a bare `Code` is as often a location's or a product's, which only a caption can tell.
 */
export function titleNamesLockOpeners(title: string): boolean {
  const words = title.length <= 40 ? splitWords(title) : [];
  return words.length >= 2 && words.length <= 4 && words.some((word) => CODE_WORDS.has(word)) && words.every((word) => LOCK_OPENER_WORDS.has(word));
}

/** Whether the name of a setting holds a code's noun among a few words and no word of another kind (`code`, `fallback_code`, `pin`). */
export function titleHoldsCodes(title: string): boolean {
  const words = title.length <= 40 ? splitWords(title) : [];
  return words.length <= 4 && words.some((word) => CODE_WORDS.has(word)) && !words.some((word) => NOT_KEYPAD_CODE_WORDS.has(word));
}

/** Whether a label names some other kind of code than a keypad's (`Low battery`, `Sensor fault`, `Zone 3`). */
export function labelNamesOtherCode(label: string): boolean {
  return label.length > 60 || splitWords(label.toLowerCase()).some((word) => NOT_KEYPAD_CODE_WORDS.has(word));
}

/** Whether a column's title is a code's noun alone (`Code`, `PIN`, `Combination`): whose, the table's caption may say. */
export function namesBareCodeColumn(title: string): boolean {
  const words = title.length <= 40 ? splitWords(title) : [];
  return words.length === 1 && CODE_WORDS.has(words[0]!);
}

/** Whether a table's titles explain or price codes rather than keep them (`| Code | Meaning |`, `| Code | Product |`). */
export function titlesListOtherCodes(titles: readonly string[]): boolean {
  return titles.some((title) => title.length <= 40 && splitWords(title).some((word) => NOT_KEYPAD_CODE_WORDS.has(word)));
}

/** Whether a table column's title names a keypad itself (`door keypad`, `Keypad`): its cells are what is keyed into it. */
export function namesKeypadColumn(title: string): boolean {
  const words = splitWords(title);
  return words.length > 0 && words[words.length - 1] === 'keypad';
}

/** A column's title that names the login an account signs in with: what a PIN beside it is entered with. */
const LOGIN_TITLES = new Set(['login', 'loginname', 'loginid', 'username', 'user', 'userid', 'account', 'operator', 'email']);
/** Words of an address's columns: a `pin` among them is India's postal code. */
const ADDRESS_WORDS = new Set(['address', 'street', 'city', 'town', 'village', 'district', 'state', 'locality', 'landmark', 'country', 'postcode', 'zip', 'area']);

/**
 * The columns of a table titled a bare `pin` that hold its accounts' PINs: beside a column of the logins they are entered
 * with (`INSERT INTO installer_accounts (login, pin)`, a CSV's `username,pin`), in a table that has no column of an
 * address, where a `pin` is a postal code. A bare `pin` of no login is as often a board's or a map's.
 */
export function loginPinColumns(titles: readonly string[]): number[] {
  const words = titles.map((title) => (title.length <= 40 ? splitWords(title) : []));
  const pins = words.flatMap((w, i) => (w.length === 1 && w[0] === 'pin' ? [i] : []));
  if (pins.length === 0 || !words.some((w) => LOGIN_TITLES.has(w.join(''))) || words.some((w) => w.some((word) => ADDRESS_WORDS.has(word)))) return [];
  return pins;
}

/**
 * How prose hands a code over after its name, besides a colon: `is`, `was`, maybe `still` or `now` (a chat's "the laptop pin
 * is still …?"), or a change to it (`was changed to`, `reset to`), or the change told first and the code after it in a
 * clause of its own (`the PIN was changed; it is now …`, `got reset, now it's …`).
 */
export const CODE_GIVEN_AS =
  '[ \\t]{1,2}(?:(?:is|was|stays|remains)(?:[ \\t]{1,2}(?:still|now|currently))?|(?:(?:is|was|got|has[ \\t]been)[ \\t]{1,2})?(?:changed|reset|set)[ \\t]{1,2}to' +
  "|(?:was|got|has[ \\t]been)[ \\t]{1,2}(?:changed|reset)(?:[;,]|[ \\t]{1,2}[-–—])[ \\t]{1,2}(?:it(?:'s|[ \\t]is)[ \\t]{1,2}now|now(?:[ \\t]{1,2}it(?:'s|[ \\t]is))?))";
/** Code marks or Markdown's bold around a code's digits (`` `4183` ``, `**4471**`), either side. */
export const CODE_MARK = '(?:\\*\\*|__|`)?';

/**
 * A code's digits, maybe ending in the `#` or the `*` a keypad takes to enter them (`gate: code 9634#`, a bridge's
 * `604317#`, an alarm set with `7391*`): the key is kept with the digits, as it is keyed with them. Bold's `**` after
 * the digits is no key.
 */
export const KEYED_DIGITS = '\\d{4,8}(?:#(?![\\w#])|\\*(?![\\w#*]))?';
/** A code's keyed digits as prose gives them, maybe in code marks or bold. `v` is the code. */
export const KEYPAD_DIGITS = `${CODE_MARK}(?<v>${KEYED_DIGITS})${CODE_MARK}`;

/** The digits of a code found with `KEYPAD_DIGITS` or in a table's cell, without the keypad's `#` or `*`. */
export function codeDigits(value: string): string {
  return value.endsWith('#') || value.endsWith('*') ? value.slice(0, -1) : value;
}

/**
 * The digits of a code as a push-button lock's list gives it, with the `C` (clear) key pressed before them (`C1947`,
 * Codelocks' and Borg's mechanical locks), and the keypad's `#` or `*` after them.
 */
export function keyedCodeDigits(value: string): string {
  return codeDigits(value.startsWith('C') ? value.slice(1) : value);
}
