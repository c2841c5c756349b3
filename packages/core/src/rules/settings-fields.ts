import { classifyKey } from '../key-name.js';
import { isPlausibleSecret } from '../secret-value.js';
import { forEachMatchAt } from '../sticky.js';
import type { Category, DetectOptions, Rule, Span } from '../types.js';

/**
 * A settings field declared as a password, with the value it starts with: WooCommerce's and
 * WordPress's `form_fields` (`'type' => 'password', 'default' => '…'`), a JavaScript or JSON form
 * schema (`{ name: 'apiSecret', type: 'password', default: '…' }`). The type says the field holds
 * a secret, whatever its name, so its default is that secret as shipped. Read at the type's value;
 * the field's other entries are read from the bracket that opens it to the one that closes it.
 */

/** `=> 'password'`, `: "password"`: the value of an entry; its name, `type`, is read back. */
const PASSWORD_TYPE_AT = /(?:=>|:)[ \t]{0,4}(?:"password"|'password')/y;
/** The entry's name before the operator, maybe quoted and padded into a column (`'type'        => `); OpenAPI's `"format": "password"`. */
const TYPE_NAME_BEFORE = /(?:^|[\s,{([])["']?(?:type|input_?[tT]ype|format)["']?[ \t]{0,40}$/;
/** An entry that holds the field's starting value (`'default' => '…'`, `defaultValue: "…"`, WordPress's `'std' => '…'`). */
const VALUE_ENTRY =
  /(?<![\w$-])["']?(?:default|defaultValue|default_value|value|std|initial|initialValue)["']?[ \t]{0,40}(?:=>|:)[ \t]{0,4}(?:"(?<dv>[^"\r\n\\]{1,300})"|'(?<sv>[^'\r\n\\]{1,300})')/g;
/** An entry naming the field, inside it (`name: 'apiSecret'`, `"key": "merchant_pin"`, `'id' => 'signing_key'`). */
const NAME_ENTRY = /(?<![\w$-])["']?(?:name|key|id|field)["']?[ \t]{0,40}(?:=>|:)[ \t]{0,4}["'](?<n>[\w.-]{1,60})["']/;
/** The field's name before its opening bracket (`'signature_key'   => array(`, `signatureKey: {`). */
const NAME_BEFORE_OPENER = /["']?(?<n>[\w.-]{1,60})["']?[ \t]{0,40}(?:=>|:|=)[ \t]{0,4}(?:array[ \t]{0,2})?$/;

/** How far the field's brackets are looked for on either side of its type. */
const FIELD_REACH = 800;

/** The offset of the bracket that opens the field around `at` (quoted text skipped, nested brackets counted), or -1. */
function fieldOpening(text: string, at: number): number {
  const limit = Math.max(0, at - FIELD_REACH);
  let depth = 0;
  for (let i = at - 1; i >= limit; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      const open = text.lastIndexOf(text[i]!, i - 1);
      if (open < limit) return -1;
      i = open;
    } else if (c === 0x29 || c === 0x5d || c === 0x7d) depth++;
    else if (c === 0x28 || c === 0x5b || c === 0x7b) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/**
 * The entries of the field that opens at `open`, at its own level (not inside a nested list of options), and its closing
 * bracket's offset; or, where no bracket closes it within reach, only how far that was read (`end`).
 */
function fieldBody(text: string, open: number): { body?: string; end: number } {
  const limit = Math.min(text.length, open + 2 * FIELD_REACH);
  let depth = 0;
  let body = '';
  let from = open + 1;
  for (let i = open; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      const close = text.indexOf(text[i]!, i + 1);
      if (close === -1 || close >= limit) return { end: limit };
      i = close;
    } else if (c === 0x28 || c === 0x5b || c === 0x7b) {
      if (depth === 1) body += text.slice(from, i) + ' ';
      depth++;
    } else if (c === 0x29 || c === 0x5d || c === 0x7d) {
      depth--;
      if (depth === 1) from = i + 1;
      if (depth === 0) return { body: body + text.slice(from, i), end: i };
    }
  }
  return { end: limit };
}

function findPasswordFieldDefaults(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let doneUntil = -1;
  forEachMatchAt(PASSWORD_TYPE_AT, text, offsets, (m) => {
    if (m.index < doneUntil || !TYPE_NAME_BEFORE.test(text.slice(Math.max(0, m.index - 60), m.index))) return;
    const open = fieldOpening(text, m.index);
    if (open === -1) return;
    // A field read to the end of its reach is not read again from each type inside that stretch.
    const field = fieldBody(text, open);
    doneUntil = field.end;
    const body = field.body;
    if (body === undefined) return;
    const name = NAME_ENTRY.exec(body)?.groups!['n'] ?? NAME_BEFORE_OPENER.exec(text.slice(Math.max(0, open - 80), open))?.groups!['n'];
    const named = name === undefined ? undefined : classifyKey(name);
    const category: Category = named !== undefined && !named.weak ? named.category : 'PASS';
    for (const entry of body.matchAll(VALUE_ENTRY)) {
      const value = entry.groups!['dv'] ?? entry.groups!['sv']!;
      if (!isPlausibleSecret(value, { category, quoted: true, file: options.file })) continue;
      // The body is the field's text with nested lists left out: find the literal in the text itself.
      const quoted = entry[0].slice(entry[0].length - value.length - 2);
      const at = text.indexOf(quoted, open);
      if (at === -1) continue;
      spans.push({ start: at + 1, end: at + 1 + value.length, category });
    }
  });
  return spans;
}

export const settingsFieldRules: Rule[] = [
  {
    id: 'password-field-default',
    category: 'PASS',
    description:
      "The starting value of a settings field declared as a password: WooCommerce/WordPress `form_fields` (`'type' => 'password', 'default' => '…'`), a form schema's `{ type: 'password', default: '…' }`",
    keywords: ["=> 'password'", '=> "password"', "=>'password'", '=>"password"', ": 'password'", ': "password"', ":'password'", ':"password"'],
    pattern: PASSWORD_TYPE_AT,
    find: findPasswordFieldDefaults,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        "'gateway_secret' => array(\n    'title'   => __( 'Gateway secret', 'shop' ),\n    'type'    => 'password',\n    'default' => 'Hq4Zt8Lm2Xw9Rb6KpV3n',\n),",
        "{ name: 'merchantPin', type: 'password', defaultValue: 'Vd2#kQp7Xs' }",
        '{"key": "relay_pass", "type": "password", "default": "Tn5$wLq8Rz"}',
      ],
      noMatch: [
        "'gateway_secret' => array(\n    'type'        => 'password',\n    'placeholder' => 'XXXXXXXXXXXXXXXX',\n),",
        "{ name: 'merchantPin', type: 'password', default: '' }",
        "{ name: 'mode', type: 'select', default: 'Hq4Zt8Lm2Xw9Rb6KpV3n' }",
        "{ type: 'password', default: 'changeme' }",
      ],
    },
  },
];
