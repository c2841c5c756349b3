import { isQuoteCode, isWordCode, skipBlanksBack, skipBlanksForward } from '../char-codes.js';
import { isPlausiblePassword } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * A password that browser-automation code types into a login form's password field: Cypress's
 * `cy.get("input[name=password]").type("…")`, Playwright's `page.getByLabel("Password").fill("…")` and
 * `page.fill("#password", "…")`, Selenium's `find_element(By.ID, "password").send_keys("…")` and
 * `findElement(By.id("password")).sendKeys("…")`, WebdriverIO's `$("#password").setValue("…")`, TestCafe's
 * `typeText("#password", "…")`, CodeceptJS's `fillField("Password", "…")`, Capybara's
 * `fill_in "Password", with: "…"`. End-to-end suites log in to a real (staging) account this way; the
 * field's selector or label names a password, so no variable's name says it.
 */

/** The methods that type a value, lower-cased with what opens their arguments (the prefilter's keywords). */
const FILL_CALLS = ['.type(', '.fill(', '.sendkeys(', '.send_keys(', '.setvalue(', '.typetext(', '.fillfield(', '.presssequentially(', 'fill_in'];

/** A word of a password field's selector or label (`#password`, `[name=passwd]`, `loginPwd`, `#pass`), not of `passport` or `bypass`. */
const PASSWORD_FIELD = /pass(?:word|wd|phrase|code)|pwd|(?:^|[^A-Za-z])pass(?![A-Za-z])/i;

/** An e-mail address: what a login form's user field takes, if a selector ever named both. */
const EMAIL = /^[^@\s]{1,64}@[^@\s]{1,255}\.[A-Za-z]{2,24}$/;

/** How far a call's arguments are read back or forth. */
const REACH = 300;

interface Literal {
  value: string;
  start: number;
  /** Just past the closing quote. */
  end: number;
}

/** The string literal that opens at `at`, on one line, without escapes or interpolation; undefined otherwise. */
function literalAt(text: string, at: number): Literal | undefined {
  const quote = text.charCodeAt(at);
  if (!isQuoteCode(quote)) return undefined;
  for (let i = at + 1; i < text.length && i - at <= 200; i++) {
    const c = text.charCodeAt(i);
    if (c === quote) {
      const value = text.slice(at + 1, i);
      return value.includes('${') ? undefined : { value, start: at + 1, end: i + 1 };
    }
    if (c === 0x5c /* \ */ || c === 0x0a) return undefined;
  }
  return undefined;
}

/** A locator kept in a constant or a page object's member (`PASSWORD_INPUT`, `loginPage.passwordField`). */
const LOCATOR_NAME = /^[ \t]*[A-Za-z_$][\w$.]{0,200}[ \t]*$/;

/** Whether some string literal in `args` names a password field, or `args` is one constant or member that does. */
function namesPasswordField(args: string): boolean {
  if (LOCATOR_NAME.test(args)) return PASSWORD_FIELD.test(args);
  for (let i = 0; i < args.length; i++) {
    if (!isQuoteCode(args.charCodeAt(i))) continue;
    const literal = literalAt(args, i);
    if (literal === undefined) continue;
    if (PASSWORD_FIELD.test(literal.value)) return true;
    i = literal.end - 1;
  }
  return false;
}

/** Where the `(` that the `)` at `close` closes stands, read back within reach on its own line or a few; -1 if none. */
function openingParen(text: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0 && close - i < REACH; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x29 /* ) */) depth++;
    else if (c === 0x28 /* ( */ && --depth === 0) return i;
  }
  return -1;
}

/**
 * Whether the chain that the call at `dot` continues opens with a locator naming a password field: read back over
 * the blanks and line breaks before the dot, calls without arguments (`.clear()`, `.focus()`), to a call whose
 * arguments hold a literal that names one (`cy.get("#password")`, `find_element(By.ID, "password")`,
 * `findElement(By.id("pwd"))`).
 */
function chainNamesPasswordField(text: string, dot: number): boolean {
  let i = dot;
  for (let calls = 0; calls < 4; calls++) {
    const j = skipBlanksBack(text, i);
    if (j === 0 || text.charCodeAt(j - 1) !== 0x29 /* ) */) return false;
    const open = openingParen(text, j - 1);
    if (open === -1) return false;
    const args = text.slice(open + 1, j - 1);
    if (!/^[ \t]*$/.test(args)) return namesPasswordField(args);
    // An empty call (`.clear()`): step back over its name and the dot before it.
    let k = open;
    while (k > 0 && open - k < 40 && isWordCode(text.charCodeAt(k - 1))) k--;
    if (k === open || k === 0 || text.charCodeAt(k - 1) !== 0x2e /* . */) return false;
    i = k - 1;
  }
  return false;
}

function findPasswordFieldFills(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  const push = (literal: Literal | undefined): void => {
    if (literal === undefined || EMAIL.test(literal.value) || !isPlausiblePassword(literal.value, options.file)) return;
    spans.push({ start: literal.start, end: literal.start + literal.value.length });
  };
  for (const offset of offsets) {
    const call = FILL_CALLS.find((k) => text.slice(offset, offset + k.length).toLowerCase() === k);
    if (call === undefined) continue;
    if (call === 'fill_in') {
      // Capybara: `fill_in "Password", with: "…"`, `fill_in(:password, with: '…')`, `fill_in "user[password]", with: …`.
      if (offset > 0 && isWordCode(text.charCodeAt(offset - 1))) continue;
      const m = /^fill_in[ \t]{0,4}\(?[ \t]{0,4}(?::(\w{1,60})|["']([^"'\r\n]{1,100})["'])[ \t]{0,4},[ \t]{0,4}with:[ \t]{0,4}/.exec(text.slice(offset, offset + 200));
      if (m === null || !PASSWORD_FIELD.test(m[1] ?? m[2]!)) continue;
      push(literalAt(text, offset + m[0].length));
      continue;
    }
    const first = literalAt(text, skipBlanksForward(text, offset + call.length));
    if (first === undefined) continue;
    const after = skipBlanksForward(text, first.end);
    if (text.charCodeAt(after) === 0x2c /* , */) {
      // The field's selector, then the value (`page.fill("#password", "…")`); or the value, then options (`{ log: false }`).
      const second = literalAt(text, skipBlanksForward(text, after + 1));
      if (second !== undefined) {
        if (PASSWORD_FIELD.test(first.value)) push(second);
        continue;
      }
    } else if (text.charCodeAt(after) !== 0x29 /* ) */) continue;
    if (chainNamesPasswordField(text, offset)) push(first);
  }
  return spans;
}

export const formFillRules: Rule[] = [
  {
    id: 'password-field-fill',
    category: 'PASS',
    description:
      'A password that browser-automation code types into a field its selector or label names a password (Cypress `cy.get("#password").type("…")`, Playwright `getByLabel("Password").fill("…")` and `page.fill("#password", "…")`, Selenium `send_keys`/`sendKeys`, WebdriverIO `setValue`, TestCafe `typeText`, CodeceptJS `fillField`, Capybara `fill_in "Password", with: "…"`)',
    keywords: FILL_CALLS,
    pattern: /\.(?:type|fill|sendKeys|send_keys|setValue|typeText|fillField|pressSequentially)\([ \t]{0,4}["'`]|\bfill_in\b/i,
    find: findPasswordFieldFills,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'cy.get("input[name=password]").type("Fjord-lichen-58-Ember!", { log: false });',
        "cy.get('#password').clear().type('Fjord-lichen-58-Ember!')",
        'await page.getByLabel("Password").fill("Fjord-lichen-58-Ember!");',
        "await page.fill('#login-password', 'Fjord-lichen-58-Ember!');",
        'driver.find_element(By.ID, "password").send_keys("Fjord-lichen-58-Ember!")',
        'driver.findElement(By.id("pwd")).sendKeys("Fjord-lichen-58-Ember!");',
        "await $('#password').setValue('Fjord-lichen-58-Ember!')",
        "cy.get('[data-cy=password]')\n  .type('Fjord-lichen-58-Ember!')",
        "cy.get(loginPage.passwordInput).type('Fjord-lichen-58-Ember!')",
        'fill_in "Password", with: "Fjord-lichen-58-Ember!"',
      ],
      noMatch: [
        'cy.get("input[name=email]").type("qa-ops@example.org");',
        'cy.get("input[name=password]").type(Cypress.env("QA_PASSWORD"), { log: false });',
        'await page.getByLabel("Password").fill(process.env.E2E_PASSWORD);',
        "cy.get('#password').type('{enter}')",
        "cy.get('#passport-number').type('Fjord-lichen-58-Ember!')",
        'await page.getByLabel("Password").fill("not-the-right-password");',
        "await page.fill('#username', 'Fjord-lichen-58-Ember!');",
        'const cells = new Array(8).fill("Fjord-lichen-58-Ember!");',
        'fill_in "Email", with: "Fjord-lichen-58-Ember!"',
        "res.type('html').send(page)",
        "cy.get(loginPage.emailInput).type('Fjord-lichen-58-Ember!')",
      ],
    },
  },
];
