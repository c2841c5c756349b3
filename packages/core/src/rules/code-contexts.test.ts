import { describe, expect, it } from 'vitest';
import { createDetector } from '../detector.js';

/** Credentials in application code as blind-4a found them: fallbacks, library calls, and the code that only names a secret. */
const detector = createDetector();
const found = (text: string, file: string): string[] => detector.detect(text, { file }).map((f) => text.slice(f.start, f.end));

describe('credentials in application code', () => {
  it('reads the default of a quoted shell expansion', () => {
    expect(found('export VAULT_TOKEN="${VAULT_TOKEN:-Xk29fLqp7ZmW3rTb8VnC}"\n', 'deploy.sh')).toEqual(['Xk29fLqp7ZmW3rTb8VnC']);
    expect(found('export VAULT_TOKEN="${VAULT_TOKEN}"\nexport PW="${DB_PASSWORD:?set it}"\n', 'deploy.sh')).toEqual([]);
  });

  it("reads Rust's literal fallback after env::var", () => {
    const text = [
      'hmac_key: env::var("HMAC_KEY").unwrap_or_else(|_| "VwEVdhXHkOJBYJOrOqxud3xz++zLwTv0".to_string()),',
      'token: env::var("API_TOKEN").unwrap_or("q9X2mL7vR4kP8nZ3wT5yB1cD".into()),',
      'pg_password: env::var("PG_PASSWORD").expect("PG_PASSWORD must be set"),',
      'other: env::var("DB_PASSWORD").unwrap_or_default(),',
    ].join('\n');
    expect(found(text, 'config.rs')).toEqual(['VwEVdhXHkOJBYJOrOqxud3xz++zLwTv0', 'q9X2mL7vR4kP8nZ3wT5yB1cD']);
  });

  it('reads a null-coalescing fallback after a lookup, on its line or the next', () => {
    const text = [
      'var jwtKey = builder.Configuration["Jwt:SigningKey"]',
      '             ?? "Hq4Wm8Zt2Xv6Lp9Nc3Rb7Ks1Fd5Gy0Ja";',
      'var apiKey = Environment.GetEnvironmentVariable("PARTNER_API_KEY") ?? "Vb3Nm8Qw2Er7Ty4Ui9Op1As6Df0Gh5Jk";',
      'const token = process.env.API_TOKEN',
      '  || "q9X2mL7vR4kP8nZ3wT5yB1cDw";',
    ].join('\n');
    expect(found(text, 'Program.cs')).toEqual(['Hq4Wm8Zt2Xv6Lp9Nc3Rb7Ks1Fd5Gy0Ja', 'Vb3Nm8Qw2Er7Ty4Ui9Op1As6Df0Gh5Jk', 'q9X2mL7vR4kP8nZ3wT5yB1cDw']);
    const references = [
      'var jwtKey = builder.Configuration["Jwt:SigningKey"]',
      '             ?? throw new InvalidOperationException("Jwt:SigningKey is not set");',
      'var key = Environment.GetEnvironmentVariable("PARTNER_API_KEY") ?? string.Empty;',
      'var pw = hash(password)',
      '    ?? "";',
    ].join('\n');
    expect(found(references, 'Program.cs')).toEqual([]);
  });

  it("reads Python's and Lua's `or` fallback after a lookup, on its line or the next", () => {
    const python = [
      'session = boto3.Session(',
      '    aws_secret_access_key=os.environ.get("ARCHIVE_SECRET_KEY") or "Tb4nQ8wLz2Xc6Vm1Rk9Hs3Jd7Fp0Gy5Ae",',
      ')',
      'signing_secret = (',
      '    os.getenv("WEBHOOK_SIGNING_SECRET")',
      '    or "Pz7Kc2Wq9Lm4Xv8Rn3Bt6Hy1Sd5Fj0Ga"',
      ')',
      'token = settings["DEPLOY_TOKEN"] or "Mv3Qx8Lp2Zk7Wr1Tc6Nb9Hd4Js0Fy5Gu"',
    ].join('\n');
    expect(found(python, 'worker.py')).toEqual(['Tb4nQ8wLz2Xc6Vm1Rk9Hs3Jd7Fp0Gy5Ae', 'Pz7Kc2Wq9Lm4Xv8Rn3Bt6Hy1Sd5Fj0Ga', 'Mv3Qx8Lp2Zk7Wr1Tc6Nb9Hd4Js0Fy5Gu']);
    expect(found('local api_token = os.getenv("RELAY_API_TOKEN") or "Hx6Wn1Pq8Zr3Lk5Vt0Cb7Md2Fs9Jy4Ae"\n', 'relay.lua')).toEqual(['Hx6Wn1Pq8Zr3Lk5Vt0Cb7Md2Fs9Jy4Ae']);
    const references = [
      'api_key = os.environ.get("SVC_API_KEY") or ""',
      'token = os.getenv("RELAY_TOKEN") or load_token("relay", opts)',
      'secret = os.getenv("APP_SECRET") or "change-me"',
      'Ask for the API key or "skip it" when none is set.',
    ].join('\n');
    expect(found(references, 'settings.py')).toEqual([]);
  });

  it("reads a Tomcat Environment entry's value when its name names a secret, past the attributes between them", () => {
    const xml = [
      '<Context>',
      '  <Environment name="mail/smtp/password" type="java.lang.String" value="Rt5^Yu2!Io9#Pa4s" override="false"/>',
      '  <Environment name="api/partnerKey" type="java.lang.String" value="Qx7Lm2Nv9Bc4Zr8Tw1Ks6Hd3Fg0Jy5Pa" override="false"/>',
      '  <Environment name="api/partnerBaseUrl" type="java.lang.String" value="https://partners.example.com/api" override="false"/>',
      '  <Parameter name="passwordResetUrl" value="https://example.com/account/reset-password" override="false"/>',
      '  <Environment name="mail/smtp/password" type="java.lang.String" value="${mail.password}"/>',
      '</Context>',
    ].join('\n');
    expect(found(xml, 'conf/context.xml')).toEqual(['Rt5^Yu2!Io9#Pa4s', 'Qx7Lm2Nv9Bc4Zr8Tw1Ks6Hd3Fg0Jy5Pa']);
  });

  it('reads a Hibernate property that names an encryption key under crypto, not its digest', () => {
    const xml = [
      '<property name="acme.crypto.column-key">Wd8Ef3Rg6Th1Yj4Uk7Il0Om5Pn2Qo9Rp</property>',
      '<property name="acme.crypto.column-key.sha256">ae30e770c584eabc7af7b8a02c61335b5310fdb0073566610ea466d261e2efea</property>',
      '<property name="hibernate.cache.region.factory_class">org.redisson.hibernate.RedissonRegionFactory</property>',
    ].join('\n');
    expect(found(xml, 'hibernate.cfg.xml')).toEqual(['Wd8Ef3Rg6Th1Yj4Uk7Il0Om5Pn2Qo9Rp']);
  });

  it("reads the password given to Go's ssh.Password", () => {
    expect(found('Auth: []ssh.AuthMethod{ssh.Password("Tunn3l-Birch-Quarry")}', 'tunnel.go')).toEqual(['Tunn3l-Birch-Quarry']);
    expect(found('Auth: []ssh.AuthMethod{ssh.Password(cfg.Password)}', 'tunnel.go')).toEqual([]);
  });

  it('reads a Google app password under a password name, not words under other names', () => {
    expect(found('EMAIL_HOST_PASSWORD = "qpzm vtrw kxle hbsa"\n', 'settings.py')).toEqual(['qpzm vtrw kxle hbsa']);
    expect(found('api_token = "qpzm vtrw kxle hbsa"\nmessage = "pass your code here"\n', 'settings.py')).toEqual([]);
  });

  it('leaves validation rules under a field name alone', () => {
    expect(found("$request->validate(['password' => 'required|min:12|confirmed']);", 'Controller.php')).toEqual([]);
    expect(found("'password' => 'nullable|string|max:255',", 'rules.php')).toEqual([]);
    // A password that merely holds a pipe is still one.
    expect(found("'password' => 'Kq8z|W3mLp0'", 'config.php')).toEqual(['Kq8z|W3mLp0']);
  });

  it('reads a Basic credential built by concatenation', () => {
    expect(found('fun basicAuth(): String = "Basic " + "bGVkZ2VyLXN2YzpXaW50ZXJfUGx1bV84ODQx"', 'Ledger.kt')).toEqual(['bGVkZ2VyLXN2YzpXaW50ZXJfUGx1bV84ODQx']);
    expect(found('const header = "Basic " + btoa(user + ":" + pass)', 'auth.ts')).toEqual([]);
  });

  it('does not take a call reading the Snowflake password for the password', () => {
    expect(found('val snowflakePassword = sys.env.getOrElse("SNOWFLAKE_PASSWORD", "Glacier7-Tangent-Owl")', 'Settings.scala')).toEqual(['Glacier7-Tangent-Owl']);
  });

  it('leaves a JWT with empty claims (a test fixture) alone, not one that carries claims', () => {
    const empty = 'eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo';
    expect(found(`const fixtureToken = "${empty}"`, 'jwt_test.go')).toEqual([]);
    expect(found(`curl -H "Authorization: Bearer ${empty}"`, 'call.sh')).toEqual([]);
    const real = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdmMtYmlsbGluZyJ9.X754ma1w04ZIOOiQYAnlXOt1h7s3gXL6c9ANybsW_D0';
    expect(found(`const serviceToken = "${real}"`, 'client.go')).toEqual([real]);
  });

  it('reads defaults given by ||= and ??=', () => {
    expect(found('ENV["API_KEY"] ||= "Rq7vK2mX9pLw4Zt8Wq3n"', 'boot.rb')).toEqual(['Rq7vK2mX9pLw4Zt8Wq3n']);
    expect(found('process.env.API_KEY ??= "Rq7vK2mX9pLw4Zt8Wq3n";', 'env.js')).toEqual(['Rq7vK2mX9pLw4Zt8Wq3n']);
    expect(found('process.env.API_KEY ??= defaults.apiKey;', 'env.js')).toEqual([]);
  });

  it('reads credentials passed by position to Net::SMTP.start, minio NewStaticV4 and jjwt hmacShaKeyFor', () => {
    const text = [
      "Net::SMTP.start('smtp.acme.io', 587, 'acme.io', 'mailer', 'Mq4!vK2mX9pLw', :plain)",
      'creds := credentials.NewStaticV4("minio-svc", "Vb8nQ2zR5tY7uI9oP1aS3dF6gH", "")',
      'Jwts.builder().signWith(Keys.hmacShaKeyFor("Rq7vK2mX9pLw4Zt8Wq3nB6cJ".getBytes()))',
      "Net::SMTP.start('smtp.acme.io', 587, 'acme.io', user, pass, :plain)",
    ].join('\n');
    expect(found(text, 'mail.rb')).toEqual(['Mq4!vK2mX9pLw', 'Vb8nQ2zR5tY7uI9oP1aS3dF6gH', 'Rq7vK2mX9pLw4Zt8Wq3nB6cJ']);
  });

  it('reads a key literal turned into bytes with its charset named in full, and leaves variables, lookups and stand-ins', () => {
    const text = [
      '    private static final SecretKey SIGNING =',
      '            Keys.hmacShaKeyFor("Wd4nPq8Tz2Lm6Rx0Vb3Kc7Hs5Jf9Gy1Aq".getBytes(StandardCharsets.UTF_8));',
      'Key mac = new SecretKeySpec("Pf2Lz8Qm4Wr6Tx0Nb5Hk3Cj7Vd9Gs1Ye".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "HmacSHA256");',
      'byte[] raw = "Xt5Rm1Wq7Lp3Zn9Vb2Hc6Kd0Jf4Gs8Ay".getBytes(StandardCharsets.US_ASCII);',
      'Key legacy = new SecretKeySpec(raw, "HmacSHA256");',
      'SecretKey fromConfig = Keys.hmacShaKeyFor(props.getJwtSecret().getBytes(StandardCharsets.UTF_8));',
      'SecretKey fromEnv = Keys.hmacShaKeyFor(System.getenv("JWT_KEY").getBytes(StandardCharsets.UTF_8));',
      'SecretKey standIn = Keys.hmacShaKeyFor("<your-256-bit-secret>".getBytes(StandardCharsets.UTF_8));',
    ].join('\n');
    expect(found(text, 'TokenSigner.java')).toEqual(['Wd4nPq8Tz2Lm6Rx0Vb3Kc7Hs5Jf9Gy1Aq', 'Pf2Lz8Qm4Wr6Tx0Nb5Hk3Cj7Vd9Gs1Ye', 'Xt5Rm1Wq7Lp3Zn9Vb2Hc6Kd0Jf4Gs8Ay']);
  });

  it('reads an Authorization header written as a Python f-string', () => {
    expect(found('headers = {"Authorization": f"Token Rq7vK2mX9pLw4Zt8Wq3nB6cJ"}', 'api.py')).toEqual(['Rq7vK2mX9pLw4Zt8Wq3nB6cJ']);
    expect(found('headers = {"Authorization": f"Token {self.token}"}', 'api.py')).toEqual([]);
  });

  it('reads a secret given to a builder method', () => {
    expect(found('OAuthClient.builder().clientSecret("Rq7vK2mX9pLw4Zt8Wq3nB6cJ").build()', 'Auth.java')).toEqual(['Rq7vK2mX9pLw4Zt8Wq3nB6cJ']);
    expect(found('DataSourceBuilder.create().password(props.getPassword()).build()', 'Db.java')).toEqual([]);
  });

  it('reads VB typed declarations, Kotlin pairs, R assignments, Objective-C strings and C# collection initializers', () => {
    expect(found('Dim password As String = "Rq7vK2mX9pLw4Zt8"', 'Db.vb')).toEqual(['Rq7vK2mX9pLw4Zt8']);
    expect(found('val creds = mapOf("user" to "svc", "password" to "Rq7vK2mX9pLw4Zt8")', 'Creds.kt')).toEqual(['Rq7vK2mX9pLw4Zt8']);
    expect(found('api_key <- "Rq7vK2mX9pLw4Zt8Wq3nB6cJ"', 'fetch.R')).toEqual(['Rq7vK2mX9pLw4Zt8Wq3nB6cJ']);
    expect(found('NSString *apiSecret = @"Rq7vK2mX9pLw4Zt8Wq3nB6cJ";', 'Keys.m')).toEqual(['Rq7vK2mX9pLw4Zt8Wq3nB6cJ']);
    expect(found('var d = new Dictionary<string, string> { { "ApiSecret", "Rq7vK2mX9pLw4Zt8Wq3nB6cJ" } };', 'Keys.cs')).toEqual(['Rq7vK2mX9pLw4Zt8Wq3nB6cJ']);
    // Names in a list, and code on the right, stay silent.
    expect(found('var names = new[] { "password", "token", "apiKey" };', 'Fields.cs')).toEqual([]);
    expect(found('password <- readline(prompt = "Password: ")\nval m = mapOf("password" to input.text)', 'x.kt')).toEqual([]);
  });

  it('reads a token given to go-github and a certificate password given to X509Certificate2', () => {
    expect(found('client := github.NewClient(nil).WithAuthToken("Rq7vK2mX9pLw4Zt8Wq3nB6cJ")', 'gh.go')).toEqual(['Rq7vK2mX9pLw4Zt8Wq3nB6cJ']);
    expect(found('var cert = new X509Certificate2("client.pfx", "Pfx!Rq7vK2mX");', 'Tls.cs')).toEqual(['Pfx!Rq7vK2mX']);
    expect(found('var cert = new X509Certificate2(path, options.CertificatePassword);', 'Tls.cs')).toEqual([]);
  });

  it('reads the password of a user:password literal encoded for Basic credentials', () => {
    expect(found("fetch(url, { headers: { Authorization: 'Basic ' + btoa('svc:Rq7vK2mX9pLw4Zt8') } })", 'api.ts')).toEqual(['Rq7vK2mX9pLw4Zt8']);
    expect(found('String auth = Base64.getEncoder().encodeToString("svc:Rq7vK2mX9pLw4Zt8".getBytes());', 'Api.java')).toEqual(['Rq7vK2mX9pLw4Zt8']);
    expect(found("btoa(`${user}:${pass}`); btoa('svc:' + password); base64.b64encode(b'user:password')", 'api.ts')).toEqual([]);
  });

  it('leaves snake_case names that mention a secret alone in code, not in config', () => {
    expect(found('const val PREF_KEY_PASSWORD = "pref_saved_password"', 'Prefs.kt')).toEqual([]);
    expect(found('RESET_FIELD_TOKEN = "reset_password_token"', 'forms.py')).toEqual([]);
    expect(found('password = "Pref_saved_password7"', 'app.py')).toEqual(['Pref_saved_password7']);
  });
});

describe('settings passed to a setter one argument a line', () => {
  it('reads the value on the line after the name, and a Hadoop per-account key by the name before the account host', () => {
    const scala = [
      'conf.set(',
      '  "fs.azure.account.key.lakeprod.blob.core.windows.net",',
      '  "Wm7tR2xq9LkP4vB8nC3hJ6dF1gS5aZ0eY7uI2oQ4wE9rT6yU3iO8pA1sD5fG2hJ7kL0zX4cV9bN6mQ3wE8rT1yU=="',
      ')',
      'conf.set(',
      '  "fs.s3a.secret.key",',
      '  "q8Rw2Lk9Vb/Xm4Np7Tz+Hc5Jd3Gf6Sa1Ye0Ui2Oq"',
      ')',
    ].join('\n');
    expect(found(scala, 'Export.scala')).toEqual([
      'Wm7tR2xq9LkP4vB8nC3hJ6dF1gS5aZ0eY7uI2oQ4wE9rT6yU3iO8pA1sD5fG2hJ7kL0zX4cV9bN6mQ3wE8rT1yU==',
      'q8Rw2Lk9Vb/Xm4Np7Tz+Hc5Jd3Gf6Sa1Ye0Ui2Oq',
    ]);
  });

  it('leaves a list of names one a line alone', () => {
    expect(found('REQUIRED = [\n  "password",\n  "Password-Confirm-Label",\n]\n', 'forms.py')).toEqual([]);
    expect(found('conf.set(\n  "fs.azure.account.auth.type.lakeprod.dfs.core.windows.net",\n  "SharedKey"\n)\n', 'Export.scala')).toEqual([]);
  });
});

describe('a comma and a line break before a name', () => {
  it('still reads the next line as an entry of its own', () => {
    const json = '[\n  {\n    "AwsAccessID": "AKIAGIREOGIAWSKEY123",\n    "AwsSecretKey": "J38YmIgn7dH6cw4W+yqoRgjsFsWvysFjfVcpCh7O9Yyv9/qNvNI"\n  }\n]\n';
    expect(found(json, 'aws.json')).toContain('J38YmIgn7dH6cw4W+yqoRgjsFsWvysFjfVcpCh7O9Yyv9/qNvNI');
  });
});

describe('Gradle build scripts are program source', () => {
  it('takes a bare name after password = as a variable, and still reads a literal', () => {
    expect(found("credentials {\n  username = artifactoryUser\n  password = artifactoryPassword\n}\n", 'build.gradle')).toEqual([]);
    expect(found("credentials {\n  password = 'Gr4dle-Repo!Pw7'\n}\n", 'build.gradle')).toEqual(['Gr4dle-Repo!Pw7']);
  });
});

describe('map entries keyed by a constant', () => {
  it('reads the value under a constant the text sets to a secret field name', () => {
    const rust = 'const PASSWORD_FIELD: &str = "password_confirmation";\nlet admin = json!({\n    "email": "admin@acme.test",\n    PASSWORD_FIELD: "Sl8-Adm1n!Seed",\n});\n';
    expect(found(rust, 'seed.rs')).toEqual(['Sl8-Adm1n!Seed']);
    const js = "const API_KEY_PARAM = 'api_key';\nconst query = { [API_KEY_PARAM]: 'Zk3mP9qR2vX8wL5nQ4tY' };\n";
    expect(found(js, 'client.js')).toEqual(['Zk3mP9qR2vX8wL5nQ4tY']);
    const php = "const SECRET_FIELD = 'client_secret';\n$params = [SECRET_FIELD => 'Rq7vK2mX9pLw4Zt8Wq3nB6cJ'];\n";
    expect(found(php, 'oauth.php')).toEqual(['Rq7vK2mX9pLw4Zt8Wq3nB6cJ']);
  });

  it('leaves an entry alone when the constant names no secret or is not set in the text', () => {
    expect(found('const TOKEN_FIELD: &str = "token_type";\nlet row = json!({ TOKEN_FIELD: "Sl8-Adm1n!Seed" });\n', 'seed.rs')).toEqual([]);
    expect(found('use crate::fields::PASSWORD_FIELD;\nlet row = json!({ PASSWORD_FIELD: "Sl8-Adm1n!Seed" });\n', 'seed.rs')).toEqual([]);
  });
});

describe('database passwords passed by position and on command lines', () => {
  it('reads a JDBC connect call whose arguments a formatter moved to the next line', () => {
    const text = 'return DriverManager.getConnection(\n    "jdbc:oracle:thin:@ora-rpt:1521/RPTP", "RPT_READER", "r3p0rt!ng_R34d");\n';
    expect(found(text, 'Reporting.java')).toContain('r3p0rt!ng_R34d');
    expect(found('return DriverManager.getConnection(\n    url, user,\n    password);\n', 'Reporting.java')).toEqual([]);
  });

  it("reads the password of go-ora's BuildUrl, its fifth argument", () => {
    const text = 'oraURL := go_ora.BuildUrl("ora-settle.example.com", 1521, "SETTLEP", "SETTLE_OWNER", "0raSettle#Own3r", nil)\n';
    expect(found(text, 'main.go')).toEqual(['0raSettle#Own3r']);
    expect(found('oraURL := go_ora.BuildUrl(host, 1521, "SETTLEP", "SETTLE_OWNER", cfg.Password, nil)\n', 'main.go')).toEqual([]);
  });

  it("reads each of RMAN's connect strings, also handed to a wrapper script", () => {
    const line = '15 1 * * * /opt/bin/rman-backup.sh target sys/Rm4n-B4ckup!sys@LEDGERP catalog rcat/rC4t-Catal0g@RCAT >> /var/log/rman.log 2>&1\n';
    expect(found(line, 'batch.crontab')).toEqual(['sys/Rm4n-B4ckup!sys@LEDGERP', 'rcat/rC4t-Catal0g@RCAT']);
    expect(found('rman target / catalog rcat/$RCAT_PW@RCAT\n', 'backup.sh')).toEqual([]);
    expect(found('make target app/Rm4n-B4ckup!sys@v2\n', 'build.sh')).toEqual([]);
  });
});

describe('keys in Java and Kotlin constants', () => {
  it('reads a constant whose literal a formatter moved to the line after the =, in program source only', () => {
    const java = 'private static final String JWT_SIGNING_KEY_B64 =\n    "XUDy/JVYzHBEa+MFPBr0lp5XmO4YYCeE8QH6BxqSynnU02szkNMNF5aYxqfN+lwML1xyKPXHiahL//myp8NrhS==";\n';
    expect(found(java, 'TokenConfig.java')).toEqual(['XUDy/JVYzHBEa+MFPBr0lp5XmO4YYCeE8QH6BxqSynnU02szkNMNF5aYxqfN+lwML1xyKPXHiahL//myp8NrhS==']);
    // In a shell script the `=` assigned nothing: the next line is a command of its own.
    expect(found('SIGNING_KEY=\n"XUDy/JVYzHBEa+MFPBr0lp5XmO4YYCeE8QH6BxqSynnU02szkNMNF5aYxqfN+lwML1xyKPXHiahL//myp8NrhS=="\n', 'run.sh')).toEqual([]);
  });

  it("reads a data encryption key by its acronym, decoded by Java's Base64 decoder", () => {
    const java = 'static final byte[] STATEMENT_DEK = Base64.getDecoder().decode("hizpuUwaVHE4eFKFgBT4aqMjdpuEkwMu8EmwA07cqD+=");\n';
    expect(found(java, 'TokenConfig.java')).toEqual(['hizpuUwaVHE4eFKFgBT4aqMjdpuEkwMu8EmwA07cqD+=']);
    expect(found('static final byte[] STATEMENT_DEK = Base64.getDecoder().decode(System.getenv("DEK"));\n', 'TokenConfig.java')).toEqual([]);
  });

  it("reads the shared secret a webhook's caller sends, under a name ending in webhook auth", () => {
    expect(found('CKO_WEBHOOK_AUTH=e36bd84c6e00661aa73aa47570f22c30fa18688732e27f7f\n', 'gateway.env')).toEqual(['e36bd84c6e00661aa73aa47570f22c30fa18688732e27f7f']);
    expect(found('CKO_WEBHOOK_AUTH=basic\nCKO_OAUTH=true\n', 'gateway.env')).toEqual([]);
  });
});

describe('secrets handed to SDK and builder calls, and compared with a header (blind set 41)', () => {
  it("reads the token the Java and .NET Twilio SDKs take second, after any account SID expression", () => {
    const kotlin = 'Twilio.init(System.getenv("TWILIO_ACCOUNT_SID"), "4c8e2a6f0d9b1e7a3c5f8d2b6e0a4c9f")\n';
    expect(found(kotlin, 'Sms.kt')).toEqual(['4c8e2a6f0d9b1e7a3c5f8d2b6e0a4c9f']);
    expect(found('TwilioClient.Init(accountSid, "b1f7d3a9e5c2f8b4d0a6e2c8f4b9d1a7");\n', 'Sms.cs')).toEqual(['b1f7d3a9e5c2f8b4d0a6e2c8f4b9d1a7']);
    expect(found('Twilio.init(System.getenv("TWILIO_ACCOUNT_SID"), System.getenv("TWILIO_AUTH_TOKEN"))\n', 'Sms.kt')).toEqual([]);
  });

  it("reads a builder's bearer_auth or api_key literal (reqwest, Rust SDKs)", () => {
    expect(found('client.post(url)\n    .bearer_auth("Lm4xQ8_vTz2Nc7RwK9pB3dYh6Fs1Gj0a")\n', 'push.rs')).toEqual(['Lm4xQ8_vTz2Nc7RwK9pB3dYh6Fs1Gj0a']);
    expect(found('auth_credentials=Auth.api_key("Wd7Kp2Rz9Xm4Qv8Ln3Tb6Ys1Hc5Jf0Ga")\n', 'store.py')).toEqual(['Wd7Kp2Rz9Xm4Qv8Ln3Tb6Ys1Hc5Jf0Ga']);
    expect(found('client.post(url).bearer_auth(&self.token)\n', 'push.rs')).toEqual([]);
  });

  it('reads a Rust byte-slice constant named for a key', () => {
    expect(found('const HMAC_KEY: &[u8] = b"Tq6Wn1Xz8Lr3Kv5Mb9Pd2Hs7Fy4Gc0Ja";\n', 'sign.rs')).toEqual(['Tq6Wn1Xz8Lr3Kv5Mb9Pd2Hs7Fy4Gc0Ja']);
    expect(found("static SIGNING_KEY: &'static [u8] = b\"Tq6Wn1Xz8Lr3Kv5Mb9Pd2Hs7Fy4Gc0Ja\";\n", 'sign.rs')).toEqual(['Tq6Wn1Xz8Lr3Kv5Mb9Pd2Hs7Fy4Gc0Ja']);
    expect(found('const HMAC_KEY: &[u8] = include_bytes!("../hmac.key");\n', 'sign.rs')).toEqual([]);
  });

  it('reads the literal a header looked up by a secret-named key is compared with in a closure', () => {
    const rust = 'headers\n    .get(ADMIN_TOKEN_HEADER)\n    .map(|v| v == "6f2a9c4e8b1d7f3a5c0e9b2d4f8a1c6e3b7d0f5a9c2e4b81")\n    .unwrap_or(false)\n';
    expect(found(rust, 'auth.rs')).toEqual(['6f2a9c4e8b1d7f3a5c0e9b2d4f8a1c6e3b7d0f5a9c2e4b81']);
    expect(found('req.headers().get("x-api-key").is_some_and(|k| k == "Rk5Tz8Wq2Nx7Lm4Pv9Bc3Hd6")\n', 'auth.rs')).toEqual(['Rk5Tz8Wq2Nx7Lm4Pv9Bc3Hd6']);
    expect(found('headers.get(ACCEPT).map(|v| v == "application/vnd.api+json")\n', 'auth.rs')).toEqual([]);
    expect(found('headers.get(ADMIN_TOKEN_HEADER).map(|v| v == expected.as_str())\n', 'auth.rs')).toEqual([]);
  });

  it('reads a key inside an escaped string literal (Gradle buildConfigField)', () => {
    const gradle = 'buildConfigField "String", "MAPS_KEY", "\\"AIzaSyQ3nV8tK2mW7rB4xL9pD6cF1hJ5gZ0eYuT\\""\n';
    expect(found(gradle, 'app/build.gradle')).toEqual(['AIzaSyQ3nV8tK2mW7rB4xL9pD6cF1hJ5gZ0eYuT']);
    // One character short of Google's 39 is no key of its shape.
    expect(found('buildConfigField "String", "X", "\\"AIzaSyQ3nV8tK2mW7rB4xL9pD6cF1hJ5gZ0eYu\\""\n', 'app/build.gradle')).toEqual([]);
  });

  it("does not report a Docker auth that is ACR's token login user with no password", () => {
    const nil = Buffer.from('00000000-0000-0000-0000-000000000000:').toString('base64');
    const withPassword = Buffer.from('00000000-0000-0000-0000-000000000000:Hv8Qz3Lm6Tx1Rp4Wn9Kc').toString('base64');
    expect(found(`{"auths": {"acme.azurecr.io": {"auth": "${nil}"}}}\n`, '.docker/config.json')).toEqual([]);
    expect(found(`{"auths": {"acme.azurecr.io": {"auth": "${withPassword}"}}}\n`, '.docker/config.json')).toEqual([withPassword]);
  });
});

describe('getters whose brace stands on a line of its own', () => {
  it('reads the literal a method returns under its opening brace (PHP, C#, Java conventions)', () => {
    const php = "class Signing\n{\n    public function webhookKey(): string\n    {\n        return 'Lq7Zt2Wm9Rx4Vk8N3Hc6';\n    }\n}\n";
    expect(found(php, 'app/Services/Signing.php')).toEqual(['Lq7Zt2Wm9Rx4Vk8N3Hc6']);
    const java = 'public String getApiToken()\n{\n    return "Wm9Rx4Vk8N3Hc6Lq7Zt2";\n}\n';
    expect(found(java, 'src/Config.java')).toEqual(['Wm9Rx4Vk8N3Hc6Lq7Zt2']);
  });
  it('leaves a block under a name that is no method, and a method that returns a lookup', () => {
    expect(found("public function webhookKey(): string\n{\n    return config('services.webhook.key');\n}\n", 'app/Signing.php')).toEqual([]);
    expect(found('signing_key\n{\n    "Lq7Zt2Wm9Rx4Vk8N3Hc6"\n}\n', 'notes.txt')).toEqual([]);
  });
});

describe('Authorization values built from a scheme and a credential (blind set 57)', () => {
  it("reads the credential literal joined to the scheme's own literal, not a variable or a placeholder joined", () => {
    const py = 'HEADERS = {\n    "Accept": "application/json",\n    "Authorization": "Token token=" + "Wd3kR7vQp2LmZx8TbN5c",\n}\n';
    expect(found(py, 'ops/pager.py')).toEqual(['Wd3kR7vQp2LmZx8TbN5c']);
    expect(found("$h = ['Authorization' => 'Token token=' . 'Wd3kR7vQp2LmZx8TbN5c'];\n", 'pager.php')).toEqual(['Wd3kR7vQp2LmZx8TbN5c']);
    expect(found('HEADERS = {"Authorization": "Token token=" + os.environ["PD_TOKEN"]}\n', 'ops/pager.py')).toEqual([]);
    expect(found('HEADERS = {"Authorization": "Token token=" + "${PD_TOKEN}"}\n', 'ops/pager.py')).toEqual([]);
  });

  it('reads a token after the OAuth scheme (an API key sent so, often a UUID), not the parameters of an OAuth 1.0 signature', () => {
    const play = '      uri:\n        headers:\n          Authorization: "OAuth 4c7e2a91-d0b3-4f68-9a15-e83b6c2f0d47"\n';
    expect(found(play, 'playbooks/status.yml')).toEqual(['4c7e2a91-d0b3-4f68-9a15-e83b6c2f0d47']);
    expect(found('const h = { Authorization: "OAuth y0_AgAAAABk7Rq2ZmX9wLp4Tv8NcB3sQe" };\n', 'client.js')).toEqual(['y0_AgAAAABk7Rq2ZmX9wLp4Tv8NcB3sQe']);
    expect(found('Authorization: OAuth realm="photos"\n', 'notes.txt')).toEqual([]);
    expect(found('// Authorization: OAuth <statuspage api key>\n', 'client.js')).toEqual([]);
  });
});

describe('a secret in a builder call, a libpq string in code, and a bypass header', () => {
  it("reads the literal given to a builder's `.apiSecret(…)` or a `setConsumerSecret(…)` setter", () => {
    const kotlin = 'private val sms = SmsClient.builder()\n    .apiKey("d93f20ac")\n    .apiSecret("Tz6mQ2wLk9Rb4XvN")\n    .build()\n';
    expect(found(kotlin, 'src/main/kotlin/Sms.kt')).toEqual(['Tz6mQ2wLk9Rb4XvN']);
    expect(found('cb.setConsumerSecret("Pw3Kx8Lq2Zr6Vm9Tn4Hb7Yc1Jd5Gs0Fe");\n', 'src/Social.java')).toEqual(['Pw3Kx8Lq2Zr6Vm9Tn4Hb7Yc1Jd5Gs0Fe']);
  });
  it('leaves a builder given a lookup or a stand-in', () => {
    expect(found('    .apiSecret(System.getenv("SMS_API_SECRET"))\n', 'src/Sms.java')).toEqual([]);
    expect(found('    .apiSecret("<your-api-secret>")\n', 'src/Sms.java')).toEqual([]);
  });

  it('reads a bare password inside a libpq connection string in program source, shaped like a type name or not', () => {
    const go = 'const dsn = "host=10.0.3.9 port=5432 user=etl_ro password=KT83WqazRmvLbnPoyEcsHxQu dbname=ledger sslmode=require"\n';
    expect(found(go, 'cmd/etl/main.go')).toContain('KT83WqazRmvLbnPoyEcsHxQu');
    const py = 'conn = psycopg2.connect("dbname=ledger user=etl password=HmzqTrWkLxVb host=db")\n';
    expect(found(py, 'etl/load.py')).toEqual(['HmzqTrWkLxVb']);
  });
  it('leaves a format verb, a bare name outside any string, and a string in a comment', () => {
    expect(found('dsn := fmt.Sprintf("host=%s user=%s password=%s", h, u, p)\n', 'db.go')).toEqual([]);
    expect(found('opts := Options{password=PasswordFromEnv}\n', 'db.go')).toEqual([]);
    expect(found('// see "docs": password=RotatedNightlyByVault\nx := 1\n', 'db.go')).toEqual([]);
    expect(found('dsn := "host=db user=etl password=DB_PASSWORD"\n', 'db.go')).toEqual([]);
  });

  it('reads a generated value sent in an `x-…-bypass` header, as test runners and monitors send one', () => {
    const spec = 'test.use({ extraHTTPHeaders: { "x-preview-bypass": "5b1e0c9a7d3f42e8b6a0c4d9f1e73b2a8c5d0e6f" } });\n';
    expect(found(spec, 'tests/e2e/checkout.spec.ts')).toEqual(['5b1e0c9a7d3f42e8b6a0c4d9f1e73b2a8c5d0e6f']);
  });
  it('leaves a bypass flag, and a bypass header named by a variable', () => {
    expect(found('headers: { "X-Cache-Bypass": "1", "x-bypass-reason": "load-test" }\n', 'tests/load.ts')).toEqual([]);
    expect(found('headers: { "x-preview-bypass": process.env.PREVIEW_BYPASS }\n', 'tests/load.ts')).toEqual([]);
  });
});

describe('credentials in calls and the comments beside them (blind set 58)', () => {
  it('reads the password of a (user, password) pair whose user is a name, not a literal', () => {
    const py = 'resp = session.post(url, auth=(PARTNER_USER, "Tm4vQ8zLx2Rk9Wp3Nc7="), timeout=10)\n';
    expect(found(py, 'partner.py')).toEqual(['Tm4vQ8zLx2Rk9Wp3Nc7=']);
    expect(found('req.SetBasicAuth(cfg.User, "Hz7!qLm2Wx9Rk4")\n', 'client.go')).toEqual(['Hz7!qLm2Wx9Rk4']);
    const names = 'resp = session.post(url, auth=(PARTNER_USER, PARTNER_PASS))\nreq.SetBasicAuth(cfg.User, cfg.Password)\nauth=(api_key, "X")\n';
    expect(found(names, 'partner.py')).toEqual([]);
  });

  it('reads a bearer token concatenated to its scheme or given beside it as an argument', () => {
    expect(found('\treq.Header.Set("Authorization", "Bearer "+"3f0c9a1e7b2d48e6a5c1f9b0d2e4a6c8e1f3b5d7")\n', 'main.go')).toEqual(['3f0c9a1e7b2d48e6a5c1f9b0d2e4a6c8e1f3b5d7']);
    expect(found('client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "Lq8Wz3Nx7Rk2Vm9Pc4Hb6Jd1");\n', 'Api.cs')).toEqual(['Lq8Wz3Nx7Rk2Vm9Pc4Hb6Jd1']);
    const names = '\treq.Header.Set("Authorization", "Bearer "+cfg.Token)\nclient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);\n';
    expect(found(names, 'main.go')).toEqual([]);
  });

  it("reads an OAuth client's secret given second to Ruby's OAuth2::Client and OAuth::Consumer, hex or not", () => {
    const rb = [
      '  def self.oauth_client',
      '    OAuth2::Client.new(CLIENT_ID, "7d2e9b4f1a0c6e8d3b5a7f9c1e2d4b6a8c0e1f3a", site: "https://api.example.com")',
      '  end',
      "  CONSUMER = OAuth::Consumer.new(ENV['PARTNER_KEY'], 'Rk4Wm9Lx2Zq7Vp3Nb8Hc6Jd1Gf5Sa0Ye', site: 'https://api.example.com')",
    ].join('\n');
    expect(found(rb, 'app/services/sync.rb')).toEqual(['7d2e9b4f1a0c6e8d3b5a7f9c1e2d4b6a8c0e1f3a', 'Rk4Wm9Lx2Zq7Vp3Nb8Hc6Jd1Gf5Sa0Ye']);
    const names = 'OAuth2::Client.new(CLIENT_ID, CLIENT_SECRET, site: "https://api.example.com")\nOAuth2::Client.new(CLIENT_ID, ENV["PARTNER_SECRET"], site: "https://api.example.com")\n';
    expect(found(names, 'app/services/sync.rb')).toEqual([]);
  });

  it('leaves a value that the comment says is not a secret, and still reads one that is', () => {
    expect(found('  # hash of the demo subscriber, not a secret: 3b9f0e2a7c4d1e8f6a5b0c9d2e7f1a4b\n', 'app/jobs/sync_job.rb')).toEqual([]);
    expect(found('  # the signing secret: 3b9f0e2a7c4d1e8f6a5b0c9d2e7f1a4b\n', 'app/jobs/sync_job.rb')).toEqual(['3b9f0e2a7c4d1e8f6a5b0c9d2e7f1a4b']);
  });

  it('leaves a bare key that its comment calls an idempotency or cache key, and still reads a bare key otherwise', () => {
    const php = [
      '<?php',
      '        // idempotency key: one per capture',
      "        $key = 'c0a8e1f2-4b7d-4e9a-9c3f-5d2b8a1e6f40';",
      "        $key = 'f3e2d1c0-b9a8-4765-8432-10fedcba9876'; // the Idempotency-Key header",
    ].join('\n');
    expect(found(php, 'app/Services/Payments.php')).toEqual([]);
    const secret = ['<?php', '        // the partner gave us this key', "        $key = 'c0a8e1f2-4b7d-4e9a-9c3f-5d2b8a1e6f40';"].join('\n');
    expect(found(secret, 'app/Services/Payments.php')).toEqual(['c0a8e1f2-4b7d-4e9a-9c3f-5d2b8a1e6f40']);
  });
});

describe('SSH.NET clients given a password', () => {
  it('reports a literal password given last to SftpClient, SshClient or PasswordConnectionInfo', () => {
    expect(found('        using var sftp = new SftpClient("203.0.113.9", 22, "ledger", "Marigold_otter4471");\n', 'Export.cs')).toEqual(['Marigold_otter4471']);
    expect(found('var ssh = new Renci.SshNet.SshClient(Host, "deploy", "kV8#pTz2Qw");\n', 'Deploy.cs')).toEqual(['kV8#pTz2Qw']);
    expect(found('var info = new PasswordConnectionInfo(host, port,\n    "svc-feed", "Lantern-quail906");\n', 'Feed.cs')).toEqual(['Lantern-quail906']);
  });

  it('reports the password of a PasswordAuthenticationMethod, alone or inside a ConnectionInfo', () => {
    const text = 'var ci = new ConnectionInfo(host, 22, "svc-feed",\n    new PasswordAuthenticationMethod("svc-feed", "Rq5!tLm8Wz"));\n';
    expect(found(text, 'Feed.cs')).toEqual(['Rq5!tLm8Wz']);
  });

  it('leaves passwords given by name, key files, a ConnectionInfo and placeholders', () => {
    expect(found('using var sftp = new SftpClient(host, 22, user, password);\n', 'Export.cs')).toEqual([]);
    expect(found('var sftp = new SftpClient(host, 22, "ledger", new PrivateKeyFile(keyPath));\n', 'Export.cs')).toEqual([]);
    expect(found('var sftp = new SftpClient(connectionInfo);\n', 'Export.cs')).toEqual([]);
    expect(found('var ssh = new SshClient(host, "deploy", "<password>");\n', 'Deploy.cs')).toEqual([]);
    expect(found('new PasswordAuthenticationMethod(user, _options.Password)\n', 'Feed.cs')).toEqual([]);
  });
});

describe('FluentFTP clients given a login', () => {
  it('reports a literal password given after the user, the port before or after them', () => {
    expect(found('var ftp = new FtpClient("192.168.116.38", "hl7drop", "Amber!1XYw7v!");\n', 'Program.cs')).toEqual(['192.168.116.38', 'Amber!1XYw7v!']);
    expect(found('using var client = new AsyncFtpClient("ftp.example.net", 21, "upload", "Tq7!mRw2zKx9");\n', 'Upload.cs')).toEqual(['Tq7!mRw2zKx9']);
    expect(found('var ftp = new FluentFTP.FtpClient(\n    "ftp.example.net",\n    "exports",\n    "Heron_lantern42",\n    990);\n', 'Export.cs')).toEqual(['Heron_lantern42']);
  });

  it('leaves a login given by name, a NetworkCredential, placeholders and the clients built without one', () => {
    expect(found('var ftp = new FtpClient(host, user, password);\n', 'Program.cs')).toEqual([]);
    expect(found('var ftp = new FtpClient("ftp.example.net", new NetworkCredential(user, password));\n', 'Program.cs')).toEqual([]);
    expect(found('var ftp = new FtpClient("ftp.example.net", "anonymous", "<password>");\n', 'Program.cs')).toEqual([]);
    expect(found('FTPClient ftp = new FTPClient();\nftp.connect(host);\n', 'Ftp.java')).toEqual([]);
  });
});

describe('a getter named for a secret that returns its literal decoded', () => {
  it("reports the base64 literal that Java's getter decodes and returns as a string", () => {
    const java = 'class Store {\n    public String truststorePassword() {\n        return new String(Base64.getDecoder().decode("UXo5LVJpdmV0LTcyTG9vbQ=="));\n    }\n}\n';
    expect(found(java, 'src/main/java/Store.java')).toEqual(['UXo5LVJpdmV0LTcyTG9vbQ==']);
  });

  it('leaves a decoded environment value and a decoded literal returned by a method named for nothing secret', () => {
    const java = 'class Store {\n    public String truststorePassword() {\n        return new String(Base64.getDecoder().decode(System.getenv("TS_PASS")));\n    }\n    public String banner() {\n        return new String(Base64.getDecoder().decode("UXo5LVJpdmV0LTcyTG9vbQ=="));\n    }\n}\n';
    expect(found(java, 'src/main/java/Store.java')).toEqual([]);
  });
});

describe('a (user, secret) tuple kept under an account name', () => {
  it('reports the second literal of the pair', () => {
    expect(found('EXPORT_SERVICE_ACCOUNT = ("bi.loader", "Hq3vZ8mLx2Rk7Wp4Nb9Tc6Jd1")\n', 'jobs/export.py')).toContain('Hq3vZ8mLx2Rk7Wp4Nb9Tc6Jd1');
  });

  it('leaves a region, a variable and a name that only contains "account" alone', () => {
    expect(found('EXPORT_SERVICE_ACCOUNT = ("bi.loader", "eu-central-1")\n', 'jobs/export.py')).toEqual([]);
    expect(found('EXPORT_SERVICE_ACCOUNT = ("bi.loader", os.environ["BI_LOADER_SECRET"])\n', 'jobs/export.py')).toEqual([]);
    expect(detector.detect('subaccount = ("bi.loader", "Hq3vZ8mLx2Rk7Wp4Nb9Tc6Jd1")\n', { file: 'jobs/export.py' }).filter((f) => f.rule === 'account-pair-tuple')).toEqual([]);
  });
});

describe("a (user, password) tuple kept under a login's name", () => {
  const byRule = (text: string): string[] => detector.detect(text, { file: 'ops/reconnect.py' }).filter((f) => f.rule === 'account-pair-tuple').map((f) => text.slice(f.start, f.end));

  it('reports a strong password beside a user name under admin, login or user', () => {
    expect(byRule('    broker_admin = ("mqops", "tern!Qv8Lm2Wz")\n')).toEqual(['tern!Qv8Lm2Wz']);
    expect(byRule('SFTP_LOGIN = ("feeds.bot", "Gannet-47Rx9q")\n')).toEqual(['Gannet-47Rx9q']);
    expect(byRule("fallback_user = ('svc_sync', 'Pq2#moor7Lk')\n")).toEqual(['Pq2#moor7Lk']);
  });

  it('leaves a pair of names, an e-mail, a weak word and a name that only contains the word', () => {
    expect(byRule('DEFAULT_ADMIN = ("Ada", "Lovelace")\n')).toEqual([]);
    expect(byRule('demo_user = ("qa", "qa.tester7@example.org")\n')).toEqual([]);
    expect(byRule('site_login = ("ops", "changeme")\n')).toEqual([]);
    expect(byRule('superuser = ("root", "Hq3vZ8mLx2Rk7Wp4")\n')).toEqual([]);
    expect(byRule('engine_admin = ("rx bridge", "tern!Qv8Lm2Wz")\n')).toEqual([]);
  });
});
