import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanAnswer, type SentinelCategory } from './index.js';

const cats = (text: string, options = {}) => scanAnswer(text, options).map((f) => f.category);

/** [language, vulnerable, fixed] per rule family: the fix must silence the family. */
const PAIRS: Array<[SentinelCategory, string, string, string]> = [
  ['sqli', 'javascript', 'app.get("/u", async (req, res) => {\n  const r = await db.query(`SELECT * FROM users WHERE id = ${req.query.id}`);\n});', 'app.get("/u", async (req, res) => {\n  const r = await db.query("SELECT * FROM users WHERE id = $1", [req.query.id]);\n});'],
  ['sqli', 'python', 'def find(cur, name):\n    cur.execute(f"SELECT * FROM users WHERE name = \'{name}\'")', 'def find(cur, name):\n    cur.execute("SELECT * FROM users WHERE name = %s", (name,))'],
  ['sqli', 'java', 'String q = "SELECT * FROM t WHERE id = " + request.getParameter("id");\nResultSet rs = stmt.executeQuery(q);', 'PreparedStatement ps = conn.prepareStatement("SELECT * FROM t WHERE id = ?");\nps.setString(1, request.getParameter("id"));'],
  ['sqli', 'go', 'func h(w http.ResponseWriter, r *http.Request) {\n\trows, _ := db.Query("SELECT * FROM t WHERE name = \'" + r.FormValue("n") + "\'")\n}', 'func h(w http.ResponseWriter, r *http.Request) {\n\trows, _ := db.Query("SELECT * FROM t WHERE name = $1", r.FormValue("n"))\n}'],
  ['sqli', 'php', '<?php\n$r = $pdo->query("SELECT * FROM users WHERE id = " . $_GET["id"]);', '<?php\n$st = $pdo->prepare("SELECT * FROM users WHERE id = ?");\n$st->execute([$_GET["id"]]);'],
  ['sqli', 'ruby', 'User.where("email = \'#{params[:email]}\'")', 'User.where(email: params[:email])'],
  ['sqli', 'csharp', 'var cmd = new SqlCommand("SELECT * FROM Users WHERE Name = \'" + name + "\'", conn);', 'var cmd = new SqlCommand("SELECT * FROM Users WHERE Name = @name", conn);'],
  ['xss', 'javascript', 'function show(msg) {\n  document.getElementById("out").innerHTML = msg;\n}', 'function show(msg) {\n  document.getElementById("out").textContent = msg;\n}'],
  ['xss', 'typescript', 'export const Bio = ({ bio }: { bio: string }) => <div dangerouslySetInnerHTML={{ __html: bio }} />;', 'export const Bio = ({ bio }: { bio: string }) => <div>{bio}</div>;'],
  ['xss', 'php', '<?php echo "<p>" . $_GET["q"] . "</p>";', '<?php echo "<p>" . htmlspecialchars($_GET["q"], ENT_QUOTES) . "</p>";'],
  ['xss', 'html', '<div v-html="comment.body"></div>', '<div>{{ comment.body }}</div>'],
  ['cmdi', 'javascript', 'const { exec } = require("child_process");\napp.post("/ping", (req, res) => exec("ping -c 1 " + req.body.host));', 'const { execFile } = require("child_process");\napp.post("/ping", (req, res) => execFile("ping", ["-c", "1", req.body.host]));'],
  ['cmdi', 'python', 'import subprocess\ndef run(path):\n    subprocess.run(f"tar xf {path}", shell=True)', 'import subprocess\ndef run(path):\n    subprocess.run(["tar", "xf", path])'],
  ['cmdi', 'go', 'func run(dir string) {\n\texec.Command("sh", "-c", "ls "+dir).Run()\n}', 'func run(dir string) {\n\texec.Command("ls", dir).Run()\n}'],
  ['cmdi', 'java', 'Runtime.getRuntime().exec("ping " + request.getParameter("host"));', 'new ProcessBuilder("ping", "-c", "1", "example.org").start();'],
  ['cmdi', 'ruby', 'system("convert #{params[:file]} out.png")', 'system("convert", params[:file], "out.png")'],
  ['crypto', 'javascript', 'const https = require("https");\nhttps.get({ host: "api", rejectUnauthorized: false });', 'const https = require("https");\nhttps.get({ host: "api" });'],
  ['crypto', 'python', 'import requests\nrequests.get("https://api.example.com", verify=False)', 'import requests\nrequests.get("https://api.example.com")'],
  ['crypto', 'go', 'cfg := &tls.Config{InsecureSkipVerify: true}', 'cfg := &tls.Config{MinVersion: tls.VersionTLS12}'],
  ['crypto', 'java', 'Cipher c = Cipher.getInstance("AES/ECB/PKCS5Padding");', 'Cipher c = Cipher.getInstance("AES/GCM/NoPadding");'],
  ['crypto', 'python', 'def hash_password(pw):\n    return hashlib.md5(pw.encode()).hexdigest()', 'def hash_password(pw):\n    return bcrypt.hashpw(pw.encode(), bcrypt.gensalt())'],
  ['crypto', 'javascript', 'function resetToken() {\n  return Math.random().toString(36).slice(2);\n}', 'function resetToken() {\n  return crypto.randomBytes(32).toString("hex");\n}'],
  ['crypto', 'php', '<?php curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);', '<?php curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);'],
  ['deser', 'python', 'import pickle\ndef load(blob):\n    return pickle.loads(blob)', 'import json\ndef load(blob):\n    return json.loads(blob)'],
  ['deser', 'php', '<?php $prefs = unserialize($_COOKIE["prefs"]);', '<?php $prefs = json_decode($_COOKIE["prefs"], true);'],
  ['eval', 'javascript', 'app.get("/calc", (req, res) => res.send(String(eval(req.query.expr))));', 'app.get("/calc", (req, res) => res.send(String(Number(req.query.a) + Number(req.query.b))));'],
  ['path', 'python', 'from flask import request\nf = open("/srv/uploads/" + request.args["name"])', 'from flask import request\nfrom werkzeug.utils import secure_filename\nf = open("/srv/uploads/" + secure_filename(request.args["name"]))'],
  ['ssrf', 'javascript', 'app.get("/proxy", async (req, res) => res.send(await fetch(req.query.url)));', 'app.get("/proxy", async (req, res) => res.send(await fetch("https://api.example.com/items/" + encodeURIComponent(req.query.id))));'],
];

describe('rule families: vulnerable and fixed variants', () => {
  for (const [category, language, vulnerable, fixed] of PAIRS) {
    it(`${category} (${language}) is reported in the vulnerable variant`, () => {
      expect(cats(vulnerable, { language })).toContain(category);
    });
    it(`${category} (${language}) is quiet in the fixed variant`, () => {
      expect(cats(fixed, { language })).not.toContain(category);
    });
  }
});

describe('data flow', () => {
  it('a sink reached only by a constant is not injectable (Juliet goodG2B shape)', () => {
    const code = 'String data;\ndata = "foo";\nResultSet rs = stmt.executeQuery("select * from users where name=\'" + data + "\'");';
    expect(cats(code, { language: 'java' })).not.toContain('sqli');
  });

  it('the same sink reached by request input is', () => {
    const code = 'String data;\ndata = request.getParameter("name");\nResultSet rs = stmt.executeQuery("select * from users where name=\'" + data + "\'");';
    expect(cats(code, { language: 'java' })).toContain('sqli');
  });

  it('follows assignments through several variables', () => {
    const code = 'def handler(request):\n    raw = request.args.get("q")\n    term = raw.strip()\n    sql = "SELECT * FROM t WHERE a = \'" + term + "\'"\n    cursor.execute(sql)';
    expect(scanAnswer(code, { language: 'python' }).filter((f) => f.category === 'sqli').map((f) => f.line)).toEqual([4, 5]);
  });

  it('a JavaScript parameter shadowing a constant is read in its own scope', () => {
    const code = 'const cmd = "ls";\nfunction run(cmd) {\n  require("child_process").exec(cmd);\n}';
    expect(cats(code, { language: 'javascript' })).toContain('cmdi');
    const safe = 'function run(input) {\n  const cmd = "ls";\n  require("child_process").exec(cmd);\n}';
    expect(cats(safe, { language: 'javascript' })).not.toContain('cmdi');
  });

  it('destructured request fields are input', () => {
    const code = 'app.get("/", (req, res) => {\n  const { id } = req.query;\n  db.query("SELECT * FROM t WHERE id = " + id);\n});';
    expect(cats(code, { language: 'javascript' })).toContain('sqli');
  });

  it('sanitisers make a value safe (int(), escapeshellarg, htmlspecialchars)', () => {
    expect(cats('def f(uid):\n    cur.execute("SELECT * FROM t WHERE id = %s" % int(uid))', { language: 'python' })).not.toContain('sqli');
    expect(cats('<?php system("ping " . escapeshellarg($_GET["h"]));', { language: 'php' })).not.toContain('cmdi');
  });

  it('numeric-only format verbs cannot inject', () => {
    const code = 'func f(db *sql.DB, id string) {\n\tn, _ := strconv.Atoi(id)\n\tq := fmt.Sprintf("SELECT * FROM foo WHERE id = %d", n)\n\tdb.Query(q)\n}';
    expect(cats(code, { language: 'go' })).not.toContain('sqli');
  });

  it('a weak hash used as a checksum is not a finding, one for passwords is', () => {
    expect(cats('def etag(body):\n    return hashlib.md5(body).hexdigest()', { language: 'python' })).not.toContain('crypto');
    const pw = scanAnswer('def store_password(pw):\n    digest = hashlib.md5(pw.encode()).hexdigest()', { language: 'python' });
    expect(pw.find((f) => f.category === 'crypto')?.severity).toBe('high');
  });

  it('a random number for jitter is not a finding, one for a token is', () => {
    expect(cats('const delay = Math.random() * 1000; // jitter', { language: 'javascript' })).not.toContain('crypto');
    expect(cats('const sessionToken = Math.random().toString(36);', { language: 'javascript' })).toContain('crypto');
  });
});

describe('markdown answers', () => {
  const answer = [
    'Here is the endpoint:', // 1
    '', // 2
    '```python', // 3
    'def get_user(cur, user_id):', // 4
    '    cur.execute(f"SELECT * FROM users WHERE id = {user_id}")', // 5
    '```', // 6
    '', // 7
    'And the front end:', // 8
    '', // 9
    '```', // 10 (no language: guessed)
    'function render(el, html) {', // 11
    '  el.innerHTML = html;', // 12
    '}', // 13
    '```', // 14
    '', // 15
    '```bash', // 16
    'curl -k https://internal.example.com', // 17
    '```', // 18
  ].join('\n');

  it('finds issues in every block, with lines of the answer as given', () => {
    const found = scanAnswer(answer);
    expect(found.filter((f) => f.category === 'sqli').map((f) => f.line)).toEqual([5]);
    expect(found.filter((f) => f.category === 'xss').map((f) => f.line)).toEqual([12]);
    expect(found.filter((f) => f.category === 'crypto').map((f) => f.line)).toEqual([17]);
  });

  it('does not run code rules on prose', () => {
    expect(scanAnswer('You could call os.system("rm -rf " + path) but please do not; use eval(x) never.')).toEqual([]);
  });

  it('a streamed answer cut inside a fence is still scanned', () => {
    const cut = 'Sure:\n```js\nconst { exec } = require("child_process");\nfunction run(dir) {\n  exec("ls " + dir';
    expect(cats(cut)).toContain('cmdi');
  });
});

describe('malformed and partial code', () => {
  it('never throws and still finds what it can', () => {
    const broken = 'def f(:\n    x = request.args["q"\n    os.system("ls " + request.args["dir"])\n  )))\n"unterminated';
    expect(() => scanAnswer(broken, { language: 'python' })).not.toThrow();
    expect(cats(broken, { language: 'python' })).toContain('cmdi');
    const js = 'function ( {\n  el.innerHTML = location.hash\n  const x = `${';
    expect(cats(js, { language: 'javascript' })).toContain('xss');
  });

  it('scans arbitrary input without throwing, every finding inside the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom('javascript', 'python', 'java', 'go', 'php', 'ruby', 'csharp', undefined), (text, language) => {
        const lines = text.split('\n').length;
        for (const f of scanAnswer(text, language ? { language } : {})) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.line).toBeLessThanOrEqual(lines);
          expect(f.endLine).toBeGreaterThanOrEqual(f.line);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('stays fast on hostile input (no pathological patterns)', () => {
    const hostile = '"'.repeat(5_000) + '('.repeat(5_000) + 'a='.repeat(5_000) + '`${'.repeat(2_000) + '\n' + 'x = "'.repeat(2_000);
    for (const language of ['javascript', 'python', 'php', 'ruby']) expect(() => scanAnswer(hostile, { language })).not.toThrow();
  });
});

describe('secrets in the answer', () => {
  const pat = 'ghp_' + 'R2d3x9Kq7Lm0Pz5Vb8Nc1Ty4Wj6Hs2Fa9Ge3';

  it('reports a credential the AI wrote, without its value', () => {
    const found = scanAnswer(`const token = "${pat}";`, { language: 'javascript' });
    const secret = found.find((f) => f.category === 'secret');
    expect(secret?.cwe).toBe('CWE-798');
    expect(JSON.stringify(found)).not.toContain(pat);
  });

  it('does not report Takumo tokens or environment lookups', () => {
    expect(cats('const token = "__TAKUMO_v1_KEY_8f3a2b1c__";', { language: 'javascript' })).not.toContain('secret');
    expect(cats('const token = process.env.GITHUB_TOKEN;', { language: 'javascript' })).not.toContain('secret');
  });

  it('never puts any inserted secret into a message or fix', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{36}$/), (tail) => {
        const value = `ghp_${tail}`;
        const out = JSON.stringify(scanAnswer(`password = "${value}"\nAPI_KEY = "${value}"`, { language: 'python' }));
        expect(out).not.toContain(value);
      }),
      { numRuns: 50 },
    );
  });
});
