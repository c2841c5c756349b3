import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** Whether some finding covers `value` (every occurrence of it) in `text`. */
function covered(text: string, value: string, file?: string): boolean {
  const findings = detect(text, file === undefined ? {} : { file });
  const start = text.indexOf(value);
  if (start === -1) throw new Error('the value is not in the text');
  for (let at = start; at !== -1; at = text.indexOf(value, at + 1)) {
    if (!findings.some((f) => f.start <= at && f.end >= at + value.length)) return false;
  }
  return true;
}

/** The reported spans, as text. */
function spans(text: string, file?: string): string[] {
  return detect(text, file === undefined ? {} : { file }).map((f) => text.slice(f.start, f.end));
}

describe('a quoted value runs to its real closing quote, past backslash-escaped quotes', () => {
  const cases: [file: string, text: string, value: string][] = [
    ['app.py', 'password = "Qx7\\"mn-42-Blue"\n', 'Qx7\\"mn-42-Blue'],
    ['app.py', "password = 'Qx7\\'mn-42-Blue'\n", "Qx7\\'mn-42-Blue"],
    ['app.js', 'const apiSecret = "k9\\"Lz2Qp7Vx4Rt8Wm1Nb6";\n', 'k9\\"Lz2Qp7Vx4Rt8Wm1Nb6'],
    ['App.java', 'private static final String DB_PASSWORD = "Bl1ll\\"ng_Pw_2023";\n', 'Bl1ll\\"ng_Pw_2023'],
    ['main.go', 'var dbPassword = "m0ng0\\"Atlas-Pw"\n', 'm0ng0\\"Atlas-Pw'],
    ['Program.cs', 'string password = "Walrus\\"Harbor1987";\n', 'Walrus\\"Harbor1987'],
    ['config.json', '{"client_secret": "Zk3m\\"P9qR2vX8wL5n"}\n', 'Zk3m\\"P9qR2vX8wL5n'],
    ['config.yaml', 'db:\n  password: "Tr0ub\\"4dor&3"\n', 'Tr0ub\\"4dor&3'],
    ['deploy.sh', 'export DB_PASS="w7Hn\\"3Kq2Lp"\n', 'w7Hn\\"3Kq2Lp'],
    ['deploy.sh', 'export DB_PASS=w7Hn\\"3Kq2Lp\n', 'w7Hn\\"3Kq2Lp'],
    ['config.php', "define('DB_PASSWORD', 'it\\'s-Pr0d-42');\n", "it\\'s-Pr0d-42"],
    ['deploy.rb', 'ADMIN_PASSWORD = "correct\\"horse-42"\n', 'correct\\"horse-42'],
    ['MailConfig.java', 'sender.setPassword("Qx7\\"mn-42-Blue");\n', 'Qx7\\"mn-42-Blue'],
    ['MailConfig.java', 'sender.setPassword("it\'s-Pr0d-42");\n', "it's-Pr0d-42"],
    ['sync.py', 'requests.get(u, auth=("svc", "Kq8\\"zW3mLp0!"))\n', 'Kq8\\"zW3mLp0!'],
    ['db.php', "$db = mysqli_connect($h, 'root', 'W9zq\\'2LmP4x', 'app');\n", "W9zq\\'2LmP4x"],
    ['run.sh', 'mysql -u root -p"Qx7\\"mn-42" app\n', 'Qx7\\"mn-42'],
    ['run.sh', 'curl -u admin:Qx7\\"mn-42 https://api.example.com\n', 'admin:Qx7\\"mn-42'.slice(6)],
    ['schema.sql', "CREATE USER 'a'@'%' IDENTIFIED BY 'Qx7\\'mn-42';\n", "Qx7\\'mn-42"],
    ['db.py', 'url = "postgres://app:Qx7\\"mn42@db.prod.example.com:5432/x"\n', 'postgres://app:Qx7\\"mn42@db.prod.example.com:5432/x'],
    ['Startup.cs', 'var cs = "Server=db;User ID=app;Password=Qx7\\"mn-42;Encrypt=True";\n', 'Password=Qx7\\"mn-42'],
    ['deploy.yaml', 'env:\n  - name: DB_PASSWORD\n    value: "Xk2m\\"P9qR7v!"\n', 'Xk2m\\"P9qR7v!'],
  ];
  for (const [file, text, value] of cases) {
    it(`covers ${JSON.stringify(value)} in ${file}`, () => {
      expect(covered(text, value, file), spans(text, file).join(' | ')).toBe(true);
    });
  }

  it('keeps a value with a quote of the other kind whole (XML attributes, setter calls)', () => {
    expect(covered('<add key="DbPassword" value="Tr0ub\'4dor-x" />\n', "Tr0ub'4dor-x", 'web.config')).toBe(true);
  });

  it('reads a doubled quote as part of a YAML or SQL single-quoted value', () => {
    expect(covered("production:\n  password: 'Storefr0nt''Prod!42'\n", "Storefr0nt''Prod!42", 'database.yml')).toBe(true);
    expect(covered("ALTER USER app WITH PASSWORD 'it''s-Pr0d-42';\n", "it''s-Pr0d-42", 'roles.sql')).toBe(true);
  });

  it("ends a shell single-quoted value at the first quote: a backslash is literal there", () => {
    const text = "PASSWORD='Qx7mn42Blue\\' && echo 'done'\n";
    expect(spans(text, 'run.sh')).toEqual(['Qx7mn42Blue\\']);
  });

  it('stops at the closing quote, never running into the next literal on the line', () => {
    const text = 'password = "Qx7\\\\"; other = "Kq8zW3mLp0!"\n';
    expect(spans(text, 'app.py')).toContain('Qx7\\\\');
  });

  it('covers any escaped-quote password in a double-quoted assignment (property)', () => {
    const part = fc.stringMatching(/^[A-Za-z0-9!#%+-]{3,12}$/);
    fc.assert(
      fc.property(part, part, (left, right) => {
        const value = `Xq${left}\\"${right}9z`;
        return covered(`password = "${value}"\n`, value, 'app.py');
      }),
      { numRuns: 200 },
    );
  });
});

describe('credential syntaxes found by shape and file type', () => {
  it("finds the password field of a .pgpass file, not a user-equals-password local entry", () => {
    const text = 'pg-ledger.prod.internal:5432:ledger:ledger:Tq9@vL2#mx\nlocalhost:5432:*:postgres:postgres\n';
    expect(covered(text, 'Tq9@vL2#mx', '.pgpass')).toBe(true);
    expect(spans(text, '.pgpass')).not.toContain('postgres');
    expect(spans('db:5432:app:app:Tq9@vL2#mx\n', 'notes.txt')).not.toContain('Tq9@vL2#mx');
  });

  it('finds session cookies in headers, not preference cookies', () => {
    const text = 'set-cookie: session=Zk3mP9qR2vX8wL5nQ4tY7uI0oP1aS2d; HttpOnly; Secure\nCookie: theme=dark; lang=en-GB\n';
    expect(covered(text, 'Zk3mP9qR2vX8wL5nQ4tY7uI0oP1aS2d', 'api.log')).toBe(true);
    expect(spans(text, 'api.log').join(' ')).not.toMatch(/dark|en-GB/);
  });

  it('takes an unquoted dotenv value of several words as one passphrase', () => {
    expect(covered('SESSION_SECRET=lantern velvet mango cactus harbor\n', 'lantern velvet mango cactus harbor', '.env.production')).toBe(true);
    expect(spans('APP_TITLE=Acme shop admin\nSECRET_HINT=ask the ops team\n', '.env')).toEqual([]);
  });

  it('finds a personal access token named PAT, and leaves PATH alone', () => {
    expect(covered('$env:AZURE_DEVOPS_EXT_PAT = "8wx83xgc9g809qu7k4fd9ndizqzmuqdrqafi6ipqx1wz4wdrlwpf"\n', '8wx83xgc9g809qu7k4fd9ndizqzmuqdrqafi6ipqx1wz4wdrlwpf', 'join.ps1')).toBe(true);
    expect(spans('PATH=/usr/local/bin:/usr/bin\nPATTERN = "q9X2mL7vR4kP8nZ3wT5y"\n', 'env.sh')).toEqual([]);
  });

  it('finds key/value pairs as Postman and ARM templates write them', () => {
    const postman = '{\n  "key": "password",\n  "value": "Leg@cy-Walrus-Otter",\n  "type": "string"\n}\n';
    expect(covered(postman, 'Leg@cy-Walrus-Otter', 'orders.postman_collection.json')).toBe(true);
    const arm = '{ "administratorLoginPassword": { "value": "Az-Sql!Copper-Willow-7" } }\n';
    expect(covered(arm, 'Az-Sql!Copper-Willow-7', 'parameters.json')).toBe(true);
  });

  it('finds aligned define() arguments and random salts that contain < > ${ characters', () => {
    const salt = 'Mw5|HE$i2ob-VTqaRQ!KHhruh~}=gh4x$]CceC2!z${x!BuFcEbnCt~4vi<YZ2Lu';
    expect(covered(`define( 'AUTH_KEY',         '${salt}' );\n`, salt, 'wp-config.php')).toBe(true);
  });

  it('finds WordPress keys and salts drawn from all of printable ASCII, a space or an <…> run included', () => {
    const keys = [
      ['AUTH_KEY', 'q]8Lz;Vt 2w%Rk^Hp@d9}Ns|7Yc+Jm(4Bx~Ge!3Fa<Qu.6Wi>0Ko-1Zr/5Tn`Cv'],
      ['NONCE_KEY', 'Pk3 Qa!8Tz^Lw<mR0 x>Vb4%Nd*Jg7(Hs}2Fy:Ue[6Ci+9Ro|1Xm~5We`Gq,Dt'],
      ['LOGGED_IN_SALT', 'a7X:>o1{Mq3-Sv!9Ze]Lb5^Wt@Rc0 Kd+Nf6)Pg~Hj8|Ty/2Ux<4Vi;Qm.Ow?J'],
    ];
    for (const [name, value] of keys) expect(covered(`define( '${name}',${' '.repeat(16 - name!.length)}'${value}' );\n`, value!, 'wp-config.php'), name).toBe(true);
  });

  it('still leaves prose and the stock phrase under a key or salt name alone', () => {
    expect(spans("define( 'AUTH_SALT', 'put your unique phrase here' );\n", 'wp-config.php')).toEqual([]);
    expect(spans("define( 'NONCE_KEY', 'Regenerate this (see the ops wiki: rotate-keys) after every breach; thanks!' );\n", 'wp-config.php')).toEqual([]);
  });

  it("reads the literal of Ruby's fetch fallback block, and no other block after a call", () => {
    const ruby = 'SIGNING_SECRET = ENV.fetch("SIGNING_SECRET") { "5c0e9a47d1b38f26e4a7c9d02b1f6e83a5d4c7b9" }\n';
    expect(covered(ruby, '5c0e9a47d1b38f26e4a7c9d02b1f6e83a5d4c7b9', 'signing.rb')).toBe(true);
    expect(spans('it("rotates the api_token") { "Vx2Lp9Kt4Zr7Qm1Ws8Hn3Jc6" }\n', 'spec.rb')).toEqual([]);
  });

  it('reads Kafka schema-registry user info and Gradle storePassword', () => {
    expect(covered('schema.registry.basic.auth.user.info=registry-reader:Rg7xT2mQ9vLw4Kp\n', 'Rg7xT2mQ9vLw4Kp', 'client.properties')).toBe(true);
    expect(covered("storePassword 'Keyst0re-Falcon#1'\n", 'Keyst0re-Falcon#1', 'build.gradle')).toBe(true);
  });

  it('leaves shell expansion messages, instrumentation keys and placeholders alone', () => {
    expect(spans('echo "${ADMIN_PASSWORD:?missing}"\n', 'backup.sh')).toEqual([]);
    expect(spans('"ConnectionString": "InstrumentationKey=1c4c6800-1014-485e-8d0f-d9045e6cdf1a;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/"\n', 'appsettings.json')).toEqual([]);
    expect(spans('password = "<your-password>"\nsecret = "${{ secrets.X }}"\ntoken = "$(op read op://x/y)"\n', 'a.py')).toEqual([]);
  });
});

describe('second blind batch: defaults, fallbacks, tools, prose and other scripts', () => {
  it('finds the default of a shell or compose expansion, not its error message', () => {
    const text = 'MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD:-R00t-Default!Harbor}\nMYSQL_PASSWORD: ${MYSQL_PASSWORD:?set it}\n';
    expect(spans(text, 'compose.yaml')).toEqual(['R00t-Default!Harbor']);
  });

  it('finds a literal fallback after an environment lookup', () => {
    const text = "const adminToken = process.env.ADMIN_TOKEN || 'OEAsWOmwoMcFA9OVBZ2V3ob6BJw11otH9BRX7WTG';\n";
    expect(spans(text, 'app.js')).toEqual(['OEAsWOmwoMcFA9OVBZ2V3ob6BJw11otH9BRX7WTG']);
    expect(spans('const token = process.env.ADMIN_TOKEN ?? "";\n', 'app.js')).toEqual([]);
  });

  it('reads the password flags of sqlcmd (-P), redis-cli (-a) and htpasswd batch mode', () => {
    expect(spans("sqlcmd -S db -U sa -P 'Sq1cmd!Falcon-Pw' -Q 'SELECT 1'\n", 'x.sh')).toContain('Sq1cmd!Falcon-Pw');
    expect(spans('redis-cli -h cache -a Red1s-Cli!Pass PING\n', 'x.sh')).toContain('Red1s-Cli!Pass');
    expect(spans('htpasswd -b /etc/nginx/.htpasswd admin Htp4sswd-Otter!\nhtpasswd -nb ci Kq8zW3mLp0x\n', 'x.sh')).toEqual(['Htp4sswd-Otter!', 'Kq8zW3mLp0x']);
    expect(spans('mysql -h db -P 3306 app\nls -a /tmp/Kq8zW3mLp0\n', 'x.sh')).toEqual([]);
  });

  it('finds passwords given in sentences, not sentences about passwords', () => {
    const text = 'Password for the `deploy` account: Depl0y.Orbit.55\nUse password Wint3r-Harbor#2 to log in.\nUse password authentication for the bastion.\n';
    expect(spans(text, 'notes.md')).toEqual(['Depl0y.Orbit.55', 'Wint3r-Harbor#2']);
  });

  it('finds passwords under names in other languages and scripts', () => {
    expect(spans('{"密码": "Shanghai-密码-2024!", "标题": "登录"}\n', 'config.zh.json')).toEqual(['Shanghai-密码-2024!']);
    expect(spans('senha: "Br4sil-Senha!9"\nkennwort = Kq8zW3mLp0x\n', 'app.yaml')).toEqual(['Br4sil-Senha!9', 'Kq8zW3mLp0x']);
    expect(spans('"密码": "请输入密码"\n', 'i18n.json')).toEqual([]);
  });

  it('treats a pepper as a secret and a search-only key as public', () => {
    expect(spans('DEVISE_PEPPER = "3e4da72633dc9ddfcb76d67bc7cc793491d88f28db55aad6"\n', 'devise.rb')).toHaveLength(1);
    expect(spans("const algoliaSearchOnlyKey = '48dc5ddb2de19da0cc60b7e0e08f6a01';\n", 'search.js')).toEqual([]);
  });

  it('takes the private half of a PuTTY key file and leaves the public lines', () => {
    const ppk =
      'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: ci\nPublic-Lines: 1\nAAAAC3NzaC1lZDI1NTE5AAAAIGq2Xk2mP9qR7v\n' +
      'Private-Lines: 1\nAAAAIHk2mP9qR7vL4nZ8wQ3tYAb1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz3\nPrivate-MAC: 8f3a2b1c\n';
    const found = detect(ppk, { file: 'deploy.ppk' });
    expect(found.map((f) => f.category)).toEqual(['PKEY']);
    expect(ppk.slice(found[0]!.start, found[0]!.end)).toMatch(/^Private-Lines: 1\n.*\nPrivate-MAC: 8f3a2b1c$/);
  });
});

describe('third blind batch: block values, escaped URLs, tool arguments, documentation tokens', () => {
  it('reads a value from the line after a YAML block indicator or a heredoc start', () => {
    expect(spans('- name: PGPASSWORD\n  value: >-\n    Folded-Scalar!Pw5\n', 'job.yaml')).toEqual(['Folded-Scalar!Pw5']);
    expect(spans('locals {\n  grafana_admin_password = <<-EOT\n    Heredoc!Grafana-77\n  EOT\n}\n', 'main.tf')).toEqual(['Heredoc!Grafana-77']);
  });

  it('passes over blank lines between a block indicator and its value, and reads names on one line that share the line break', () => {
    expect(spans('db:\n  password: |\n\n    Wq7!Lm2Zx9Rv4\n', 'config.yml')).toEqual(['Wq7!Lm2Zx9Rv4']);
    expect(spans('- name: PGPASSWORD\n  value: >-\n   \n\n    Folded-Scalar!Pw5\n', 'job.yaml')).toEqual(['Folded-Scalar!Pw5']);
    // Three blank lines are more than a one-line block is looked for past.
    expect(spans('db:\n  password: |\n\n\n\n    Wq7!Lm2Zx9Rv4\n', 'config.yml')).toEqual([]);
    // A run of blanks longer than a line is read is no blank line of a block.
    expect(spans(`db:\n  password: |\n${' '.repeat(500)}\n    Wq7!Lm2Zx9Rv4\n`, 'config.yml')).toEqual([]);
  });

  it('covers a URL with credentials whose slashes are JSON-escaped', () => {
    const text = '{"url": "https:\\/\\/deploy:Esc4ped!Slash@git.acme.corp\\/repo.git"}\n';
    expect(covered(text, 'https:\\/\\/deploy:Esc4ped!Slash@git.acme.corp\\/repo.git', 'settings.json')).toBe(true);
  });

  it('finds Oracle user/password@db arguments and lftp -u user,password', () => {
    expect(spans('sqlplus -s scott/T1ger-Expdp!7@ORCLPDB1 @export.sql\n', 'x.sh')).toEqual(['scott/T1ger-Expdp!7@ORCLPDB1']);
    expect(spans('lftp -u deploy,Lftp!Saffron-Pw sftp://files.example.com\n', 'x.sh')).toEqual(['Lftp!Saffron-Pw']);
    expect(spans('sqlplus /nolog\n', 'x.sh')).toEqual([]);
  });

  it('ends an internal URL before the punctuation of its sentence', () => {
    expect(spans('Staging URL: http://staging.orders.svc.cluster.local:8080; public\n', 'README.md')).toEqual(['http://staging.orders.svc.cluster.local:8080']);
  });

  it("leaves jwt.io's documentation token and reCAPTCHA site keys alone", () => {
    const doc =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    expect(spans(`Example token: \`${doc}\`\n`, 'README.md')).toEqual([]);
    expect(spans('<Parameter name="recaptcha.siteKey" value="6LcuR94i-rUPJtd-om8ro6VFbz94fO8yd5CZcyPH"/>\n', 'context.xml')).toEqual([]);
  });

  it("leaves a token signed over a made-up pair alone (PyJWT's README signs {\"some\": \"payload\"}), not one with claims", () => {
    const header = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';
    const b64 = (json: string): string => Buffer.from(json).toString('base64url');
    const sig = 'Qm9b7_Tz2Xk29fLqp7ZmW3rTb8VnCwRt5Yh1JdLs0aE';
    expect(spans(`>>> print(encoded)\n${header}.${b64('{"some":"payload"}')}.${sig}\n`, 'README.rst')).toEqual([]);
    expect(spans(`token = "${header}.${b64('{"foo": "bar"}')}.${sig}"\n`, 'app.py')).toEqual([]);
    const real = `${header}.${b64('{"sub":"svc-billing","foo":"bar","exp":1893456000}')}.${sig}`;
    expect(spans(`token = "${real}"\n`, 'app.py')).toEqual([real]);
  });
});

describe('fourth blind batch: look-alikes in deployment and build files', () => {
  it('finds WireGuard private and preshared keys, interface addresses and the private networks a peer routes, not public keys', () => {
    const pub = 'xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=';
    const text = `[Interface]\nAddress = 10.200.0.1/24\nPrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=\n[Peer]\nPublicKey = ${pub}\nAllowedIPs = 10.64.0.0/16\n`;
    const found = spans(text, 'wg0.conf');
    expect(found).toContain('10.200.0.1/24');
    expect(found).toContain('yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=');
    expect(found.join(' ')).not.toContain(pub);
    // A network chosen inside a private block maps the site as an address in it does.
    expect(found).toContain('10.64.0.0/16');
  });

  it("leaves Supabase's anon key and a checksum annotation alone, and still finds the service-role key", () => {
    const anon =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImFiY2RlZmdoaWprbG1ub3BxcnN0Iiwicm9sZSI6ImFub24iLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MjAxNTU3NjAwMH0.rwMe_7Fu0GrDh0W_wfypEznTmVMuyoIEnmRU-fX4TrI';
    const serviceRole =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImFiY2RlZmdoaWprbG1ub3BxcnN0Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoyMDE1NTc2MDAwfQ.Zk3mP9qR2vX8wL5nQ4tY7uI0oP1aS2dF3gH4jK5lZ6x';
    expect(spans(`{"AnonKey": "${anon}", "ServiceRoleKey": "${serviceRole}"}\n`, 'appsettings.json')).toEqual([serviceRole]);
    expect(spans('    checksum/secret: ed1c9486175323f5c9b1ab86b27e13198d2cc1b97c6509f23692041618419fd3\n', 'deploy.yaml')).toEqual([]);
  });
});

describe('credentials in every config syntax and tool argument (probe set)', () => {
  const password = 'Tq7!vLm-Orbit42';
  const cases: [string, string][] = [
    ['a.sh', `smbclient //fs/share -U admin%${password}`],
    ['a.sh', `ldapsearch -x -D cn=admin -w ${password} -b dc=acme`],
    ['a.sh', `openssl pkcs12 -export -passout pass:${password} -out x.p12`],
    ['build.gradle.kts', `password.set("${password}")`],
    ['a.py', `credentials = ("admin", "${password}")`],
    ['A.java', `@Value("\${db.password:${password}}")`],
    ['a.sh', `keytool -genkey -storepass ${password} -keystore ks.jks`],
    ['a.yaml', `auth: {username: app, password: "${password}"}`],
  ];
  for (const [file, text] of cases) {
    it(`finds the password in ${JSON.stringify(text)}`, () => {
      expect(covered(`${text}\n`, password, file), spans(`${text}\n`, file).join(' | ')).toBe(true);
    });
  }

  it('leaves format templates and filtered-parameter markers alone', () => {
    expect(spans('password = "%s:%s" % (a, b)\nsecret = "{}-{}".format(a, b)\npassword = "[FILTERED]"\n', 'a.py')).toEqual([]);
  });
});

describe('fifth blind batch: home-directory tool configs', () => {
  it('takes an unquoted passphrase in a config file to the end of its line', () => {
    expect(spans('gpg_passphrase = granite lantern mango tundra\n', '.s3cfg')).toEqual(['granite lantern mango tundra']);
    expect(spans('passphrase = granite lantern mango tundra\n', 'sign.py')).not.toContain('granite lantern mango tundra');
  });

  it("takes a password of several unquoted words whole where the format runs a value to the line's end", () => {
    // Half a passphrase reported would leave the other words in what is sent on.
    expect(spans('ldap.bind.password=quartz Heron paddle 71 meadow\n', 'ldap.properties')).toEqual(['quartz Heron paddle 71 meadow']);
    expect(spans('smtp:\n  password: quartz heron paddle meadow   # rotated in March\n', 'mail.yaml')).toEqual(['quartz heron paddle meadow']);
    expect(spans('[relay]\npassword = quartz heron paddle meadow\n', 'relay.ini')).toEqual(['quartz heron paddle meadow']);
    // A password of one word with a note after it is still the word alone.
    expect(spans('  password: Vq7!rTz2Lm9x (rotated in March)\n', 'mail.yaml')).toEqual(['Vq7!rTz2Lm9x']);
    // In a shell script only the first word is assigned.
    expect(spans('PASSWORD=Vq7rTz2Lm9x echo done\n', 'run.sh')).toEqual(['Vq7rTz2Lm9x']);
  });

  it('reads a sentence where a value was expected as no value', () => {
    expect(spans('- User: deploy\n- Password: stored in 1Password under "Deploy bot"\n', 'ACCESS.md')).toEqual([]);
    expect(spans('api_token: rotated by the platform team\n', 'handover.txt')).toEqual([]);
    expect(spans('password: managed via the vault agent\n', 'values.yaml')).toEqual([]);
    // A generated password followed by words is still reported (a log line reads on after it).
    expect(spans('2024-05-01 WARN login failed, password: Kx9fTr2mQw for user bob\n', 'auth.log')).toEqual(['Kx9fTr2mQw']);
  });

  it("finds Yarn's npmAuthIdent and a token keyed by host under a secret-named object", () => {
    expect(spans('    npmAuthIdent: "Y2k6WWFybiFOZXh1cy1PdHRlcjU="\n', '.yarnrc.yml')).toEqual(['Y2k6WWFybiFOZXh1cy1PdHRlcjU=']);
    const auth = '{\n    "bearer": {\n        "satis.acme.corp": "u6KYVi1t6eRaFbyZmMVzzLbtGrfLWg08khQQkg8U19EjOX6B"\n    }\n}\n';
    expect(spans(auth, 'auth.json')).toContain('u6KYVi1t6eRaFbyZmMVzzLbtGrfLWg08khQQkg8U19EjOX6B');
  });

  it('leaves values encrypted by Jenkins or Maven alone', () => {
    expect(spans('<password>{AQAAABAAAAAQkhGO2ZmLXNrRgga+Zjw+b2d/uEQr5aqWjAARFOLF0dqJ8FkqP/lARVdF=}</password>\n', 'credentials.xml')).toEqual([]);
  });
});

describe('sixth blind batch: identifiers and public keys in application code', () => {
  it("leaves PostHog's and Langfuse's public project keys alone and finds Langfuse's secret key", () => {
    const text =
      "export const POSTHOG_KEY = 'phc_CBUhi8uvCYcFkVgUdAFrxJNmLEr582dUcYrt2QlkY1k';\n" +
      "export const LANGFUSE_PUBLIC_KEY = 'pk-lf-6f1c1f0e-3f7a-4c55-9a0e-2b9d8c7e6a51';\n" +
      "export const LANGFUSE_SECRET_KEY = 'sk-lf-0b8e2d6c-4a1f-4e3b-8c9d-7f6e5d4c3b2a';\n";
    expect(spans(text, 'analytics.ts')).toEqual(['sk-lf-0b8e2d6c-4a1f-4e3b-8c9d-7f6e5d4c3b2a']);
  });
});

describe('seventh blind batch: credentials passed by position to library calls', () => {
  const cases: [string, string, string][] = [
    ['clients.py', 'creds = pika.PlainCredentials("etl", "R4bbit!Pika-Cred")', 'R4bbit!Pika-Cred'],
    ['clients.py', 'server.login("reports@acme-shop.com", "Smtp!L0gin-Orbit")', 'Smtp!L0gin-Orbit'],
    ['clients.py', 'ftp = ftplib.FTP("10.11.12.13", "upload", "Ftp!Upl0ad-Harbor")', 'Ftp!Upl0ad-Harbor'],
    ['clients.py', 'token = jwt.encode({"sub": "etl"}, "jwt-HS256-s3cret-Quartz-91", algorithm="HS256")', 'jwt-HS256-s3cret-Quartz-91'],
    ['clients.py', 'sig = hmac.new(b"hmac-K3y!Velvet-2024", b"payload", "sha256").hexdigest()', 'hmac-K3y!Velvet-2024'],
    ['server.js', "app.use(cookieParser('C00kie-Parser!Signing'));", 'C00kie-Parser!Signing'],
    ['server.js', "crypto.createHmac('sha256', 'Webh00k!Hmac-Secret').update(body)", 'Webh00k!Hmac-Secret'],
    ['server.js', "jwt.sign({ sub: user.id }, 'jwt-Sign!Copper-77', { expiresIn: '1h' })", 'jwt-Sign!Copper-77'],
    ['server.js', "const twilio = require('twilio')('AC4d2f64e2a108cd72f648b1984c3b5a13', '4ac9467626709e9d7395bd6739225cbf');", '4ac9467626709e9d7395bd6739225cbf'],
    ['Clients.java', 'var blob = new StorageSharedKeyCredential("acmeorders", "7+1UoQzMcvKlj47KblAyOXEwQyh9xeOZgMrWXIu73ZX6VDSGC5Hrbdr71/tuWtzDK43E4a20zugY9vx9L9M/vh==");', '7+1UoQzMcvKlj47KblAyOXEwQyh9xeOZgMrWXIu73ZX6VDSGC5Hrbdr71/tuWtzDK43E4a20zugY9vx9L9M/vh=='],
    ['Clients.java', 'Algorithm algorithm = Algorithm.HMAC256("Java-Jwt!Hmac-Secret-9");', 'Java-Jwt!Hmac-Secret-9'],
    ['aws.go', 'var jwtKey = []byte("Go-Jwt!Signing-Key-42")', 'Go-Jwt!Signing-Key-42'],
  ];
  for (const [file, text, value] of cases) {
    it(`finds ${JSON.stringify(value)} in ${file}`, () => {
      expect(covered(`${text}\n`, value, file), spans(`${text}\n`, file).join(' | ')).toBe(true);
    });
  }

  it('leaves variables, environment lookups and stand-ins in those positions alone', () => {
    const text =
      'server.login(user, password)\njwt.sign(payload, process.env.JWT_SECRET)\nhmac.new(key, msg, "sha256")\nserver.login("admin", "password")\ncookieParser(config.cookieSecret)\n';
    expect(spans(text, 'app.js')).toEqual([]);
  });
});

describe('eighth blind batch: keys in strings, braced ODBC passwords, many URL schemes', () => {
  it('ends a bare value at the next parameter of a URL query or fragment', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1XzEiLCJhdWQiOiJ3ZWIiLCJleHAiOjE3NjcyMjU2MDB9.1Cb86TXbEKeTQQIt1vcYXZrMZR6FvIbOmt4iNBMn1wv';
    const text = `const redirect = 'https://app.example.com/callback#id_token=${jwt}&state=2b213c851ff71ec0';\n`;
    expect(spans(text, 'github.js')).toEqual([jwt]);
  });

  it('covers a braced ODBC password with a semicolon inside', () => {
    const text = 'ConnectionString=Driver={ODBC Driver 18 for SQL Server};Server=db.example.com;Database=erp;UID=erp;PWD={Br4ced;Pwd!9};Encrypt=yes\n';
    expect(covered(text, 'Br4ced;Pwd!9', 'odbc.ini')).toBe(true);
  });

  it('reads the password of a connection string split over string literals, one pair per line', () => {
    const python = 'CONN_STR = (\n    "Driver={ODBC Driver 18 for SQL Server};"\n    "Server=tcp:db.example.com,1433;"\n    "Uid=etl_export;"\n    "Pwd={R3d-Kite!Sunday};"\n    "Encrypt=yes;"\n)\n';
    expect(spans(python, 'export.py')).toEqual(['R3d-Kite!Sunday']);
    const csharp = 'var cs = "Server=db.example.com;Database=erp;" +\n         "User Id=erp;" +\n         "Password=Hx7!mQ2-vRt9;";\n';
    expect(spans(csharp, 'Db.cs')).toEqual(['Hx7!mQ2-vRt9']);
    const semicolon = 'CONN_STR = (\n    "Driver={ODBC Driver 18 for SQL Server};"\n    "Uid=etl_export;"\n    "Pwd={Br4ced;Pwd!9};"\n)\n';
    expect(spans(semicolon, 'export.py')).toEqual(['Br4ced;Pwd!9']);
  });

  it('leaves split literals alone when braces interpolate or no pair above names a server', () => {
    expect(spans('CONN = (\n    f"Server={host};"\n    f"Uid={user};"\n    f"Pwd={db_password};"\n)\n', 'export.py')).toEqual([]);
    expect(spans('CONN = (\n    "Server={host};"\n    "Pwd={pw};"\n).format(host=h, pw=p)\n', 'export.py')).toEqual([]);
    expect(spans('flags = (\n    "retries=3;"\n    "Pwd={R3d-Kite!Sunday};"\n)\n', 'export.py')).toEqual([]);
  });
});

describe('stand-in values under password names', () => {
  const standIns = [
    'please-change-this', 'TO_BE_FILLED', 'SET_IN_ENV', 'put-password-here', 'not-a-real-secret', 'test-secret-key', 'insecure-dev-key',
    'local-dev-password', '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/db/)', '!secret db_password',
    'secretref:db-password', 'awssm:prod/db', '[secure]', 'password123-for-tests-only', 'changeme1-local-dev',
  ];
  for (const value of standIns) {
    it(`leaves ${JSON.stringify(value)} alone`, () => {
      expect(spans(`password: "${value}"\n`, 'values.yaml')).toEqual([]);
    });
  }

  it('still reports weak but real passwords', () => {
    expect(spans('password: "P@ssw0rd"\nsecret: "Summer2024!deploy"\n', 'values.yaml')).toEqual(['P@ssw0rd', 'Summer2024!deploy']);
    expect(spans('password: "password123-for-prod"\n', 'values.yaml')).toEqual(['password123-for-prod']);
  });

  it('leaves a value that says it is not real alone, whatever word comes before', () => {
    for (const value of ['hunter2-not-real', 'Kx9!pass_NOT_REAL', 'token notreal 42', 'swordfishNotReal', 'notARealKey-77']) {
      expect(spans(`DB_PASSWORD = "${value}"\n`, 'settings.py'), value).toEqual([]);
    }
  });

  it('still reports a value where "not" and "real" are only parts of other words', () => {
    expect(spans('DB_PASSWORD = "Knot-Realm!Pw42"\n', 'settings.py')).toEqual(['Knot-Realm!Pw42']);
    expect(spans('DB_PASSWORD = "Cannot7Really!x"\n', 'settings.py')).toEqual(['Cannot7Really!x']);
  });
});

describe('ninth blind batch: other languages and provisioning tools', () => {
  it('finds Bicep parameter defaults, Perl DBI and sbt credentials by position', () => {
    expect(spans("@secure()\nparam adminPassword string = 'B1cep!Default-Pw'\n", 'main.bicep')).toEqual(['B1cep!Default-Pw']);
    expect(spans('my $dbh = DBI->connect("dbi:Pg:dbname=shop", "shop", "Perl!Dbi-Pw-44");\n', 'db.pl')).toContain('Perl!Dbi-Pw-44');
    expect(spans('credentials += Credentials("Sonatype Nexus Repository Manager", "nexus.example.com", "deployer", "Sbt!Nexus-Pw-8")\n', 'build.sbt')).toEqual(['Sbt!Nexus-Pw-8']);
  });

  it("leaves RevenueCat's public app keys alone", () => {
    expect(spans("static const String revenueCatKey = 'appl_bUUgf0mWxmmlzshV5h0o3pNHxPH';\n", 'env.dart')).toEqual([]);
  });
});

describe('tenth blind batch: obfuscated literals and published defaults', () => {
  it('finds a secret decoded from a base64 literal', () => {
    expect(spans("const b64Secret = atob('U3AxaXQhU2VjcmV0LVZhbHVlLTk=');\n", 'keys.js')).toEqual(['U3AxaXQhU2VjcmV0LVZhbHVlLTk=']);
  });

  it("leaves MinIO's documented default credentials alone", () => {
    expect(spans('MINIO_ROOT_USER: minioadmin\nMINIO_ROOT_PASSWORD: minioadmin\n', 'compose.yml')).toEqual([]);
  });

  it("leaves Stripe's documentation key and the postgres image's documented password alone, not other keys", () => {
    expect(spans('Try it: `stripe.api_key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"`\n', 'README.md')).toEqual([]);
    expect(spans('STRIPE_SECRET_KEY=sk_test_4eC39HqLyjWDarjtT1zdp7dc\n', '.env')).toEqual([]);
    expect(spans('  POSTGRES_PASSWORD: mysecretpassword\n', 'docker-compose.yml')).toEqual([]);
    expect(spans('STRIPE_SECRET_KEY=sk_test_51Hx9QkLmN3pR7vT2wY5zA8bC4dE6fG0hJ\n', '.env')).toEqual(['sk_test_51Hx9QkLmN3pR7vT2wY5zA8bC4dE6fG0hJ']);
  });
});

describe('blind batch 4b: configuration, infrastructure and documents', () => {
  it("reads Apache's and csh's SetEnv and nginx's fastcgi_param as assignments", () => {
    expect(spans('<VirtualHost *:443>\n  SetEnv DB_PASSWORD Quartz.orbit47&\n</VirtualHost>\n', 'vhost.conf')).toEqual(['Quartz.orbit47&']);
    expect(spans('setenv API_TOKEN Kq8zW3mLp0vX7nR2tY5u\n', '.cshrc')).toEqual(['Kq8zW3mLp0vX7nR2tY5u']);
    expect(spans('fastcgi_param DB_PASSWORD Fcgi!Param-Pw7;\n', 'site.conf')).toEqual(['Fcgi!Param-Pw7']);
    expect(spans('SetEnv APP_PASSWORD_MIN_LENGTH 12\nSetEnv DB_PASSWORD ${DB_PASSWORD}\n', 'vhost.conf')).toEqual([]);
  });

  it('finds a password in a Markdown-bold login pair, not a bold placeholder', () => {
    expect(spans('Staging admin login: **admin** / **Harbor.cedar70@**\n', 'onboarding.md')).toEqual(['Harbor.cedar70@']);
    expect(spans('Default login: **admin** / **password**\n', 'onboarding.md')).toEqual([]);
  });

  it('finds values under a secret-named CSV column, not hashes, ids or revoked markers', () => {
    const csv = 'name,owner,api_key,created\nreporting,data,4a5ad75c5b97b2900b9ccaa2f9e6b450,2024-03-09\nlegacy,ops,REVOKED,2023-11-20\n';
    expect(spans(csv, 'service-accounts.csv')).toEqual(['4a5ad75c5b97b2900b9ccaa2f9e6b450']);
    expect(spans(csv, 'notes.txt')).toEqual([]);
    const hashes = 'id,email,password_hash\n7f0c1c7e-8a51-4a1b-9d4e-3f0b9b1c2d3e,ann@example.org,$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW\n';
    expect(spans(hashes, 'users.csv')).toEqual([]);
  });

  it('finds a Loggly customer token in the path of its event endpoint, not a placeholder or a docs link', () => {
    const xml = '<Http name="Loggly" url="https://logs-01.loggly.com/inputs/788e9179-f740-4a4c-b988-b61b5b316de3/tag/http/">\n';
    expect(spans(xml, 'log4j2.xml')).toEqual(['788e9179-f740-4a4c-b988-b61b5b316de3']);
    expect(spans('url: https://logs-01.loggly.com/bulk/TOKEN/tag/bulk/\nsee https://www.loggly.com/docs/http-endpoint/\n', 'logging.yml')).toEqual([]);
  });

  it('finds pre-shared keys and EAP passwords in ipsec.secrets, not key file references', () => {
    expect(spans('%any %any : PSK "Nimbus-Harbor-0x7f"\n: RSA moonKey.pem\n', 'ipsec.secrets')).toEqual(['Nimbus-Harbor-0x7f']);
    expect(spans('carol : EAP "Cedar!orbit64"\n: PSK "<pre-shared-key>"\n', 'ipsec.secrets')).toEqual(['Cedar!orbit64']);
  });

  it("finds relay passwords in Postfix's sasl_passwd map, only in that file", () => {
    const map = '# relay credentials\n[smtp.office365.com]:587 alerts@acme.io:Tundra#falcon66\n[smtp.example.com]:587 user:<password>\n';
    expect(spans(map, 'etc/postfix/sasl_passwd')).toEqual(['Tundra#falcon66']);
    expect(spans(map, 'notes.txt')).toEqual([]);
  });

  it('finds Wi-Fi passphrases in wpa_supplicant and hostapd configs, not placeholders', () => {
    expect(spans('network={\n  ssid="acme-corp"\n  psk="Quartz-velvet-2024!"\n}\n', 'wpa_supplicant.conf')).toEqual(['Quartz-velvet-2024!']);
    expect(spans('interface=wlan0\nssid=guest\nwpa_passphrase=Hostapd!Wifi-77\n', 'hostapd.conf')).toEqual(['Hostapd!Wifi-77']);
    expect(spans('network={\n  psk="<your-wifi-password>"\n  key_mgmt=WPA-PSK\n}\n', 'wpa_supplicant.conf')).toEqual([]);
  });

  it("leaves Helm charts' existingSecret references alone and still finds the chart's password", () => {
    const values = 'auth:\n  existingSecret: redis-auth\n  existingSecretPasswordKey: redis-password\n  password: "Tundra.copper38#"\n';
    expect(spans(values, 'values.yaml')).toEqual(['Tundra.copper38#']);
    expect(spans('postgresql:\n  auth:\n    existing_secret_key: admin-token\n', 'values.yaml')).toEqual([]);
  });

  it('finds the values under a secret-named column of an SQL insert, in every row', () => {
    const sql = "INSERT INTO api_clients (name, client_secret) VALUES ('billing', '2SGMxvDSjSmzozzvMqqP6UCyTPGfw6h76oE0bulg');\n";
    expect(spans(sql, 'dump.sql')).toEqual(['2SGMxvDSjSmzozzvMqqP6UCyTPGfw6h76oE0bulg']);
    expect(spans("INSERT INTO users (id, email, password_hash) VALUES ('u1', 'ann@example.org', '$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW');\n", 'dump.sql')).toEqual([]);
    expect(spans("INSERT INTO settings (name, api_token) VALUES ('x', '<set-me>');\n", 'seed.sql')).toEqual([]);
    const rows = "INSERT INTO oauth_clients (client_id, client_secret, redirect_uri) VALUES\n  ('web', 'Rq7vK2mX9pLw4Zt8Wq3nB6cJ', 'https://acme.io/cb'),\n  ('cli', 'Wq3nB6cJRq7vK2mX9pLw4Zt8', 'http://localhost');\n";
    expect(spans(rows, 'seed.sql')).toEqual(['Rq7vK2mX9pLw4Zt8Wq3nB6cJ', 'Wq3nB6cJRq7vK2mX9pLw4Zt8']);
  });

  it("finds the fields under a secret-named column of a pg_dump COPY block, and nothing past its end", () => {
    const dump =
      'COPY public.api_clients (id, name, client_id, client_secret, created_at) FROM stdin;\n' +
      'ae0d\treconciliation-bot\tlc_7f3a9d2e41b8\tlcs_live_aRpmDqYmvvKTk4SX8TrzBSky9Gp2Kbr45IZTWpIR\t2024-10-02 11:20:00+00\n' +
      'd689\tpayouts-cron\tlc_0b9e77c1d5a2\t\\N\t2024-12-19 08:05:31+00\n' +
      '\\.\n\nCOPY public.feature_flags (key, enabled) FROM stdin;\npassword_reset_v2\tt\n\\.\n' +
      'lc_x\tnot-a-row\tZk3mP9qR2vX8wL5nQ4tY7uI0\n';
    expect(spans(dump, 'db/dumps/ledger.sql')).toEqual(['lcs_live_aRpmDqYmvvKTk4SX8TrzBSky9Gp2Kbr45IZTWpIR']);
    const hashes = 'COPY public.users (id, email, password_hash) FROM stdin;\n1\tann@example.org\t$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW\n\\.\n';
    expect(spans(hashes, 'dump.sql')).toEqual([]);
  });
});

describe('stand-in words written together', () => {
  it('leaves passwords made only of stand-in words glued in lower case alone, as it does with separators', () => {
    expect(spans('export REDIS_PASSWORD="devsecret"\n', 'setup.sh')).toEqual([]);
    expect(spans('  cache:\n    command: ["redis-server", "--requirepass", "localdev"]\n', 'compose.yml')).toEqual([]);
    expect(spans('SMTP_PASSWORD = "temppassword"\n', 'settings.py')).toEqual([]);
  });

  it('still reports glued words that are not all stand-ins, or whose pieces are all short', () => {
    expect(spans('REDIS_PASSWORD = "devharbor"\n', 'settings.py')).toEqual(['devharbor']);
    expect(spans('SMTP_PASSWORD = "lanternfish"\n', 'settings.py')).toEqual(['lanternfish']);
    expect(spans('SMTP_PASSWORD = "thetome"\n', 'settings.py')).toEqual(['thetome']);
  });
});

describe('quoted words of code, not values (found scanning installed Python packages)', () => {
  it('takes a Python annotation that names a class in a string for no value', () => {
    expect(spans('def sign(\n    backend: "Backend", private_key: "_DSAPrivateKey", data: bytes\n) -> bytes:\n', 'dsa.py')).toEqual([]);
    expect(spans('    secret_key: "Optional[SigningKey]" = None\n', 'hmac.pyi')).toEqual([]);
    // An annotated assignment still holds its literal, and a dict's quoted name its value.
    expect(spans('SECRET_KEY: str = "Kq8zW3mLp0Tq7vRm2XwZ"\n', 'settings.py')).toEqual(['Kq8zW3mLp0Tq7vRm2XwZ']);
    expect(spans('cfg = {"private_key": "Xk29fLqp7ZmW3rTb8VnQ"}\n', 'settings.py')).toEqual(['Xk29fLqp7ZmW3rTb8VnQ']);
  });

  it('takes a literal with format fields that .format( fills for a template', () => {
    expect(spans('        key = r"{}\\{:0.1f}\\VC\\VC_OBJECTS_PLATFORM_INFO\\Win32\\Directories".format(\n', 'msvc.py')).toEqual([]);
    expect(spans('api_key = "Zk3mP9qR{0}vX8wL5n"\n', 'client.py')).toEqual(['Zk3mP9qR{0}vX8wL5n']);
  });

  it('reads a bare label after a name as the next name, and its value as the value (`Token-> DemoToken: …`)', () => {
    expect(spans('Token-> DemoToken: Xk29fLqp7ZmW3rTb8VnC= <- for User : demo\n', 'notes.toml')).toEqual(['Xk29fLqp7ZmW3rTb8VnC=']);
  });

  it("takes anonymous FTP's password, an e-mail address by convention, for none", () => {
    expect(spans('default login anonymous password user@site\n', '.netrc')).toEqual([]);
    expect(spans('machine ftp.acme.io login deploy password Zq8mP2xL9!\n', '.netrc')).toEqual(['Zq8mP2xL9!']);
  });

  it('takes a command name with its sigil between more items of a list for an item', () => {
    expect(spans('    "EXPAND", "/EXPAND", "EXPASS", "*EXPORT", "EXPROFILE",\n', 'apdlexer.py')).toEqual([]);
  });
});

describe("C headers' constants (found scanning /usr/include: OpenSSL, NSS, GnuTLS, LLVM)", () => {
  it('takes labels, typed numbers, macro lists, spelled-out text and prose for no value', () => {
    const header = [
      '#define CKM_NSS_AES_KEY_WRAP            0xce534351UL',
      '#define LN_kx_dhe_psk           "kx-dhe-psk"',
      '#define SN_auth_psk             "AuthPSK"',
      '#define SSL_TXT_kPSK "kPSK"',
      '#define PK11_PW_RETRY "RETRY"        /* a failed attempt to authenticate */',
      '#define OBJ_pkcs9_challengePassword             OBJ_pkcs9,7L',
      '#define OBJ_id_PasswordBasedMAC         OBJ_ISO_US,113533L,7L,66L,13L',
      '# define TLS_MD_MASTER_SECRET_CONST    "\\x6d\\x61\\x73\\x74\\x65\\x72\\x20\\x73\\x65\\x63\\x72\\x65\\x74"',
      ' * @GNUTLS_KX_DHE_PSK: DHE-PSK key-exchange algorithm.',
      "  // TODO: Default ctor'd RewriteSymbolPass is no-op.",
      '  const uint64_t seed_prime = 0xff51afd7ed558ccdULL;',
      '  VKI_CAM_PASS_ERR_RECOVER    = 0x00010000,/* Pass driver does err. recovery*/',
    ].join('\n');
    expect(spans(`${header}\n`, 'include/openssl/obj_mac.h')).toEqual([]);
  });

  it('still finds a secret in a macro or a constant, and key bytes written as escapes', () => {
    const bytes = '\\x8f\\x3a\\x91\\x0c\\xd2\\x44\\x7e\\xb1\\x05\\x9a\\xc3\\x6d\\x12\\xe8\\x4f\\x77';
    const source = `#define DB_PASSWORD "Xk29fLqp7ZmW3rTb"\n#define AES_KEY "${bytes}"\nstatic const char *api_token = "Zk3mP9qR2vX8wL5nQ4tY";\n`;
    expect(spans(source, 'src/config.h')).toEqual(['Xk29fLqp7ZmW3rTb', bytes, 'Zk3mP9qR2vX8wL5nQ4tY']);
  });
});

describe('generated API clients and SDK code (found scanning the Google Cloud SDK)', () => {
  it('takes a field declared by a call, a list-closing name, format templates and format fields for no value', () => {
    const source = [
      "  authorization = _messages.MessageField('GoogleCloudApigeeV1ProfileConfigAuthorization', 2)",
      '  authorization = _messages.StringField(2)',
      "    _RequireAllFlagsOrRaiseForAuthType(args, ['auth_user', 'auth_password'],",
      "                                       'google')",
      "CRYPTO_KEY_VERSION_COLLECTION = '%s.cryptoKeyVersions' % CRYPTO_KEY_COLLECTION",
      "TOKENS = ('tokens', 'users/{userKey}/tokens/{clientId}', {},",
    ].join('\n');
    expect(spans(`${source}\n`, 'lib/googlecloudsdk/api.py')).toEqual([]);
    expect(spans('apiVersion: v1\nkind: Secret\nstringData:\n  project_id: "{project_id}"\n', 'agent.yaml')).toEqual([]);
  });

  it("reports a Secret's quoted value without its quotes, and a literal that a call's list does not close", () => {
    expect(spans('apiVersion: v1\nkind: Secret\ndata:\n  token: "WGsyOWZMcXA3Wm1XM3JUYg=="\n', 'secret.yaml')).toEqual(['WGsyOWZMcXA3Wm1XM3JUYg==']);
    expect(spans("login(user, ['password'], 'Kq8zW3mLp0x!')\nconnect(password='Kq8zW3mLp0y!')\n", 'client.py')).toEqual(['Kq8zW3mLp0y!']);
  });
});

describe("vendored libraries' docs and enums (found scanning the Google Cloud SDK's third-party code)", () => {
  it('takes a list of words, an enum of constants, a page token and a regex for no secrets', () => {
    const source = [
      '    >>> tokens = ["foo", " ", "bar", " ", "19June2000", "baz"]',
      '    Next page token: eav1OzQB0OM8rLdGXOEsyQWSG',
      '      "enum":[',
      '        "TR31_B0_BASE_DERIVATION_KEY",',
      '        "TR31_M6_ISO_9797_5_CMAC_KEY",',
      '        "TR31_K2_TR34_ASYMMETRIC_KEY"',
      '      ],',
      '      "pattern":"arn:([a-z\\\\d-]+):.*:.*:secret:AmazonLookoutMetrics-.+"',
    ].join('\n');
    expect(spans(`${source}\n`, 'vendor/parser.py')).toEqual([]);
  });

  it('still finds a list of keys kept through a rotation, and a token in prose', () => {
    expect(spans('jwt_keys = ["Xk29fLqp7ZmW3rTb8VnC", "Zk3mP9qR2vX8wL5nQ4tY", "legacy"]\nYour token: Kq8zW3mLp0Tq7vRm2XwZ\n', 'settings.py')).toEqual([
      'Xk29fLqp7ZmW3rTb8VnC',
      'Zk3mP9qR2vX8wL5nQ4tY',
      'Kq8zW3mLp0Tq7vRm2XwZ',
    ]);
  });
});

describe('a value in prose ends before the sentence does', () => {
  it("leaves the sentence's full stop out of the value (`The API key is 8f3a….`), and keeps a password's own `!`", () => {
    expect(spans('The API key is 8f3a2b1c9d4e5f60718293a4b5c6d7e9.\nOur token is now Xk29fLqp7ZmW3rTb8VnC, rotated monthly.\n', 'notes.md')).toEqual([
      '8f3a2b1c9d4e5f60718293a4b5c6d7e9',
      'Xk29fLqp7ZmW3rTb8VnC',
    ]);
    expect(spans('The password is Winter2024!\n', 'notes.md')).toEqual(['Winter2024!']);
  });
});

describe("generated Python models' maps of attribute types (found scanning the Kubernetes client vendored in the Google Cloud SDK)", () => {
  const model = (mapName: string, entries: string): string => `class V1VolumeProjection(object):\n  ${mapName} = {\n${entries}  }\n`;

  it('takes the class a swagger_types or openapi_types map gives a secret-named attribute for no value', () => {
    const entries = "      'secret': 'V1SecretProjection',\n      'image_pull_secrets': 'list[V1LocalObjectReference]',\n      'string_data': 'dict(str, str)',\n      'service_account_token': 'V1ServiceAccountTokenProjection'\n";
    expect(spans(model('swagger_types', entries), 'kubernetes/client/models/v1_volume_projection.py')).toEqual([]);
    expect(spans(model('openapi_types', entries), 'kubernetes/client/models/v1_volume_projection.py')).toEqual([]);
  });

  it('still finds a generated value in such a map, and a class-like literal in any other dict', () => {
    expect(spans(model('openapi_types', "      'api_key': 'Xk29fLqp7ZmW3rTb8VnC',\n"), 'models/config.py')).toEqual(['Xk29fLqp7ZmW3rTb8VnC']);
    expect(spans(model('defaults', "      'secret': 'V1SecretProjection',\n"), 'models/config.py')).toEqual(['V1SecretProjection']);
  });
});
