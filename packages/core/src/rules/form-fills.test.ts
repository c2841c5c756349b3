import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

const PASSWORD = 'Larch-pebble-36-Tide!';

/** The values `password-field-fill` reports in `text`. */
function filled(text: string, file: string): string[] {
  return detect(text, { file })
    .filter((f) => f.rule === 'password-field-fill')
    .map((f) => text.slice(f.start, f.end));
}

describe('a password typed into a login form by an end-to-end test', () => {
  it("reads Cypress's chain from a locator that names the password field, across a line break and a .clear()", () => {
    const spec = [
      'it("signs in", () => {',
      '  cy.get("input[name=username]").type("ops-reviewer");',
      `  cy.get("input[name=password]").type("${PASSWORD}", { log: false });`,
      '  cy.get("[data-cy=login-password]")',
      '    .clear()',
      `    .type('${PASSWORD}')`,
      '});',
    ].join('\n');
    expect(filled(spec, 'cypress/e2e/login.cy.ts')).toEqual([PASSWORD, PASSWORD]);
  });

  it("reads Playwright's, Selenium's, WebdriverIO's and Capybara's ways of filling the field", () => {
    expect(filled(`await page.getByLabel('Password').fill('${PASSWORD}');\n`, 'tests/login.spec.ts')).toEqual([PASSWORD]);
    expect(filled(`await page.fill('#password', '${PASSWORD}');\n`, 'tests/login.spec.ts')).toEqual([PASSWORD]);
    expect(filled(`driver.find_element(By.NAME, "passwd").send_keys("${PASSWORD}")\n`, 'tests/test_login.py')).toEqual([PASSWORD]);
    expect(filled(`driver.findElement(By.id("loginPwd")).sendKeys("${PASSWORD}");\n`, 'LoginIT.java')).toEqual([PASSWORD]);
    expect(filled(`await $('#password').setValue('${PASSWORD}')\n`, 'test/specs/login.e2e.js')).toEqual([PASSWORD]);
    expect(filled(`fill_in "user[password]", with: "${PASSWORD}"\n`, 'spec/system/login_spec.rb')).toEqual([PASSWORD]);
  });

  it('leaves the other fields, values read from the environment, key sequences and stand-ins', () => {
    const spec = [
      `cy.get("input[name=email]").type("qa@example.org");`,
      `cy.get("#username").type("${PASSWORD}");`,
      'cy.get("#password").type(Cypress.env("QA_PASSWORD"), { log: false });',
      'cy.get("#password").type("{enter}");',
      'cy.get("#password").type(`${user.password}`);',
      `cy.get("#passport-number").type("${PASSWORD}");`,
      'await page.getByLabel("Password").fill("wrong-password");',
      `fill_in "Email", with: "${PASSWORD}"`,
    ].join('\n');
    expect(filled(spec, 'cypress/e2e/login.cy.ts')).toEqual([]);
  });

  it('does not take a fill or a type call outside a locator chain', () => {
    expect(filled(`const row = new Array(4).fill("${PASSWORD}");\nres.type("json").send(body);\n`, 'src/server.ts')).toEqual([]);
    expect(filled(`const passwordInput = el.querySelector("x");\nfoo().type("${PASSWORD}");\n`, 'src/form.ts')).toEqual([]);
  });
});

describe('a password field located through a constant or a page object', () => {
  it("reads the value typed where the locator's name says password, and not where it names another field", () => {
    const spec = [`cy.get(LoginPage.passwordInput).type("${PASSWORD}");`, 'await page.locator(EMAIL_FIELD).fill("Larch-pebble-37-Fen!");'].join('\n');
    expect(filled(spec, 'cypress/e2e/login.cy.ts')).toEqual([PASSWORD]);
  });
});
