import { describe, expect, it } from 'vitest';
import { compileDetector } from './detector.js';
import { builtinRules, createDetector, detect } from './index.js';

describe('rule examples', () => {
  const everything = createDetector();
  for (const rule of builtinRules) {
    const alone = compileDetector([rule]);
    it(`${rule.id} matches each of its positive examples`, () => {
      for (const sample of rule.examples.match) {
        expect(alone.detect(sample).some((f) => f.rule === rule.id), sample).toBe(true);
        // With every rule on, the sample is still reported (maybe by a wider rule).
        expect(everything.detect(sample).length, sample).toBeGreaterThan(0);
      }
    });
    it(`${rule.id} stays silent on each of its negative examples`, () => {
      for (const sample of rule.examples.noMatch) {
        expect(alone.detect(sample).some((f) => f.rule === rule.id), sample).toBe(false);
      }
    });
  }
});

describe('detect', () => {
  it('reports the position of a secret without its value', () => {
    const [f] = detect('x\n  key: ghp_R2d3x9Kq7Lm0Pz5Vb8Nc1Ty4Wj6Hs2Fa9Ge3\n');
    expect(f).toMatchObject({ rule: 'github-pat', line: 2, column: 8, category: 'KEY' });
    expect(JSON.stringify(f)).not.toContain('ghp_R2d3');
  });
});

describe('a found secret that the text holds again', () => {
  const detector = createDetector();
  const key = 'Xk29fLqp7ZmW3rTb8VnCq4Ts';

  it('is reported at every place it stands, as a value of its own', () => {
    const text = `// the vendor mailed ${key} on 2026-03-02\nconst apiSecret = "${key}";\nlog.debug("calling with ${key}")\n`;
    const spans = detector.detect(text, { file: 'a.ts' }).map((f) => text.slice(f.start, f.end));
    expect(spans).toEqual([key, key, key]);
  });

  it('is not looked for inside a longer word, nor when it is short or plain', () => {
    const inWord = `const apiSecret = "${key}";\nconst other = "x${key}y";\n`;
    expect(detector.detect(inWord, { file: 'a.ts' }).map((f) => f.line)).toEqual([1]);
    const short = 'DB_PASSWORD=postgres1\nimage: postgres1\n';
    expect(detector.detect(short, { file: 'settings.env' }).map((f) => f.line)).toEqual([1]);
  });
});

describe('a chosen password or a joined literal that the text holds again', () => {
  const detector = createDetector();
  const spansOf = (text: string, file = 'app.py'): string[] => detector.detect(text, { file }).map((f) => text.slice(f.start, f.end));
  const linesOf = (text: string, file = 'app.py'): number[] => detector.detect(text, { file }).map((f) => f.line);

  it('reports a short password that mixes kinds of character at each place it stands whole', () => {
    const text = 'SMTP_PASSWORD = "Rq4$tnW8zPe2"\ngreeting = "Rq4$tnW8zPe2"\nprint(f"using Rq4$tnW8zPe2 now")\n';
    expect(spansOf(text)).toEqual(['Rq4$tnW8zPe2', 'Rq4$tnW8zPe2', 'Rq4$tnW8zPe2']);
  });

  it('reports the value of a secret written as joined literals where it is written whole', () => {
    const text = 'API_SECRET = "Pz7vKq2Lm" + "Wx9Tb4Nc"\nJOINED = "Pz7vKq2LmWx9Tb4Nc"\n';
    expect(linesOf(text)).toEqual([1, 2]);
    expect(spansOf(text)[1]).toBe('Pz7vKq2LmWx9Tb4Nc');
  });

  it('leaves a short password elsewhere when it is a plain word, a number or one kind of character', () => {
    expect(linesOf('DB_PASSWORD = "mellowtide"\ntheme = "mellowtide"\n')).toEqual([1]);
    expect(linesOf('DB_PASSWORD = "trailhead42"\nbranch = "trailhead42"\n')).toEqual([1]);
    // A rule of the config's own that reads PINs and long numbers: what it finds is not looked for elsewhere.
    const numbers = createDetector({
      extraRules: [{ id: 'door-pin', category: 'CREDENTIAL', confidence: 'high', keywords: ['door_pin'], pattern: /DOOR_PIN = "(\d{4,12})"/, secretGroup: 1 }],
    });
    const numeric = 'DOOR_PIN = "2468"\nretries = 2468\nDOOR_PIN = "90581732"\nts = 90581732\n';
    expect(numbers.detect(numeric, { file: 'door.py' }).map((f) => f.line)).toEqual([1, 3]);
  });

  it('does not look inside longer words, identifiers or runs of base64', () => {
    const text = 'SMTP_PASSWORD = "Rq4Tn8zPe2wX"\nblob = "QUJDRq4Tn8zPe2wXZGVm"\nname = Rq4Tn8zPe2wX_backup\n';
    expect(linesOf(text)).toEqual([1]);
  });

  it('honours takumo:allow: on the other place, and for a value found only on an allowed line', () => {
    const allowedThere = 'SMTP_PASSWORD = "Rq4$tnW8zPe2"\nlabel = "Rq4$tnW8zPe2"  # takumo:allow\n';
    expect(linesOf(allowedThere)).toEqual([1]);
    const allowedAtSource = 'SMTP_PASSWORD = "Rq4$tnW8zPe2"  # takumo:allow\nlabel = "Rq4$tnW8zPe2"\n';
    expect(linesOf(allowedAtSource)).toEqual([]);
  });

  it('is not looked for when the allowlist names the value', () => {
    const allowing = createDetector({ allowlist: { values: ['Rq4$tnW8zPe2'] } });
    expect(allowing.detect('SMTP_PASSWORD = "Rq4$tnW8zPe2"\nlabel = "Rq4$tnW8zPe2"\n', { file: 'app.py' })).toEqual([]);
  });
});

describe('a found secret that the text holds encoded, or a Basic credential whose password it holds in clear', () => {
  const detector = createDetector();
  const spansOf = (text: string, file = 'app.py'): string[] => detector.detect(text, { file }).map((f) => text.slice(f.start, f.end));
  const linesOf = (text: string, file = 'app.py'): number[] => detector.detect(text, { file }).map((f) => f.line);
  const password = 'Hn6&wQ3zTb8y';

  it('reports the password of a found Basic credential where the text writes it in clear', () => {
    const header = 'Basic ' + btoa(`relay-bot:${password}`);
    const text = `AUTH_HEADER = "${header}"\n# decoded for the runbook: relay-bot / ${password}\n`;
    expect(spansOf(text, 'auth.py')).toEqual([header.slice('Basic '.length), password]);
  });

  it('reports a base64 run that decodes to a found password, alone or as either half of a pair', () => {
    const pair = btoa(`relay-bot:${password}`);
    const alone = btoa(password);
    const keyFirst = btoa(`${password}:`);
    const text = `SMTP_PASSWORD = "${password}"\n# precomputed header: ${pair}\nfallback = "${alone}"\nstripe_style = "${keyFirst}"\n`;
    expect(spansOf(text)).toEqual([password, pair, alone, keyFirst]);
  });

  it('reports the URL-safe base64 and the percent-encoded forms of a found password', () => {
    const withSigns = 'Zt9>~kW?qM4e';
    const urlSafe = btoa(`u:${withSigns}`).replace(/\+/g, '-').replace(/\//g, '_');
    expect(urlSafe).toMatch(/[-_]/);
    const pct = 'Vq7!mZ2x(K9pL';
    const text = `DB_PASSWORD = "${withSigns}"\ntoken_hint = "${urlSafe}"\nSMTP_PASSWORD = "${pct}"\n# as sent: Vq7%21mZ2x%28K9pL and Vq7!mZ2x(K9pL\n`;
    expect(spansOf(text)).toEqual([withSigns, urlSafe, pct, 'Vq7%21mZ2x%28K9pL', pct]);
  });

  it('leaves base64 runs that only hold the password inside other text, or hold another one', () => {
    const inside = btoa(`note ${password} end`);
    const other = btoa('relay-bot:Hn6&wQ3zTb8x');
    const longer = btoa(`relay-bot:${password}`) + 'QUJD'.repeat(200);
    expect(linesOf(`SMTP_PASSWORD = "${password}"\nblob = "${inside}"\nprev = "${other}"\nbig = "${longer}"\n`)).toEqual([1]);
  });

  it('leaves a plain password of a Basic credential, and honours takumo:allow on the encoded line', () => {
    const plain = 'Basic ' + btoa('admin:sunflower');
    expect(linesOf(`AUTH_HEADER = "${plain}"\nrole = "sunflower"\n`, 'auth.py')).toEqual([1]);
    const allowed = `SMTP_PASSWORD = "${password}"\nhdr = "${btoa(`relay-bot:${password}`)}"  # takumo:allow\n`;
    expect(linesOf(allowed)).toEqual([1]);
  });
});
