import { describe, expect, it } from 'vitest';
import { createDetector, detect } from '../index.js';

/** The secrets reported in `text` (as values, for readable assertions), with their categories. */
function found(text: string, file?: string): [string, string][] {
  return detect(text, file === undefined ? {} : { file }).map((f) => [f.category, text.slice(f.start, f.end)]);
}

describe('generic credentials across file types', () => {
  const cases: [string, string, string][] = [
    ['config.yaml', 'database:\n  password: Tr0ub4dor&3\n', 'Tr0ub4dor&3'],
    ['settings.json', '{"apiKey": "a8F3kQ9zL2mN7xV4pR6t"}', 'a8F3kQ9zL2mN7xV4pR6t'],
    ['.env', 'STRIPE_SECRET=Zk3mP9qR2vX8wL5nQ4tY\n', 'Zk3mP9qR2vX8wL5nQ4tY'],
    ['app.ini', '[db]\npassword = iPp0@GRq\n', 'iPp0@GRq'],
    ['app.properties', 'spring.datasource.password=Sup3rS3cret!\n', 'Sup3rS3cret!'],
    ['main.tf', 'resource "x" "y" {\n  admin_password = "Kq8zW3mLp0!"\n}\n', 'Kq8zW3mLp0!'],
    ['Dockerfile', 'FROM node:20\nENV API_TOKEN q9X2mL7vR4kP8nZ3w\n', 'q9X2mL7vR4kP8nZ3w'],
    ['deploy.sh', 'export DB_PASS="w7Hn3Kq2Lp"\n', 'w7Hn3Kq2Lp'],
    ['web.config', '<add key="SmtpPassword" value="x7Hq2mZp9L" />', 'x7Hq2mZp9L'],
    ['schema.sql', "CREATE USER report WITH PASSWORD 'r3p0rtPw!';", 'r3p0rtPw!'],
    ['notes.md', 'ID/PW: admin/iPp0@GRq', 'iPp0@GRq'],
    ['run.sh', 'mysql -u root -pW9zq2LmP4 app', 'W9zq2LmP4'],
    ['Settings.cs', 'var password = "Sup3rS3cret!";', 'Sup3rS3cret!'],
    ['main.go', 'apiKey := "q9X2mL7vR4kP8nZ3wT5y"', 'q9X2mL7vR4kP8nZ3wT5y'],
  ];
  for (const [file, text, secret] of cases) {
    it(`finds the credential in ${file}`, () => {
      const values = found(text, file).map(([, v]) => v);
      expect(values.some((v) => v.includes(secret)), values.join(' | ')).toBe(true);
    });
  }

  const negatives: [string, string][] = [
    ['form.tsx', '<input type="password" name="password" placeholder="Enter your password" />'],
    ['login.ts', 'if (password === confirmPassword) { submit(password); }'],
    ['login.py', 'password = request.form["password"]'],
    ['config.py', 'DB_PASSWORD = os.environ["DB_PASSWORD"]'],
    ['config.ts', 'const token = process.env.GITHUB_TOKEN ?? "";'],
    ['values.yaml', 'password: "{{ .Values.db.password }}"'],
    ['docker-compose.yml', 'environment:\n  - POSTGRES_PASSWORD=${POSTGRES_PASSWORD}\n'],
    ['README.md', 'Set `api_key = "<your-api-key>"` in the config.'],
    ['.env.example', 'SECRET_KEY=changeme\nAPI_TOKEN=xxxxxxxxxxxxxxxx\n'],
    ['package-lock.json', '"integrity": "sha512-Xk2pL9vQ3rT8wZ5mN1bC4dF7gH0jK6sAXk2pL9vQ3rT8wZ5mN1bC4dF7gH0jK6sA=="'],
    ['i18n.json', '{"password": "Password", "forgot_password": "Forgot your password?"}'],
    ['models.py', 'password_hash = "5f4dcc3b5aa765d61d8327deb882cf99"'],
    ['settings.py', 'AUTH_PASSWORD_VALIDATORS = []\nPASSWORD_MIN_LENGTH = 12\n'],
    ['app.js', 'const publishableKey = "pk_live_51H8xYzKq9L2mN7xV4pR6tW3";'],
    ['db.ts', 'const primary_key = "user_id";\nconst cacheKey = `user:${id}`;'],
    ['k8s.yaml', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  password_file: /run/secrets/db\n'],
  ];
  for (const [file, text] of negatives) {
    it(`stays silent on the look-alike in ${file}`, () => {
      expect(found(text, file)).toEqual([]);
    });
  }
});

describe('connection strings and URLs with credentials', () => {
  it('reports each as one CONN finding spanning the whole string', () => {
    for (const url of [
      'postgresql://app:Xk2mP9qR7v@db.example.com:5432/app?sslmode=require',
      'mysql://root:w7Hn3Kq2Lp@10.0.3.4:3306/shop',
      'mongodb+srv://admin:w7Hn3Kq2Lp@cluster0.abcde.mongodb.net/test',
      'rediss://default:Zq8mP2xL9r@cache.example.com:6380',
      'amqp://guest:Tr0ub4dor3@mq.example.com:5672/',
    ]) {
      expect(found(`url = "${url}"`), url).toEqual([['CONN', url]]);
    }
  });

  it('takes an unencoded @ that no host follows as part of the password (parsers split at the last @)', () => {
    const url = 'amqp://worker:Harbor*tundra59@@rabbitmq:5672//';
    expect(found(`environment=BROKER_URL="${url}",X=1`)).toEqual([['CONN', url]]);
    expect(found('psql "postgresql://ops:Cedar_harbor75@@pg-primary:5432/postgres"')).toEqual([['CONN', 'postgresql://ops:Cedar_harbor75@@pg-primary:5432/postgres']]);
    // An `@` followed by a host still ends the password.
    expect(found('url = "https://deploy:Vb7Nq2Xz9k@git.example.com/repo.git"')).toEqual([['CRED', 'https://deploy:Vb7Nq2Xz9k@git.example.com/repo.git']]);
  });

  it('takes a long token standing in for the password (an AWS CodeArtifact token in a pip index URL)', () => {
    let token = 'eyJ2ZXIiOjEsImlzdSI6MTc2NDA4MzIwMCwiZW5jIjoiQTEyOEdDTSJ9.';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0, x = 7; token.length < 1000; i++) token += alphabet[(x = (x * 1103515245 + 12345) % 2147483648) % 64];
    const url = `https://aws:${token}@acme-123456789012.d.codeartifact.eu-west-1.amazonaws.com/pypi/wheels/simple/`;
    expect(found(`extra-index-url =\n    ${url}\n`, 'pip.conf')).toEqual([['CRED', url]]);
    // A long run after a port-like colon with no `@` is no userinfo.
    expect(found(`see https://docs.example.com:${'a'.repeat(1500)}/x`)).toEqual([]);
  });

  it('reports key=value connection strings as CONN', () => {
    const text = 'conn = "Server=tcp:db.example.net,1433;Database=app;User ID=app;Password=Xk2mP9qR7v;Encrypt=True"';
    expect(found(text)).toEqual([['CONN', 'Server=tcp:db.example.net,1433;Database=app;User ID=app;Password=Xk2mP9qR7v;Encrypt=True']]);
  });

  it('ignores URLs without credentials and placeholder credentials', () => {
    expect(found('see https://docs.example.com/guide and postgres://user:password@localhost/db')).toEqual([]);
  });
});

describe('private keys', () => {
  const body = 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK';
  it('spans a PEM block from BEGIN to END as one PKEY finding', () => {
    const text = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----\n`;
    expect(found(text)).toEqual([['PKEY', text.trimEnd()]]);
  });

  it('finds a key inside a JSON string with literal \\n', () => {
    const pem = `-----BEGIN PRIVATE KEY-----\\n${body.replace('\n', '\\n')}\\n-----END PRIVATE KEY-----\\n`;
    const text = `{"type": "service_account", "private_key": "${pem}"}`;
    expect(found(text).map(([c]) => c)).toContain('PKEY');
  });

  it('finds encrypted and PGP private key blocks', () => {
    for (const label of ['ENCRYPTED PRIVATE KEY', 'PGP PRIVATE KEY BLOCK', 'DSA PRIVATE KEY']) {
      const text = `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`;
      expect(found(text).map(([c]) => c), label).toEqual(['PKEY']);
    }
  });

  it('ignores public keys, certificates and elided keys', () => {
    const publicBody = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0t\nRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18g';
    expect(found(`-----BEGIN PUBLIC KEY-----\n${publicBody}\n-----END PUBLIC KEY-----`)).toEqual([]);
    expect(found(`-----BEGIN CERTIFICATE-----\n${publicBody}\n-----END CERTIFICATE-----`)).toEqual([]);
    expect(found('-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----')).toEqual([]);
  });

  describe('OpenVPN key files', () => {
    const staticKey = [
      '-----BEGIN OpenVPN Static key V1-----',
      'a31f06c9d2e84b7f5c0e19a6d38b2f47',
      '6e9c1b08f5a7d3e24c8b6a0f17d5e923',
      'b04d7e2a9c61f8e35a2d0c7b4e19f68a',
      '58c3e0f1a7b92d64e0f8a3c5b71d2e96',
      '-----END OpenVPN Static key V1-----',
    ].join('\n');

    it('spans an inline tls-auth static key from BEGIN to END as one PKEY finding', () => {
      const profile = `client\nremote vpn.example.org 1194\nkey-direction 1\n<tls-auth>\n#\n# 2048 bit OpenVPN static key\n#\n${staticKey}\n</tls-auth>\n`;
      expect(found(profile, 'laptop.ovpn')).toEqual([['PKEY', staticKey]]);
    });

    it('finds a tls-crypt-v2 client key and a static key kept in a JSON string', () => {
      const v2 = '-----BEGIN OpenVPN tls-crypt-v2 client key-----\nq8R2vLx0Tz5mKc7WbN3yHd1FeJ9sUa4GpQ6tYi2XoE8nZr0VmB5kLw7CjS3fDh1A\nP4uGx9eN2aT6yQ0bR5mW8kJ3zC7vL1sH4dF0oI9gE2nU6tY5rX3wB8qK1pM7jZ0c\n-----END OpenVPN tls-crypt-v2 client key-----';
      expect(found(`<tls-crypt-v2>\n${v2}\n</tls-crypt-v2>\n`, 'phone.ovpn')).toEqual([['PKEY', v2]]);
      const escaped = staticKey.replace(/\n/g, '\\n');
      const json = `{"vpn": {"ta_key": "${escaped}"}}`;
      expect(found(json, 'profile.json').map(([c, v]) => [c, v.length])).toContainEqual(['PKEY', escaped.length]);
    });

    it('leaves a static key block that is a placeholder or all zeros alone', () => {
      expect(found('-----BEGIN OpenVPN Static key V1-----\n# paste ta.key here\n-----END OpenVPN Static key V1-----\n', 'client.ovpn')).toEqual([]);
      const zeros = `-----BEGIN OpenVPN Static key V1-----\n${Array(8).fill('0'.repeat(32)).join('\n')}\n-----END OpenVPN Static key V1-----\n`;
      expect(found(zeros, 'client.ovpn')).toEqual([]);
    });
  });
});

describe('JWTs and Authorization values', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4NDEyIiwibmFtZSI6InN2Yy1iaWxsaW5nIiwiaWF0IjoxNzMyNTUwNDAwfQ.X754ma1w04ZIOOiQYAnlXOt1h7s3gXL6c9ANybsW_D0';
  it('reports a JWT whose header has an alg', () => {
    expect(found(`const t = "${jwt}";`)).toEqual([['JWT', jwt]]);
  });

  it('ignores eyJ strings whose header is not a JWT header', () => {
    expect(found('eyJmb28iOiJiYXIifQ.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc')).toEqual([]);
  });

  it('reports bearer tokens and basic credentials', () => {
    expect(found('Authorization: Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0')).toEqual([['TOKEN', '9f8e7d6c5b4a39281706f5e4d3c2b1a0']]);
    expect(found('Authorization: Basic YWRtaW46VHIwdWI0ZG9yJjM=')).toEqual([['CRED', 'YWRtaW46VHIwdWI0ZG9yJjM=']]);
  });

  it('reports an Authorization value given to a header call or map entry, not a variable given there', () => {
    const token = '22cb987851bc5659229114c62e60c79abd0d2c08';
    expect(found(`.header("Authorization", "Token ${token}")`, 'Client.kt')).toEqual([['TOKEN', token]]);
    expect(found(`req.Header.Set("Authorization", "GenieKey ${token}")`, 'alert.go')).toEqual([['TOKEN', token]]);
    expect(found(`'headers' => ['Authorization' => 'ApiKey ${token}'],`, 'client.php')).toEqual([['TOKEN', token]]);
    expect(found('.header("Authorization", authorizationHeaderValue)\n.header("Authorization", "Token " + apiToken)', 'Client.kt')).toEqual([]);
  });

  it('reports a literal holding a whole scheme-and-credential value, whatever its variable is called', () => {
    const token = '22cb987851bc5659229114c62e60c79abd0d2c08';
    expect(found(`private val authHeader = "Token ${token}"`, 'Client.kt')).toEqual([['TOKEN', token]]);
    expect(found(`HEADERS = {"X-Alert-Auth": "GenieKey ${token}"}`, 'alert.py')).toEqual([['TOKEN', token]]);
    expect(found('label = "Token expired, please sign in again"\nstatus = "Token rotation_schedule_weekly"', 'ui.py')).toEqual([]);
  });
});

describe('private hosts and internal URLs', () => {
  it('reports private addresses as HOST and URLs to them as URL', () => {
    expect(found('DB_HOST=10.20.30.40')).toEqual([['HOST', '10.20.30.40']]);
    expect(found('gateway 100.64.1.1 and peer 172.16.0.9')).toEqual([['HOST', '100.64.1.1'], ['HOST', '172.16.0.9']]);
    expect(found('bind fd12:3456:789a:1::1')).toEqual([['HOST', 'fd12:3456:789a:1::1']]);
    expect(found('see http://192.168.1.20:8080/admin.')).toEqual([['URL', 'http://192.168.1.20:8080/admin']]);
    expect(found('redis: cache.default.svc.cluster.local')).toEqual([['HOST', 'cache.default.svc.cluster.local']]);
    expect(found('wiki: https://wiki.acme.corp/display/OPS')).toEqual([['URL', 'https://wiki.acme.corp/display/OPS']]);
  });

  it('leaves loopback, public addresses and version numbers alone', () => {
    expect(found('http://127.0.0.1:3000 http://localhost:8080 8.8.8.8 https://example.com')).toEqual([]);
    expect(found('version: 10.0.0.1')).toEqual([]);
    expect(found('"chromium": "100.0.4896.127"')).toEqual([]);
  });
});

describe('secrets named by their place rather than a key name', () => {
  const cases: [string, string, string][] = [
    ['redis.conf', 'port 6379\nrequirepass Ti9er-Lily-Quasar\nmasterauth Argyle.Harbor.4040\n', 'Ti9er-Lily-Quasar'],
    ['redis.conf', 'port 6379\nrequirepass Ti9er-Lily-Quasar\nmasterauth Argyle.Harbor.4040\n', 'Argyle.Harbor.4040'],
    ['sentinel.conf', 'sentinel monitor mymaster 10.0.0.5 6379 2\nsentinel auth-pass mymaster Sent1nel-Otter\n', 'Sent1nel-Otter'],
    ['keepalived.conf', 'authentication {\n    auth_type PASS\n    auth_pass Vrrp-Kq8z\n}\n', 'Vrrp-Kq8z'],
    ['bitcoin.conf', 'rpcuser=node\nrpcpassword=Zk3mP9qR2vX8wL5n\n', 'Zk3mP9qR2vX8wL5n'],
    ['LegacyConfig.java', 'return new BasicAWSCredentials("AKIA2ZQHGQFLCYJ35AC4", "b6YNbbAIvpwmrphB1OPCj726nT8qsMnId8EKiUOh");', 'b6YNbbAIvpwmrphB1OPCj726nT8qsMnId8EKiUOh'],
    ['main.go', 'creds := credentials.NewStaticCredentials("AKIAZ7VRSQ5TKQLMWP3B", "q8Rw2Lk9Vb/Xm4Np7Tz+Hc5Jd3Gf6Sa1Ye0Ui2Oq", "")', 'q8Rw2Lk9Vb/Xm4Np7Tz+Hc5Jd3Gf6Sa1Ye0Ui2Oq'],
    ['legacy_rsa', '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,1ACB5861A6C7D5D62D988299A6AEDA17\n\nyQoey8gWlf41GC/zqPTmSNERZushCAe5Ytx948z8tyP88gLUfTfWVHN+sFOh6EII\nu0aN6gfjIfG9IRvDA92sPyaKlyP+P576pidJSTH8kqOgm8J06DkIf48huVztl2NO\n-----END RSA PRIVATE KEY-----\n', 'yQoey8gWlf41GC/zqPTmSNERZushCAe5Ytx948z8tyP88gLUfTfWVHN+sFOh6EII'],
    ['Web.config', '<machineKey validationKey="16BAF4DC800988C8699123AEC842D4E46709DC5AE215F7DA45D54DC672305AC2" decryptionKey="118BAC3D8E5E433312AE392904CB21096E873E807CCA63610524FB58224DA2D0" validation="HMACSHA256" />', '118BAC3D8E5E433312AE392904CB21096E873E807CCA63610524FB58224DA2D0'],
    ['0042_app_roles.sql', "EXEC sp_addlinkedsrvlogin @rmtsrvname = N'ERP01', @useself = N'False', @rmtuser = N'erp_reader', @rmtpassword = N'Granola!Sextant!5';", 'Granola!Sextant!5'],
    ['logins.sql', "CREATE LOGIN reporting WITH PASSWORD = N'Sq1-Login!Otter', CHECK_POLICY = ON;", 'Sq1-Login!Otter'],
    ['PartnerClient.php', "return new Client(['auth' => ['acme', 'Spruce+Ledger+33']]);", 'Spruce+Ledger+33'],
    ['client.go', 'req.SetBasicAuth("svc", "Go-Basic!Auth7")', 'Go-Basic!Auth7'],
    ['sync.rb', "http.basic_auth 'svc', 'Rb-Basic!Auth7'", 'Rb-Basic!Auth7'],
    ['churn.ipynb', '"source": [\n    "cohere_client = cohere.Client(\\"i7bLEltVfMfm1XBMALCWaN6nlwaqXh8sxJkjHuPN\\")\\n"\n   ]', 'i7bLEltVfMfm1XBMALCWaN6nlwaqXh8sxJkjHuPN'],
    ['client.py', "client = anthropic.Anthropic('Kq8zW3mLp0vX7nR2tY5uB9cD4eF6gH1jK3lM8nP0')", 'Kq8zW3mLp0vX7nR2tY5uB9cD4eF6gH1jK3lM8nP0'],
    ['capture.har', '{\n  "name": "Cookie",\n  "value": "sid=NOOUW5RrQgDsJNVnIp9nhlI3afUVw7On; theme=dark"\n}', 'NOOUW5RrQgDsJNVnIp9nhlI3afUVw7On'],
    ['capture.har', '"postData": {"text": "{\\"username\\": \\"dana\\", \\"password\\": \\"Kingfisher-Oolong-4\\"}"}', 'Kingfisher-Oolong-4'],
    ['capture.har', '"cookies": [\n  {\n    "name": "sessionid",\n    "value": "k2mP9qR7vL4nZ8wQ3tYAb1Cd2Ef3Gh4"\n  }\n]', 'k2mP9qR7vL4nZ8wQ3tYAb1Cd2Ef3Gh4'],
    ['haproxy.cfg', 'userlist admins\n  user admin insecure-password Hapr0xy-Pw!9\n', 'Hapr0xy-Pw!9'],
    ['haproxy.cfg', 'listen stats\n  stats auth admin:St4ts-Pw!x\n', 'St4ts-Pw!x'],
    ['users.acl', 'user alice on >Al1ce-Acl-Pw ~cached:* +get\n', 'Al1ce-Acl-Pw'],
    ['pgbouncer/userlist.txt', '"app" "Pgb-Userlist!Pw"\n"admin" "md5a3556571e93b0d20722ba62be61e8c2d"\n', 'Pgb-Userlist!Pw'],
    ['pgbouncer/userlist.txt', '"app" "Pgb-Userlist!Pw"\n"admin" "md5a3556571e93b0d20722ba62be61e8c2d"\n', 'md5a3556571e93b0d20722ba62be61e8c2d'],
    ['linked.sql', "EXEC sp_addlinkedsrvlogin 'ERP01', 'false', NULL, 'erp_reader', 'Granola!Sextant!5';", 'Granola!Sextant!5'],
    ['client.rb', 'conn.request :basic_auth, "svc", "Far4day!Pw"', 'Far4day!Pw'],
    ['Client.cs', 'client.Authenticator = new HttpBasicAuthenticator("svc", "R3st!Sharp");', 'R3st!Sharp'],
    ['legacy_db.py', 'db = MySQLdb.connect("localhost", "testuser", "Ts7!Mysql-db", "TESTDB")', 'Ts7!Mysql-db'],
    ['ora.py', "conn = cx_Oracle.connect('scott', 'T1ger-Ora!9', 'db.example.com/orclpdb1')", 'T1ger-Ora!9'],
    ['nslcd.conf', 'binddn cn=nslcd,dc=acme,dc=com\nbindpw Nslcd-Bind!Pw7\n', 'Nslcd-Bind!Pw7'],
    ['notify.py', 'from twilio.rest import Client\nclient = Client("AC5f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c", "7d3f9a2b8c1e4f6a0b5c9d2e7f1a3b8c")', '7d3f9a2b8c1e4f6a0b5c9d2e7f1a3b8c'],
    ['setup.ipynb', '"source": [\n    "os.environ[\\"OPENAI_API_KEY\\"] = \\"Kq8zW3mLp0vX7nR2tY5uB9cD4eF6gH1jK3lM8nP0\\"\\n"\n   ]', 'Kq8zW3mLp0vX7nR2tY5uB9cD4eF6gH1jK3lM8nP0'],
    ['main.go', 'client := openai.NewClient("Zk3mP9qR2vX8wL5nQ4tY7uI0oP1aS2dKq8zW3mL")', 'Zk3mP9qR2vX8wL5nQ4tY7uI0oP1aS2dKq8zW3mL'],
  ];
  for (const [file, text, secret] of cases) {
    it(`finds ${secret.slice(0, 12)}… in ${file}`, () => {
      const values = found(text, file).map(([, v]) => v);
      expect(values.some((v) => v.includes(secret)), values.join(' | ')).toBe(true);
    });
  }

  const negatives: [string, string][] = [
    ['redis.conf', '# requirepass foobared\nrequirepass ${REDIS_PASSWORD}\n'],
    ['Web.config', '<machineKey validationKey="AutoGenerate,IsolateApps" decryptionKey="AutoGenerate,IsolateApps" />'],
    ['Creds.java', 'new BasicAWSCredentials("AKIAZ7VRSQ5TKQLMWP3B", System.getenv("AWS_SECRET_ACCESS_KEY"))'],
    ['client.py', 'co = cohere.Client(os.environ["CO_API_KEY"])'],
    ['client.py', 'client = OpenAI(base_url)'],
    ['PartnerClient.php', "return new Client(['auth' => [$user, $password]]);"],
    ['capture.har', '{\n  "name": "Cookie",\n  "value": "theme=dark; lang=en-GB"\n}'],
    ['capture.har', '"text": "{\\"username\\": \\"dana\\", \\"password_hint\\": \\"Your pet\'s name\\"}"'],
    ['web/src/i18n/es.json', '{\n  "login": "Iniciar sesión",\n  "password": "Contraseña",\n  "forgot_password": "¿Olvidaste tu contraseña?"\n}'],
    ['web/src/i18n/de.json', '{\n  "password": "Passwort",\n  "new_password": "Neues Passwort"\n}'],
    ['locales/fr.yml', 'fr:\n  password: "Mot de passe"\n'],
    ['res/values-fr/strings.xml', '<string name="password">Mot de passe secret</string>'],
    ['Localizable.strings', '"password" = "Geheimwort";'],
    ['users.acl', 'user default on nopass ~* +@all\n'],
    ['redis.conf', 'requirepass foobared\n'],
    ['docs/quoting.md', '"first" "second quoted word"\n'],
    ['pgbouncer/userlist.txt', '"app" "<password>"\n'],
    // A SCRAM secret is a salted hash PgBouncer checks a client's proof against; nobody logs in with it.
    ['pgbouncer/userlist.txt', '"reports" "SCRAM-SHA-256$4096:c2FsdC1mb3ItcmVwb3J0cw==$Lq8Vz2Kp7Tw4Rn9Xc3Bd6Hf1Js5Gm0Ya8Ue2Wi4Oo6=:Pz3Nx7Qk1Vt5Lr9Hb2Fd8Mj4Wc6Gs0Yu3Ae7Ri1Tk5="\n'],
    ['pgbouncer/userlist.txt', '"reports" "SCRAM-SHA-256$4096:Qm8Zt3Lp9Vx2Rb7Nk4Hc6Jd1Fs5Gp0Yk"\n'],
    ['docs/pooler.md', 'Add to `/etc/pgbouncer/userlist.txt`:\n\n    "reports" "SCRAM-SHA-256$4096:c2FsdC1mb3ItcmVwb3J0cw==$Lq8Vz2Kp7Tw4Rn9Xc3Bd6Hf1Js5Gm0Ya8Ue2Wi4Oo6=:Pz3Nx7Qk1Vt5Lr9Hb2Fd8Mj4Wc6Gs0Yu3Ae7Ri1Tk5="\n'],
    ['capture.har', '"cookies": [{"name": "theme", "value": "dark-high-contrast-mode"}]'],
    ['Secrets.swift', 'static let keychainPasswordAccount = "com.acme.shop.password"'],
    ['Set-ServiceAccount.ps1', '$password = ConvertTo-SecureString "Crocus!Embankment!6" -AsPlainText -Force'],
  ];
  for (const [file, text] of negatives) {
    it(`stays silent on the look-alike in ${file}: ${text.slice(0, 40)}`, () => {
      const values = found(text, file).map(([, v]) => v);
      // The PowerShell line holds a real password and the Java one a real key id: only the look-alikes must stay.
      expect(values.filter((v) => v !== 'Crocus!Embankment!6' && v !== 'AKIAZ7VRSQ5TKQLMWP3B')).toEqual([]);
    });
  }

  it('still reports a password in a translation file when it is not a label', () => {
    expect(found('{"password": "Tr0ub4dor&3"}', 'locales/de.json').map(([, v]) => v)).toEqual(['Tr0ub4dor&3']);
    expect(found('{"password": "Sommerwind"}', 'config/settings.json').map(([, v]) => v)).toEqual(['Sommerwind']);
    expect(found('{"password": "Sommerwind"}', 'locales/de.json')).toEqual([]);
  });

  it('reports the password given to ConvertTo-SecureString, and only it', () => {
    const text = '$password = ConvertTo-SecureString "Crocus!Embankment!6" -AsPlainText -Force';
    expect(found(text, 'Set-ServiceAccount.ps1').map(([, v]) => v)).toEqual(['Crocus!Embankment!6']);
  });

  it('does not report the type marker or the key id of a service-account file as the key', () => {
    const text = '{\n  "type": "service_account",\n  "project_id": "acme-prod"\n}';
    expect(found(text, 'sa.json')).toEqual([]);
  });
});

describe('credentials in less common syntaxes (blind set 3)', () => {
  const cases: [string, string, string][] = [
    ['main.tf', 'resource "aws_db_instance" "x" {\n  username            = "ledger"\n  password            = "Mo0n$walker"\n}\n', 'Mo0n$walker'],
    ['stack.yaml', 'Parameters:\n  AdminPassword:\n    Type: String\n    NoEcho: true\n    Description: admin\n    Default: Quartz_river19%\n  Owner:\n    Type: String\n    Default: ops@example.com\n', 'Quartz_river19%'],
    ['stack.yaml', 'Resources:\n  S:\n    Properties:\n      SecretString: \'{{"username":"app","password":"Pike*harbor208&"}}\'\n', 'Pike*harbor208&'],
    ['bridge.conf', 'connection edge\nremote_username gw-3\nremote_password Otter_maple551.\n', 'Otter_maple551.'],
    ['cache.lua', 'M.cache = { host = "cache", port = 6379, auth = "Tulip!basalt82#" }', 'Tulip!basalt82#'],
    ['values.yaml', 'rabbitmq:\n  auth:\n    erlangCookie: QWMZTRPLKDHXNBVCYEUIOAJSGFRTLMPQ\n', 'QWMZTRPLKDHXNBVCYEUIOAJSGFRTLMPQ'],
    ['haproxy.cfg', 'backend api\n    http-request set-header X-Service-Token 9c2f7e1a4b8d3c6e0f5a2b9d7c4e1f83\n', '9c2f7e1a4b8d3c6e0f5a2b9d7c4e1f83'],
    ['sync.py', 'r = requests.post(url, data={"grant_type": "client_credentials", "client_secret": "Vq7LmN2xR9tZp4KwY8sJd3Hf"})', 'Vq7LmN2xR9tZp4KwY8sJd3Hf'],
    ['vault.ex', 'ciphers: [default: {Cloak.Ciphers.AES.GCM, tag: "AES.GCM.V1", key: Base.decode64!("mQ3xT8vL2pR7nK5wZ9sY4bH6jD1fG0cA3eU8iO2tV5w=")}]', 'mQ3xT8vL2pR7nK5wZ9sY4bH6jD1fG0cA3eU8iO2tV5w='],
  ];
  for (const [file, text, secret] of cases) {
    it(`finds ${secret} in ${file}`, () => {
      expect(found(text, file).map(([, v]) => v)).toContain(secret);
    });
  }

  it('covers the whole Atlassian token, its =CRC tail included', () => {
    const token = `ATATT3${'xFfGF00juoOCjpBq_Wf1-rQY2Hsu'.repeat(6).slice(0, 160)}=0A1B2C3D`;
    expect(found(`auth = HTTPBasicAuth("bot@example.com", "${token}")`, 'jira.py').map(([, v]) => v)).toContain(token);
  });

  const negatives: [string, string][] = [
    ['Release.xcconfig', 'ALGOLIA_SEARCH_KEY = 7d3a9f1c5e2b8d4a6f0c3e9b1d7a5f2c\n'],
    ['Clients.kt', 'val datadogClientToken = "pub7c1e9a3f5b2d8c4e6a0f9b1d3c5e7a2f"'],
    ['keys.txt', '# created: 2024-05-01\n# public key: age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq\n'],
    ['checkout.har', '{"text": "{\\"card_token\\": \\"tok_9aQzX2LmP4vR7tK1wY5sJ3bN\\"}"}'],
    ['Login.vue', '<script setup>\nconst nonce = "Wq83Lm2PxZ7vK4tR9sY1bN";\n</script>'],
    ['bridge.conf', 'remote_clientid gateway-17-edge\nremote_username gateway-17\n'],
    ['haproxy.cfg', 'http-request set-header X-Forwarded-Proto https\nhttp-request set-header X-Request-Key %[uuid()]\n'],
    ['stack.yaml', 'Parameters:\n  DbPassword:\n    Type: String\n    NoEcho: true\n  Owner:\n    Type: String\n    Default: ops-team\n'],
  ];
  for (const [file, text] of negatives) {
    it(`stays silent on the look-alike in ${file}: ${text.split('\n')[0]}`, () => {
      expect(found(text, file)).toEqual([]);
    });
  }

  it('keeps a nonce outside front-end pages a secret (the corpus labels one)', () => {
    expect(found("nonce = 'bsfcvir57nt40rydvtbhs8lzbgljmet5'", 'nonce.py').map(([, v]) => v)).toEqual(['bsfcvir57nt40rydvtbhs8lzbgljmet5']);
  });
});

describe("hosts in a company's private zone", () => {
  it('reports a host with an internal, corp or intranet label before the registered domain', () => {
    expect(found('GET /health HTTP/1.1\nHost: ops.internal.northwind-bank.com\n', 'probe.http')).toEqual([['HOST', 'ops.internal.northwind-bank.com']]);
    expect(found('ALLOWED_HOSTS = ["pay.example.org", "ledger-int.corp.northwind-bank.de"]', 'settings.py')).toEqual([['HOST', 'ledger-int.corp.northwind-bank.de']]);
  });

  it('leaves prose, member access and bare vendor domains alone', () => {
    expect(found('The internal. corp. team owns internal.docs and the corp.wiki pages.', 'notes.md')).toEqual([]);
    expect(found('x = self.internal.cache.io', 'model.py')).toEqual([]);
    expect(found('curl -X GET https://octopus.corp.net/api', 'run.sh')).toEqual([]);
  });
});

describe('credentials in Markdown documentation', () => {
  const table = [
    '| Vendor | Env | API key | Notes |',
    '|---|:---:|---|---|',
    '| Fabrikam | prod | `Hq7vN2kLx9PzR4tWm8sYc3Jd6FbQ0eGa` | rotates yearly |',
    '| Fabrikam | sandbox | `fab_test_key_placeholder` | public sandbox |',
    '| Contoso | prod | see op://Ops/Contoso/api-key | 1Password |',
    '| Tailspin | prod | `TBD` | pending |',
  ].join('\n');

  it('reports a value in a column whose header names a secret', () => {
    expect(found(table, 'docs/vendors.md')).toEqual([['KEY', 'Hq7vN2kLx9PzR4tWm8sYc3Jd6FbQ0eGa']]);
  });

  it('ignores tables whose headers name no secret, and tables outside Markdown', () => {
    expect(found('| Service | Commit |\n|---|---|\n| api | `9f2c7e1a4b8d3c6e0f5a2b9d7c4e1f83aa01bb22` |\n', 'README.md')).toEqual([]);
    expect(found(table, 'vendors.txt').map(([, v]) => v)).not.toContain('Hq7vN2kLx9PzR4tWm8sYc3Jd6FbQ0eGa');
  });

  it('reports `pass` followed by a password-like code span, not prose or flags', () => {
    expect(found('| Contoso | prod | user `acme`, pass `Quill#maple402!` | SFTP |', 'notes.md')).toEqual([['PASS', 'Quill#maple402!']]);
    expect(found('Pass `--no-verify` to skip hooks, or pass `config.v2` and pass `retries3` to the runner.', 'CONTRIBUTING.md')).toEqual([]);
  });
});

describe('look-alikes of blind set 5a: file references, module paths, parameter names, block labels', () => {
  it('reads `@path` as a file a CLI reads the value from, not as the value', () => {
    expect(found('vault kv put ci/db password="@/root/seed/db-password.txt"\n', 'seed.sh')).toEqual([]);
    expect(found('vault kv put ci/db password=@./secrets/db.txt api_token=@token.json\n', 'seed.sh')).toEqual([]);
    // A password that merely starts with `@` is still one.
    expect(found('vault kv put ci/db password="@Tamarack#Vole_39"\n', 'seed.sh')).toEqual([['PASS', '@Tamarack#Vole_39']]);
  });

  it('leaves Python module paths ending in .local alone, not hosts under .local', () => {
    expect(found('DJANGO_SETTINGS_MODULE=dispatch.settings.local\n', '.env.example')).toEqual([]);
    expect(found('os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")\n', 'manage.py')).toEqual([]);
    expect(found('celery_module: tasks.worker.local\n', 'app.yaml')).toEqual([]);
    expect(found('DB_HOST=pg.settings-svc.local\nCACHE=cache01.prod.local\nUI=settings.acme.local\n', '.env')).toEqual([
      ['HOST', 'pg.settings-svc.local'],
      ['HOST', 'cache01.prod.local'],
      ['HOST', 'settings.acme.local'],
    ]);
  });

  it('reads a parameter spelled after one dash as its name, and the next argument as the password', () => {
    const line = "Invoke-Sqlcmd -ServerInstance $Server -Username sa -Password 'Sa!Rpt-Quill-0913' -Query $q\n";
    expect(found(line, 'New-User.ps1')).toEqual([['PASS', 'Sa!Rpt-Quill-0913']]);
    expect(found('Invoke-Sqlcmd -ServerInstance db -Password $pw\n', 'New-User.ps1')).toEqual([]);
    // A password glued to the flag, as mysql and sqlcmd take it, is still read.
    expect(found('sqlcmd -S db -U sa -PWint3r-Lantern\n', 'run.sh')).toEqual([['PASS', 'Wint3r-Lantern']]);
    expect(found('mysql -u root -pWinterLantern app\n', 'run.sh')).toEqual([['PASS', 'WinterLantern']]);
  });

  it('reads the labels of a Terraform block header as names, not values', () => {
    const tf = 'resource "random_password" "sql_admin" {\n  length = 24\n}\n\nresource "azurerm_mssql_server" "s" {\n  administrator_login_password = "Glacier_Moth_4419!"\n}\n';
    expect(found(tf, 'main.tf')).toEqual([['PASS', 'Glacier_Moth_4419!']]);
    expect(found('password "Glacier_Moth_4419!"\n', 'notes.txt')).toEqual([['PASS', 'Glacier_Moth_4419!']]);
  });
});

describe('private hosts written as a log field or in a list of URLs (blind set 5b)', () => {
  it('reads `name=address` as an address even where a version word sits elsewhere on the line', () => {
    const log = '2025-03-14T09:15:41.870Z INFO  [http] POST /v1/payouts 201 38ms client=10.20.31.144 request_id=df48\n';
    expect(found(log, 'logs/app.log')).toEqual([['HOST', '10.20.31.144']]);
    // The name beside the quad still decides: a build or release number is no address.
    expect(found('ledger-api v2.14.0 build=10.2.0.1\nrelease: 10.4.1.2\n', 'notes.txt')).toEqual([]);
  });

  it('checks every host of a multi-host authority and ends each URL of a failover list at the next', () => {
    const xml = '<property name="brokerURL" value="failover:(tcp://10.80.3.3:61616,tcp://10.80.3.4:61616)"/>\n';
    expect(found(xml, 'applicationContext.xml')).toEqual([['URL', 'tcp://10.80.3.3:61616'], ['URL', 'tcp://10.80.3.4:61616']]);
    expect(found('MONGO=mongodb://10.0.0.5:27017,10.0.0.6:27017/app?replicaSet=rs0\n', 'notes.txt')).toEqual([
      ['URL', 'mongodb://10.0.0.5:27017,10.0.0.6:27017/app?replicaSet=rs0'],
    ]);
    // A public broker beside a private one is not swept into the private one's span.
    expect(found('url=failover:(tcp://10.0.0.1:61616,tcp://mq.example.com:61616)\n', 'jms.properties')).toEqual([['URL', 'tcp://10.0.0.1:61616']]);
    expect(found('url=failover:(tcp://broker1.example.com:61616,tcp://broker2.example.com:61616)\n', 'jms.properties')).toEqual([]);
  });
});

describe('generic assignments: tags, key ids, entry names and prompts are not values (blind set 5b)', () => {
  it('reads the value after a YAML tag, not the tag, and leaves reference tags alone', () => {
    const yaml = "ldap:\n  bind_password: !unsafe 'Larch%Meadow-0981'\n  api_token: !!str Zk3mP9qR2vX8wL5nQ4tY\n";
    expect(found(yaml, 'group_vars/all.yml')).toEqual([['PASS', 'Larch%Meadow-0981'], ['TOKEN', 'Zk3mP9qR2vX8wL5nQ4tY']]);
    expect(found('Resources:\n  Db:\n    Properties:\n      MasterUserPassword: !Ref DbPasswordParam\n', 'stack.yaml')).toEqual([]);
    const vault = 'db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  62313365396662343061393464336163383764373764613633653634306231386433626436623361\n';
    expect(found(vault, 'vault.yml')).toEqual([]);
  });

  it('leaves a PGP key id under a signing-key name alone, not a signing secret', () => {
    expect(found('[user]\n\tname = Mara\n\tsigningkey = 3AA5C34371567BD2\n', 'home/.gitconfig')).toEqual([]);
    expect(found('GPG_KEY_ID=0x3aa5c34371567bd2\nSIGNING_KEY_FPR=E1B2C3D4E5F60718293A4B5C6D7E8F9012345678\n', 'ci.sh')).toEqual([]);
    // Release-signing keys fetched by fingerprint: public by design.
    const fetch = 'RUN gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys E1B2C3D4E5F60718293A4B5C6D7E8F9012345678\n';
    expect(found(fetch + 'RUN apt-key adv --keyserver keyserver.ubuntu.com --recv-key 0x3AA5C34371567BD2\n', 'Dockerfile')).toEqual([]);
    // Upper-case hex under a name that only contains the letters of one (`design`) is judged as any value.
    expect(found('DESIGN_API_KEY=E1B2C3D4E5F60718293A4B5C6D7E8F9012345678\n', 'ci.sh')).toEqual([['KEY', 'E1B2C3D4E5F60718293A4B5C6D7E8F9012345678']]);
    expect(found('JWT_SIGNING_KEY=9f8e7d6c5b4a39281706f5e4d3c2b1a0\nsigning_key = "Xk29fLqp7ZmW3rTb8VnC"\n', 'app.ini')).toEqual([
      ['KEY', '9f8e7d6c5b4a39281706f5e4d3c2b1a0'],
      ['KEY', 'Xk29fLqp7ZmW3rTb8VnC'],
    ]);
  });

  it('reads a key= attribute followed by value= as the entry name, and still finds the value', () => {
    const config = '<add key="ida:ClientSecret" value="Hq7vK2mX9pLw4Zt8Wq3nB6cJ" />\n<add key="ida:PostLogoutRedirectUri" value="https://ledger.acme-pay.com/signed-out" />\n';
    expect(found(config, 'web/Web.config').map(([, v]) => v)).toEqual(['Hq7vK2mX9pLw4Zt8Wq3nB6cJ']);
    expect(found('<param name="apiKey" value="Zk3mP9qR2vX8wL5nQ4tYx7" />\n', 'applet.html')).toEqual([['KEY', 'Zk3mP9qR2vX8wL5nQ4tYx7']]);
  });

  it('does not take the end of a prompt string in a notebook for a password', () => {
    expect(found('    "snowflake_password = getpass.getpass(\\"Snowflake password: \\")\\n",\n', 'churn.ipynb')).toEqual([]);
    expect(found('    "print(\\"password: \\")\\n",\n', 'churn.ipynb')).toEqual([]);
  });

  it('reads settings about passwords (complexity, history, lockout) as settings', () => {
    const ini = '[security]\nPASSWORD_COMPLEXITY = lower,upper,digit\nPASSWORD_HISTORY = 5\nPASSWORD_RULES = upper;digit\nADMIN_PASSWORD = Harbor-Quill-552\n';
    expect(found(ini, 'custom/conf/app.ini')).toEqual([['PASS', 'Harbor-Quill-552']]);
  });
});

describe('Kubernetes Secret data: certificates are public (blind set 5b)', () => {
  const cert = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2xZ\n-----END CERTIFICATE-----\n').toString('base64');
  const bundle = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2xZ\n-----END CERTIFICATE-----\n-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg\n-----END EC PRIVATE KEY-----\n').toString('base64');

  it('skips a certificate under a certificate name, decoded from base64 or as PEM', () => {
    expect(found(`apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\ndata:\n  tls.crt: ${cert}\n  api-token: UzNjcjN0UGFzc3dvcmQhMjAyNA==\n`, 'tls.yaml')).toEqual([
      ['CRED', 'UzNjcjN0UGFzc3dvcmQhMjAyNA=='],
    ]);
    const pem = 'apiVersion: v1\nkind: Secret\nstringData:\n  ca.crt: |\n    -----BEGIN CERTIFICATE-----\n    MIIBszCCAVmgAwIBAgIUQ2xZ\n    -----END CERTIFICATE-----\n';
    expect(found(pem, 'ca.yaml')).toEqual([]);
  });

  it('still reports a bundle that holds a private key, and a certificate under a name that does not say so', () => {
    expect(found(`apiVersion: v1\nkind: Secret\ndata:\n  tls.crt: ${bundle}\n`, 'tls.yaml').map(([, v]) => v)).toEqual([bundle]);
    expect(found(`apiVersion: v1\nkind: Secret\ndata:\n  ca.pem: ${cert}\n`, 'ca.yaml')).toEqual([['CRED', cert]]);
  });
});

describe('Kubernetes Secret data: ids beside the secrets they go with', () => {
  const values = (text: string, file: string): string[] => found(text, file).map(([, v]) => v);
  const tenant = '3f9c2b71-84d0-4e6a-b15c-7a20e9d4c6f8';
  const client = 'c8e14a52-0b7d-4f93-a6e1-29d5b3f07c4e';

  it('leaves a UUID under a name that ends in id (an app registration, a tenant, a subscription), as stringData or base64 data', () => {
    const manifest = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ingest-azure\nstringData:\n  AZURE_TENANT_ID: ${tenant}\n  AZURE_CLIENT_ID: "${client}"\n  AZURE_CLIENT_SECRET: Qv8~Ln3pWz.Rt6Ky2Hm9Xc4Bd7Jf1Gs0Ta5Ue\n`;
    expect(values(manifest, 'k8s/ingest-secret.yaml')).toEqual(['Qv8~Ln3pWz.Rt6Ky2Hm9Xc4Bd7Jf1Gs0Ta5Ue']);
    const encoded = Buffer.from(client).toString('base64');
    expect(values(`apiVersion: v1\nkind: Secret\ndata:\n  ARM_SUBSCRIPTION_ID: ${encoded}\n`, 'k8s/arm.yaml')).toEqual([]);
  });

  it("still reports a UUID under a secret's name, and a value under an id's name that is no UUID", () => {
    expect(values(`apiVersion: v1\nkind: Secret\nstringData:\n  VAULT_SECRET_ID: ${client}\n  HEC_TOKEN: ${tenant}\n`, 'k8s/vault.yaml')).toEqual([client, tenant]);
    expect(values('apiVersion: v1\nkind: Secret\nstringData:\n  BROKER_CLIENT_ID: Wz8qLm3Rt7Kx2Vb9Nc4Hd6\n', 'k8s/broker.yaml')).toEqual(['Wz8qLm3Rt7Kx2Vb9Nc4Hd6']);
  });
});

describe('Kubernetes Secret data: plain settings and stand-ins beside the secrets', () => {
  const values = (text: string, file: string): string[] => found(text, file).map(([, v]) => v);
  const b64 = (text: string): string => Buffer.from(text).toString('base64');

  it("leaves a list of words under a name that names no secret, and base64 of a developer's stand-in key", () => {
    const manifest = `apiVersion: v1\nkind: Secret\ntype: Opaque\ndata:\n  ENABLED_MODULES: ${b64('loyalty,click-and-collect,gift_wrap')}\n  ALLOWED_REGIONS: ${b64('eu-west, eu-north')}\n  SESSION_SIGNING_KEY: ${b64('local-dev-signing-key')}\n  DB_PASSWORD: ${b64('Harbour!Quay-2291')}\n`;
    expect(values(manifest, 'k8s/shop-secret.yaml')).toEqual([b64('Harbour!Quay-2291')]);
    expect(values('apiVersion: v1\nkind: Secret\nstringData:\n  FEATURE_FLAGS: "wholesale,gift-cards"\n', 'k8s/flags.yaml')).toEqual([]);
  });

  it("still reports a list under a secret's name, words under a password's name, and a host named with `local`", () => {
    const manifest = `apiVersion: v1\nkind: Secret\ndata:\n  API_KEYS: ${b64('harbour-ledger,quay-signal')}\n  ADMIN_PASSWORD: ${b64('local-harbour-admin')}\n  DB_HOST: ${b64('pg-orders.orders.svc.cluster.local')}\n`;
    expect(values(manifest, 'k8s/app-secret.yaml')).toEqual([b64('harbour-ledger,quay-signal'), b64('local-harbour-admin'), b64('pg-orders.orders.svc.cluster.local')]);
  });
});

describe('a record\'s key named in prose', () => {
  const uuid = '4c1f9e27-8b3d-4a60-9e5f-2d7c0b81a3e6';
  const values = (text: string): string[] => found(text, 'CHANGELOG.md').map(([, v]) => v);

  it('leaves an idempotency, partition, primary or dedup key, and an idempotency token, in a changelog or a runbook', () => {
    for (const line of [`- Retries now reuse the idempotency key \`${uuid}\` of the first attempt`, `Idempotency key: ${uuid}`, '- The partition key `Qm8Zt3Lp9Vx2Rb7Nk4Hc6Jd1` was hot', `PagerDuty dedup key ${uuid}`, `- Send the idempotency token \`${uuid}\` on every retry`]) {
      expect(values(line + '\n'), line).toEqual([]);
    }
  });

  it('still reports an API key, a bare key and a signing key named the same way', () => {
    expect(values('- Rotated the API key `Qm8Zt3Lp9Vx2Rb7Nk4Hc6Jd1`\n')).toEqual(['Qm8Zt3Lp9Vx2Rb7Nk4Hc6Jd1']);
    expect(values('- key `Qm8Zt3Lp9Vx2Rb7Nk4Hc6Jd1`\n')).toEqual(['Qm8Zt3Lp9Vx2Rb7Nk4Hc6Jd1']);
    expect(values('- The signing key `Qm8Zt3Lp9Vx2Rb7Nk4Hc6Jd1` moved to the vault\n')).toEqual(['Qm8Zt3Lp9Vx2Rb7Nk4Hc6Jd1']);
  });
});

describe("a CI job's service container password", () => {
  it("leaves CircleCI's published default and reports a password of the team's own", () => {
    const config = (password: string): string => `jobs:\n  test:\n    docker:\n      - image: cimg/node:20.11\n      - image: cimg/postgres:15.4\n        environment:\n          POSTGRES_USER: circleci\n          POSTGRES_PASSWORD: ${password}\n`;
    expect(found(config('circle_test'), '.circleci/config.yml')).toEqual([]);
    expect(found(config('Ledger-Quay-4471'), '.circleci/config.yml').map(([, v]) => v)).toEqual(['Ledger-Quay-4471']);
  });
});

describe('credentials in headers, property lists, account files and provisioning code (blind set 6a)', () => {
  const values = (text: string, file: string): string[] => found(text, file).map(([, v]) => v);

  it('reads C headers: #defines aligned in columns and char arrays', () => {
    const header = [
      '#define ACME_MQTT_USER            "arm-factory"',
      '#define ACME_MQTT_PASS            "Qv7-Lantern!42"   /* TODO: secure element */',
      '#define ACME_PASSWORD_MAX_LEN 64',
      '#define ACME_BOOTLOADER_SHA256 "c3a9e1d2b4f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"',
      'static const char kUplinkHmacKey[] = "9e2b41c7d08a53f6e1b47c92d5a8306f";',
      'static const char kOtaSigningKey[33] = "4f8a2c91e7d3b56a0c18f4e29b7d63a5";',
    ].join('\n');
    expect(values(header, 'include/uplink.h')).toEqual(['Qv7-Lantern!42', '9e2b41c7d08a53f6e1b47c92d5a8306f', '4f8a2c91e7d3b56a0c18f4e29b7d63a5']);
    expect(values('const char WIFI_PASSWORD[] PROGMEM = "Harbor-Kite-2291";', 'src/main.ino')).toEqual(['Harbor-Kite-2291']);
    expect(values('const std::string kApiToken{"7c1e94b2d05f38a6e9b14d72c3a8605f"};', 'src/client.cpp')).toEqual(['7c1e94b2d05f38a6e9b14d72c3a8605f']);
    expect(values('const std::string kTokenHeader{"X-Api-Token"};', 'src/client.cpp')).toEqual([]);
  });

  it('reads keys written as byte arrays under a secret name, and not public keys, digests or counting runs', () => {
    const firmware = [
      'static const uint8_t kOtaAesKey[16] = {',
      '    0x3a, 0x91, 0x5c, 0xe2, 0x07, 0xbd, 0x64, 0xf8,',
      '    0x1e, 0xa3, 0x59, 0xc6, 0x2d, 0x80, 0x47, 0xfb',
      '};',
      'static const uint8_t kOtaPublicKey[8] = {0x04, 0x91, 0x5c, 0xe2, 0x07, 0xbd, 0x64, 0xf8};',
      'static const uint8_t kImageSha256[8] = {0x3a, 0x91, 0x5c, 0xe2, 0x07, 0xbd, 0x64, 0xf8};',
      'static uint8_t kSessionKey[16] = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f};',
      'static uint8_t key[8] = {0x3a, 0x91, 0x5c, 0xe2, 0x07, 0xbd, 0x64, 0xf8};',
      'uint8_t kAesKey[16] = {0};',
    ].join('\n');
    expect(values(firmware, 'src/ota.c')).toEqual(['0x3a, 0x91, 0x5c, 0xe2, 0x07, 0xbd, 0x64, 0xf8,\n    0x1e, 0xa3, 0x59, 0xc6, 0x2d, 0x80, 0x47, 0xfb']);
    expect(values('const HMAC_KEY: [u8; 8] = [0x9c, 0x41, 0xe2, 0x07, 0xb5, 0x3d, 0x68, 0xfa];', 'src/sign.rs')).toEqual(['0x9c, 0x41, 0xe2, 0x07, 0xb5, 0x3d, 0x68, 0xfa']);
  });

  it("reads a key's bytes as a map entry's value (a zigpy config, Home Assistant's ZHA YAML), under a secret name only", () => {
    const zigpy = '    conf.CONF_NWK_KEY: [0xe5, 0x45, 0x23, 0x4c, 0x11, 0x47, 0xdf, 0x16, 0x50, 0xb7, 0xd9, 0x43, 0x9b, 0x09, 0xac, 0x40],\n';
    expect(values(zigpy, 'tests/coordinator.py')).toEqual(['0xe5, 0x45, 0x23, 0x4c, 0x11, 0x47, 0xdf, 0x16, 0x50, 0xb7, 0xd9, 0x43, 0x9b, 0x09, 0xac, 0x40']);
    const zha = 'zha:\n  zigpy_config:\n    network:\n      key: [0x3a, 0x91, 0x5c, 0xe2, 0x07, 0xbd, 0x64, 0xf8, 0x1e, 0xa3, 0x59, 0xc6, 0x2d, 0x80, 0x47, 0xfb]\n';
    expect(values(zha, 'configuration.yaml')).toEqual(['0x3a, 0x91, 0x5c, 0xe2, 0x07, 0xbd, 0x64, 0xf8, 0x1e, 0xa3, 0x59, 0xc6, 0x2d, 0x80, 0x47, 0xfb']);
    // A bare `key` needs sixteen bytes; an extended PAN id or a digest is no key.
    expect(values('    "key": [0x9c, 0x41, 0xe2, 0x07, 0xb5, 0x3d, 0x68, 0xfa],\n', 'net.json')).toEqual([]);
    expect(values('    conf.CONF_NWK_EXTENDED_PAN_ID: [0xdd, 0xdd, 0x4f, 0xbb, 0xd6, 0x64, 0x3d, 0x02],\n', 'net.py')).toEqual([]);
    expect(values('  image_sha256: [0x3a, 0x91, 0x5c, 0xe2, 0x07, 0xbd, 0x64, 0xf8, 0x1e, 0xa3, 0x59, 0xc6, 0x2d, 0x80, 0x47, 0xfb]\n', 'ota.yaml')).toEqual([]);
  });

  it('takes a wide gap between a password word and a quoted word as an assignment only after a directive', () => {
    expect(values('The password            "Quartz9!x" is on the sticker.', 'notes.md')).toEqual([]);
  });

  it("reads a property list's <key> entry from the element after it", () => {
    const plist = [
      '<dict>',
      '\t<key>AnalyticsIngestSecret</key>',
      '\t<string>q7VbN2xLm9KpR4tZc8WfH3jD6sYgA1eU</string>',
      '\t<key>ApiBaseURL</key>',
      '\t<string>$(API_BASE_URL)</string>',
      '\t<key>NSFaceIDUsageDescription</key>',
      '\t<string>Use Face ID instead of your password to sign in.</string>',
      '\t<key>ReleaseToken</key>',
      '\t<string>$(RELEASE_TOKEN)</string>',
      '</dict>',
    ].join('\n');
    expect(values(plist, 'App/Info.plist')).toEqual(['q7VbN2xLm9KpR4tZc8WfH3jD6sYgA1eU']);
  });

  it('reads SteamCMD logins and Puppet password-hash calls', () => {
    expect(values('bat "steamcmd +login ci_backup Qv8-Heron_Lamp41 +run_app_build app.vdf +quit"', 'Jenkinsfile')).toEqual(['Qv8-Heron_Lamp41']);
    expect(values("bat 'steamcmd +login %STEAM_USER% %STEAM_PASS% +quit'", 'Jenkinsfile')).toEqual([]);
    expect(values("sh \"steamcmd +login builder 'Harbor-Kite-2291' +quit\"", 'Jenkinsfile')).toEqual(['Harbor-Kite-2291']);
    expect(values('steamcmd +login anonymous +app_update 740 validate +quit', 'update.sh')).toEqual([]);
    expect(values("  password => postgresql_password('audit', 'Fennel-Quay-5820'),\n", 'manifests/db.pp')).toEqual(['Fennel-Quay-5820']);
    expect(values("  password => postgresql_password('audit', $audit_password),\n", 'manifests/db.pp')).toEqual([]);
    expect(values("  password_hash => mysql::password('Tinder-Moss-3307'),\n", 'manifests/db.pp')).toEqual(['Tinder-Moss-3307']);
    expect(values("  password => pw_hash('Gravel-Finch-6142', 'SHA-512', 'x9Qz'),\n", 'manifests/users.pp')).toEqual(['Gravel-Finch-6142']);
    expect(values("  password => Sensitive('Gravel-Finch-6142'),\n", 'manifests/users.pp')).toEqual(['Gravel-Finch-6142']);
    expect(values('  password = sensitive("Gravel-Finch-6142")\n  other = sensitive(var.db_password)\n', 'main.tf')).toEqual(['Gravel-Finch-6142']);
  });

  it('reads a plain-text password handed to a hashing call or template filter, and not the filter arguments', () => {
    expect(values("    password: \"{{ 'Ans1ble-Heron!Hash' | password_hash('md5_crypt') }}\"", 'roles/users/tasks/main.yml')).toEqual(['Ans1ble-Heron!Hash']);
    expect(values("    password: \"{{ deploy_password | password_hash('sha512') }}\"", 'roles/users/tasks/main.yml')).toEqual([]);
    expect(values("$hash = password_hash('Seed3r-Larch!41', PASSWORD_DEFAULT);", 'seed.php')).toEqual(['Seed3r-Larch!41']);
    expect(values("admin.password = make_password('Seed3r-Larch!41')", 'seed.py')).toEqual(['Seed3r-Larch!41']);
    expect(values("const h = await bcrypt.hash('Seed3r-Larch!41', 10);", 'seed.js')).toEqual(['Seed3r-Larch!41']);
    expect(values('const h = await bcrypt.hash(req.body.password, 10);', 'auth.js')).toEqual([]);
  });

  it("reads the password of tools whose -p takes it, and of Windows' net use", () => {
    expect(values('docker exec -it db mongosh -u root -p Mongo-Quill-4410 --quiet', 'ops.sh')).toEqual(['Mongo-Quill-4410']);
    expect(values('mongo --host db01 -u backup -p Mongo-Quill-4410', 'ops.sh')).toEqual(['Mongo-Quill-4410']);
    expect(values('C:\\Tools\\PsExec64.exe \\\\app01 -u CORP\\deploy -p Ps3x-Lantern!9 cmd', 'deploy.bat')).toEqual(['Ps3x-Lantern!9']);
    expect(values('net use Z: \\\\fs01\\backup Ne7-Use!Quarry /user:CORP\\svc_backup', 'map.cmd')).toEqual(['Ne7-Use!Quarry']);
    // A container named mongo publishes a port with -p; kubectl's -p names a pod.
    expect(values('docker run -d --name mongo -p 27017:27017/tcp mongo:7', 'ops.sh')).toEqual([]);
    expect(values('kubectl port-forward svc/mongo -n data -p mongo-0', 'ops.sh')).toEqual([]);
    expect(values('net use Z: \\\\fs01\\backup * /user:CORP\\svc_backup', 'map.cmd')).toEqual([]);
    expect(values('SCHTASKS /Create /TN Nightly /TR run.cmd /RU CORP\\svc /RP Sch3d-Tasks!Wren', 'jobs.cmd')).toEqual(['Sch3d-Tasks!Wren']);
    expect(values('cmdkey /generic:TERMSRV/app01 /user:CORP\\ops /pass:%OPS_PASSWORD%', 'jobs.cmd')).toEqual([]);
  });

  it("reads a device's Wi-Fi and MQTT passwords passed by position", () => {
    expect(values('  WiFi.begin("FactoryNet", "W1fi-Kestrel!83");', 'src/main.ino')).toEqual(['W1fi-Kestrel!83']);
    expect(values('  WiFi.begin(WIFI_SSID, WIFI_PASSWORD);', 'src/main.ino')).toEqual([]);
    expect(values('client.username_pw_set("arm-factory", "Mqtt-Heron!52")', 'uplink.py')).toEqual(['Mqtt-Heron!52']);
  });

  it("reads the password of a client's login pair set on its options, and of lettre's Credentials", () => {
    const rust = 'let mut mqtt = MqttOptions::new("kiln-probe", BROKER_HOST, 1883);\nmqtt.set_credentials("kiln", "Glaze-Cone10!");\n';
    expect(values(rust, 'src/main.rs')).toEqual(['Glaze-Cone10!']);
    expect(values('let creds = Credentials::new("bot@kiln.example".to_owned(), "Tz7-Wicket!4Lq".to_owned());', 'src/mail.rs')).toEqual(['Tz7-Wicket!4Lq']);
    expect(values('client = Client.builder().withCredentials("kiln", "Bisque#Fire-22").build();', 'Probe.java')).toEqual(['Bisque#Fire-22']);
    expect(values('await broker.setCredentials("kiln", "Raku.Smoke-81");', 'probe.ts')).toEqual(['Raku.Smoke-81']);
  });

  it('leaves login pairs given by lookups or stand-ins, and credential objects handed to a setter', () => {
    expect(values('mqtt.set_credentials("kiln", &settings.mqtt_password);', 'src/main.rs')).toEqual([]);
    expect(values('mqtt.set_credentials("kiln", "changeme");', 'src/main.rs')).toEqual([]);
    expect(values('let creds = Credentials::new(user.to_owned(), env::var("SMTP_PASS")?);', 'src/mail.rs')).toEqual([]);
    expect(values('provider.setCredentials(AuthScope.ANY, creds);', 'Probe.java')).toEqual([]);
    expect(values('s3 = S3Client.builder().withCredentials(new ProfileCredentialsProvider("kiln")).build();', 'Probe.java')).toEqual([]);
  });

  it('reports an htpasswd entry in plain text or a fast hash, and leaves slow salted hashes alone as in any users table', () => {
    const file = [
      '# ops accounts',
      'qa-lead:$apr1$Qx7mT2aL$Wb9vN3kR6pZ1cY4hD8sF0.',
      'viewer:$2y$10$Vh3kQ9zL2mN7xV4pR6tYcOe8Jd1Wf5Gb0Hs2Ka7Lm9Nq4Pr6St8Uv',
      'auditor:$6$rM3vQ8tz$FUPolNcPLNbhb2dJ2jP4ZiobwDbbX/cpY5d8QEVqyvIpcJmlTFQNFNc5QLZh3RaOU3PjZRRDMImCxUzWC39db/',
      'legacy:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=',
      'old-box:Xq7tLm2pRz9Aw',
      'plain:Tallow-Mosaic-77',
    ].join('\n');
    expect(values(file, 'web/.htpasswd')).toEqual([
      '$apr1$Qx7mT2aL$Wb9vN3kR6pZ1cY4hD8sF0.',
      '{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=',
      'Xq7tLm2pRz9Aw',
      'Tallow-Mosaic-77',
    ]);
    expect(values('qa-lead:$apr1$Qx7mT2aL$Wb9vN3kR6pZ1cY4hD8sF0.', 'notes.txt')).toEqual([]);
    expect(values('admin:changeme\nops:$apr1$xxxxxxxx$xxxxxxxxxxxxxxxxxxxxxx', 'web/.htpasswd')).toEqual([]);
  });

  it("reports every password of a users file named for a password file (kdb+'s `q -u`), and not the system's passwd", () => {
    const users = 'svc_rdb:rdbSvc-9oct\nrisk_ro:hdbReader!7\nquant_rw:Contango2024\n';
    expect(values(users, 'kdb/config/kdb.passwd')).toEqual(['rdbSvc-9oct', 'hdbReader!7', 'Contango2024']);
    expect(values(users, 'kdb/config/users.txt')).toEqual([]);
    expect(values('root:x:0:0:root:/root:/bin/bash\nkdb:x:1001:1001::/home/kdb:/bin/sh\n', 'etc/passwd')).toEqual([]);
    expect(values('root:x:0:0:root:/root:/bin/bash\n', 'backup/etc.passwd')).toEqual([]);
  });

  it('reports every ticket of a Perforce ticket file, and nothing of the same line elsewhere (blind set 29)', () => {
    const tickets = [
      'perforce.skyforge.corp:1666=svc-build:36D84BBD64E8BF94753D8643F0405D33',
      'ssl:p4-edge.acme.corp:1666=svc-teamcity:43E34E8AC6C0A7D7FAB26D28EE75F3B3',
      'localhost:1666=admin:00000000000000000000000000000000',
    ].join('\n');
    expect(values(tickets, 'buildfarm/perforce/p4tickets.txt')).toContain('36D84BBD64E8BF94753D8643F0405D33');
    expect(values(tickets, '/home/build/.p4tickets')).toEqual(expect.arrayContaining(['36D84BBD64E8BF94753D8643F0405D33', '43E34E8AC6C0A7D7FAB26D28EE75F3B3']));
    expect(values(tickets, '/home/build/.p4tickets')).not.toContain('00000000000000000000000000000000');
    expect(values('build=release:36D84BBD64E8BF94753D8643F0405D33', 'notes.txt')).toEqual([]);
  });

  it('reads a Perforce -P and an altool -p as the password they are, and a keychain reference as none', () => {
    expect(values("bat 'p4 -p ssl:perforce.acme.corp:1666 -u svc-jenkins -P 91713599F26151E227DB7FEB718375AC sync //Main/...'", 'Jenkinsfile')).toContain('91713599F26151E227DB7FEB718375AC');
    expect(values('xcrun altool --upload-app -f build/App.ipa -u release@acme.io -p iavk-shmc-ijqw-bupy\n', 'upload.sh')).toEqual(['iavk-shmc-ijqw-bupy']);
    expect(values('xcrun altool --upload-app -f build/App.ipa -u release@acme.io -p "@keychain:AC_PASSWORD"\n', 'upload.sh')).toEqual([]);
    expect(values('p4 -P $P4PASSWD sync //Main/...\nffmpeg -i clip.mp4 -P 7Qz9wLm2Kx out.webm\n', 'build.sh')).toEqual([]);
  });

  it("reports the passphrase that is an Ansible vault password file's whole content, and not a script, a vault or notes so named", () => {
    expect(values('coal-drag-prairie-semaphore-1887\n', 'ansible/.vault_pass')).toEqual(['coal-drag-prairie-semaphore-1887']);
    expect(values('  Xk9#mQ2vLp9wRt  \n\n', 'vault_pass.txt')).toEqual(['Xk9#mQ2vLp9wRt']);
    expect(values('Xk9#mQ2vLp9wRt\n', '/home/ops/.ansible/vault-password-file')).toEqual(['Xk9#mQ2vLp9wRt']);
    expect(values('$ANSIBLE_VAULT;1.1;AES256\n6231363538\n', 'group_vars/.vault_pass')).toEqual([]);
    expect(values('changeme\n', '.vault_pass')).toEqual([]);
    expect(values('the vault password is in 1Password\nask #ops for access\n', 'vault_pass.txt')).toEqual([]);
    expect(values('coal-drag-prairie-semaphore-1887\n', 'notes.txt')).toEqual([]);
  });

  it("reports every gem host's key in RubyGems' credentials file, whatever the entry's name, and not stand-ins or the same lines elsewhere", () => {
    const credentials = '---\n:rubygems_api_key: rubygems_5e0d7a91c3b84f26e1a9d07c4b38f5e2a6d1c9b7e04f3a82\n:harbour_gemserver: 7k2q9xw4mz8t1vb6nc3rj5hd0pfy8sle\n';
    expect(values(credentials, '/home/ci/.gem/credentials')).toContain('7k2q9xw4mz8t1vb6nc3rj5hd0pfy8sle');
    expect(values(credentials, 'ops/gem-credentials')).toContain('7k2q9xw4mz8t1vb6nc3rj5hd0pfy8sle');
    expect(values("---\nmirror_host: 'Qv8mT3zLw6Rk1Xn4Hb9Pc2Js'\n", 'deploy/.gem_credentials.yml')).toEqual(['Qv8mT3zLw6Rk1Xn4Hb9Pc2Js']);
    expect(values('---\n:rubygems_api_key: your-api-key-here\n:internal: ${GEM_HOST_API_KEY}\n', '/home/ci/.gem/credentials')).toEqual([]);
    expect(values('---\n:harbour_gemserver: 7k2q9xw4mz8t1vb6nc3rj5hd0pfy8sle\n', 'config/gems.yml')).toEqual([]);
  });

  it('reports the hashes of a shadow file, locked or not, and not its accounts without one', () => {
    const shadow = [
      'root:*:19000:0:99999:7:::',
      'daemon:!:19000::::::',
      'deploy:$6$Qx7mT2aL$Wb9vN3kR6pZ1cY4hD8sF0Vh3kQ9zL2mN7xV4pR6tYcOe8Jd1Wf5Gb0Hs2Ka7Lm9Nq4Pr6St8Uv/:19000:0:99999:7:::',
      'old:!$y$j9T$Tq7vLm2Orbit$Kq8zW3mLp0x7Hq2mZp9LTr0ub4dor3Xk2mP9qR7v:19000:0:99999:7:::',
    ].join('\n');
    expect(values(shadow, 'backup/etc/shadow')).toEqual([
      '$6$Qx7mT2aL$Wb9vN3kR6pZ1cY4hD8sF0Vh3kQ9zL2mN7xV4pR6tYcOe8Jd1Wf5Gb0Hs2Ka7Lm9Nq4Pr6St8Uv/',
      '$y$j9T$Tq7vLm2Orbit$Kq8zW3mLp0x7Hq2mZp9LTr0ub4dor3Xk2mP9qR7v',
    ]);
  });

  it('reads LDIF passwords in base64 (decoded and judged) and with a {SSHA} scheme', () => {
    const ldif = [
      'dn: uid=etl,ou=service,dc=acme,dc=corp',
      'uid: etl',
      'description:: V2Vla2x5IEVUTCBzZXJ2aWNlIGFjY291bnQgZm9yIHRoZSBkYXRhIGxha2UgcGxhdGZvcm0gdGVhbQ==',
      'userPassword:: SGVyb24mU2xhdGUtNTUxMg==',
      '',
      'dn: uid=mkaur,ou=people,dc=acme,dc=corp',
      'userPassword:: e1NTSEF9WnE4clQydlc2eUIxbk00a0w3cFgz',
      ' Y0Y5aEowZEc1c0E=',
      '',
      'dn: uid=jdoe,ou=people,dc=acme,dc=corp',
      'userPassword: {SSHA}Zq8rT2vW6yB1nM4kL7pX3cF9hJ0dG5sA',
      'userPassword:: cGFzc3dvcmQ=',
    ].join('\n');
    expect(values(ldif, 'seed/users.ldif')).toEqual([
      'SGVyb24mU2xhdGUtNTUxMg==',
      'e1NTSEF9WnE4clQydlc2eUIxbk00a0w3cFgz\n Y0Y5aEowZEc1c0E=',
      '{SSHA}Zq8rT2vW6yB1nM4kL7pX3cF9hJ0dG5sA',
    ]);
  });

  it("reads R's .Renviron as dotenv: a bare dotted value there is a literal, not member access", () => {
    expect(values('WAREHOUSE_PASSWORD=Quill.Harbor_417\nR_LIBS_USER=~/R/library/4.4\n', 'analytics/.Renviron')).toEqual(['Quill.Harbor_417']);
    expect(values('WAREHOUSE_PASSWORD=Quill.Harbor_417\n', '.env.staging')).toEqual(['Quill.Harbor_417']);
    expect(values('password = settings.warehouse_password\n', 'config.py')).toEqual([]);
    expect(values('export WAREHOUSE_PASSWORD=Quill.Harbor_417\n', 'scripts/load.sh')).toEqual(['Quill.Harbor_417']);
    expect(values('ENV WAREHOUSE_PASSWORD=Quill.Harbor_417\n', 'Dockerfile')).toEqual(['Quill.Harbor_417']);
    expect(values('export WAREHOUSE_PASSWORD=config.warehouse.password\n', 'scripts/load.sh')).toEqual([]);
  });

  it('skips references: a URL path, a Bicep parameter or secret lookup, a public Discord application id', () => {
    expect(values('const val PASSWORD_RESET_PATH = "/account/password/reset"', 'BackendConfig.kt')).toEqual([]);
    const bicep = [
      'resource sql \'Microsoft.Sql/servers@2023-08-01-preview\' = {',
      '  properties: {',
      "    administratorLogin: 'sqladmin'",
      '    administratorLoginPassword: sqlAdminPassword',
      '  }',
      '}',
      "appSettings: [\n  {\n    name: 'SqlPassword'\n    value: kv.getSecret('sql-admin-password')\n  }\n]",
    ].join('\n');
    expect(values(bicep, 'infra/main.bicep')).toEqual([]);
    expect(values("    administratorLoginPassword: 'Juniper$Kestrel-4417'", 'infra/main.bicep')).toEqual(['Juniper$Kestrel-4417']);
    const arm = `{"administratorLoginPassword": "[parameters('sqlAdminPassword')]", "storageKey": "[listKeys(variables('sa'), '2022-09-01').keys[0].value]"}`;
    expect(values(arm, 'infra/azuredeploy.json')).toEqual([]);
    expect(values('{"administratorLoginPassword": "Juniper$Kestrel-4417"}', 'infra/azuredeploy.json')).toEqual(['Juniper$Kestrel-4417']);
    expect(values('DISCORD_APP_ID=1318204977263411523\nDISCORD_CLIENT_ID=1318204977263411524\n', '.env')).toEqual([]);
  });

  it('reports a Twitch client secret and not the public client id of the same shape beside it', () => {
    const dart = "  static const twitchClientId = 'r8t2w6y0p4a9s3d7f1g5h8j2k6l0zq';\n  static const twitchClientSecret = 'm3n7b1v5c9x2z6l0k4j8h2g6f0d4sq';\n";
    expect(values(dart, 'lib/env.dart')).toEqual(['m3n7b1v5c9x2z6l0k4j8h2g6f0d4sq']);
  });
});

describe('secrets in command output and state dumps (blind set 6b)', () => {
  const values = (text: string, file: string, rule: string): string[] =>
    detect(text, { file }).filter((f) => f.rule === rule).map((f) => text.slice(f.start, f.end));

  it("reads redis-cli's reply to CONFIG GET: the value after an odd-numbered requirepass", () => {
    const session = '10.1.4.22:6379> CONFIG GET requirepass\n1) "requirepass"\n2) "f7Gq2LmZx9Vt4KcW8bRe"\n';
    expect(values(session, 'redis.txt', 'config-directive-password')).toEqual(['f7Gq2LmZx9Vt4KcW8bRe']);
    // An empty requirepass, and `requirepass` as one key among others of a KEYS listing.
    expect(values('1) "requirepass"\n2) ""\n3) "masterauth"\n4) ""\n', 'redis.txt', 'config-directive-password')).toEqual([]);
    expect(values('> KEYS *\n1) "session:1"\n2) "requirepass"\n3) "f7Gq2LmZx9Vt4KcW8bRe"\n', 'redis.txt', 'config-directive-password')).toEqual([]);
  });

  it('reads the data of a Secret kept as JSON in the last-applied-configuration annotation', () => {
    const url = 'cmVkaXM6Ly9kZWZhdWx0OnNmSjJoMGpsWEphM3JadjlmTWhRQmxzREByZWRpcw==';
    const yaml = `metadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      {"apiVersion":"v1","data":{"REDIS_URL":"${url}"},"kind":"Secret","metadata":{"annotations":{},"name":"env"},"type":"Opaque"}\n`;
    expect(values(yaml, 'secret.yaml', 'kubernetes-secret-json-data')).toEqual([url]);
    const configMap = `{"apiVersion":"v1","data":{"REDIS_URL":"${url}"},"kind":"ConfigMap","metadata":{"name":"env","labels":{"kind":"Secret"}}}`;
    expect(values(configMap, 'cm.json', 'kubernetes-secret-json-data')).toEqual([]);
  });

  it('reads the data of a Secret escaped into the annotation of kubectl get secret -o json', () => {
    const url = 'cmVkaXM6Ly9kZWZhdWx0OnNmSjJoMGpsWEphM3JadjlmTWhRQmxzREByZWRpcw==';
    const annotation = (kind: string): string =>
      `{\n  "metadata": {\n    "annotations": {\n      "kubectl.kubernetes.io/last-applied-configuration": "{\\"apiVersion\\":\\"v1\\",\\"data\\":{\\"REDIS_URL\\":\\"${url}\\"},\\"kind\\":\\"${kind}\\",\\"metadata\\":{\\"name\\":\\"env\\"}}\\n"\n    }\n  }\n}\n`;
    expect(values(annotation('Secret'), 'secret.json', 'kubernetes-secret-json-data')).toEqual([url]);
    expect(values(annotation('ConfigMap'), 'cm.json', 'kubernetes-secret-json-data')).toEqual([]);
  });

  it('reports the result of a random_password in Terraform state, not its bcrypt hash or a random_string', () => {
    const state = '{"resources":[{"mode":"managed","type":"random_password","name":"db","instances":[{"attributes":{"bcrypt_hash":"$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy","id":"none","result":"Wq8#zL2!mPx7Rt"}}]},{"mode":"managed","type":"random_string","name":"suffix","instances":[{"attributes":{"result":"k3v9x2qa"}}]}]}';
    expect(values(state, 'terraform.tfstate', 'terraform-random-password-result')).toEqual(['Wq8#zL2!mPx7Rt']);
  });

  it('reports the values Terraform marks sensitive, whatever their names, and not the hashes among them', () => {
    const show =
      '{"address":"random_password.admin","type":"random_password","values":{"bcrypt_hash":"$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy","length":20,"result":"Wq8#zL2!mPx7Rt"},' +
      '"sensitive_values":{"bcrypt_hash":true,"result":true}},{"address":"kubernetes_config_map.env","values":{"data":{"LICENSE_BLOB":"Kq8zW3mLp0vX7nR2tY5u"}},"sensitive_values":{"data":{}}}';
    // (The random_password rule reports the same value; either finding covers it.)
    expect(detect(show, { file: 'show.json' }).map((f) => show.slice(f.start, f.end))).toEqual(['Wq8#zL2!mPx7Rt']);
    const state =
      '{"mode":"managed","type":"kubernetes_secret","instances":[{"schema_version":0,"attributes":{"data":{"LICENSE_BLOB":"Kq8zW3mLp0vX7nR2tY5u"},"id":"default/env","type":"Opaque"},' +
      '"sensitive_attributes":[[{"type":"get_attr","value":"data"}]]}]}';
    expect(values(state, 'terraform.tfstate', 'terraform-sensitive-value')).toEqual(['Kq8zW3mLp0vX7nR2tY5u']);
  });

  it('reads the value of a secret-named row in the key/value tables CLIs print (Vault, AWS CLI --output table)', () => {
    const vault =
      '$ vault kv get secret/payments\n======== Data ========\nKey                 Value\n---                 -----\n' +
      'db_password         Harbor.Lights.1821\ndb_user             payments\ntoken_accessor      Xk2mP9qR7vL4nZ8wQ3tYAb1C\n';
    expect(values(vault, 'vault.txt', 'key-value-table-credential')).toEqual(['Harbor.Lights.1821']);
    const aws = '||  AccessKeyId     |  AKIA5WXQ46DWVKE8YC6E                     ||\n||  SecretAccessKey |  R+uLBRFTNNksdq2aHNmCDnVRJxT0hz5Yl3xAS7Et ||\n||  Status          |  Active                                   ||\n';
    expect(values(aws, 'aws.txt', 'key-value-table-credential')).toEqual(['R+uLBRFTNNksdq2aHNmCDnVRJxT0hz5Yl3xAS7Et']);
  });

  it('reads the Azure storage keys that `az storage account keys list` prints, as JSON and as a table', () => {
    const key = 'LQ8tvqpJyYWGDYinBPsnm5ajzmfCPEu1L9VjUVOMfiOlBX9dcpHh19fRFoVBQ0wYVDBQQEsFXbxQr158w7Cwnw==';
    const json = `[\n  {\n    "creationTime": "2025-03-11T10:22:05.318264+00:00",\n    "keyName": "key1",\n    "permissions": "FULL",\n    "value": "${key}"\n  }\n]\n`;
    expect(values(json, 'az.txt', 'azure-storage-account-key-listed')).toEqual([key]);
    const table = `CreationTime                      KeyName    Permissions    Value\n2025-03-11T10:22:05.318264+00:00  key1       FULL           ${key}\n`;
    expect(values(table, 'az.txt', 'azure-storage-account-key-listed')).toEqual([key]);
    // A SHA-512 digest is 88 base64 characters too, but no key1/FULL row holds it.
    const lock = `"key1": {\n  "integrity": "sha512-${key}"\n}\n`;
    expect(values(lock, 'package-lock.json', 'azure-storage-account-key-listed')).toEqual([]);
  });

  it("reads a secret-named field's value from redis-cli's numbered HGETALL pairs, not from a plain list", () => {
    const hash = '> HGETALL integration:42\n1) "provider"\n2) "hubspot"\n3) "refresh_token"\n4) "Zk3mP9qR2vX8wL5nQ4tY"\n';
    expect(values(hash, 'redis.txt', 'key-value-table-credential')).toEqual(['Zk3mP9qR2vX8wL5nQ4tY']);
    // In a list the item after a secret's name is the next item, not its value.
    const list = '> LRANGE recent 0 -1\n1) "name"\n2) "refresh_token"\n3) "Zk3mP9qR2vX8wL5nQ4tY"\n';
    expect(values(list, 'redis.txt', 'key-value-table-credential')).toEqual([]);
  });

  it('reads the secret-named column of psql and MySQL result tables, not its hashes, masks or NULLs', () => {
    const psql =
      'warehouse=> select id, name, api_token, password_hash from integrations;\n' +
      '  id  |   name    |      api_token       |                        password_hash\n' +
      '------+-----------+----------------------+--------------------------------------------------------------\n' +
      ' 3301 | Shop sync | Zk3mP9qR2vX8wL5nQ4tY | $2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW\n' +
      ' 3307 | Helpdesk  | ********             | $2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUX\n(2 rows)\n';
    expect(values(psql, 'psql.txt', 'query-result-column-credential')).toEqual(['Zk3mP9qR2vX8wL5nQ4tY']);
    const mysql =
      '+----+-----------+----------------------+\n| id | name      | client_secret        |\n+----+-----------+----------------------+\n' +
      '|  1 | braintree | Wq8zL2mPx7RtK4vN9bC3 |\n|  2 | adyen     | NULL                 |\n+----+-----------+----------------------+\n2 rows in set (0.00 sec)\n';
    expect(values(mysql, 'mysql.log', 'query-result-column-credential')).toEqual(['Wq8zL2mPx7RtK4vN9bC3']);
    const variables = '+---------------------------+--------+\n| Variable_name             | Value  |\n+---------------------------+--------+\n| default_password_lifetime | 0      |\n+---------------------------+--------+\n';
    expect(detect(variables, { file: 'mysql.log' })).toEqual([]);
  });

  it('reads box-drawn secret listings (Doppler, Infisical) by the name in each row, and psql tables drawn in unicode', () => {
    const doppler =
      '┌─────────────┬──────────────────────┬──────────────────────┐\n│ NAME        │ VALUE                │ RAW                  │\n' +
      '├─────────────┼──────────────────────┼──────────────────────┤\n│ API_URL     │ Kq8zW3mLp0vX7nR2tY5u │ Kq8zW3mLp0vX7nR2tY5u │\n' +
      '├─────────────┼──────────────────────┼──────────────────────┤\n│ DB_PASSWORD │ Wq8zL2mPx7RtK4vN9bC3 │ Wq8zL2mPx7RtK4vN9bC3 │\n' +
      '└─────────────┴──────────────────────┴──────────────────────┘\n';
    // The computed and the raw column hold the same secret: both places are reported.
    expect(values(doppler, 'doppler.txt', 'box-table-column-credential')).toEqual(['Wq8zL2mPx7RtK4vN9bC3', 'Wq8zL2mPx7RtK4vN9bC3']);
    const psql = ' id │    api_token         │ password_hash\n────┼──────────────────────┼──────────────────────\n  1 │ Zk3mP9qR2vX8wL5nQ4tY │ Zk3mP9qR2vX8wL5nQ4tZ\n(1 row)\n';
    expect(values(psql, 'psql.txt', 'box-table-column-credential')).toEqual(['Zk3mP9qR2vX8wL5nQ4tY']);
    // A drawing that is no table: no header row above the rule.
    expect(values('────┼────\n  1 │ Zk3mP9qR2vX8wL5nQ4tY\n', 'notes.txt', 'box-table-column-credential')).toEqual([]);
  });

  it('reads a psql key/value listing by the key of each row', () => {
    const listing = '      key       |        value\n----------------+----------------------\n smtp_host      | mail.example.com\n smtp_password  | Wq8zL2mPx7RtK4vN9bC3\n(2 rows)\n';
    expect(detect(listing, { file: 'psql.txt' }).map((f) => listing.slice(f.start, f.end))).toEqual(['Wq8zL2mPx7RtK4vN9bC3']);
    const alone = createDetector({ allowlist: { disabledRules: ['key-value-table-credential'] } });
    expect(alone.detect(listing, { file: 'psql.txt' }).map((f) => f.rule)).toEqual(['query-result-column-credential']);
  });

  it('reports a Vault root token (24 characters after hvs.) as well as a long service token, not a member name', () => {
    expect(values('Root Token: hvs.6j4cuewowBGit65rheNoceI7\n', 'vault-dev.txt', 'vault-service-token')).toEqual(['hvs.6j4cuewowBGit65rheNoceI7']);
    expect(values('const id = hvs.getRegistrationControllerImpl();\n', 'a.txt', 'vault-service-token')).toEqual([]);
    expect(values('x/hvs.u6VVyQIOq9a1eC3YFU5Elt7ToIr6OwzKAWlCTQ7N4gElXaWou6aPpOIwGCoc0/y\n', 'a.txt', 'vault-service-token')).toEqual([]);
  });

  it('takes a spaced name/value line for a row only under a Key/Value header, and a | row only outside code', () => {
    expect(values('db_password         Harbor.Lights.1821\n', 'notes.txt', 'key-value-table-credential')).toEqual([]);
    // A blank line ends the table: the row below it has no header.
    expect(values('Key     Value\n---     -----\nuser    ops\n\npassword    Harbor.Lights.1821\n', 'notes.txt', 'key-value-table-credential')).toEqual([]);
    expect(values('flags = (\n  TOKEN_READ | Xk2mP9qR7vL4nZ8wQ3tY\n)\n', 'perm.py', 'key-value-table-credential')).toEqual([]);
  });
});

describe('uuencoded data', () => {
  // A uuencoded line (`M` and 60 characters from space to backquote) can spell NAME=VALUE by chance.
  const body = 'PASSWORD=W1ND0W5-QX7R9T2Z4!';
  const pad = (lead: string) => lead + body + 'A'.repeat(60 - body.length);

  it('holds no assignment, however it reads', () => {
    expect(found(`begin 644 dump.bin\n${pad('M')}\n\`\nend\n`)).toEqual([]);
  });

  it('is told by its whole line, not by the assignment alone', () => {
    expect(found(`begin 644 dump.bin\n${pad('X')}\n`).length).toBe(1);
    expect(found(`db_${pad('M').toLowerCase()}\n`).length).toBe(1);
  });
});

describe('Terraform variables', () => {
  it('reads a default whose = terraform fmt aligned with its neighbours', () => {
    const tf = 'variable "aws_secret_access_key" {\n  description = "Deployer secret key"\n  type        = string\n  default     = "KYAW8RRHwTyU8MNFYx+psr76wsnFqTFBgbMVoV/E"\n  sensitive   = true\n}\n';
    expect(found(tf, 'variables.tf')).toEqual([['KEY', 'KYAW8RRHwTyU8MNFYx+psr76wsnFqTFBgbMVoV/E']]);
    expect(found('variable "region" {\n  type    = string\n  default = "eu-west-1"\n}\n', 'variables.tf')).toEqual([]);
  });
});

describe('lists under a secret-holding name (blind set 8)', () => {
  it('reports each element of a list of keys, tokens or passwords as a value of that name', () => {
    const toml = '[providers.mistral]\nkeys = ["hVckcAfdpqQQLb1x8BnljNJaZkp9EH7G", "uDWGLZK3YrfgyeHgvmNHWlMLOLHWCk4a"]\n';
    expect(found(toml, 'settings.toml')).toEqual([['KEY', 'hVckcAfdpqQQLb1x8BnljNJaZkp9EH7G'], ['KEY', 'uDWGLZK3YrfgyeHgvmNHWlMLOLHWCk4a']]);
    expect(found('rotation:\n  api_tokens: [\'Zk3mP9qR2vX8wL5nQ4tY7uI0\', "${NEXT_TOKEN}"]\n', 'app.yaml')).toEqual([['TOKEN', 'Zk3mP9qR2vX8wL5nQ4tY7uI0']]);
    expect(found('{\n  "fallback_passwords": [\n    "Heron!Lantern-42",\n    "Quartz.orbit47&"\n  ]\n}\n', 'app.json').map(([, v]) => v)).toEqual(['Heron!Lantern-42', 'Quartz.orbit47&']);
  });

  it('leaves lists of names, references, fingerprints and lists under non-secret names alone', () => {
    expect(found('keys = ["name", "email", "created_at"]\n', 'schema.toml')).toEqual([]);
    expect(found('secret_fields = ["password", "api_key"]\n', 'redact.toml')).toEqual([]);
    expect(found('primary_keys = ["Zk3mP9qR2vX8wL5nQ4tY7uI0"]\n', 'db.toml')).toEqual([]);
    expect(found('  ssh_keys = ["e4:3a:41:5f:e8:a4:9b:f0:ec:b6:cd:7d:28:17:c9:51"]\n', 'droplet.tf')).toEqual([]);
    expect(found('keys = [\n  "${MISTRAL_KEY_1}",\n  "<your-key>",\n]\n', 'settings.toml')).toEqual([]);
  });
});

describe('Twilio clients given their secret second (blind set 8)', () => {
  it('reports the second argument of twilio(sid, "…"), new Twilio(sid, "…") and after an API key SID', () => {
    expect(found('const sms = twilio("SKf60f5dda1bedacf9482a7c4390f6eeff", "298636e3c95ba42bbe7b527342711cc7", { accountSid });\n', 'mailer.ts')).toContainEqual(['KEY', '298636e3c95ba42bbe7b527342711cc7']);
    expect(found('const c = twilio(process.env.TWILIO_ACCOUNT_SID, "4e1f8a2c9b3d7e5f0a6c8b2d4f1e3a9c");\n', 'sms.js')).toEqual([['KEY', '4e1f8a2c9b3d7e5f0a6c8b2d4f1e3a9c']]);
  });

  it('leaves variables, stand-ins and other functions named twilio alone', () => {
    expect(found('const c = twilio(accountSid, authToken);\n', 'sms.js')).toEqual([]);
    expect(found('const c = twilio(accountSid, "00000000000000000000000000000000");\n', 'sms.js')).toEqual([]);
    expect(found('metrics.twilio(accountSid, "4e1f8a2c9b3d7e5f0a6c8b2d4f1e3a9c");\n', 'sms.js')).toEqual([]);
  });
});

describe('Go signing keys given as byte-slice literals (blind set 8)', () => {
  it('reports the literal handed to a signer, key or HMAC constructor, first argument or later', () => {
    expect(found('func TestParse(t *testing.T) {\n\tsigner := NewSigner([]byte("Xy9$mQ2!vB7#kL4pW8zR"))\n', 'jwt_test.go')).toEqual([['KEY', 'Xy9$mQ2!vB7#kL4pW8zR']]);
    expect(found('mac := hmac.New(sha256.New, []byte(`Tz4!Hook-Secret-Raven-8`))\n', 'webhook.go')).toEqual([['KEY', 'Tz4!Hook-Secret-Raven-8']]);
  });

  it('leaves data being signed or written, variables and stand-ins alone', () => {
    expect(found('sig, err := signer.Sign([]byte("Kq8zW3mLp0vX7nR2tY5u"))\n', 'sign.go')).toEqual([]);
    expect(found('w.Write([]byte("Kq8zW3mLp0vX7nR2tY5u"))\n', 'handler.go')).toEqual([]);
    expect(found('ss, _ := token.SignedString([]byte("my-secret-key"))\n', 'auth.go')).toEqual([]);
    expect(found('signer := NewSigner([]byte(cfg.JWTKey))\n', 'auth.go')).toEqual([]);
  });
});

/** Only the passwords reported (a private host such as `*.corp` is a finding of its own). */
function passwords(text: string, file: string): [string, string][] {
  return found(text, file).filter(([category]) => category === 'PASS');
}

describe('a .netrc written by a shell heredoc (blind set 8)', () => {
  it('reports the password token of the heredoc body, on its own line or beside machine and login', () => {
    const script = 'cat <<EOF > "$HOME/.netrc"\nmachine git.acme.corp\nlogin deploy\npassword Netrc!Willow-92\nEOF\nchmod 600 "$HOME/.netrc"\n';
    expect(passwords(script, 'deploy.sh')).toEqual([['PASS', 'Netrc!Willow-92']]);
    expect(passwords("printf 'x' | tee -a ~/.netrc <<'END'\nmachine api.heroku.com login ci@acme.io password Hk7-Lantern!Pw\nEND\n", 'ci.sh')).toContainEqual(['PASS', 'Hk7-Lantern!Pw']);
  });

  it('stops at the terminator and leaves references and heredocs to other files alone', () => {
    expect(passwords('cat <<EOF > ~/.netrc\nmachine git.acme.corp login deploy password $NETRC_PASSWORD\nEOF\n', 'deploy.sh')).toEqual([]);
    expect(passwords('cat <<EOF > ~/.netrc\nmachine git.acme.corp\nEOF\necho "password Kq8zW3mLp0!x"\n', 'deploy.sh')).toEqual([]);
    expect(passwords('cat <<EOF > /tmp/notes.txt\nmachine git.acme.corp\npassword Netrc!Willow-92\nEOF\n# see ~/.netrc\n', 'deploy.sh')).toEqual([]);
  });
});

describe('passwords in prose in other languages (blind set 8)', () => {
  it('reports a code span or a colon-introduced password after the word for password or access data', () => {
    expect(passwords('2. Grafana: usuario `admin`, contraseña `Mirlo-Azul!2024` (cámbiala el primer día).\n', 'onboarding-es.md')).toEqual([['PASS', 'Mirlo-Azul!2024']]);
    expect(passwords('login.title=Anmelden\n# Zugang für den Testserver (bitte nicht weitergeben): Sonnenbl8me!Bergwerk\n', 'messages_de.properties')).toEqual([['PASS', 'Sonnenbl8me!Bergwerk']]);
    expect(passwords('Le mot de passe du compte de service : Hibou-Gris!77.\n', 'LISEZMOI.txt')).toEqual([['PASS', 'Hibou-Gris!77']]);
    expect(passwords('A senha do roteador: `Tucano#Verde9`\n', 'notas.md')).toEqual([['PASS', 'Tucano#Verde9']]);
  });

  it('leaves labels, instructions, references and stand-ins in those languages alone', () => {
    expect(passwords('login.password.label=Passwort\nlogin.password.forgot=Passwort vergessen?\nlogin.password.hint=Passwort: mindestens 12 Zeichen\n', 'messages_de.properties')).toEqual([]);
    expect(passwords('La contraseña está en `${DB_PASSWORD}`; las Zugangsdaten: siehe Vault unter secret/app\n', 'notas.md')).toEqual([]);
    expect(passwords('Die Zugangsdaten stehen im Vault: `vault kv get secret/app`\nPasswort vergessen? Hier: https://acme.de/reset-2024\n', 'hilfe.md')).toEqual([]);
  });
});

describe('a user and a password as two code spans joined by a slash (blind set 8)', () => {
  it('reports the password span after a user-name span', () => {
    expect(passwords('Internal note: the sandbox admin is at\nhttp://10.2.0.9:8080 with `admin` / `Sandb0x-Adm!n-Teal`.\n', 'api.md')).toEqual([['PASS', 'Sandb0x-Adm!n-Teal']]);
    expect(passwords('- staging: `ops@acme.io`/`Gr4fana-0ncall!`\n', 'notes.txt')).toEqual([['PASS', 'Gr4fana-0ncall!']]);
  });

  it('leaves alternatives, paths, references and stand-ins written the same way alone', () => {
    expect(passwords('Use `GET` / `POST` and `v1.2` / `v2.0-rc1`.\n', 'api.md')).toEqual([]);
    expect(passwords('Compare `src/main.ts` / `src/app-v2!.ts`.\n', 'api.md')).toEqual([]);
    expect(passwords('Log in with `admin` / `${ADMIN_PASSWORD}` or `admin` / `admin`.\n', 'api.md')).toEqual([]);
  });
});

describe('stored password verifiers in SQL', () => {
  const verifier = 'SCRAM-SHA-256$4096:bm90LWEtc2FsdA==$k2Vw9QmT4rXz7LpB1nHs8dYc3fJu6aGe0iKo5qWv2xM=:Zt7pL1sR9vN3mQ6yB8cD2fH5jK0wX4aE7gU1iO3eP6s=';

  it('leaves a SCRAM verifier given as a role\'s password alone: the server checks logins against it, nobody logs in with it', () => {
    expect(found(`CREATE ROLE ledger_audit WITH LOGIN PASSWORD '${verifier}';`, 'V7__roles.sql')).toEqual([]);
    expect(found(`ALTER USER ledger_audit ENCRYPTED PASSWORD '${verifier}';`, 'roles.sql')).toEqual([]);
  });

  it('still reports a plain password, and a password that merely opens like a verifier', () => {
    expect(found("CREATE ROLE ledger_rw WITH LOGIN PASSWORD 'Tq4-sable-Orchid';", 'roles.sql')).toEqual([['PASS', 'Tq4-sable-Orchid']]);
    expect(found("ALTER ROLE ledger_rw PASSWORD 'SCRAM-SHA-256$Wq8!mossy-Harbor';", 'roles.sql')).toEqual([['PASS', 'SCRAM-SHA-256$Wq8!mossy-Harbor']]);
  });

  it("leaves PostgreSQL's older md5 verifier alone, in SQL and in the playbooks that set it", () => {
    expect(found("CREATE ROLE pitwall_rw LOGIN PASSWORD 'md5a91c04e7d2b85f36c0e1947d3ab8625f';", 'V3__roles.sql')).toEqual([]);
    expect(found("ALTER USER pitwall_rw WITH ENCRYPTED PASSWORD 'md50f3b7c9e21d4a86b5c07e1f93d2a4b68';", 'roles.sql')).toEqual([]);
    expect(found('postgresql_users:\n  - name: pitwall_rw\n    password: "md5a91c04e7d2b85f36c0e1947d3ab8625f"\n', 'group_vars/db.yml')).toEqual([]);
  });

  it('still reports a password that only opens with md5, or is not hex of the length', () => {
    expect(found("CREATE ROLE pitwall_rw LOGIN PASSWORD 'md5Gravel!Trap44';", 'roles.sql')).toEqual([['PASS', 'md5Gravel!Trap44']]);
    expect(found("CREATE ROLE pitwall_rw LOGIN PASSWORD 'md5a91c04e7d2b85f36c0e1947d3ab8625';", 'roles.sql')).toEqual([['PASS', 'md5a91c04e7d2b85f36c0e1947d3ab8625']]);
    expect(found("CREATE ROLE pitwall_rw LOGIN PASSWORD 'md5Kq8zW3mLp0Tr4vX9nB2cY7hJ5dF1gQ6s';", 'roles.sql')).toEqual([['PASS', 'md5Kq8zW3mLp0Tr4vX9nB2cY7hJ5dF1gQ6s']]);
  });
});

describe('the key of a CI cache step', () => {
  it("leaves CircleCI's restore_cache and save_cache keys and GitLab's cache key alone, however they are written", () => {
    const circle = [
      'steps:',
      '  - checkout',
      '  - restore_cache:',
      '      key: gems-3f9a1c7e5b2d8046a1e9c3b7d5f20864c1a7e93b',
      '  - save_cache:',
      '      key: gems-3f9a1c7e5b2d8046a1e9c3b7d5f20864c1a7e93b',
      '      paths: [vendor/bundle]',
    ].join('\n');
    expect(found(circle, '.circleci/config.yml')).toEqual([]);
    expect(found('build:\n  cache:\n    key: "pnpm-9d2e4b7a1c6f3e8095b1d7a4c2e6f9083b5a1d7c"\n    paths: [.pnpm-store]\n', '.gitlab-ci.yml')).toEqual([]);
  });

  it('still reads a key under any other parent, and a secret named in full under a cache', () => {
    expect(found('signing:\n  key: Wq8Lm3Tz7Vx2Rb9Nk4Hc6Jd1Fs5Gp0YkR\n', 'deploy.yml').map(([, v]) => v)).toEqual(['Wq8Lm3Tz7Vx2Rb9Nk4Hc6Jd1Fs5Gp0YkR']);
    expect(found('cache:\n  redis_password: Gravel-Trap-Marsh44\n', 'app.yml').map(([, v]) => v)).toEqual(['Gravel-Trap-Marsh44']);
  });
});

describe('the key of a record in a public catalogue', () => {
  it("leaves a dataset's key alone, and reports a dataset service's API key", () => {
    expect(found('OCCURRENCE_DATASET_KEY = "4f9c2e1a-7b3d-4a86-9e05-c1d7b8a23f64"\n', 'settings.py')).toEqual([]);
    expect(found('datasetKey: 4f9c2e1a-7b3d-4a86-9e05-c1d7b8a23f64\n', 'harvest.yml')).toEqual([]);
    expect(found('DATASET_API_KEY = "Wq8Lm3Tz7Vx2Rb9Nk4Hc6Jd1Fs5Gp0Y"\n', 'settings.py').map(([, v]) => v)).toEqual(['Wq8Lm3Tz7Vx2Rb9Nk4Hc6Jd1Fs5Gp0Y']);
  });
});

describe('a password named in a sentence', () => {
  it('leaves a lower-case word after `is`/`was` alone: the sentence goes on', () => {
    expect(found('The replica password was rotated last week; the admin password is stored in Vault.\n', 'notes.md')).toEqual([]);
    expect(found('-- the reporting password is generated by the deploy job\n', 'V9__grants.sql')).toEqual([]);
  });

  it('still reports a value with digits, capitals or symbols there, or a quoted word', () => {
    expect(found('For the demo the password is lantern42 until Friday.\n', 'notes.md')).toEqual([['PASS', 'lantern42']]);
    expect(found("The kiosk password is 'marmalade' for now.\n", 'notes.md')).toEqual([['PASS', 'marmalade']]);
  });
});

describe('a passphrase of words inside a quoted NAME=value', () => {
  it("reads a systemd Environment= or compose list entry's passphrase up to the quote that opened before the name", () => {
    const unit = '[Service]\nEnvironment="BORG_PASSPHRASE=otter Mangrove 58 lantern"\nEnvironment="BORG_REPO=/srv/borg"\n';
    expect(found(unit, 'borg.service')).toEqual([['PASS', 'otter Mangrove 58 lantern']]);
    const compose = 'services:\n  backup:\n    environment:\n      - "RESTIC_PASSWORD=pumice Harbor 7 thistle"\n';
    expect(found(compose, 'docker-compose.yml')).toEqual([['PASS', 'pumice Harbor 7 thistle']]);
  });

  it('stops at that quote when another assignment shares the line, and leaves a prose value alone', () => {
    const unit = 'Environment="DB_PASSWORD=quartz Falcon 19 ember" "DB_USER=ledger"\n';
    expect(found(unit, 'ledger.service')).toEqual([['PASS', 'quartz Falcon 19 ember']]);
    expect(found('Environment="DB_PASSWORD=set in the vault"\n', 'ledger.service')).toEqual([]);
  });
});

describe('passwords and keys handed to command-line tools of device fleets (blind set 32)', () => {
  const values = (text: string, file: string): string[] => detect(text, { file }).map((f) => text.slice(f.start, f.end));

  it("reads mosquitto_passwd's batch mode like htpasswd's, whatever order its flags come in", () => {
    const entrypoint = [
      'mosquitto_passwd -b -c /etc/mosquitto/passwd plant3-bridge "$BRIDGE_PASSWORD"',
      'mosquitto_passwd -b /etc/mosquitto/passwd node-red Falcon-nimbus1066',
      'mosquitto_passwd -c -b -H sha512-pbkdf2 -I 101 /etc/mosquitto/passwd hil-runner "ZEjqRRJoeJckb0S"',
      'mosquitto_passwd -c /etc/mosquitto/passwd operator',
      'mosquitto_passwd -U /etc/mosquitto/passwd',
      'htpasswd -bBC 12 /etc/nginx/.htpasswd ops Br4ss-Kettle!9',
    ].join('\n');
    expect(values(entrypoint, 'docker-entrypoint.sh')).toEqual(['Falcon-nimbus1066', 'ZEjqRRJoeJckb0S', 'Br4ss-Kettle!9']);
  });

  it("reads the plain-text password of Yocto extrausers' useradd/usermod -P, not the crypt hash of -p", () => {
    const recipe = [
      'EXTRA_USERS_PARAMS = "\\',
      "    usermod -P 'Walnut!orchard1268' root; \\",
      "    useradd -P 'EY!haGqNm5ik%Uy' fieldsvc; \\",
      "    useradd -p '\\$6\\$Xq1bV\\$kQ0mTnq8Lw2' service; \\",
      '    usermod -P "${ROOT_PASSWORD}" admin; \\',
      '"',
    ].join('\n');
    expect(values(recipe, 'images/gw-image.bb')).toEqual(['Walnut!orchard1268', 'EY!haGqNm5ik%Uy']);
    expect(values('ssh -P 2222 host\nscp -P 2222 a host:b\n', 'copy.sh')).toEqual([]);
  });

  it("reads the key of openssl's HMAC digests, not a variable or a word", () => {
    const ticket = 'Verify with `openssl dgst -sha256 -hmac "53f2ef59de765db7e6db2fadd836b25190a89f968b079e977ecfad51bff4bef8" image.swu`.\n';
    expect(values(ticket, 'FW-512.md')).toEqual(['53f2ef59de765db7e6db2fadd836b25190a89f968b079e977ecfad51bff4bef8']);
    expect(values('openssl mac -digest SHA256 -macopt hexkey:9e2b41c7d08a53f6e1b47c92d5a8306f HMAC < fw.bin\n', 'sign.sh')).toEqual(['9e2b41c7d08a53f6e1b47c92d5a8306f']);
    expect(values('openssl dgst -sha256 -hmac "$OTA_HMAC_KEY" image.swu\nopenssl dgst -sha256 -hmac key image.swu\n', 'sign.sh')).toEqual([]);
  });
});

describe("Nagios' resource file", () => {
  it('reports the $USERn$ macros that hold passwords, communities and keys', () => {
    const resource = ['$USER1$=/usr/lib/nagios/plugins', '# AD read-only account', '$USER3$=15vMVx=WRa8=OPqLEq', '$USER4$=nagios_ro', '$USER5$=Lanterncobalt90?'].join('\n');
    expect(found(resource, 'resource.cfg')).toEqual([
      ['PASS', '15vMVx=WRa8=OPqLEq'],
      ['PASS', 'Lanterncobalt90?'],
    ]);
  });

  it('leaves the plugins path, account names and the macros where commands use them alone', () => {
    expect(found('$USER2$=/usr/lib/nagios/plugins/contrib\n$USER9$=svc.monitor\ncommand_line $USER1$/check_ldap -D x -P $USER3$\n', 'resource.cfg')).toEqual([]);
  });
});

describe('an international team: prose, tables and stand-ins in other languages (blind set 35)', () => {
  it('reports words and a number joined by dashes in a code span right after the word for password', () => {
    expect(passwords('管理画面の初期パスワードは `Yoyaku-Kanri-0901` です。\n', 'wiki/手順.md')).toEqual([['PASS', 'Yoyaku-Kanri-0901']]);
    expect(passwords('- 사내 Wi-Fi `ACME-5G` 비밀번호: `haneul-bada-1004`\n', 'docs/온보딩.md')).toEqual([['PASS', 'haneul-bada-1004']]);
    expect(passwords('Hasło do panelu administracyjnego WireGuard UI: `Wawel-Smok-1257`.\n', 'wiki/VPN.md')).toEqual([['PASS', 'Wawel-Smok-1257']]);
    expect(passwords('パスワードは `db-prod-01` と同じ、`SHA-256` で確認\n', 'wiki/手順.md')).toEqual([]);
  });

  it('reports a password right after the word, or after its verb a few words on, by a strong shape only', () => {
    expect(passwords('OPS-1202,"Usuario vpn-soporte, contraseña Soporte-VPN-Tapas-42 (servidor 192.168.200.1)",l.garcia\n', 'ops.csv')).toEqual([['PASS', 'Soporte-VPN-Tapas-42']]);
    expect(passwords('A senha atual do bind (cn=svc-bind) é Ldap.Bind.Acme!2021 em ldap://ldap.fra.acme.corp\n', 'ops.csv')).toEqual([['PASS', 'Ldap.Bind.Acme!2021']]);
    expect(passwords('La contraseña de la VPN compartida es obligatoria; contraseña de-la-vpn-2024 no.\n', 'notas.txt')).toEqual([]);
    expect(passwords('A senha do servidor é trocada em ldap://ldap.fra.acme.corp todo mês\n', 'notas.txt')).toEqual([]);
  });

  it("reports a Google app password (four groups of four letters) after the word for password", () => {
    expect(passwords('Mail sunucusu için uygulama şifresi: `qwzt lmnc pyrd vbke` (Gmail)\n', 'kurulum.md')).toEqual([['PASS', 'qwzt lmnc pyrd vbke']]);
    expect(passwords('パスワード: `must have four char` 以上\n', 'README.md')).toEqual([]);
  });

  it('reports the value of a table row whose first cell names a secret', () => {
    const table = '| 項目 | 値 |\n|---|---|\n| アクセスキーID | `AKIAXXRAD667WQMM33YI` |\n| シークレットアクセスキー | `RUvoF2u5PePHfbdBE2U0Hm6rUFPw9+jcdrUmeV05` |\n| リージョン | ap-northeast-1 |\n';
    expect(found(table, 'wiki/本番.md')).toContainEqual(['KEY', 'RUvoF2u5PePHfbdBE2U0Hm6rUFPw9+jcdrUmeV05']);
    expect(found('| Item | Value |\n|---|---|\n| Password policy | `Min-12-chars!` |\n| Key id | `9f2c7e1a4b8d3c6e0f5a2b9d` |\n', 'README.md')).toEqual([]);
  });

  it('reports keys assigned to names in other scripts, and not a public key or a field name', () => {
    expect(found('sentry:\n  認証トークン: sntrys_4g8ipW8Fk-x6q4ZkokWSi0ROH0mY2kO9ryUpzi85lYfwt\n暗号化キー: 196e365e9ccf70b01fe8abbbdb5d4fba65638e5a6d8bbcb301f855cb7b840eb0\n', 'settings.yml').map(([, v]) => v)).toEqual([
      'sntrys_4g8ipW8Fk-x6q4ZkokWSi0ROH0mY2kO9ryUpzi85lYfwt',
      '196e365e9ccf70b01fe8abbbdb5d4fba65638e5a6d8bbcb301f855cb7b840eb0',
    ]);
    expect(found("stripe:\n  公開鍵: pk_live_W4QXX5BVCUIuqWQ1DW9KTR66\n", 'settings.yml')).toEqual([]);
    expect(found("  contraseñaCampo: 'campo_contraseña',\n  クッキー: 'Qm7vLp2Zx9Tn4Wk8Rb3Hc9'\n", 'config.ts')).toEqual([]);
    expect(found('암호 : @@@hl@@@비번@@@endhl@@@\n', 'search.txt')).toEqual([]);
  });

  it('leaves stand-ins written in other languages alone', () => {
    expect(found('DATABASE_URL=postgres://usuario:sua_senha_aqui@localhost:5432/pagamentos\nCONTRASENA_BD=tu_contraseña_aqui\n', '.env.exemplo')).toEqual([]);
    expect(found('PASSWORT=dein-passwort-hier\nMOT_DE_PASSE=votre_mot_de_passe_ici\nTOKEN=il_tuo_token_qui\nHASLO=twoje_haslo_tutaj\n', '.env.example')).toEqual([]);
    expect(passwords('PASSWORD=Hier-Ici-42x\n', '.env')).toEqual([['PASS', 'Hier-Ici-42x']]);
  });
});

describe('game studio code and notes (blind set 29)', () => {
  const values = (text: string, file: string) => found(text, file).map(([, v]) => v);

  it("reads a password in Unreal's TEXT() macro and C++'s wide and UTF-8 literals", () => {
    expect(values('const FString Pass = TEXT("Wyvern#Tide88");\n', 'BackendClient.cpp')).toEqual(['Wyvern#Tide88']);
    expect(values('const wchar_t* kPassword = L"Wyvern#Tide88";\n', 'login.cpp')).toEqual(['Wyvern#Tide88']);
    expect(values('const FString Pass = TEXT("");\nconst FString PassLabel = TEXT("Password");\n', 'BackendClient.cpp')).toEqual([]);
  });

  it('reads the password of an app sign-in helper called with literals, not its variables or a stand-in', () => {
    expect(values('public Task<string> QaLogin() => LoginAsync("qa-bot-04", "QaBot!Launch3r");\n', 'AuthService.cs')).toEqual(['QaBot!Launch3r']);
    expect(values('return LoginAsync(username, password);\nawait signIn("qa@acme.io", "password");\n', 'AuthService.cs')).toEqual([]);
  });

  it('reads passwords in prose: for an account, wrapped onto the next line, or after an aside', () => {
    expect(values('If 1Password is down, the emergency\npassword for `deploy` is `Bot$Deploy_0317`.\n', 'README.md')).toEqual(['Bot$Deploy_0317']);
    expect(values('Neighborhood host, target manager password is\n`prospero-kit-A19`. Second kit is off.\n', 'notes.md')).toEqual(['prospero-kit-A19']);
    expect(values('Submission package signing passcode (do NOT paste in Slack again): `lu6vr7dar3t0jdfoym142kyk1ulm92h2`\n', 'notes.md')).toEqual(['lu6vr7dar3t0jdfoym142kyk1ulm92h2']);
    expect(values('The password for deploy is stored in 1Password.\nThe password is\nrotated monthly.\nReset the password (see the runbook): ask ops.\n', 'notes.md')).toEqual([]);
  });

  it("reads a password for an account whose code span the paragraph wrapped after 'is', not a stand-in or words", () => {
    expect(values('If the agent is down, the break-glass password for `ops` is\n`Tq7_mV2zK9pLw4Rx` (rotate after use).\n', 'runbook.md')).toEqual(['Tq7_mV2zK9pLw4Rx']);
    expect(values('the break-glass password for `ops` is\n`${OPS_BREAK_GLASS_PASSWORD}` (see the vault).\n', 'runbook.md')).toEqual([]);
    expect(values('the break-glass password for `ops` is\nkept in the vault.\n', 'runbook.md')).toEqual([]);
  });

  it('reads a key whose aside the paragraph wrapped onto the next line, or whose code span it wrapped after the verb', () => {
    expect(values('The archive key rotates. The current key\n(as of June) is `9c4e1b7a20d58f36e1d2c47a9b03f8e5` - keep it in the vault.\n', 'runbook.md')).toEqual(['9c4e1b7a20d58f36e1d2c47a9b03f8e5']);
    expect(values('The pump station API key (for the nightly export) is\n`pmp_Rq7vK2mX9pLw4Zt8Wq3nB6cJ1Hd5Fs0Gj`.\n', 'runbook.md')).toEqual(['pmp_Rq7vK2mX9pLw4Zt8Wq3nB6cJ1Hd5Fs0Gj']);
    expect(values('The current key\n(as of June) is `YOUR_API_KEY`.\n', 'runbook.md')).toEqual([]);
    expect(values('The release tag\n(for the pump station) is `v2024.11.3-rc1`.\n', 'runbook.md')).toEqual([]);
  });

  it('reads a key named in prose with an aside between the name and its verb, not a stand-in or a value not in a code span', () => {
    expect(values('The pump station API key (for the nightly export) is `pmp_Rq7vK2mX9pLw4Zt8Wq3nB6cJ1Hd5Fs0Gj`.\n', 'runbook.md')).toEqual(['pmp_Rq7vK2mX9pLw4Zt8Wq3nB6cJ1Hd5Fs0Gj']);
    expect(values('The pump station API key (for the nightly export) is `YOUR_API_KEY`.\n', 'runbook.md')).toEqual([]);
    expect(values('The pump station API key (for the nightly export) is kept in the vault.\n', 'runbook.md')).toEqual([]);
    expect(values('The release tag (for the pump station) is `v2024.11.3-rc1`.\n', 'runbook.md')).toEqual([]);
  });

  it('reads the generated items of a YAML block sequence under a secret name, not names or versions', () => {
    const asset = 'MonoBehaviour:\n  secretKey:\n  - 8968690db760dae31ce353e84ddf5f664eb74205\n  - 0301fb37aab5b85b6ef770d40bb784742e7d4c74\n  Build:\n  - 1.14.3\n';
    expect(values(asset, 'ga_settings.asset')).toEqual(['8968690db760dae31ce353e84ddf5f664eb74205', '0301fb37aab5b85b6ef770d40bb784742e7d4c74']);
    const names = 'redact:\n  secret_fields:\n    - password\n    - api_key\n  tokens:\n    - name: ci\n      scope: read\n';
    expect(values(names, 'logging.yml')).toEqual([]);
  });

  it("leaves TeamCity's credentialsJSON ids and a Terraform variable's bare default alone, not literals beside them", () => {
    expect(values('password("env.PLAYFAB_SECRET", "credentialsJSON:0f69f90f-bb5a-497e-9b5b-f65cdaab3cf1")\n', 'settings.kts')).toEqual([]);
    const tf = 'variable "grafana_password" {\n  sensitive = true\n  default   = var.grafana_admin_password\n}\nvariable "db_password" {\n  default = "Kq8zW3mLp0!x"\n}\n';
    expect(values(tf, 'main.tf')).toEqual(['Kq8zW3mLp0!x']);
  });
});

describe('an insurer\'s scripts, playbooks and notes, a platform repo (blind sets 37 and 40)', () => {
  const values = (text: string, file: string): string[] => found(text, file).map(([, v]) => v);

  it("reads Oracle's SQL*Plus CONNECT, a quoted expdp password and an mkstore credential, not a substitution variable", () => {
    const script = 'sqlplus -s /nolog <<EOSQL\nCONNECT etl_ro/Wq8~Harbor3x@RPTPRD\n@extract.sql\nEOSQL\n';
    expect(values(script, 'export.sh')).toEqual(['etl_ro/Wq8~Harbor3x@RPTPRD']);
    expect(values("expdp system/'Lm4-Quay!Orbit9'@DWPRD schemas=CLAIMS\n", 'export.sh')).toEqual(["system/'Lm4-Quay!Orbit9'@DWPRD"]);
    expect(values('mkstore -wrl /u01/wallet -createCredential DWPRD dw_loader "Tq2#Fen*Lark-7"\n', 'wallet.sh')).toEqual(['Tq2#Fen*Lark-7']);
    expect(values('CONNECT etl_ro/${ETL_PW}@RPTPRD\nCONNECT / AS SYSDBA\n', 'export.sh')).toEqual([]);
    expect(values('CREATE USER claims_ro IDENTIFIED BY &&claims_ro_pw;\nCREATE USER app IDENTIFIED BY "Vk7.Marsh-Pine";\n', 'users.sql')).toEqual(['Vk7.Marsh-Pine']);
  });

  it("reads the old password a user's own ALTER USER … REPLACE gives up, beside the new one, not a substitution variable", () => {
    expect(values('ALTER USER ccadmin IDENTIFIED BY "Gw$Claim-Prd2" REPLACE "Gw$Claim-Prd1";\n', 'users.sql')).toEqual(['Gw$Claim-Prd2', 'Gw$Claim-Prd1']);
    expect(values("ALTER USER 'app'@'%' IDENTIFIED BY 'Vk7.Marsh-Pine' REPLACE 'Vk6.Marsh-Pine';\n", 'users.sql')).toEqual(['Vk7.Marsh-Pine', 'Vk6.Marsh-Pine']);
    expect(values('ALTER USER ccadmin IDENTIFIED BY "Gw$Claim-Prd2" REPLACE &&old_pw;\n', 'users.sql')).toEqual(['Gw$Claim-Prd2']);
  });

  it('reads a -p that follows a -u user as its password, not a port or a database', () => {
    expect(values('    /opt/tool/admincli -a https://localhost:8443 -u admin -p Rz5mQw.Lk2!x\n', 'tasks/main.yml')).toEqual(['Rz5mQw.Lk2!x']);
    expect(values('docker run -u 1000:1000 -p 8080:80 app\nmysql -u root -p claims\n', 'run.sh')).toEqual([]);
  });

  it('reads an SNMP community whose name ends in its access, and an else branch that falls back on a literal', () => {
    expect(values('snmp_community_rw: Pq7Vale2Marten\n', 'group_vars/all.yml')).toEqual(['Pq7Vale2Marten']);
    expect(values('$password = if ($env:SVC_PW) { $env:SVC_PW } else { "Hw3-Tarn.q8Lx" }\n', 'deploy.ps1')).toEqual(['Hw3-Tarn.q8Lx']);
    expect(values('$password = if ($env:SVC_PW) { $env:SVC_PW } else { Read-Host -AsSecureString }\n', 'deploy.ps1')).toEqual([]);
  });

  it('reads a Basic-auth password joined to its user before base64, and a login for an account in call notes', () => {
    const ps = '$pair = "svc-probe:" + "Nq4vLw8RzT2kXm"\n$enc = [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes($pair))\n';
    expect(values(ps, 'probe.ps1')).toEqual(['Nq4vLw8RzT2kXm']);
    expect(values('$label = "Status:" + "Nq4vLw8RzT2kXm"\nWrite-Host $label\n', 'probe.ps1')).toEqual([]);
    expect(values('- Vendor portal login for the shared EDI account: acme_edi / 7k@QwLm2Rz8\n', 'call-notes.txt')).toEqual(['7k@QwLm2Rz8']);
  });

  it('reads Azure Functions keys and a lone SAS sig, URL-encoded, and a whole Slack webhook after a shell default', () => {
    const key = 'Tq3mW8zLr2Kx9Vb4Nc7Pd1Hy6Jf0Gs5Ae-Rt_Zq8Lm3Wx7Kb2Nv4Yp9';
    expect(values(`https://func-acme.azurewebsites.net/api/Hook?code=${key}==\n`, 'links.txt')).toEqual([`${key}==`]);
    expect(values(`2025-01-02 00:02:17 10.1.2.3 POST /api/Hook code=${key}== 443 - 20.1.2.3 curl/8.5 202 0 0 61\n`, 'u_ex250102.log')).toContain(`${key}==`);
    expect(values(`exit_code=${key}==\n`, 'run.log')).toEqual([]);
    const sig = 'Qm4Lw9Zr2Tx7Kv%2BNb3Hc8Jd1Fy6Gs0Ap5Wq9Lm2Zx4R%3D';
    expect(values(`- New SAS for the partner drop issued, sig=${sig} (expires 2025-07-17)\n`, 'CHG1.md')).toEqual([sig]);
    const hook = 'https://hooks.slack.com/services/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';
    expect(values(`SLACK_URL="\${SLACK_URL:-${hook}}"\n`, 'notify.sh')).toEqual([hook]);
  });

  it("reads a pgpass template's static line, an ssh_config zone after %h, and leaves a GUID-named id and a git remote alone", () => {
    expect(values('# host:port:db:user:password\n{{ h }}:5432:*:app:{{ app_pw }}\n10.9.1.4:5432:*:barman:Rk2mQ8wLz5Tn3Vx\n', 'templates/pgpass.j2')).toContain('Rk2mQ8wLz5Tn3Vx');
    expect(values('Host ci-*\n    HostName %h.ci.acme.corp\n    User jenkins\n', 'ssh/config')).toEqual(['ci.acme.corp']);
    expect(values('splunk_index_guid: 4ea38b7b-f563-4709-8bae-87aeaf14f0c1\n', 'group_vars/all.yml')).toEqual([]);
    expect(values('splunk_hec_token: 4ea38b7b-f563-4709-8bae-87aeaf14f0c1\n', 'group_vars/all.yml')).toEqual(['4ea38b7b-f563-4709-8bae-87aeaf14f0c1']);
    expect(values('apiVersion: v1\nkind: Secret\nstringData:\n  type: git\n  url: git@github.com:acme-platform\n  password: Wz8-Quill.Fen4\n', 'repo-creds.yaml')).toEqual(['Wz8-Quill.Fen4']);
  });
});

describe('e-commerce and retail set-ups: commands, fallbacks, logs, EDI and public client keys', () => {
  const values = (text: string, file: string): string[] => detect(text, { file }).map((f) => text.slice(f.start, f.end));

  it("reads a console's namespaced set command (bin/magento config:sensitive:set path value)", () => {
    expect(values('bin/magento config:sensitive:set payment/acme_gateway/private_key 4c1e9a7b2d0f68e35b9c7a1d2e4f6083\n', 'deploy.sh')).toEqual(['4c1e9a7b2d0f68e35b9c7a1d2e4f6083']);
    expect(values('bin/magento config:set payment/acme_gateway/private_key "$GATEWAY_PRIVATE_KEY"\nbin/magento config:set web/secure/base_url https://shop.example.com/\n', 'deploy.sh')).toEqual([]);
  });

  it("reads a literal fallback after a spaced PHP lookup and after a Python parameter's `or`, not `or` in prose", () => {
    expect(values("define( 'ACME_API_KEY', getenv( 'ACME_API_KEY' ) ?: 'acme_live_Qm7Tz2Vx9Lp4Rk8Wn3Bc6Hd1Fs5Gj0Ya' );\n", 'plugin.php')).toEqual(['acme_live_Qm7Tz2Vx9Lp4Rk8Wn3Bc6Hd1Fs5Gj0Ya']);
    const py = 'class Carrier:\n    def __init__(self, client_secret: str | None = None):\n        self.client_secret = client_secret or "Vb3Nq8Zr5Tx1Wm7Kc4Pj9Ld2Hf6Gs0AeYu"\n';
    expect(values(py, 'carrier.py')).toEqual(['Vb3Nq8Zr5Tx1Wm7Kc4Pj9Ld2Hf6Gs0AeYu']);
    expect(values('self.client_secret = client_secret or settings.CARRIER_SECRET\n', 'carrier.py')).toEqual([]);
    expect(values('Paste the client_secret or "Vb3Nq8Zr5Tx1Wm7Kc4Pj9Ld2Hf6Gs0AeYu" into the form.\n', 'notes.md')).toEqual([]);
  });

  it("reads the fallback after a parameter named only by the secret's word (`self.token = token or \"…\"`), not a lookup's argument", () => {
    expect(values('        self.token = token or "Zq7Wm2Lx9Rk4Tp8Vb3Nc6Hd1"\n', 'client.py')).toEqual(['Zq7Wm2Lx9Rk4Tp8Vb3Nc6Hd1']);
    expect(values("    self.secret = secret or 'Pk3Vr8Lm2Qz7Wx4Tn9Bc5Hj'\n", 'client.py')).toEqual(['Pk3Vr8Lm2Qz7Wx4Tn9Bc5Hj']);
    expect(values('        self.token = token\n        self.url = url\n', 'client.py')).toEqual([]);
    // A lookup's one argument names the setting read, digits and all; a literal after the chain is the value.
    expect(values('        self.password = password or os.environ.get("LDAP2_PASSWORD")\n', 'client.py')).toEqual([]);
    expect(values('const password = opts.password ?? getenv("S3_PASSWORD");\n', 'client.js')).toEqual([]);
    expect(values('password = password or os.getenv("LDAP2_PASSWORD") or "Wm4Kx9Tq2Lz7Rb3Nv8"\n', 'client.py')).toEqual(['Wm4Kx9Tq2Lz7Rb3Nv8']);
    expect(values('const password = opts.password ?? devOnly("Wm4Kx9Tq2Lz7Rb3Nv8");\n', 'client.js')).toEqual(['Wm4Kx9Tq2Lz7Rb3Nv8']);
  });

  it('reads a value in a doubled code span (reStructuredText, a docstring), not the login beside it', () => {
    const py = 'class Courier:\n    """Staging credentials: client id ``cr-stage`` / secret ``Tg8Wq3Lm7Zx2Rk9Vb4Nc6Hd1Pj5Fs0Ay``.\n    """\n';
    expect(values(py, 'courier.py')).toEqual(['Tg8Wq3Lm7Zx2Rk9Vb4Nc6Hd1Pj5Fs0Ay']);
    expect(values('The API token ``Tg8Wq3Lm7Zx2Rk9Vb4Nc6Hd1Pj5Fs0Ay`` was revoked.\n', 'notes.rst')).toEqual(['Tg8Wq3Lm7Zx2Rk9Vb4Nc6Hd1Pj5Fs0Ay']);
    expect(values('Set the secret ``COURIER_CLIENT_SECRET`` in the environment.\n', 'notes.rst')).toEqual([]);
    expect(values('Pass the token ``<your-token>`` to the client.\n', 'notes.rst')).toEqual([]);
  });

  it("leaves a docstring's parameter fields and a value said to be a sample", () => {
    const py = 'def load(crypto_key, password):\n    """\n    :param crypto_key: A ``cryptography`` X.509 certificate.\n    :type crypto_key: ``cryptography.x509.Certificate``\n    :param str password: ``Tg8Wq3Lm7Zx2``\n    """\n';
    expect(values(py, 'loader.py')).toEqual([]);
    expect(values('Replace the sample password ``secret99`` with a secure password.\n', 'create-db.rst')).toEqual([]);
    expect(values('Use the example API key "Tg8Wq3Lm7Zx2Rk9Vb4Nc6Hd1" to try it.\n', 'README.md')).toEqual([]);
    // The same values under their names, outside a parameter's field and with no example word, are still reported.
    expect(values('password: ``Tg8Wq3Lm7Zx2``\n', 'notes.rst')).toEqual(['Tg8Wq3Lm7Zx2']);
    expect(values('Use the API key "Tg8Wq3Lm7Zx2Rk9Vb4Nc6Hd1" to try it.\n', 'README.md')).toEqual(['Tg8Wq3Lm7Zx2Rk9Vb4Nc6Hd1']);
  });

  it("leaves words joined by slashes under a key's name (a time zone, a path), not a generated key with slashes", () => {
    expect(values('        self.klass.clear_cache(only_keys=["America/Los_Angeles"])\n', 'test_zoneinfo.py')).toEqual([]);
    expect(values('secret_key = "iZwVgVLAZpnKlr/rDuGBxXBkjSmrC/pWUZPzPWeI"\n', 'main.tf')).toEqual(['iZwVgVLAZpnKlr/rDuGBxXBkjSmrC/pWUZPzPWeI']);
  });

  it("leaves an attribute's name, a loopback host, an idempotency token, a list of constants and a filter's band", () => {
    expect(values("        if (not hasattr(self.passwd, 'is_authenticated') or\n", 'request.py')).toEqual([]);
    expect(values("x = getattr(settings, 'PASSWORD', 'Tg8Wq3Lm7Zx2')\n", 'settings.py')).toEqual(['Tg8Wq3Lm7Zx2']);
    expect(values("    ('http', 'username', 'pass/word', 'localhost:22')),\n", 'test_urllib2.py')).toEqual([]);
    expect(values('aws ecs run-task --client-token 550e8400-e29b-41d4-a716-446655440000\n', 'run-task.rst')).toEqual([]);
    expect(values('{"ClientToken": "4752b573-40a6-4eac-a8a4-a72058761219"}\n', 'out.json')).toEqual([]);
    expect(values('    --explicit-auth-flows "ALLOW_CUSTOM_AUTH" "ALLOW_USER_PASSWORD_AUTH" "ALLOW_USER_SRP_AUTH" \\\n', 'update.rst')).toEqual([]);
    expect(values("    elif pass_zero in ('bandpass', 'highpass'):\n", 'filters.py')).toEqual([]);
  });

  it('leaves an ARN in a policy whose partition is a wildcard or a CloudFormation reference', () => {
    expect(values('{"Condition": {"ArnLike": {"secretsmanager:SecretId": "arn:*:secretsmanager:*:*:secret:AmazonMSK_*"}}}', 'policies.py')).toEqual([]);
    expect(values('SecretId: "arn:${AWS::Partition}:secretsmanager:eu-west-1:123456789012:secret:db-Ab12Cd"\n', 'template.yaml')).toEqual([]);
  });

  it("reads lftp's -u user,password with the password quoted", () => {
    expect(values("lftp -u mirror,'Rw5!kTq2Zp8n' sftp://files.example.com -e 'mirror -R /out /in; bye'\n", 'push.sh')).toEqual(['Rw5!kTq2Zp8n']);
  });

  it('reads a key named in prose with where it came from, before `is` and a code span', () => {
    expect(values('New key from the merchant portal is\n`Hq4Tz9Wc2Lm7Vp3R` - updated in the plugin.\n', 'ticket.md')).toEqual(['Hq4Tz9Wc2Lm7Vp3R']);
    expect(values('The key from the vault is `rotated` weekly.\n', 'ticket.md')).toEqual([]);
  });

  it('reads a JSON entry after a value that holds a secret word (a scope ending in authcapture)', () => {
    const body = '{"scope":"https://api.example.com/payments/authcapture","access_token":"Zt8Qm2Vx7Lp4Rk9Wn3Bc6Hd1Fs5Gj0YaEu","token_type":"Bearer"}';
    expect(values(body, 'gateway.log')).toEqual(['Zt8Qm2Vx7Lp4Rk9Wn3Bc6Hd1Fs5Gj0YaEu']);
  });

  it('leaves a search-only key in prose, Adyen and Worldpay client keys by their shape alone; not the secrets beside them', () => {
    expect(values('// the storefront uses a search-only key: 5d2f8a9c1b7e4063a9d1c2b3e4f50617\n', 'reindex.js')).toEqual([]);
    expect(values('// the admin key: 5d2f8a9c1b7e4063a9d1c2b3e4f50617\n', 'reindex.js')).toEqual(['5d2f8a9c1b7e4063a9d1c2b3e4f50617']);
    expect(values("var DEFAULTS = {\n    clientKey: 'test_Q4ZK8W2N6R1T5Y9U3P7L0M2X4C6V8B1N',\n    hmacKey: '9F3A6C1E8B2D4F7A0C5E9B3D6F1A8C2E4B7D0F3A6C9E1B5D8F2A4C7E0B3D6F9A'\n};\n", 'config.js')).toEqual(['9F3A6C1E8B2D4F7A0C5E9B3D6F1A8C2E4B7D0F3A6C9E1B5D8F2A4C7E0B3D6F9A']);
    const env = 'WORLDPAY_SERVICE_KEY=T_S_1c5e9a2b-7d3f-4e8a-9b1c-6d2e5f8a3b7c\nWORLDPAY_CLIENT_KEY=T_C_8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d\n';
    expect(values(env, '.env.production')).toEqual(['T_S_1c5e9a2b-7d3f-4e8a-9b1c-6d2e5f8a3b7c']);
    // The shape alone does not make a secret-named client key public.
    expect(values("const clientSecretKey = 'live_Q4ZK8W2N6R1T5Y9U3P7L0M2X4C6V8B1N';\n", 'config.js')).toEqual(['live_Q4ZK8W2N6R1T5Y9U3P7L0M2X4C6V8B1N']);
  });

  it('reads a private address after a login and before a path (wp-cli aliases), not a bare path', () => {
    expect(values('@production:\n  ssh: deploy@10.41.7.22/var/www/current\n', 'wp-cli.yml')).toEqual(['10.41.7.22']);
    expect(values('archive: backups/10.41.7.22/var/www\n', 'notes.yml')).toEqual([]);
  });

  it('reads the password of an X12 interchange header only where ISA03 says 01', () => {
    const isa = (q: string, v: string) => `ISA*00*          *${q}*${v}*ZZ*SENDERID       *ZZ*RECEIVERID     *240304*1105*U*00401*000004410*0*P*>~\nGS*PO*SENDERID*RECEIVERID*20240304*1105*4410*X*004010~\n`;
    expect(values(isa('01', 'Rt6Wq2Zk9M'), 'po.edi')).toEqual(['Rt6Wq2Zk9M']);
    expect(values(isa('00', '          '), 'po.edi')).toEqual([]);
    expect(values(isa('01', '0000000000'), 'po.edi')).toEqual([]);
    expect(values('ISA|00|          |01|Rt6Wq2Zk9M|ZZ|SENDERID       |ZZ|RECEIVERID     |240304|1105\n', 'po.x12')).toEqual(['Rt6Wq2Zk9M']);
  });
});

describe('services and ML pipelines: setters, Redis clients, joined URLs, prose (blind sets 36 and 38)', () => {
  const values = (text: string, file: string) => found(text, file).map(([, v]) => v);

  it("reads a literal given to Go's exported setter and to a snake-case key constructor, not a variable", () => {
    expect(values('\tif pass == "" {\n\t\topts.SetPassword("Moss.Lantern.4417%")\n\t}\n', 'main.go')).toEqual(['Moss.Lantern.4417%']);
    expect(values('client.SetAPIKey("Rq7vK2mX9pLw4Zt8Wq3nB6cJ")\n', 'client.go')).toEqual(['Rq7vK2mX9pLw4Zt8Wq3nB6cJ']);
    expect(values('auth_credentials=Auth.api_key("Tq8vWm2RzX5kLp9nBc3HdY7gFs4JeA6uQw1oNi0t"),\n', 'stores.py')).toEqual(['Tq8vWm2RzX5kLp9nBc3HdY7gFs4JeA6uQw1oNi0t']);
    expect(values('\topts.SetPassword(*mqttPassFlag)\n', 'main.go')).toEqual([]);
    expect(values('auth_credentials=Auth.api_key(os.environ["WEAVIATE_KEY"]),\n', 'stores.py')).toEqual([]);
  });

  it('reads the password a Redis client is built with or authenticates by, not its client name or a stored value', () => {
    expect(values('return new JedisPool(pool, "cache.acme.test", 6379, 2000, "Heron_Quartz_5521!");\n', 'Cache.java')).toEqual(['Heron_Quartz_5521!']);
    expect(values('return new JedisPool(pool, "cache.acme.test", 6379, 2000, "svc-ledger", "Heron_Quartz_5521!", 0);\n', 'Cache.java')).toEqual(['Heron_Quartz_5521!']);
    expect(values('r = StrictRedis("cache.acme.test", 6380, 2, "Tq7-Lumen-Basalt")\n', 'cache.py')).toEqual(['Tq7-Lumen-Basalt']);
    expect(values('jedis.auth("Orchid.Ferry.3390");\n', 'Cache.java')).toEqual(['Orchid.Ferry.3390']);
    expect(values('return new JedisPool(pool, "cache.acme.test", 6379, 2000, null, 3, "ledger-app");\n', 'Cache.java')).toEqual([]);
    expect(values('jedis.setex("session:8842", 3600, "cart-payload-v2");\nredis.set("lock", "Heron_Quartz_5521")\n', 'Cache.java')).toEqual([]);
  });

  it("reads a URL's password joined from literals across lines, through an escaping call, after a driver's scheme", () => {
    const js = "const hosts = {\n  staging:\n    'mongodb://loader:' +\n    encodeURIComponent('Fz-8k^MarlinQ-tw') +\n    '@10.4.2.9:27017/shop?authSource=admin',\n};\n";
    expect(values(js, 'seed.js')).toContain('Fz-8k^MarlinQ-tw');
    expect(values('engine = create_engine("postgresql+psycopg2://etl:" + "Qv7rTm+Lop29xWz" + "@" + HOST + "/features")\n', 'dag.py')).toEqual(['Qv7rTm+Lop29xWz']);
    expect(values('return sql.Open("postgres", "postgres://reports:"+os.Getenv("REPORTS_PASSWORD")+"@localhost/reports")\n', 'db.go')).toEqual([]);
    expect(values("'mongodb://loader:' +\n    encodeURIComponent(process.env.MONGO_PW) +\n    '@10.4.2.9:27017/shop'\n", 'seed.js')).not.toContain('process.env.MONGO_PW');
  });

  it("reads a Modal token's secret half under a Modal or token-secret name, not a bare as- word", () => {
    expect(values('MODAL_TOKEN_ID=ak-Lq2wXr8TnB5vKm3ZpJ7dYe MODAL_TOKEN_SECRET=as-qWmdRtxLpaZkeHvbNcyuJs modal run app.py\n', 'ci.sh')).toEqual([
      'ak-Lq2wXr8TnB5vKm3ZpJ7dYe',
      'as-qWmdRtxLpaZkeHvbNcyuJs',
    ]);
    expect(values('[default]\ntoken_id = "ak-Lq2wXr8TnB5vKm3ZpJ7dYe"\ntoken_secret = "as-Hv3KpWq9ZrTx2LmNb7YcDe"\n', '.modal.toml')).toContain('as-Hv3KpWq9ZrTx2LmNb7YcDe');
    expect(values('tag = "as-qWmdRtxLpaZkeHvbNcyuJs"\n', 'notes.py')).toEqual([]);
  });

  it('reads a private address that scp or rsync copies to, whatever versions share its line', () => {
    expect(values('rsync -avz "${OUT}/" backup@192.168.40.7:/srv/models/run-v3/\n', 'sync.sh')).toEqual(['192.168.40.7']);
    expect(values('scp model-v2.bin ops@10.20.3.4:~/drop/\n', 'sync.sh')).toEqual(['10.20.3.4']);
    expect(values('pip install tool==10.2.3.4 # v2 of the release\n', 'setup.sh')).toEqual([]);
  });

  it('leaves a seed that a run was made with and a phrase mapped to its digest, not a key handed over in prose', () => {
    expect(values('  // fixtures generated with seed 6d1f9a2e-3b7c-4e80-9a15-c2f4d8e60b37\n', 'seed.js')).toEqual([]);
    expect(values('    # e.g. "## Rotating keys" -> 5b2c7e11d09af3c64e8b2a7d95f0c13e6a48b9d2f7c01e5a3b86d4f29c07e1a5\n', 'ingest.py')).toEqual([]);
    expect(values("I'm calling your proxy with key sk-8b3e5f0a1c7d9e2f4a6b8c0d2e4f6a8b, is it blocked?\n", 'chat.txt')).toEqual(['sk-8b3e5f0a1c7d9e2f4a6b8c0d2e4f6a8b']);
    expect(values('CREATE ROLE loader WITH\n  LOGIN\n  PASSWORD \'Tq4-sable-Orchid\';\nALTER ROLE app WITH PASSWORD \'Wq3!Tamarind88\';\n', 'roles.sql')).toContain('Wq3!Tamarind88');
    expect(values('api_token -> Zk3mP9qR2vX8wL5nQ4tY\n', 'notes.txt')).toEqual(['Zk3mP9qR2vX8wL5nQ4tY']);
  });
});

describe('a literal picked by a conditional or a chained assignment, a Spaces key pair (blind set 44)', () => {
  const values = (text: string, file: string) => found(text, file).map(([, v]) => v);

  it("reads the literal a Ruby predicate picks, not the predicate call, and the literal a chain of assignments gives", () => {
    expect(values('seed_pw = Rails.env.staging? ? "Quill#marten62~" : "password"\n', 'seeds.rb')).toEqual(['Quill#marten62~']);
    expect(values('Admin.find_or_create_by!(email: "a@example.test") do |a|\n  a.password = a.password_confirmation = "Vr!9k.Lw2Hm7qZ"\nend\n', 'seeds.rb')).toEqual(['Vr!9k.Lw2Hm7qZ']);
    expect(values('smtp_password = relay_password = "Basalt-Finch-7720"\n', 'settings.py')).toEqual(['Basalt-Finch-7720']);
    expect(values('seed_pw = Rails.env.staging? ? ENV.fetch("SEED_PW") : nil\n', 'seeds.rb')).toEqual([]);
    expect(values('  a.password = a.password_confirmation = ENV["ADMIN_PW"]\n', 'seeds.rb')).toEqual([]);
    expect(values('display_name = user_name = "Basalt-Finch-7720"\n', 'settings.py')).toEqual([]);
  });

  it("reads the literal a setter falls back on in either branch of a conditional, not a lookup", () => {
    expect(values('ds.setPassword(fromEnv.isBlank() ? "Wn4!Pq8-Tz2mLx" : fromEnv);\n', 'DbConfig.java')).toEqual(['Wn4!Pq8-Tz2mLx']);
    expect(values('client.setApiKey(key == null ? "Zk7mQ2rX9vP4wL8nB3tY" : key);\n', 'Api.java')).toEqual(['Zk7mQ2rX9vP4wL8nB3tY']);
    expect(values('ds.setPassword(fromEnv.isBlank() ? System.getenv("DB_PW") : fromEnv);\n', 'DbConfig.java')).toEqual([]);
    expect(values('ds.setPassword(useDefault ? "changeme" : fromEnv);\n', 'DbConfig.java')).toEqual([]);
  });

  it("reads the literal a setter takes converted on the way (`.toCharArray()`, `.getBytes(…)`), not a converted variable", () => {
    expect(values('opts.setPassword("Fq3-Wm8!Lr2Tz".toCharArray());\n', 'MqttBridge.java')).toEqual(['Fq3-Wm8!Lr2Tz']);
    expect(values('auth.setSecret("Kd7mR2qX9vP4wL8nB3tY".getBytes(StandardCharsets.UTF_8));\n', 'Hmac.java')).toEqual(['Kd7mR2qX9vP4wL8nB3tY']);
    expect(values('opts.setPassword(mqttPassword.toCharArray());\n', 'MqttBridge.java')).toEqual([]);
    expect(values('opts.setPassword("changeme".toCharArray());\n', 'MqttBridge.java')).toEqual([]);
    expect(values('opts.setPassword("Fq3-Wm8!Lr2Tz".substring(4));\n', 'MqttBridge.java')).toEqual([]);
  });

  it("reads a Spaces secret given after its DO00 key id, as an AWS one after AKIA", () => {
    const go = 'c := credentials.NewStaticCredentialsProvider("DO00WQ4ZN8RT2KXM7LPB", "Hm2/Rq8vLx+Wt4Kp9Zn3Bc7Jd5Fs1Gy6Ta0Ue2Oi7Pw", "")\n';
    expect(values(go, 'main.go')).toEqual(['DO00WQ4ZN8RT2KXM7LPB', 'Hm2/Rq8vLx+Wt4Kp9Zn3Bc7Jd5Fs1Gy6Ta0Ue2Oi7Pw']);
    expect(values('c := credentials.NewStaticCredentialsProvider("DO00WQ4ZN8RT2KXM7LPB", secret, "")\n', 'main.go')).toEqual(['DO00WQ4ZN8RT2KXM7LPB']);
  });
});

describe('Basic credentials in code written inside a JSON string or joined from three literals', () => {
  it("reads a requests auth pair in a notebook cell, whose quotes JSON escapes", () => {
    const cell = '   "source": [\n    "creds = (\\"plate-reader\\", \\"Tq8vWm3zLx5Rk2Np\\")\\n",\n    "r = requests.get(url, auth=creds)"\n   ]\n';
    expect(found(cell, 'notebooks/plates.ipynb')).toEqual([['PASS', 'Tq8vWm3zLx5Rk2Np']]);
    const lookup = '   "source": [\n    "creds = (\\"plate-reader\\", os.environ[\\"PLATE_PW\\"])\\n"\n   ]\n';
    expect(found(lookup, 'notebooks/plates.ipynb')).toEqual([]);
  });

  it('reads the password of "user" + ":" + "…" handed to an encoder after "Basic "', () => {
    expect(found('const h = "Basic " + btoa("kiosk" + ":" + "Vn4qLz8wXr2m");\n', 'src/kiosk.ts')).toEqual([['PASS', 'Vn4qLz8wXr2m']]);
    expect(found('const h = "Basic " + btoa(user + ":" + pass);\n', 'src/kiosk.ts')).toEqual([]);
  });
});

describe('passwords given to chpasswd', () => {
  it("reads the list of cloud-init's chpasswd module, and nothing of the modules after it", () => {
    const yaml = [
      '#cloud-config',
      'chpasswd:',
      '  expire: false',
      '  list: |',
      '    kiosk:Wren-Basalt6620!',
      '    backup:RANDOM',
      'runcmd:',
      '  - echo build:Wren-Basalt6620x',
      '',
    ].join('\n');
    expect(found(yaml, 'deploy/user-data.yaml')).toEqual([['PASS', 'Wren-Basalt6620!']]);
  });

  it('reads the module indented inside another file (a cloud-config in Terraform\'s heredoc), and stops at its block\'s end', () => {
    const tf = [
      'resource "hcloud_server" "app" {',
      '  user_data = <<-EOT',
      '    #cloud-config',
      '    chpasswd:',
      '      list: |',
      '        deploy:Kq7.Zt3#Wm9-vLx',
      '      expire: false',
      '    write_files:',
      '      - content: |',
      '          relay:Kq7.Zt3#Wm9-vLy',
      '  EOT',
      '}',
      '',
    ].join('\n');
    expect(found(tf, 'infra/main.tf')).toEqual([['PASS', 'Kq7.Zt3#Wm9-vLx']]);
  });

  it('reads a pair piped or here-stringed into chpasswd, and leaves variables and crypt hashes', () => {
    expect(found("echo 'kiosk:Wren-Basalt6620!' | sudo chpasswd\n", 'provision.sh')).toEqual([['PASS', 'Wren-Basalt6620!']]);
    expect(found('echo "kiosk:${KIOSK_PASSWORD}" | chpasswd\n', 'provision.sh')).toEqual([]);
    expect(found("echo 'kiosk:$6$Qm3x$Kv8wPzL2rT5yN0bH4jD7sF1gA' | chpasswd -e\n", 'provision.sh')).toEqual([]);
  });
});

describe('a web agency\'s WordPress and PHP hosting credentials (blind set 52)', () => {
  const values = (text: string, file: string) => found(text, file).map(([, v]) => v);

  it('reads a WordPress salt whose random symbols hold half of a template delimiter, not a whole template', () => {
    const salt = "k(Pq2`Wz;Lm8<%vT4^Rn!e7}}Yb9#Hs0~Gd3/Jf6*Xc1,Ua5?Zo8|Ni2+Ke4)Mw";
    expect(values(`define( 'SECURE_AUTH_SALT', '${salt}' );\n`, 'wp-config.php')).toEqual([salt]);
    // A template in a config file is still one.
    expect(values("define( 'AUTH_SALT', '<%= @auth_salt %>' );\n", 'wp-config.php.erb')).toEqual([]);
    expect(values('secret_key: "{{ vault_secret_key }}"\n', 'vars.yml')).toEqual([]);
  });

  it("tries the flag after an action's flag that names a password (Plesk's --set-admin-password -passwd '…')", () => {
    expect(values("plesk bin admin --set-admin-password -passwd 'heron.quartz.318'\n", 'history.txt')).toEqual(['heron.quartz.318']);
    expect(values('tool --reset-password -passwd "$NEW_PW"\n', 'history.txt')).toEqual([]);
  });

  it('reads a WordPress application password (six groups of four) given to curl, a requests tuple or Guzzle', () => {
    const app = 'Qm4T xR7w Lp2K vN8s Ht5Y bZ3c';
    expect(values(`curl -s -u "sync-bot:${app}" https://shop.example/wp-json/wp/v2/users/me\n`, 'notes.md')).toEqual([app]);
    expect(values(`SHOP_AUTH = ("sync-bot", "${app}")\n`, 'export.py')).toEqual([app]);
    expect(values("$c = new Client([\n    'timeout'  => 10,\n    'auth'     => ['svc_web', 'r.Vk8wLq2Zp5']\n]);\n", 'Bridge.php')).toEqual(['r.Vk8wLq2Zp5']);
    // Six capitalised words are a title, not an application password.
    expect(values('SHOP_AUTH = ("sync-bot", "Team Plan Grid View Show More")\n', 'export.py')).toEqual([]);
    expect(values('curl -u "sync-bot:$APP_PASSWORD" https://x\n', 'notes.md')).toEqual([]);
  });

  it("reads a Laravel Sanctum token whole, its id and bar too", () => {
    const token = '118|Rq7mT2wXk9Lp4Zn8Vb3Hs6Jd1Fg5Ck0Ye7Ua2Qi';
    expect(values(`{"headers":{"authorization":"Bearer ${token}"}}\n`, 'laravel.log')).toEqual([token]);
  });

  it("reads a secret of a PHP-serialized array by its name's length-checked entry, escaped in a SQL dump or not", () => {
    const dump = "INSERT INTO `wp_options` VALUES (412,'wp_mail_smtp','a:1:{s:4:\\\"smtp\\\";a:3:{s:4:\\\"host\\\";s:16:\\\"smtp.example.org\\\";s:4:\\\"user\\\";s:11:\\\"ops@example\\\";s:4:\\\"pass\\\";s:18:\\\"Heron!Quartz-55xLm\\\";}}','no');\n";
    expect(values(dump, 'wp_options.sql')).toEqual(['Heron!Quartz-55xLm']);
    expect(values('a:2:{s:13:"smtp_password";s:15:"Tern-Maple-71#q";s:9:"smtp_port";s:3:"587";}', 'variable.sql')).toEqual(['Tern-Maple-71#q']);
    // A public site key, an empty password, and a length that is not the name's.
    expect(values('a:2:{s:8:"site_key";s:40:"6Lc9QmWxAAAAAKp2Rv9Tz4Ys8Lc1Hn5Bg3Jf0Eq6";s:4:"pass";s:0:"";}', 'config.sql')).toEqual([]);
    expect(values('a:1:{s:7:"pass";s:18:"Heron!Quartz-55xLm";}', 'config.sql')).toEqual([]);
  });

  it('reads the literal a constant-time comparison checks a request against', () => {
    expect(values("if (!hash_equals('Kv8*Rm.^2xq!Lp5Zt_wn', $_SERVER['PHP_AUTH_PW'] ?? '')) {\n    exit;\n}\n", 'hook.php')).toEqual(['Kv8*Rm.^2xq!Lp5Zt_wn']);
    expect(values('if not hmac.compare_digest(sent_token, "9c2e7f1a4b8d3e6f0a5c2b9d7e1f3a8c"):\n', 'hook.py')).toEqual(['9c2e7f1a4b8d3e6f0a5c2b9d7e1f3a8c']);
    expect(values("if (!hash_equals($expected, $_SERVER['PHP_AUTH_PW'] ?? '')) { exit; }\n", 'hook.php')).toEqual([]);
    expect(values("if (hash_equals('sha256', $algo)) { }\n", 'hook.php')).toEqual([]);
  });

  it("reads a compared key of letters alone when the other argument names it, as a password is read", () => {
    expect(values("if (!hash_equals('hTrWpqMzLkcVBNXQYEFSJaGdsUbn', $apiKey)) {\n    exit;\n}\n", 'export.php')).toEqual(['hTrWpqMzLkcVBNXQYEFSJaGdsUbn']);
    expect(values('if not hmac.compare_digest(api_token, "hTrWpqMzLkcVBNXQYEFSJaGdsUbn"):\n', 'hook.py')).toEqual(['hTrWpqMzLkcVBNXQYEFSJaGdsUbn']);
    // Unnamed, it must still look generated; named, a stand-in or a short word is still none.
    expect(values("if (hash_equals('hTrWpqMzLkcVBNXQYEFSJaGdsUbn', $value)) { }\n", 'export.php')).toEqual([]);
    expect(values("if (!hash_equals('changeme-api-key', $apiKey)) { exit; }\n", 'export.php')).toEqual([]);
    expect(values("if (!hash_equals('Bearer', $token)) { exit; }\n", 'export.php')).toEqual([]);
  });

  it("reads a cPanel or WHM API token in its own Authorization scheme", () => {
    const token = 'QH7ZK2MWP9TX4RB8NC3VLJ6DFY5GS0EA';
    expect(values(`curl -H 'Authorization: cpanel siteops:${token}' 'https://host.example:2083/execute/Backup/fullbackup_to_homedir'\n`, 'notes.md')).toEqual([token]);
    expect(values(`curl -H "Authorization: whm root:${token}" https://host.example:2087/json-api/listaccts\n`, 'notes.md')).toEqual([token]);
    expect(values("curl -H 'Authorization: cpanel siteops:$CPANEL_TOKEN' https://host.example:2083/\n", 'notes.md')).toEqual([]);
  });

  it('reads a password a ticket says was set to a value, not a sentence', () => {
    expect(values(' [x] db02: root password set to Vq83nTr2k7WLmzx_aPX4 (also in the vault)\n', 'TKT-88.txt')).toEqual(['Vq83nTr2k7WLmzx_aPX4']);
    expect(values('The admin password reset to expire after 90 days.\n', 'notes.txt')).toEqual([]);
  });

  it('reads what a Markdown lead-in naming a secret introduces: a one-word fenced block, or a list of code spans', () => {
    const token = 'ZK4QW8NT2MRB6XLP9VJC3HDY7GSF5EA1';
    expect(values(`We created an API token called \`nightly\` (no expiry):\n\n\`\`\`\n${token}\n\`\`\`\n`, 'hosting.md')).toEqual([token]);
    const list = 'New passwords (shared through the vault, **remove once read**):\n\n- CMS admin `site-admin`: `Heron.Quartz71`\n- DB user `site_db`: `u7Rk2LmQ9vXw_`\n';
    expect(values(list, 'TKT-77.md')).toEqual(['Heron.Quartz71', 'u7Rk2LmQ9vXw_']);
    // A block of commands, a list of settings' names, and the same lines outside Markdown.
    expect(values('Generate the token with:\n\n```\nopenssl rand -hex 32\n```\n', 'hosting.md')).toEqual([]);
    expect(values('Passwords used by the stack:\n\n- database: `DB_PASSWORD`\n- cache: `redis-password`\n', 'README.md')).toEqual([]);
    expect(values(list, 'TKT-77.txt')).toEqual([]);
  });

  it('reads a password given after a user name and a comma in a handover mail', () => {
    expect(values('The staging site is behind a browser login:\nuser "bakery", password heron.quartz.318\n', 'handover.eml')).toEqual(['heron.quartz.318']);
    expect(values('user "bakery", password reset required\n', 'handover.eml')).toEqual([]);
  });

  it("reads a license key that a Composer auth.json gives as the user name, with the site's URL as the password", () => {
    const json = '{\n  "http-basic": {\n    "connect.vendor.example": {\n      "username": "b3JkZXJfaWQ9NDQxMjd8dHlwZT1wZXJzb25hbHxkYXRlPTIwMjMtMDEtMTI=",\n      "password": "https://www.shop.example"\n    }\n  }\n}\n';
    expect(values(json, 'auth.json')).toEqual(['b3JkZXJfaWQ9NDQxMjd8dHlwZT1wZXJzb25hbHxkYXRlPTIwMjMtMDEtMTI=']);
    expect(values(json.replace('https://www.shop.example', 'Kq8zW3mLp0!x'), 'auth.json')).toEqual(['Kq8zW3mLp0!x']);
    expect(values(json, 'package.json')).toEqual([]);
  });

  it('reads the password of an SMTP AUTH exchange in a debug transcript', () => {
    const login = 'SERVER -> CLIENT: 334 VXNlcm5hbWU6\nCLIENT -> SERVER: b3BzQGV4YW1wbGUub3Jn\nSERVER -> CLIENT: 334 UGFzc3dvcmQ6\nCLIENT -> SERVER: UWs3LVJpdmVyLU1pbnQ0NA==\nSERVER -> CLIENT: 535 Authentication failed\n';
    expect(values(login, 'ticket.md')).toEqual(['UWs3LVJpdmVyLU1pbnQ0NA==']);
    expect(values('C: AUTH PLAIN AG9wc0BleGFtcGxlLm9yZwBRazctUml2ZXItTWludDQ0\n', 'smtp.log')).toEqual(['AG9wc0BleGFtcGxlLm9yZwBRazctUml2ZXItTWludDQ0']);
    // base64 of `password`, and the capability list that names the mechanisms.
    expect(values('S: 334 UGFzc3dvcmQ6\nC: cGFzc3dvcmQ=\n', 'smtp.log')).toEqual([]);
    expect(values('250-AUTH PLAIN LOGIN\n250 STARTTLS\n', 'smtp.log')).toEqual([]);
  });
});

describe('an internal host in a comment of program source', () => {
  it('reports the name when the file also reaches it as a URL', () => {
    const py = '# Notebook hub for the analysts (hub.analytics.intranet)\nc.JupyterHub.bind_url = "https://hub.analytics.intranet:443"\n';
    expect(found(py, 'jupyterhub_config.py')).toEqual([['HOST', 'hub.analytics.intranet'], ['URL', 'https://hub.analytics.intranet:443']]);
  });

  it('leaves the same words alone when no URL names them: in source they may be member access', () => {
    expect(found('# Notebook hub for the analysts (hub.analytics.intranet)\nx = 1\n', 'jupyterhub_config.py')).toEqual([]);
  });
});

describe('a Datadog key handed over in a sentence', () => {
  it('reports an app key (40 hex) or an API key (32 hex) a few words after its kind, in a line that names Datadog', () => {
    const app = '7d1e0a9c3b5f2e4d6a8c0b1f3e5d7a9c2b4e6f80';
    expect(found(`the Datadog monitor wants the new app key, using ${app} (api key unchanged)`, 'thread.txt')).toEqual([['KEY', app]]);
    const api = '4f2a9c7e1b3d5f8a0c2e4b6d8f1a3c5e';
    expect(found(`the Datadog agent on web-3 still has the old API key ${api} until Friday`, 'ticket.txt')).toEqual([['KEY', api]]);
  });

  it('takes no commit hash: not of the length the sentence names, or after the sentence ends, or with no Datadog in the line', () => {
    expect(found('Datadog API key check ran at commit 88168386a096ce934a7bc0e285556e7b5250509d', 'ci.txt')).toEqual([]);
    expect(found('Datadog app key rotated. Deploy of api 88168386a096ce934a7bc0e285556e7b5250509d succeeded', 'ci.txt')).toEqual([]);
    expect(found('the app key, using 88168386a096ce934a7bc0e285556e7b5250509d', 'notes.txt')).toEqual([]);
  });
});

describe('a Slack webhook URL written as two joined literals', () => {
  it("reports the literal after the join, the webhook's token", () => {
    const ts = 'const ALERTS =\n  "https://hooks.slack.com/services/T07QMZ4KD/B08RLX3NP2W/" + "Vn4kTqLz8XwR2mPc7HbJ5dYs";\n';
    expect(found(ts, 'src/alerts.ts')).toEqual([['TOKEN', 'Vn4kTqLz8XwR2mPc7HbJ5dYs']]);
    const php = "$hook = 'https://hooks.slack.com/services/' .\n    'T07QMZ4KD/B08RLX3NP2W/Vn4kTqLz8XwR2mPc7HbJ5dYs';\n";
    expect(found(php, 'notify.php')).toEqual([['TOKEN', 'T07QMZ4KD/B08RLX3NP2W/Vn4kTqLz8XwR2mPc7HbJ5dYs']]);
  });
  it('leaves a stand-in token and a variable joined', () => {
    expect(found('const A = "https://hooks.slack.com/services/T00000000/B00000000/" + "XXXXXXXXXXXXXXXXXXXXXXXX";\n', 'a.ts')).toEqual([]);
    expect(found('const A = "https://hooks.slack.com/services/T07QMZ4KD/B08RLX3NP2W/" + hookToken;\n', 'a.ts')).toEqual([]);
  });
});

describe('keys and passwords that code hands over indirectly (blind set 62)', () => {
  it('reads a literal given to a method named `with` and the secret, a builder or wrapper that returns a configured copy', () => {
    const token = 'acme_live_Rt8vKq2Lm7Zx4Wn9Pb3Hc6Jd1Fs5Gy';
    expect(found(`export const adminApi = withToken("${token}");`, 'src/lib/api.ts')).toEqual([['KEY', token]]);
    expect(found(`$res = Http::withToken('${token}')->post($url, $body);`, 'app/Services/Sync.php')).toEqual([['KEY', token]]);
    expect(found('var app = ConfidentialClientApplicationBuilder.Create(id)\n    .WithClientSecret("Qz7~Lm2.Rw9Kx4Tn8Vb3Hp6Jd")\n    .Build();', 'Auth.cs').map(([, v]) => v)).toEqual(['Qz7~Lm2.Rw9Kx4Tn8Vb3Hp6Jd']);
  });

  it('leaves a `with` method given a variable or a name made of words', () => {
    expect(found('export const api = withToken(token);', 'src/lib/api.ts')).toEqual([]);
    expect(found('spec.withSecret("payments-db-credentials")', 'Deploy.java')).toEqual([]);
    expect(found('const c = client.withToken(process.env.ACME_TOKEN!);', 'src/c.ts')).toEqual([]);
  });

  it("reads a key a call is given by a local that the lines above bind to a decoded or encoded literal", () => {
    const key = 'Vq8Rk2Lm7Zx4Wn9Pb3Hc6Jd1Fs5GyTa0Ue8Io2Xw4=';
    const java = `byte[] raw = java.util.Base64.getDecoder().decode("${key}");\nreturn new SecretKeySpec(raw, "HmacSHA256");`;
    expect(found(java, 'Signing.java')).toEqual([['KEY', key]]);
    const python = `material = base64.b64decode("${key}")\ncipher = AES.new(material, AES.MODE_GCM)`;
    expect(found(python, 'crypt.py')).toEqual([['KEY', key]]);
  });

  it('leaves a local bound to anything but a literal, and a plain literal under a password call', () => {
    expect(found('byte[] raw = Base64.getDecoder().decode(props.getSigningKey());\nreturn new SecretKeySpec(raw, "HmacSHA256");', 'Signing.java')).toEqual([]);
    expect(found('byte[] raw = loadKey();\nreturn new SecretKeySpec(raw, "AES");', 'Signing.java')).toEqual([]);
    expect(found('who = "reports-bot-7"\nserver.login(user, who)', 'mail.py')).toEqual([]);
  });

  it('reads a Basic password encoded with the encoding named by its namespace', () => {
    const text = 'var creds = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("relay:Wk3*Tz8.pLq2Rn=Vx"));';
    expect(found(text, 'Relay.cs')).toEqual([['PASS', 'Wk3*Tz8.pLq2Rn=Vx']]);
  });

  it('reads an ADO.NET password that opens with .+ from a generator, not a pattern', () => {
    const text = '{"ConnectionStrings": {"Ledger": "Server=tcp:sql-ledger.example.net,1433;Database=ledger;User ID=ledger_app;Password=.+Rw7^kQ2-zLm9Tx^4bn;Encrypt=True;"}}';
    expect(found(text, 'appsettings.json').some(([c, v]) => c === 'CONN' && v.includes('Password=.+Rw7^kQ2-zLm9Tx^4bn'))).toBe(true);
  });
});

describe('a Datadog client given both keys, a key cut into literals, a signed request (blind set 62)', () => {
  it("reads the application key given second to a Datadog client, after the API key or a name that holds it", () => {
    const api = '5e1c9a7f3b2d8e4a6c0f1b3d5e7a9c2f';
    const app = '8d3f1a6c9e2b5d7f0a4c8e1b3d6f9a2c5e7b0d4f';
    expect(found(`let dd = datadog::Client::new("${api}", "${app}");`, 'src/main.rs')).toEqual([['KEY', api], ['KEY', app]]);
    expect(found(`dog = Dogapi::Client.new(ENV.fetch('DD_API_KEY'), '${app}')`, 'lib/metrics.rb')).toEqual([['KEY', app]]);
  });

  it('leaves 40 hex given to a Datadog method that builds no client (a trace, an event: a commit)', () => {
    expect(found('datadog.trace(span, "8d3f1a6c9e2b5d7f0a4c8e1b3d6f9a2c5e7b0d4f")', 'deploy.py')).toEqual([]);
  });

  it('reports each literal of a fixed-shape key cut into parts that code joins or keeps as a tuple', () => {
    const head = 'sk-ant-api03-Zq8vLm2Rx7Kp4Tn9Wb3Hc6Jd1Fs';
    const tail = 'Gy5Ua0Ie8Oo2Xw4Qr7Ts1Vb6Nm3Lk9Jh2Pg5Fd8Sa0Zx4Cv7Bn1Mq6Wl3Er9Ty2Ui5AA';
    expect(head.length - 13 + tail.length - 2).toBe(93);
    expect(found(`_PARTS = ("${head}", "${tail}")\nclient = anthropic.Anthropic(api_key="".join(_PARTS))`, 'llm.py')).toEqual([['KEY', head], ['KEY', tail]]);
    expect(found(`const k = "${head}" +\n  "${tail}";`, 'llm.ts')).toEqual([['KEY', head], ['KEY', tail]]);
  });

  it('leaves parts that do not make the shape, and a list of prefixes', () => {
    expect(found('_PARTS = ("sk-ant-api03-Zq8vLm2Rx7Kp4Tn9Wb3Hc6Jd1Fs", "Gy5Ua0Ie8Oo2Xw4Qr7Ts1Vb6Nm3")', 'llm.py')).toEqual([]);
    expect(found('KNOWN_PREFIXES = ("sk-ant-api03-", "sk-proj-", "ghp_", "github_pat_")', 'scan.py')).toEqual([]);
  });

  it("takes AWS Signature Version 4's scheme for no token: it names the algorithm", () => {
    const text = 'Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=<sig>';
    expect(found(text, 'notes.md').map(([, v]) => v)).not.toContain('AWS4-HMAC-SHA256');
    expect(found('"authorization": "GOOG4-HMAC-SHA256 Credential=svc@example-project.iam.gserviceaccount.com/20250101/auto/storage/goog4_request"', 'req.json').map(([, v]) => v)).not.toContain('GOOG4-HMAC-SHA256');
  });
});

describe('credentials handed to build tools and joined webhook URLs', () => {
  it("reads a password piped into Perforce's p4 login, from echo or a bare PowerShell string", () => {
    expect(found("'Tq5*wRz8Lv3Kn6Pm' | p4 -p ssl:depot.example.net:1666 -u ci-agent login", 'agent.ps1')).toEqual([['PASS', 'Tq5*wRz8Lv3Kn6Pm']]);
    expect(found('echo Hv7-Otter!Sand | p4 -u builder login\n', 'sync.sh')).toEqual([['PASS', 'Hv7-Otter!Sand']]);
  });

  it('leaves a variable piped into p4 login and a literal piped into another p4 command', () => {
    expect(found('echo %P4PASSWD% | p4 -u builder login', 'sync.bat')).toEqual([]);
    expect(found('$env:P4PASSWD | p4 login', 'sync.ps1')).toEqual([]);
    expect(found("'//depot/rel/...' | p4 -x - files", 'list.ps1')).toEqual([]);
  });

  it('reads the password of net use when the share is a variable whole, after /user:', () => {
    expect(found('net use Y: %BUILD_SHARE% /user:CORP\\svc-pack Wq3!vLp8Rz2Kt', 'pack.bat')).toEqual([['PASS', 'Wq3!vLp8Rz2Kt']]);
  });

  it("leaves net use's delayed-expansion variables and a variable drive before a share", () => {
    expect(found('net use Y: %BUILD_SHARE% /user:CORP\\svc-pack !PACK_PW!', 'pack.bat')).toEqual([]);
    expect(found('net use Y: \\\\fs02\\pack /user:CORP\\svc-pack !PACK_PW!', 'pack.bat')).toEqual([]);
    expect(found('net use %DRIVE% \\\\fs02\\pack /persistent:no', 'pack.bat')).toEqual([]);
  });

  it('reads SteamCMD run from a variable named for it', () => {
    expect(found('"$STEAMCMD" +login release_bot \'Rv4*Lq9Tz2Wx7Kp\' +run_app_build app.vdf +quit', 'upload.sh')).toEqual([['PASS', 'Rv4*Lq9Tz2Wx7Kp']]);
    expect(found('"$STEAMCMD" +login "$STEAM_USER" "$STEAM_PASS" +quit', 'upload.sh')).toEqual([]);
  });

  it("reports a Discord webhook's token when the URL is joined from literals, and leaves a stand-in or a variable", () => {
    const token = 'Xq4vLm8Rz2Kt6Wp0Hb3Nc7Jd1Fs5Gy9Ua2Ie6Oo0Xw4Qr8Ts2Vb6Nm0Lk4Jh8Pg2Fd6S';
    expect(token.length).toBe(68);
    expect(found(`HOOK = "https://discord.com/api/webhooks/" + "912345678901234567" + "/" + "${token}"`, 'notify.py')).toEqual([['TOKEN', token]]);
    expect(found(`const HOOK = 'https://discord.com/api/webhooks/912345678901234567/' +\n  '${token}';`, 'notify.js')).toEqual([['TOKEN', token]]);
    expect(found(`HOOK = "https://discord.com/api/webhooks/" + "912345678901234567" + "/" + "${'X'.repeat(68)}"`, 'notify.py')).toEqual([]);
    expect(found('HOOK = "https://discord.com/api/webhooks/" + HOOK_ID + "/" + HOOK_TOKEN', 'notify.py')).toEqual([]);
  });
});

describe("GameAnalytics' secret key given to its SDK by position", () => {
  it('reports the 40-hex secret key after the 32-hex game key, and leaves the game key', () => {
    const cs = 'var keys = new GAKeys("7c1e9a4b2d8f3e6a0b5c9d2e7f1a4b8c", "e2b7d4a91c6f08e35b7a2d9c4f1e8b6a3d0c7f25");\n';
    expect(found(cs, 'Telemetry.cs')).toEqual([['KEY', 'e2b7d4a91c6f08e35b7a2d9c4f1e8b6a3d0c7f25']]);
    const java = 'GameAnalytics.initialize(this,\n    "7c1e9a4b2d8f3e6a0b5c9d2e7f1a4b8c", "e2b7d4a91c6f08e35b7a2d9c4f1e8b6a3d0c7f25");\n';
    expect(found(java, 'MainActivity.java').map(([, v]) => v)).toEqual(['e2b7d4a91c6f08e35b7a2d9c4f1e8b6a3d0c7f25']);
  });

  it('leaves keys held in variables, and a commit id handed to another call', () => {
    expect(found('GameAnalytics.initialize(gameKey, secretKey);\n', 'Boot.cs')).toEqual([]);
    expect(found('Build.Tag("7c1e9a4b2d8f3e6a0b5c9d2e7f1a4b8c", "e2b7d4a91c6f08e35b7a2d9c4f1e8b6a3d0c7f25");\n', 'Boot.cs')).toEqual([]);
  });
});

describe('a key given in prose as the new, old or current one', () => {
  it('reads the value after "the old one was" or "current one … is", over a line break, when a key or secret was named before', () => {
    const old = '4E8B2D6F0A9C7E1B3D5F8A2C6E0B4D7F';
    expect(found(`The store's server key lives in the vault.\n(Pasted here once by mistake; the old one was \`${old}\`.)\n`, 'runbook.md')).toEqual([['KEY', old]]);
    const cur = 'ZT4KQ8WM2XR6PN0VJ3LB7HC5DF9GS1YA';
    expect(found(`[09:12] ana: did the staging token change?\n[09:13] bo: current one on the box is\n        ${cur}\n`, 'chat.txt')).toEqual([['KEY', cur]]);
    const fresh = 'Rq5TzW8mLx2Kp7Vn4Hb9Jc3Fd6Gs1Ya0';
    expect(found(`[09:14] ana: rotated the secret\n[09:15] ana: new one from the console: ${fresh}\n`, 'chat.txt')).toEqual([['KEY', fresh]]);
  });

  it('leaves a new one that is a place, a public key, a word with a number and a commit', () => {
    expect(found('The API key was rotated. The new one is in the vault under ops/api.\n', 'notes.md')).toEqual([]);
    expect(found('Our public key changed; the new one is `Qm9vY2RlZmdoaWprbG1ub3A0NTY3`\n', 'notes.md')).toEqual([]);
    expect(found('Rotated the token; the old one was revoked_tokens2024 anyway.\n', 'notes.md')).toEqual([]);
    expect(found('The deploy key script broke, the old one was 0e4f1c9a7b3d5e2f8a6c1b4d9e7f3a5c2b8d6e0f\n', 'notes.md')).toEqual([]);
    expect(found('The farm key moved with the farm. The new one is at build2 and the old one was Jenkins2Server01Old\n', 'notes.md')).toEqual([]);
  });
});

describe('a key given in prose as "the value" a colon hands over', () => {
  it('reads the value set off below a paragraph that names the key and ends "the value … is:", as an indented block or in code marks', () => {
    const key = '5d2e9a0c7b14f38e6a2d9c0b7e41f583';
    const md = `# Rails credentials\n\nFor the production box the key lives in 1Password ("app master.key"). If 1Password is down,\nthere is a copy in the ops vault folder; the value as of the 2024 rotation is:\n\n    ${key}\n\nTo edit credentials locally run the editor.\n`;
    expect(found(md, 'docs/credentials.md')).toEqual([['KEY', key]]);
    const token = 'Rq5TzW8mLx2Kp7Vn4Hb9Jc3Fd6Gs1Ya0';
    expect(found(`The partner API token is pinned in the cron job; the value there is \`${token}\` until March.\n`, 'notes.md')).toEqual([['KEY', token]]);
  });

  it('leaves the value of a digest, an id or a setting, and one given bare in the sentence', () => {
    expect(found('Check the key file before use. The value of its SHA-256 checksum is:\n\n    5d2e9a0c7b14f38e6a2d9c0b7e41f5835d2e9a0c7b14f38e6a2d9c0b7e41f583\n', 'notes.md')).toEqual([]);
    expect(found('The signing key is in the HSM; its key id is fixed. The value is:\n\n    5d2e9a0c7b14f38e6a2d9c0b7e41f583\n', 'notes.md')).toEqual([]);
    expect(found('The cache key is built per branch. The value is:\n\n    linux-x64-node20-2025-02-11\n', 'notes.md')).toEqual([]);
    expect(found('Set the API key in the vault; the value is Rq5TzW8mLx2Kp7Vn4Hb9Jc3Fd6Gs1Ya0 in staging.\n', 'notes.md')).toEqual([]);
    expect(found('The token is read at start-up and the value is:\n\n    ${API_TOKEN}\n', 'notes.md')).toEqual([]);
  });
});

describe('a key labelled by what it is for, with that named in double quotes', () => {
  it('reads the value after the colon when the label names its service in quotes', () => {
    const key = '5b1e7c3a9d2f4e6a8c0b1d3f5e7a9c2b';
    expect(found(`Routing key for the "Checkout API" service: \`${key}\`\n`, 'oncall.md')).toEqual([['KEY', key]]);
  });

  it('leaves a quoted label whose colon gives no value, and two quoted names', () => {
    expect(found('Routing key for the "Checkout API" service: ask the on-call lead\n', 'oncall.md')).toEqual([]);
    expect(found('token for "a" and "b": Qz8vLm2Rx7Kp4Tn9\n', 'oncall.md')).toEqual([]);
  });
});

describe('a (user, password) pair kept in a constant and given to an HTTP client as auth= by name', () => {
  it('reports the password of the pair the auth= names, however the constant is named', () => {
    const text = 'import requests\n\nEXPORT_SVC = ("exporter.7d2e.svc-account", "Lw4nRz8qTv2Xk6Pm9Hc3Jb5Y")\n\n\ndef pull(day):\n    return requests.get(URL, params={"d": day}, auth=EXPORT_SVC).json()\n';
    expect(found(text, 'pull.py')).toEqual([['PASS', 'Lw4nRz8qTv2Xk6Pm9Hc3Jb5Y']]);
  });

  it('leaves a pair no auth= names, a pair read from the environment and a stand-in', () => {
    expect(found('EXPORT_SVC = ("exporter", "Lw4nRz8qTv2Xk6Pm9Hc3Jb5Y")\nrequests.get(URL, auth=OTHER_PAIR)\n', 'pull.py').map(([, v]) => v)).not.toContain('Lw4nRz8qTv2Xk6Pm9Hc3Jb5Y');
    expect(found('EXPORT_SVC = ("exporter", os.environ["EXPORT_PW"])\nrequests.get(URL, auth=EXPORT_SVC)\n', 'pull.py')).toEqual([]);
    expect(found('EXPORT_SVC = ("exporter", "changeme")\nrequests.get(URL, auth=EXPORT_SVC)\n', 'pull.py')).toEqual([]);
  });
});

describe('streaming and data-platform credentials', () => {
  it("reports kafka-go's SCRAM password, the third argument of scram.Mechanism", () => {
    const go = 'mech, err := scram.Mechanism(scram.SHA256, "ledger-writer", "Tq7!vLm2-Rz9Wp4x")\n';
    expect(found(go, 'producer.go').map(([, v]) => v)).toContain('Tq7!vLm2-Rz9Wp4x');
    expect(found('mech, err := scram.Mechanism(scram.SHA256, cfg.User, cfg.Password)\n', 'producer.go')).toEqual([]);
  });

  it("leaves a message's or a record's Key, what it is partitioned by", () => {
    const go = 'err := w.WriteMessages(ctx, kafka.Message{Key: []byte("5b1e9c07-3d4a-4f8e-b2c6-91a7d0e3f458"), Value: payload})\n';
    expect(found(go, 'main.go')).toEqual([]);
    const sarama = 'msg := &sarama.ProducerMessage{Topic: "orders", Key: sarama.StringEncoder("Zr8Kq2Wm5Tx9Lv3Pn7Bc")}\n';
    expect(found(sarama, 'main.go')).toEqual([]);
    // A key in any other literal is judged as before.
    expect(found('cfg := Config{Key: "Zr8Kq2Wm5Tx9Lv3Pn7Bc4Hd"}\n', 'main.go').map(([, v]) => v)).toContain('Zr8Kq2Wm5Tx9Lv3Pn7Bc4Hd');
  });

  it('reports an Azure Storage key set as the fs.azure.account.key property on the line after it', () => {
    const key = 'Wm3Qz8Lr5Tx1Vk7Pn4Bc9Hd2Fy6Gs0Ae3Ru8Io5Kw1Mz7Tx4Lp9Vn2Qb6Yh3Dc8Jf5Ns1Xa7Ug4Ke0Rt9Pw2L+==';
    const py = `spark.conf.set(\n    f"fs.azure.account.key.{ACCOUNT}.blob.core.windows.net",\n    "${key}",\n)\n`;
    expect(found(py, 'job.py').map(([, v]) => v)).toContain(key);
  });
});

describe('keys cut into joined literals', () => {
  it("reports a secret key's body joined to its `sk_` prefix literal", () => {
    const body = 'Hx4Tq9LmW2vZr7Kp3Nc8Yb5Jd6Sg1Fa0Ue4Xo2';
    expect(found(`    return 'sk_' . '${body}';\n`, 'Billing.php')).toEqual([['KEY', body]]);
    expect(found(`client.charge(order, "sk_test_" +\n  "${body}");\n`, 'pay.js')).toEqual([['KEY', body]]);
  });
  it('leaves a prefix joined to a variable, to words, or to a stand-in', () => {
    expect(found("return 'sk_' . $this->keyBody;\n", 'Billing.php')).toEqual([]);
    expect(found("$label = 'sk_' . 'customerAccountDisplayName';\n", 'Billing.php')).toEqual([]);
    expect(found(`key = "sk_" + "${'X'.repeat(38)}"\n`, 'pay.py')).toEqual([]);
  });
  it("reports a Discord webhook's token when the id too is cut between literals", () => {
    const token = 'Rk3vT8xQ2mLp9Zw4Nc7Hb1Jd5Sg0Fa6Ue3Xo8Yi2Tq7mW4_rK9pL3vZ8nC2hB5jD1s-G';
    const java = `String hook =\n    "https://discord.com/api/webhooks/4831" + "20569174385062/" + "${token}";\n`;
    expect(found(java, 'Alerts.java')).toEqual([['TOKEN', token]]);
  });
});

describe('a user and password pair after a Credentials label', () => {
  it('reports the password of `Credentials: user / password` in a comment or a docstring', () => {
    const py = 'def fallback():\n    \"\"\"Drop the file on the partner box.\n\n    Credentials: edi_partner / Vb8*kTr2Wq5z  (host as2.example.corp)\n    \"\"\"\n';
    expect(found(py, 'partner.py')).toEqual([['PASS', 'Vb8*kTr2Wq5z']]);
    expect(found('# creds: ftp_drop / Lq4#nZ8wRt2m\n', 'sync.sh')).toEqual([['PASS', 'Lq4#nZ8wRt2m']]);
  });
  it('leaves words and stand-ins after the label', () => {
    expect(found('    Credentials: username / password (ask ops)\n', 'partner.py')).toEqual([]);
    expect(found('# Credentials: edi_partner / <from vault>\n', 'sync.sh')).toEqual([]);
    expect(found('Credentials: see the vault / ops wiki\n', 'README.md')).toEqual([]);
  });
});

describe("Rails' Active Record encryption keys and Laravel's form token", () => {
  it('reads primary_key under active_record_encryption, and leaves a primary_key elsewhere', () => {
    const credentials = [
      'active_record_encryption:',
      '  primary_key: Wq8Lm3Tz7Vx2Rb9Nk4Hc6Jd1Fs5Gp0Y',
      '  deterministic_key: Zt4Qm8Lx2Wk7Rp3Nc9Vb5Hy1Jd6Gs0F',
      '',
      'legacy_orders:',
      '  table_name: orders',
      '  primary_key: Lm3Tz7Vx2Rb9Nk4Hc6Jd1Fs5Gp0YWq8',
      '',
    ].join('\n');
    expect(found(credentials, 'doc/credentials.txt').map(([, v]) => v)).toEqual(['Wq8Lm3Tz7Vx2Rb9Nk4Hc6Jd1Fs5Gp0Y', 'Zt4Qm8Lx2Wk7Rp3Nc9Vb5Hy1Jd6Gs0F']);
  });

  it('reads a site key under an INI or TOML section that names its product, and leaves a CAPTCHA\'s or a bare one', () => {
    const toml = ['[civicrm]', 'url = "https://crm.example.org/civicrm/ajax/api4"', 'site_key = "Tq7Lm2Vx9Rb4Nk8Wc3Jd6Fs1Gp5YaUe0iO_zHwKx"', ''].join('\n');
    expect(found(toml, 'sync/config.toml').map(([, v]) => v)).toEqual(['Tq7Lm2Vx9Rb4Nk8Wc3Jd6Fs1Gp5YaUe0iO_zHwKx']);
    expect(found(['[tool.civicrm]', '; cron caller', 'site_key=Tq7Lm2Vx9Rb4Nk8Wc3Jd6Fs1Gp5YaUe0iO_zHwKx', ''].join('\n'), 'conf/app.ini').map(([, v]) => v)).toEqual(['Tq7Lm2Vx9Rb4Nk8Wc3Jd6Fs1Gp5YaUe0iO_zHwKx']);
    // A CAPTCHA's section, or none: the site key is the public one pages embed.
    expect(found(['[recaptcha]', 'site_key = "Tq7Lm2Vx9Rb4Nk8Wc3Jd6Fs1Gp5YaUe0iO_zHwKx"', ''].join('\n'), 'sync/config.toml')).toEqual([]);
    expect(found(['title = "shop"', 'site_key = "Tq7Lm2Vx9Rb4Nk8Wc3Jd6Fs1Gp5YaUe0iO_zHwKx"', ''].join('\n'), 'sync/config.toml')).toEqual([]);
    // A CAPTCHA's key by its shape, whatever the section.
    expect(found(['[forms]', 'site_key = "6LdTq7Lm2Vx9Rb4Nk8Wc3Jd6Fs1Gp5YaUe0iO_zHw"', ''].join('\n'), 'sync/config.toml')).toEqual([]);
  });

  it("leaves the anti-forgery token a framework renders into a form's hidden field, and reads an API token in a hidden field", () => {
    expect(found('<form method="POST">\n  <input type="hidden" name="_token" value="Hq3Zt8Lm2Vx7Rb4Nk9Wc5Jd1Fs6Gp0YaUe2iO7t">\n</form>\n', 'resources/views/cart.blade.php')).toEqual([]);
    expect(found('<form method="POST">\n  <input type="hidden" name="api_token" value="Hq3Zt8Lm2Vx7Rb4Nk9Wc5Jd1Fs6Gp0YaUe2iO7t">\n</form>\n', 'resources/views/cart.blade.php').map(([, v]) => v)).toEqual(['Hq3Zt8Lm2Vx7Rb4Nk9Wc5Jd1Fs6Gp0YaUe2iO7t']);
  });

  it("reads a webhook secret of sixteen random letters in a PHP config array", () => {
    expect(found("<?php\nreturn [\n    'shop' => [\n        'webhook_secret' => 'qTzRmWkvPxNbLsHd',\n    ],\n];\n", 'config/services.php').map(([, v]) => v)).toEqual(['qTzRmWkvPxNbLsHd']);
  });
});

describe('device keys, tokens in log lines, plugin setting defaults and keys named group-first', () => {
  it("reads an IoT device's primary and secondary keys by their shape, and leaves a table's primary key", () => {
    const devices = [
      '{"devices": [',
      '  {"deviceId": "sensor-117", "primaryKey": "Xc63pmPvqPPscvsURrUJe4Wew0F3dS0AnEiFXff/4Qg=", "secondaryKey": "Vf+QuCAn+OmQzD2NokJ6/RZPNz3saZyEBS8x6HBO6UU="},',
      '  {"deviceId": "sensor-118", "primaryKey": "<device-primary-key>"}',
      ']}',
    ].join('\n');
    expect(found(devices, 'fleet/provisioning.json').map(([, v]) => v)).toEqual(['Xc63pmPvqPPscvsURrUJe4Wew0F3dS0AnEiFXff/4Qg=', 'Vf+QuCAn+OmQzD2NokJ6/RZPNz3saZyEBS8x6HBO6UU=']);
    expect(found('{"table": "shipments", "primaryKey": "shipment_id", "sortKey": "created_at"}', 'schema/shipments.json')).toEqual([]);
  });

  it('reads the token a log line says a client is using, and leaves the phrase in prose', () => {
    const token = '39kZr8ljylzH9F8KrR1GtuAY-2CTXsJt-fbNoh9LacD3gYnmIIxwg6unWhzfn_Caq8o7dPf2LVcx902Vkrp6gg==';
    expect(found(`2025-02-03T04:05:06Z INFO  tsdb: using token ${token}\n`, 'ops/incident.md').map(([, v]) => v)).toEqual([token]);
    expect(found('The exporter authenticates using token authentication; see the runbook.\n', 'ops/incident.md')).toEqual([]);
  });

  it('reads a bearer token of 24 random letters in a build log', () => {
    expect(found('[deploy] GET https://api.example.com/v2/user -H "Authorization: Bearer JmDfADqwBCqPEIqIpzgSrYtE" -> 200\n', 'logs/build.log').map(([, v]) => v)).toEqual(['JmDfADqwBCqPEIqIpzgSrYtE']);
    expect(found('[deploy] GET https://api.example.com/v2/user -H "Authorization: Bearer AuthorizationHeaderValue" -> 200\n', 'logs/build.log')).toEqual([]);
  });

  it("reads a plugin setting's default under a secret's name, and leaves a choice named after its setting", () => {
    const settings = [
      'plugins:',
      '  chat_bridge_enabled:',
      '    default: false',
      '  chat_bridge_client_secret:',
      '    default: "C5Qe92zip2cZylu1njdyZPZTjHBgtlz8"',
      '    secret: true',
      '  chat_bridge_password_mode:',
      '    default: chat_bridge_password_mode_disabled',
      '    type: enum',
    ].join('\n');
    expect(found(settings, 'plugins/chat-bridge/config/settings.yml').map(([, v]) => v)).toEqual(['C5Qe92zip2cZylu1njdyZPZTjHBgtlz8']);
  });

  it('reads an encryption master key whose name puts the group first, and leaves a database master', () => {
    expect(found('vault.encryption.master=Vf+QuCAn+OmQzD2NokJ6/RZPNz3saZyEBS8x6HBO6UU=\ndatasource.master=orders-db-1\nsession.crypto.master=true\n', 'application.properties').map(([, v]) => v)).toEqual([
      'Vf+QuCAn+OmQzD2NokJ6/RZPNz3saZyEBS8x6HBO6UU=',
    ]);
  });

  it("leaves the subject line of a password mail, and still reads the mail account's password", () => {
    expect(found('[mail]\npassword = Rq7-vLm2Tz9x\npassword_reset_subject = Reset your account password\n', 'config/app.ini').map(([, v]) => v)).toEqual(['Rq7-vLm2Tz9x']);
  });
});

describe('a credential read through the way code or notes hand it over', () => {
  it("reads a Twilio auth token after an account SID joined from its prefix, and leaves the SID", () => {
    const php = "use Twilio\\Rest\\Client;\n$sms = new Client('AC' . '7c2e9a4f1b6d3e8a0c5f2b7d9e4a1c6f', 'e1b7d3a9f5c2e8b4d0a6f3c9e5b1d7a2');\n";
    expect(found(php, 'app/Sms.php').map(([, v]) => v)).toEqual(['e1b7d3a9f5c2e8b4d0a6f3c9e5b1d7a2']);
    expect(found("use Twilio\\Rest\\Client;\n$sms = new Client('AC' . '7c2e9a4f1b6d3e8a0c5f2b7d9e4a1c6f', $token);\n", 'app/Sms.php')).toEqual([]);
  });

  it("reads a token interpolated as a literal into Ruby's header string, and leaves an interpolated variable", () => {
    expect(found(`req["Authorization"] = "Bearer #{'Rk5Tq9Wz2Lm7Xv4Np8Bc3Hd6Fs1Gy0JaUe'}"\n`, 'lib/tasks/sync.rake').map(([, v]) => v)).toEqual(['Rk5Tq9Wz2Lm7Xv4Np8Bc3Hd6Fs1Gy0JaUe']);
    expect(found('req["Authorization"] = "Bearer #{photo_api_token}"\n', 'lib/tasks/sync.rake')).toEqual([]);
  });

  it("reads the key handed alone to a lookup API's client (Hunter.io, Shodan), and leaves a lookup or a stand-in", () => {
    expect(found('from pyhunter import PyHunter\nh = PyHunter("b4e8a2c6f0d3b7e1a5c9f2d6b0e4a8c3f7d1b5e9")\n', 'osint.py').map(([, v]) => v)).toEqual(['b4e8a2c6f0d3b7e1a5c9f2d6b0e4a8c3f7d1b5e9']);
    expect(found('from pyhunter import PyHunter\nh = PyHunter(os.environ["HUNTER_KEY"])\n', 'osint.py')).toEqual([]);
    expect(found('api = shodan.Shodan("YOUR_SHODAN_API_KEY_GOES_HERE_OK")\n', 'osint.py')).toEqual([]);
  });

  it('reads a user and password in one code span after creds, and leaves a path or a choice in one', () => {
    expect(found('- The wiki still ran with creds `root / Vx8!qLm2#Tz5`.\n', 'notes/day1.md').map(([, v]) => v)).toEqual(['Vx8!qLm2#Tz5']);
    expect(found('- Credentials `GET / POST` are both logged.\n', 'notes/day1.md')).toEqual([]);
    expect(found('- with creds `admin / <see vault>`\n', 'notes/day1.md')).toEqual([]);
  });

  it("reads an AWS secret key in the code span after its key id's and a slash, and leaves two key ids", () => {
    expect(found('- The runner held a key pair: `AKIAQ7TZL2WMXR9KPV3B` / `Zm4Qx8Lw2Rk7Vp3Nb9Hc6Jd1Gf5Sa0Ye2Ui7OqTn`\n', 'notes/day2.md').map(([, v]) => v)).toEqual(['AKIAQ7TZL2WMXR9KPV3B', 'Zm4Qx8Lw2Rk7Vp3Nb9Hc6Jd1Gf5Sa0Ye2Ui7OqTn']);
    expect(found('- Rotated `AKIAQ7TZL2WMXR9KPV3B` / `AKIAZ7VRSQ5TKQLMWP3B` today.\n', 'notes/day2.md').map(([, v]) => v)).toEqual(['AKIAQ7TZL2WMXR9KPV3B', 'AKIAZ7VRSQ5TKQLMWP3B']);
  });

  it('reads an AWS secret key written bare right after its key id, as chat, tables, s3fs and the IAM CSV pair them', () => {
    const id = 'AKIAW3RT7QZ2LMX9KPVN';
    const secret = 'Pq3Zx7Lw2Rk8Vn4Hb9Jc6Tf1Gs5Ya0Ue2Oi7Wm+d';
    const pairs = (text: string, file: string) => found(text, file).map(([, v]) => v);
    expect(pairs(`{"text": "the glider export fails with ${id} / ${secret} - was it rotated?"}\n`, 'exports/slack/ops.json')).toEqual([id, secret]);
    expect(pairs(`${id}:${secret}\n`, 'etc/passwd-s3fs')).toEqual([id, secret]);
    expect(pairs(`User name,Password,Access key ID,Secret access key,Console login link\nglider-sync,,${id},${secret},https://210987654321.signin.aws.amazon.com/console\n`, 'glider-sync_credentials.csv')).toEqual([id, secret]);
    expect(pairs(`| glider-sync | ${id} | ${secret} |\n`, 'wiki/keys.md')).toEqual([id, secret]);
  });

  it('leaves what follows a bare key id when it is no secret: a path, another id, a hex digest', () => {
    const id = 'AKIAW3RT7QZ2LMX9KPVN';
    const ids = (text: string) => found(text, 'notes.txt').map(([, v]) => v);
    expect(ids(`${id} / Pq3Zx7Lw2Rk8Vn4Hb9Jc6Tf1Gs5Ya0Ue2Oi7Wm+d/exports/2025\n`)).toEqual([id]);
    expect(ids(`${id} / AKIAQ3EGUJ7MW2XRTN5B\n`)).toEqual([id, 'AKIAQ3EGUJ7MW2XRTN5B']);
    expect(ids(`${id} 7d1e0c9b4a2f8e63b5c07a1d9e4f2b8c6a0d3e57\n`)).toEqual([id]);
  });

  it("reads a New Relic license key under license in the agent's entry, and leaves a license elsewhere", () => {
    expect(found("$c = [\n    'newrelic' => ['appname' => 'export', 'license' => 'c3f7a1e5b9d2c6f0a4e8b2d6c0f4a8e1b5d9c3f7'],\n];\n", 'connectors.php').map(([, v]) => v)).toEqual(['c3f7a1e5b9d2c6f0a4e8b2d6c0f4a8e1b5d9c3f7']);
    expect(found("$c = [\n    'newrelic' => ['appname' => 'export'],\n    'build' => ['license' => 'c3f7a1e5b9d2c6f0a4e8b2d6c0f4a8e1b5d9c3f7'],\n];\n", 'connectors.php')).toEqual([]);
  });
});

describe('a passphrase of dotted words and a number in a .properties file (blind set 175)', () => {
  it('reports it under a password property, in Spring and Kafka client files', () => {
    expect(found('spring.datasource.username=roster_app\nspring.datasource.password=lantern.quay.pebble42\n', 'src/main/resources/application.properties')).toEqual([['PASS', 'lantern.quay.pebble42']]);
    expect(found('ssl.keystore.type=PKCS12\nssl.keystore.password=copper.meadow.violet8\n', 'config/kafka-client.properties')).toEqual([['PASS', 'copper.meadow.violet8']]);
  });
  it('leaves property names, class names and the password setting a value points to', () => {
    const props = 'ssl.keystore.password=ssl.keystore.location\nsasl.jaas.config.password=kafka.client.jks\nlogin.password.encoder=java.lang.String\nspring.datasource.password=app.secrets.password2\n';
    expect(found(props, 'config/kafka-client.properties')).toEqual([]);
  });
});

describe('credentials with a dot inside, written by a shell, or piped into base64 (blind set 84)', () => {
  it('reports a random password with a dot in a KEY=VALUE .conf file, not a dotted reference there', () => {
    expect(found('NAS_USER=backup\nNAS_PASSWORD=QmvtRzkWxpLdHc.nTq4\n', 'etc/offsite-backup.conf')).toEqual([['PASS', 'QmvtRzkWxpLdHc.nTq4']]);
    expect(found('NAS_PASSWORD=settings.NAS_PASSWORD\nADMIN_PASSWORD=config.adminPassword\n', 'etc/offsite-backup.conf')).toEqual([]);
  });
  it('reads a sync job\'s token that a heredoc\'s echo writes into an env file', () => {
    const tf = 'resource "aws_instance" "gate" {\n  user_data = <<-EOF\n    #!/bin/bash\n    echo "BADGE_SYNC_TOKEN=Rk2PzWq8LmXv4TnB7cYh1JdF5gSa9QeU3oKiN0wZ" >> /etc/badge/sync.env\n  EOF\n}\n';
    expect(found(tf, 'infra/main.tf')).toEqual([['TOKEN', 'Rk2PzWq8LmXv4TnB7cYh1JdF5gSa9QeU3oKiN0wZ']]);
    expect(found('const page = await api.list({ syncToken: "CPDAlvWDx70CEPDAlvWDx70CGAU" });\n', 'src/calendar.ts')).toEqual([]);
  });
  it('reports the password of a user:password pair echoed into base64, not a pair built from variables', () => {
    expect(found("export REGISTRY_AUTH=\"$(echo -n 'ci-pusher:Vt7rQm2xLw9KzHd' | base64)\"\n", 'ci/env.sh')).toEqual([['PASS', 'Vt7rQm2xLw9KzHd']]);
    expect(found('export REGISTRY_AUTH="$(echo -n "$REG_USER:$REG_PASSWORD" | base64)"\n', 'ci/env.sh')).toEqual([]);
  });
  it('reads a sentence that gives a test account and its password in backticks', () => {
    expect(found('The shared sandbox account is `harbor-qa` / `k.Tw7mQzR2vXp4Ln` (rotate monthly).\n', 'docs/setup.md')).toEqual([['PASS', 'k.Tw7mQzR2vXp4Ln']]);
    expect(found('The default account is `billing` / `invoices`, see the roles page.\n', 'docs/setup.md')).toEqual([]);
  });
});

describe('a password given to authenticate(user, "…")', () => {
  it("reads a session's or a client's authenticate call with two arguments, the second a literal", () => {
    const java = 'FeedSession s = new FeedSession(feedHost, 8194);\ns.authenticate(FEED_APP_NAME, "Quill-7mr*Barrow2");\nreturn s;\n';
    expect(found(java, 'FeedConfig.java')).toEqual([['PASS', 'Quill-7mr*Barrow2']]);
    expect(found('var ok = directory.Authenticate("svc-export", "Tern4!Lowick-Vale");\n', 'Export.cs')).toEqual([['PASS', 'Tern4!Lowick-Vale']]);
    expect(found("await api.authenticateUser('qa-robot', 'Morrow-82!Fell');\n", 'e2e/setup.ts')).toEqual([['PASS', 'Morrow-82!Fell']]);
  });

  it('leaves a variable, a dummy, a strategy name and a call with a third argument', () => {
    expect(found('s.authenticate(FEED_APP_NAME, feedPassword);\n', 'FeedConfig.java')).toEqual([]);
    expect(found('s.authenticate("admin", "password");\n', 'FeedConfig.java')).toEqual([]);
    expect(found("app.post('/login', passport.authenticate('local', 'Quill-7mr*Barrow2', done));\n", 'routes.js')).toEqual([]);
    expect(found("router.use(passport.authenticate('bearer', { session: false }));\n", 'routes.js')).toEqual([]);
  });
});

describe('netrc entries written outside a .netrc file (blind set 104)', () => {
  it('reports the password of machine, login, password, in a heredoc to any file, a YAML block or a printf', () => {
    expect(passwords('cat > /tmp/mirror.netrc <<EOF\nmachine pkgs.tannery.lan\nlogin builder\npassword Ferro!Kiln-58\nEOF\n', 'build.sh')).toEqual([['PASS', 'Ferro!Kiln-58']]);
    expect(passwords('ci:\n  netrc: |\n    machine git.tannery.lan\n    login deploy\n    password Qz4-Marrow!tide\n', 'pipeline.yml')).toContainEqual(['PASS', 'Qz4-Marrow!tide']);
    // The generic `password <value>` reading also takes printf's `\n` here; the password is covered either way.
    const printf = passwords("RUN printf 'machine nexus.tannery.lan\\nlogin ci\\npassword Vh8_Lumen2Crow\\n' > /root/.netrc\n", 'Dockerfile');
    expect(printf.some(([, v]) => v.startsWith('Vh8_Lumen2Crow'))).toBe(true);
  });

  it('leaves variables, templates, prose and a netrc shape broken by other words alone', () => {
    expect(passwords('cat > /tmp/mirror.netrc <<EOF\nmachine pkgs.tannery.lan login builder password $MIRROR_PASSWORD\nEOF\n', 'build.sh')).toEqual([]);
    expect(passwords('machine pkgs.tannery.lan login builder password ${{ secrets.MIRROR_PASSWORD }}\n', 'ci.yml')).toEqual([]);
    // No netrc entry in a sentence's words (the value bare after "the password" is prose's own reading, `password-in-prose`).
    expect(detect('The state machine login handler checks the password Ferro!Kiln-58 too.\n', { file: 'notes.txt' }).filter((f) => f.rule.startsWith('netrc'))).toEqual([]);
    expect(passwords('machine pkgs.tannery.lan\n\n# the login is builder, the password is in the vault\n', 'notes.txt')).toEqual([]);
  });
});

describe('a Mapillary client token (blind set 103)', () => {
  it('reports the token whole, or each of its joined literals', () => {
    expect(found("initViewer('MLY|7301928374650192|0c4f8e2a9b7d61e3f5a0c2d4b6e8f019', 'mly-container');\n", 'map.js')).toEqual([['KEY', 'MLY|7301928374650192|0c4f8e2a9b7d61e3f5a0c2d4b6e8f019']]);
    const py = 'def token():\n    return "MLY|" + "7301928374650192|" + "0c4f8e2a9b7d61e3f5a0c2d4b6e8f019"\n';
    expect(found(py, 'imagery.py').map(([, v]) => v)).toContain('0c4f8e2a9b7d61e3f5a0c2d4b6e8f019');
  });

  it('leaves a prefix joined to variables, a short key and a stand-in', () => {
    expect(found('return "MLY|" + app_id + "|" + key\n', 'imagery.py')).toEqual([]);
    expect(found("viewer.load('MLY|7301928374650192|0c4f8e2a9b7d61e3')\n", 'map.js')).toEqual([]);
    expect(found("token = 'MLY|7301928374650192|00000000000000000000000000000000'\n", 'map.py')).toEqual([]);
  });
});

describe('credentials behind a scheme, a split prefix or a short directive (blind sets 105 to 112)', () => {
  const cases: [string, string, string][] = [
    ['tiles.properties', 'TileCache.url = jdbc:postgresql://10.9.8.7:5432/tiles\nTileCache.password = Wq7#mZ2pLx9vT4\n', 'Wq7#mZ2pLx9vT4'],
    ['radio.ini', '[link]\nrepeater_link_pin = Hd4!kQ9mXz\n', 'Hd4!kQ9mXz'],
    ['notify.rb', 'x = 1\n  token = "Bot Zq8mN2xL9rTw4Kv7Nc3B.Xy7Lm2.Pq9RsT4uVw8XyZ1aBc3DeF5gHi7JkL"\n', 'Zq8mN2xL9rTw4Kv7Nc3B.Xy7Lm2.Pq9RsT4uVw8XyZ1aBc3DeF5gHi7JkL'],
    ['Notifier.cs', 'private const string AdminApiToken = "SSWS " + "00Vq3Lm8Xz2Wk7Rt4Np9Bc6Hd1Fs5Gy0JaQe2Tr7Uy";\n', '00Vq3Lm8Xz2Wk7Rt4Np9Bc6Hd1Fs5Gy0JaQe2Tr7Uy'],
    ['Payments.java', 'Client c = new Client("AQE" + "7hTqLm2Xv9Rk4Wp8Nz3Bc6Hd1Fs5Gy0JaQe2TrUy", Environment.LIVE);\n', '7hTqLm2Xv9Rk4Wp8Nz3Bc6Hd1Fs5Gy0JaQe2TrUy'],
    ['gateway.conf', '# uplink\nserver 10.1.2.3 port 8883\ntls_key_pass Rmqt84LkzWvX2pNa\n', 'Rmqt84LkzWvX2pNa'],
    ['Scrubber.cs', 'public static readonly string CdnToken = "qTRvkwzPLmbXhdJcs";\n', 'qTRvkwzPLmbXhdJcs'],
    // A password that only starts like a note on where it is kept.
    ['branches.yaml', 'sites:\n  - name: Leeds depot\n    switch_admin_password: Vault-Keeper-2021\n', 'Vault-Keeper-2021'],
  ];
  for (const [file, text, secret] of cases) {
    it(`finds ${secret} in ${file}`, () => {
      expect(found(text, file).map(([, v]) => v)).toContain(secret);
    });
  }

  const negatives: [string, string][] = [
    ['relay.yml', 'development:\n  host: 127.0.0.1\n  port: 1025\n  password: "mailcatcher-no-auth"\n'],
    ['relay.yml', 'smtp:\n  password: not-required\n'],
    // A note pointing to where the value is kept or who holds it, in its place.
    ['branches.yaml', 'sites:\n  - name: Leeds depot\n    switch_admin_password: see-vault\n  - name: York depot\n    switch_admin_password: in_keepass\n'],
    ['relay.ini', '[smtp]\npassword = from-1password\ntoken = ask-netops\n'],
    ['.env.example', 'DB_PASSWORD=stored-in-the-team-vault\n'],
    ['gradle.properties', 'SENTRY_BUNDLE_CHECKSUM=4f1c9a2b7e3d8c6a0f5e2b9d7c4a1e8f3b6d9c2a5e8f1b4d7a0c3e6f9b2d5a8c\n'],
    ['Scrubber.cs', 'private const string PasswordResetMailNote = "PasswordResetMail";\n'],
    ['Handlers.cs', 'public static readonly string SessionToken = "SessionTokenHandler";\n'],
    ['board.ini', '[io]\nrelay_pin = Gpio_Pin_10\nbuzzer_pin = Kt4#wPz8\n'],
    ['notify.rb', 'token = "Bot " + bot_token\n'],
    ['site.conf', 'location ~ \\.php$ {\n    fastcgi_pass php-fpm;\n}\nlocation /api/ {\n    uwsgi_pass backend;\n}\nbypass on\n'],
  ];
  for (const [file, text] of negatives) {
    it(`stays silent on the look-alike in ${file}: ${text.split('\n').find((l) => l.length > 0)}`, () => {
      expect(found(text, file)).toEqual([]);
    });
  }
});

describe('secrets handed over in runbooks, handovers and postmortems', () => {
  it('reports a rotated token given as "the old value" or under a "Current:" label below the sentence that names it', () => {
    const md = [
      '- 14:02 — the partner API key had been revoked upstream; the old value',
      '  `Rk4mW9tQ2zLp7Vx3Nb8Hc5Jd` was still in the cron job.',
      '',
      'The weekly export uses the Acme reporting token. If it is rotated, update the vault.',
      '',
      'Current (rotated 2025-02-11): `Zq2Wn7Tk4Lr9Vm3Hx8Bc6Pd_f1`',
      '',
    ].join('\n');
    expect(found(md, 'ops/postmortem.md').map(([, v]) => v)).toEqual(['Rk4mW9tQ2zLp7Vx3Nb8Hc5Jd', 'Zq2Wn7Tk4Lr9Vm3Hx8Bc6Pd_f1']);
  });

  it('leaves an old value left bare, a cache key and a commit under the same words', () => {
    // Each note on its own: a key named in one would be in reach of the next one's label.
    const notes = [
      'The session token format changed; the old value format Rk4mW9tQ2zLp7Vx3Nb8Hc5Jd is gone.\n',
      'The cache key changed.\nCurrent: `linux-x64-node20-2025-02-11-r3`\n',
      'The deploy token was rotated.\nCurrent: 9c1b7e3a5d2f4068b1a3c5e7d9f0214365879abc (the deployed commit)\n',
    ];
    for (const md of notes) expect(found(md, 'ops/notes.md')).toEqual([]);
  });

  it('reports the password of a login whose account is in code marks, after a spaced slash or a comma', () => {
    const md = [
      'If the nightly upload fails, log in with `edi_drop` / `Wm3kTq-8vRz2n` on',
      '`sftp.partner.example`.',
      'Local admin on the tablets is `tab-admin` / Basalt.heron5521!.',
      'The billing read-only account for the finance export is `fin_ro`, password Xq7tLm2-Wv9kRz4Pb, host `db-fin`.',
      '',
    ].join('\n');
    const values = found(md, 'docs/handover.md').filter(([c]) => c === 'PASS').map(([, v]) => v);
    expect(values).toEqual(['Wm3kTq-8vRz2n', 'Basalt.heron5521!', 'Xq7tLm2-Wv9kRz4Pb']);
  });

  it('leaves code-marked paths and names around a slash, and an account whose password is elsewhere', () => {
    const md = [
      'Reports are written to `out` / `reports-2025_v2` by the job.',
      'The admin pages read `config` / `Settings2025.v1` on start.',
      'The service account is `svc_etl`, password in the vault.',
      'Every account is reviewed, password rotation is yearly.',
      '',
    ].join('\n');
    expect(found(md, 'docs/handover.md')).toEqual([]);
  });
});

describe('stand-ins, digests and logins named in passing (blind sets 113, 115, 116)', () => {
  const cases: [string, string, string][] = [
    // Base64 of a weak password is still a password ("password123"), beside a stand-in that is left alone.
    ['secret.yaml', 'kind: Secret\ndata:\n  SAMPLE: ZXhhbXBsZTE=\n  DB_PASSWORD: cGFzc3dvcmQxMjM=\n', 'cGFzc3dvcmQxMjM='],
    // A Datadog syslog appender: the intake reads the API key as the prefix of each line's suffix pattern.
    ['logback.xml', '<appender name="DD_LOGS" class="ch.qos.logback.core.net.SyslogAppender">\n  <syslogHost>intake.logs.datadoghq.com</syslogHost>\n  <suffixPattern>9c4e1b7a2f5d8e30c6a9b1f4d7e2a5c8 %logger %msg</suffixPattern>\n</appender>\n', '9c4e1b7a2f5d8e30c6a9b1f4d7e2a5c8'],
    // QRadar's token in its SEC header, as a log line, a curl call and a headers dict give it.
    ['poller.log', 'ERROR qradar offenses pull status=403 SEC=5d2e8c41-7b3a-4f96-a0c2-e19b6d47f853\n', '5d2e8c41-7b3a-4f96-a0c2-e19b6d47f853'],
    ['pull.sh', "curl -sk -H 'SEC: 5d2e8c41-7b3a-4f96-a0c2-e19b6d47f853' -H 'Version: 20.0' https://qradar-console.corp.example/api/ariel/searches\n", '5d2e8c41-7b3a-4f96-a0c2-e19b6d47f853'],
    ['qradar_client.py', 'BASE = "https://qradar.soc.example/api"\nHEADERS = {\n    "SEC": "5d2e8c41-7b3a-4f96-a0c2-e19b6d47f853",\n    "Accept": "application/json",\n}\n', '5d2e8c41-7b3a-4f96-a0c2-e19b6d47f853'],
    // A login named with what it is for, the sentence going on over a line break before its `is`.
    // A wrapped paragraph that breaks between `log in with` and the pair in code marks.
    ['README.md', 'The review CRM runs at `http://crm.review.internal:8080`; sign in as\n`reviewer` / `Hp3-zQ7wLx.Ke9` (reset every Friday).\n', 'Hp3-zQ7wLx.Ke9'],
    ['kiosk.py', '"""Self-service kiosk client.\n\n    The kiosk login for\n    site WEST is selfserve / Qm4#tLz8Vw2k (rotated by the branch IT lead).\n    """\n', 'Qm4#tLz8Vw2k'],
  ];
  for (const [file, text, secret] of cases) {
    it(`finds ${secret} in ${file}`, () => {
      expect(found(text, file).map(([, v]) => v)).toContain(secret);
    });
  }

  const negatives: [string, string][] = [
    // Base64 of stand-ins in a Secret's data: "example", "changeme123", "sample-2".
    ['secret.yaml', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: demo\nstringData:\n  DEMO_VALUE: ZXhhbXBsZQ==\ndata:\n  ADMIN_PASSWORD: Y2hhbmdlbWUxMjM=\n  ROOT_PASSWORD: c2FtcGxlLTI=\n'],
    // A digest named as of or for something before the name: the hex is the digest.
    ['uplink.rb', '    # Raw frame checksum for the calibration pass: 4b8e2d1f9a7c3e6b0d5f8a2c4e7b1d9f3a6c8e0b2d4f7a9c1e3b5d8f0a2c4e6b\n'],
    ['NOTES.md', 'The sha256 of the signing key: 0e7a3c9f5b1d8e2a6c4f0b7d3e9a1c5f8b2d6e0a4c7f1b3d9e5a2c8f6b0d4e7a\n'],
    // QRadar's SEC header without QRadar near it, or a UUID under a name that only ends in `sec`.
    ['pull.sh', "curl -H 'SEC: 5d2e8c41-7b3a-4f96-a0c2-e19b6d47f853' https://api.vendor.example/v2/items\n"],
    ['poller.log', 'INFO qradar poll done timeout_sec=5d2e8c41-7b3a-4f96-a0c2-e19b6d47f853\n'],
    // A syslog appender's suffix pattern that opens with a hex run, in an appender that does not name Datadog.
    ['logback.xml', '<appender name="SYSLOG" class="ch.qos.logback.core.net.SyslogAppender">\n  <syslogHost>syslog.corp.example</syslogHost>\n  <suffixPattern>9c4e1b7a2f5d8e30c6a9b1f4d7e2a5c8 %msg</suffixPattern>\n</appender>\n'],
    // A login for something whose `is` is followed by a menu path, not a pair.
    ['guide.md', 'The login for\n  the shared kiosks is branch-code / PIN-pad, see the desk binder.\n'],
    ['guide.md', 'The login for each site is email / password, set up on first use.\n'],
  ];
  for (const [file, text] of negatives) {
    it(`stays silent on the look-alike in ${file}: ${text.split('\n').find((l) => l.length > 0)}`, () => {
      expect(found(text, file)).toEqual([]);
    });
  }
});

describe('credentials by the call, tool, element or file that takes them', () => {
  const positives: [string, string, string][] = [
    // nats.go's connect options.
    ['main.go', 'nc, err := nats.Connect(url, nats.Token("Kq3Vt8Lw2Zr7Xm4Bn9Hc6Jd1Pf5Gy0Ta"))\n', 'Kq3Vt8Lw2Zr7Xm4Bn9Hc6Jd1Pf5Gy0Ta'],
    ['relay.go', 'nc, _ := nats.Connect(url, nats.UserInfo("relay", "Wv6!Plover-Tarn3"))\n', 'Wv6!Plover-Tarn3'],
    // A Discord bot token whose user-id segment opens with another letter than M/N/O, given to the login call.
    ['bot.js', 'client.login("r8Tq2Lw5Zm9Xv3Bn7Hc4Jd6K.Yp2-Qa.Fz7Wq3Lr9Tx5Vm1Bn8Hc4Jd6Kp2Gs0A");\n', 'r8Tq2Lw5Zm9Xv3Bn7Hc4Jd6K.Yp2-Qa.Fz7Wq3Lr9Tx5Vm1Bn8Hc4Jd6Kp2Gs0A'],
    ['bot.py', "bot.run('v4Hs9Kq2Lw7Zr3Xm8Bn5Tc1Jd.Gh6_Rt.Pq3Wz8Lm2Xv7Bn4Hc9Jd1Kf5Gs0Ay3')\n", 'v4Hs9Kq2Lw7Zr3Xm8Bn5Tc1Jd.Gh6_Rt.Pq3Wz8Lm2Xv7Bn4Hc9Jd1Kf5Gs0Ay3'],
    // A job configuration's parameter named by its id.
    ['job_conf.xml', '<destination id="cluster" runner="pulsar">\n  <param id="private_token">Zp4Kw8Lq2Tr6Xv9Bm3Hn7Jc1Df5Gs0Aa</param>\n</destination>\n', 'Zp4Kw8Lq2Tr6Xv9Bm3Hn7Jc1Df5Gs0Aa'],
    // Samba's net and samba-tool take `-U user%password`, the password after the first %.
    ['smb.conf', '# join with: net ads join -U joiner%Fq2%Lw!Tz8-Vr\n', 'Fq2%Lw!Tz8-Vr'],
    ['dc.sh', 'net rpc user password svc-print -U "CORP\\admin%Hb5-Lantern!Qy" -S dc01\n', 'Hb5-Lantern!Qy'],
    // A pgpass file written by a here-document.
    ['rotate.sh', 'cat > /run/etl/pgpass <<EOF\nwh.example.internal:5432:dwh:etl:Rk7^Marsh.Tq2Lz\nEOF\n', 'Rk7^Marsh.Tq2Lz'],
    // A short client secret of random letters under a name that says so.
    ['Client.php', "'headers' => ['Client-Secret' => 'wKqTzRbMxV'],\n", 'wKqTzRbMxV'],
  ];
  for (const [file, text, secret] of positives) {
    it(`finds the credential in ${file}`, () => {
      const values = found(text, file).map(([, v]) => v);
      expect(values, values.join(' | ')).toContain(secret);
    });
  }
  const negatives: [string, string][] = [
    ['main.go', 'nc, err := nats.Connect(url, nats.Token(cfg.NatsToken), nats.UserInfo(cfg.User, cfg.Pass))\n'],
    ['bot.js', 'client.login(process.env.DISCORD_TOKEN);\nawait page.login("admin.portal.example");\n'],
    ['index.html', '<span id="api_token">Zp4Kw8Lq2Tr6Xv9Bm3Hn7Jc1Df5Gs0Aa</span>\n'],
    ['job_conf.xml', '<param id="private_token">${PULSAR_PRIVATE_TOKEN}</param>\n'],
    ['join.sh', 'net ads join -U joiner\nnet ads join -U "joiner%$JOIN_PW"\n'],
    // A here-document to another file, and a pgpass-shaped line under PGPASSWORD.
    ['rotate.sh', 'cat > /run/etl/pgpass.log <<EOF\nwh.example.internal:5432:dwh:etl:Rk7^Marsh.Tq2Lz\nEOF\n'],
    ['env.sh', 'export PGPASSWORD="$ETL_PW"\nwh.example.internal:5432:dwh:etl:Rk7^Marsh.Tq2Lz\n'],
    // Short camelCase words under a client secret's name are names, not secrets.
    ['Client.php', "'Client-Secret' => 'ClientSecret',\n'client_secret' => 'getOAuthToken',\n'app_secret' => 'XmlHttpRequest',\n"],
  ];
  for (const [file, text] of negatives) {
    it(`reports no credential in the look-alike in ${file}: ${text.split('\n')[0]}`, () => {
      // A host named on the line is reported as a host; nothing else is.
      expect(found(text, file).filter(([category]) => category !== 'HOST')).toEqual([]);
    });
  }
});

describe('a char-array password handed to any call beside a keystore path', () => {
  const values = (text: string, file: string): string[] => found(text, file).map(([, v]) => v);

  it('reports the literal after a keystore path, whatever the call is named', () => {
    expect(values('KeyStore ks = new PartnerStoreLoader("/srv/as2/keys/partner.pfx", "Wren7!Basalt-22".toCharArray());\n', 'Edi.java')).toEqual(['Wren7!Basalt-22']);
    expect(values('var store = Stores.open("conf/client.jks", "Qv4.Tarn#889".toCharArray());\n', 'Client.java')).toEqual(['Qv4.Tarn#889']);
  });

  it('leaves a literal after a path that is no keystore, a variable, and a weak literal', () => {
    expect(values('var r = Files.read("/srv/as2/keys/partner.txt", "Wren7!Basalt-22".toCharArray());\n', 'Edi.java')).toEqual([]);
    expect(values('KeyStore ks = new PartnerStoreLoader("/srv/as2/keys/partner.pfx", storePassword.toCharArray());\n', 'Edi.java')).toEqual([]);
    expect(values('KeyStore ks = new PartnerStoreLoader("/srv/as2/keys/partner.pfx", "changeit".toCharArray());\n', 'Edi.java')).toEqual([]);
  });
});

describe('a list of names under a secret-holding name', () => {
  it('leaves a blocklist of column names and a list of identifiers', () => {
    expect(found('SECRET_COLUMN_DENYLIST = ["token_digest", "otp_seed"]\n', 'etl/export.py')).toEqual([]);
    expect(found('password_fields = ["Quartz.orbit47&"]\n', 'app/redact.py')).toEqual([]);
    expect(found('passwords = ["currentPassword", "newPassword"]\n', 'app/forms.py')).toEqual([]);
  });

  it('still reports a list of secrets under such a name', () => {
    expect(found('fallback_passwords = ["Heron!Lantern-42", "Quartz.orbit47&"]\n', 'app/settings.py').map(([, v]) => v)).toEqual(['Heron!Lantern-42', 'Quartz.orbit47&']);
  });
});

describe('prose that wraps a login pair, names a wallet seed, or states a password bare (blind sets 124, 126)', () => {
  const rules = (text: string, file: string) => detect(text, { file }).map((f) => [f.rule, text.slice(f.start, f.end)]);
  const PHRASE = 'orbit velvet canal frost lumber pigeon orchard tiny ribbon salad window exhaust';
  it('reads a seed phrase in an indented block below the words "wallet seed"', () => {
    expect(rules(`* The demo wallet seed (testnet only):\n\n      ${PHRASE}\n`, 'docs/setup.md')).toContainEqual(['bip39-seed-phrase', PHRASE]);
    expect(rules('The wallet seed is generated on first run and never leaves the device.\n', 'docs/setup.md')).toEqual([]);
  });
  it('reads a letters-and-digits password after an admin account that a login label names, and leaves one unlabelled', () => {
    expect(rules('{"text": "grafana is at :3000, login admin / sp3ctrogram for now"}\n', 'export.json')).toContainEqual(['account-slash-password', 'sp3ctrogram']);
    expect(rules('Log in as root / 7r4nsitlane on the console.\n', 'notes.md')).toContainEqual(['account-slash-password', '7r4nsitlane']);
    for (const s of ['admin / sp3ctrogram\n', 'the login admin / settings2 page\n', 'the admin / page2024x tab\n']) {
      expect(rules(s, 'notes.md').filter(([r]) => r === 'account-slash-password'), s).toEqual([]);
    }
  });
  it('reads a value after "is just" or "is still", and after a verb that sets a secret name to it', () => {
    expect(rules('For the sandbox the password is just Sandbox300! - prod is in the vault.\n', 'docs/wiki.md')).toContainEqual(['generic-assignment', 'Sandbox300!']);
    expect(rules('set RELEASE_COOKIE back to FEEDS_COOKIE_7c1e9d0a4b on all three pods\n', 'chat.txt')).toContainEqual(['generic-assignment', 'FEEDS_COOKIE_7c1e9d0a4b']);
    for (const s of ['The password is still required for the admin console.\n', 'set API_TOKEN to the new value\n', 'we set the password to something longer\n', 'reset SECRET_KEY back to default\n']) {
      expect(rules(s, 'notes.md'), s).toEqual([]);
    }
  });
  it('reads small letters and a digit after an admin account when both halves are in code marks, and leaves a page or a bare half', () => {
    expect(rules('The scanner admin page is at http://10.1.4.20 (`admin` / `brotherdcp7`).\n', 'wiki/printers.md')).toContainEqual(['account-slash-password', 'brotherdcp7']);
    expect(rules('NAS web UI: `root` / `qnapts4x2` until the refresh.\n', 'wiki/nas.md')).toContainEqual(['account-slash-password', 'qnapts4x2']);
    for (const s of ['Open `admin` / `reports` from the menu.\n', 'Open admin / brotherdcp7 from the menu.\n', 'Open `admin` / brotherdcp7 from the menu.\n', 'Open `backup` / `brotherdcp7` next.\n']) {
      expect(rules(s, 'wiki/printers.md').filter(([r]) => r === 'account-slash-password'), s).toEqual([]);
    }
  });
  it('reads a code-marked password that opens the line after `account` /', () => {
    expect(rules('3. The break-glass broker admin is `mq-admin` /\n   `Tq8v-RzW2kLm7Xp` (rotate after use).\n', 'docs/run.md')).toContainEqual(['account-slash-password', 'Tq8v-RzW2kLm7Xp']);
    expect(rules('The broker admin is `mq-admin` /\n   Tq8v-RzW2kLm7Xp rotates after use.\n', 'notes.txt').filter(([r]) => r === 'account-slash-password')).toEqual([]);
  });
  it('reads a bare password with every class right after "the … password" in a sentence, and leaves words alone', () => {
    expect(rules('"""Old build used the service password Heron#Vq-5521 on the NAS."""\n', 'tool.py')).toContainEqual(['password-in-prose', 'Heron#Vq-5521']);
    for (const s of ['The password field on the form is masked.', 'Password reset emails go out nightly.', 'The password policy requires 12 characters.', 'the service password Orchard-lantern is a stand-in']) {
      expect(rules(s + '\n', 'notes.txt').filter(([r]) => r === 'password-in-prose')).toEqual([]);
    }
  });
});

describe('a secret given later in the sentence that names it', () => {
  it('reports a key or token given as "it\'s `…`" after a clause', () => {
    expect(found("Don't commit the Rails master key again; it's `4f9c2e81a7d05b36c8e1f47a20d9b6e3` on the staging host.", 'handover.md')).toEqual([['KEY', '4f9c2e81a7d05b36c8e1f47a20d9b6e3']]);
    expect(found('Nobody rotated the billing API token, it is "Tz5qW8nLx2Rv7KmB3cJ9pD4h" for another week.', 'notes.md')).toEqual([['TOKEN', 'Tz5qW8nLx2Rv7KmB3cJ9pD4h']]);
  });

  it('leaves a public key, a path, a value in another sentence and a value that is no key', () => {
    expect(found("The signing public key ships in the app; it's `4f9c2e81a7d05b36c8e1f47a20d9b6e3` in the bundle.", 'handover.md')).toEqual([]);
    expect(found("Keep the master key out of git. The build number? it's `4f9c2e81a7d05b36c8e1f47a20d9b6e3`.", 'handover.md')).toEqual([]);
    expect(found("The master key is gone from the repo; it's `config/credentials/prod.key` now.", 'handover.md')).toEqual([]);
    expect(found("The API key was never set; it's `not_configured_yet` in staging.", 'handover.md')).toEqual([]);
  });

  it('reports a password given in code marks or quotes right after "the old one" or "the previous one"', () => {
    expect(found('* Vault unseal password for `HSM-02` is rotated; the old one `Qm7!tRz4Wv9p` is revoked.', 'ceremony.md')).toEqual([['PASS', 'Qm7!tRz4Wv9p']]);
    expect(found("We changed the router admin password, the previous one 'Lark-Basin62' still works until Monday.", 'notes.md')).toEqual([['PASS', 'Lark-Basin62']]);
  });

  it('leaves a password policy said to be a name of words', () => {
    expect(found("The admin password policy changed last week; it's `StrictPolicy2025Rules` now.", 'notes.md')).toEqual([]);
  });

  it('leaves a policy setting in brackets after the rule or GPO that passwords follow, and still reads a password there', () => {
    expect(found('Service account passwords follow the site GPO (`MinimumPasswordLength=14`).', 'runbooks/close.md')).toEqual([]);
    expect(found('Kiosk passwords meet the lockout rules (`LockoutThreshold=5!`) set by IT.', 'runbooks/close.md')).toEqual([]);
    expect(found('Never paste the kiosk password from the handover mail (`Wq8#tLm2Zr5v`) in tickets.', 'runbooks/close.md')).toEqual([['PASS', 'Wq8#tLm2Zr5v']]);
  });

  it('leaves "the old one" without a value, and a quote that does not close after it', () => {
    expect(found('The HSM partition password is rotated; the old one is in the vault until Friday.', 'ceremony.md')).toEqual([]);
    expect(found('The HSM partition password is rotated; the old one `Qm7!tRz4Wv9p and more` is revoked.', 'ceremony.md')).toEqual([]);
  });
});

describe('tokens of a provider\'s shape under a lenient length or a naming context', () => {
  it('reports a fine-grained GitHub PAT a few characters longer or shorter than GitHub issues them', () => {
    const long = 'github_pat_11AQ7ZK2M0RTW5XB3YCN8P_' + 'Hb4nQz8WpLk2Rv7xTm9CsD3fGj6YwE1uNa5Ko0Pe8Si4Qt7Uz2Vr6Xl9Mc3Bd5Fh1Jq';
    expect(found(`The deploy job uses \`${long}\` for now.`, 'runbook.md').map(([, v]) => v)).toEqual([long]);
    expect(found('Pasted github_pat_11AQ7ZK2M0 by mistake.', 'runbook.md')).toEqual([]);
  });

  it('reports a Discord bot token of any first segment under a name that says Discord, the strict shape elsewhere', () => {
    const token = 'q7Zk-Lx2_Rv9TmB3cJ4pWn8a.Hd2kQx.Fz9-Lm3Wq7Rt_Kv2Bn8Xc5Yp1Ds6Gh4Jw0Ae';
    expect(found(`const DISCORD_BOT = '${token}';`, 'alerts.js')).toEqual([['TOKEN', token]]);
    expect(found(`discordToken: "${token}"`, 'config.yaml')).toEqual([['TOKEN', token]]);
    expect(detect(`const RELEASE_TAG = '${token}';`, { file: 'alerts.js' }).some((f) => f.rule.startsWith('discord'))).toBe(false);
  });
});

describe("Redis's AUTH command", () => {
  it('reports the last argument of AUTH where Redis is named', () => {
    expect(found('[cache]\nclient = yes\n# redis AUTH Pq3~Zt8Lw-Vx2Nm6\n', 'tunnel.conf')).toEqual([['PASS', 'Pq3~Zt8Lw-Vx2Nm6']]);
    expect(found('cache01:6379> AUTH reporting Kz7Rw2Lq9Tn4Xv8B\n', 'session.log')).toEqual([['PASS', 'Kz7Rw2Lq9Tn4Xv8B']]);
    expect(found('AUTH Mh6Tq1Zr8Wk3Lp5N\nSELECT 2\n', 'warmup.redis')).toEqual([['PASS', 'Mh6Tq1Zr8Wk3Lp5N']]);
  });
  it("leaves other protocols' AUTH, references, placeholders and prose", () => {
    const pass = (text: string, file: string): string[] => found(text, file).filter(([c]) => c === 'PASS').map(([, v]) => v);
    expect(pass('C: EHLO relay\nS: 250-AUTH LOGIN PLAIN\nC: AUTH LOGIN\n', 'smtp-trace.txt')).toEqual([]);
    expect(pass('# AUTH Pq3~Zt8Lw-Vx2Nm6\n', 'mail.conf')).toEqual([]);
    expect(pass('# redis AUTH $CACHE_PASSWORD\n', 'tunnel.conf')).toEqual([]);
    expect(pass('# redis AUTH <password>\n', 'tunnel.conf')).toEqual([]);
    expect(pass('When the redis AUTH call failed\n', 'notes.md')).toEqual([]);
  });
});

describe('prose, comment and name fixes (r20b)', () => {
  const rules = (text: string, file: string) => detect(text, { file }).map((f) => [f.rule, text.slice(f.start, f.end)]);
  const values = (text: string, file: string) => detect(text, { file }).map((f) => text.slice(f.start, f.end));

  it('takes a key or token a sentence names, then gives after a bare "was" or "is" in code marks', () => {
    const uuid = '5d0f3a7e-91c2-4b6d-a8e4-37f2c9b1d06a';
    expect(rules(`The old relay token we retired was \`${uuid}\` (revoke it).\n`, 'docs/ops.md')).toContainEqual(['secret-it-is-prose', uuid]);
    expect(values('The signing key we ship today is `Vb7Qm2Xr9Lt4Wz8Kn3Hd6Jc5`.\n', 'notes.md')).toContain('Vb7Qm2Xr9Lt4Wz8Kn3Hd6Jc5');
  });

  it('leaves stand-ins, labels and clauses that break between the noun and the verb', () => {
    for (const s of [
      'If unset, the token was `null` before the fix.',
      'the key was `id` in the old schema',
      'the token was `undefined` when the page loaded',
      'the password was `hunter2` in the joke',
      'The key in the cache is `orders-2025-03-09-page-7`.',
      'The token, after the outage, was `Vb7Qm2Xr9Lt4Wz8Kn3Hd6Jc5`.',
      'The public key we publish is `Vb7Qm2Xr9Lt4Wz8Kn3Hd6Jc5`.',
      'The key we built from was `0c4b5a1f7e2d9c8b3a6f5e4d1c0b9a8f7e6d5c4b`.',
    ]) expect(rules(s + '\n', 'notes.md').filter(([r]) => r === 'secret-it-is-prose'), s).toEqual([]);
  });

  it('leaves the hex of a thumbprint or digest taken of or for the key the sentence names', () => {
    const hex = '373910F6675EE3FFA377B9E32039AE4FED7C7EA0';
    expect(rules(`- The TLS cert thumbprint for ADFS token signing is \`${hex}\` (public).\n`, 'notes.md').filter(([r]) => r === 'secret-it-is-prose')).toEqual([]);
    expect(rules(`The fingerprint of the deploy key is \`${hex.toLowerCase()}\`.\n`, 'notes.md').filter(([r]) => r === 'secret-it-is-prose')).toEqual([]);
    // The same hex handed over as the key itself is still read.
    expect(rules(`Don't paste the partner token for ADFS signing anywhere; it's \`${hex}\` until March.\n`, 'notes.md')).toContainEqual(['secret-it-is-prose', hex]);
  });

  it('takes a key or token a sentence names, then hands over bare after "is" or "was" a few words on, wrapped or not', () => {
    const hex = '6BFC0C1964488C3DAA6DE9A32C6F9083';
    expect(rules(`- The temporary key\n  Priya made on 2025-01-14 is ${hex} until Jenkins is updated.\n`, 'wiki/steam.md')).toContainEqual(['key-is-bare-prose', hex]);
    expect(values('the API key for the test environment is\n2ad2fc4639d61d0425f0cabc48723bce1f1dd380 (test only)\n', 'mail.eml')).toEqual(['2ad2fc4639d61d0425f0cabc48723bce1f1dd380']);
    expect(values('The relay token from the vendor was Vb7Qm2Xr9Lt4Wz8Kn3Hd6Jc5.\n', 'notes.txt')).toEqual(['Vb7Qm2Xr9Lt4Wz8Kn3Hd6Jc5']);
  });

  it('leaves a bare value after "is" when the sentence is about a revision, a digest, an id, or breaks its clause', () => {
    for (const s of [
      'The key we built from was 0c4b5a1f7e2d9c8b3a6f5e4d1c0b9a8f7e6d5c4b.',
      'The key rotation commit is 0c4b5a1f7e2d9c8b3a6f5e4d1c0b9a8f7e6d5c4b.',
      'The key, as far as I know, is 6BFC0C1964488C3DAA6DE9A32C6F9083.',
      'The idempotency key of the retry is 5d0f3a7e-91c2-4b6d-a8e4-37f2c9b1d06a.',
      'The cache key we look up is orders_by_region_and_day.',
      'Rotate the key.\n\nThe job on 2025-01-14 is 6BFC0C1964488C3DAA6DE9A32C6F9083.',
    ]) expect(rules(s + '\n', 'notes.md').filter(([r]) => r === 'key-is-bare-prose'), s).toEqual([]);
  });

  it('takes a password that ends a comment naming it a few words before a colon', () => {
    expect(rules('Host backup\n    # old password login still allowed on the backup box: Tq8#mZr4Wv2Lp\n', 'ssh/config')).toContainEqual(['password-comment-tail', 'Tq8#mZr4Wv2Lp']);
    for (const s of ['# password auth disabled: use keys', '# password: see vault', '# password login for the box: disabled', '# password for the box: Tq8#mZr4Wv2Lp then more']) {
      expect(rules(s + '\n', 'ssh/config').filter(([r]) => r === 'password-comment-tail'), s).toEqual([]);
    }
  });

  it('takes short hex under a name that says secret, not under a bare key or a digest\'s name', () => {
    expect(values('{ "adnet_secret_key": "7b30915826d4" }\n', 'config.json')).toContain('7b30915826d4');
    expect(values('{ "api_secret": "7b30915826d4" }\n', 'config.json')).toContain('7b30915826d4');
    for (const name of ['key', 'cache_key', 'secret_sha', 'secret_version', 'build_hash']) {
      expect(values(`{ "${name}": "7b30915826d4" }\n`, 'config.json'), name).toEqual([]);
    }
    expect(values('{ "api_secret": "301958264471" }\n', 'config.json')).toEqual([]); // digits only: a number
  });

  it('takes a generated value under a lookup service\'s key, not under a map\'s lookup key', () => {
    const hex = '9e41c07b3a5d28f6e1b4c9a0d7f3e2b85c6a1d04';
    expect(values(`static final String VIN_LOOKUP_KEY = "${hex}";\n`, 'src/Vin.java')).toContain(hex);
    for (const name of ['lookupKey', 'cache_lookup_key', 'CACHE_KEY', 'idempotency_key', 'sort_key', 'partition_key', 'commit_sha']) {
      expect(values(`static final String ${name} = "${hex}";\n`, 'src/Vin.java'), name).toEqual([]);
    }
    expect(values('static final String VIN_LOOKUP_KEY = "vehicles-by-vin";\n', 'src/Vin.java')).toEqual([]);
  });

  it('leaves a setting name and a table name under a password\'s name', () => {
    expect(values('static final String PASSWORD_REUSE_WARNING = "PasswordReuseWarningText";\n', 'src/Policy.java')).toEqual([]);
    expect(values('public string TokenAuditTable { get; init; } = "audit.ApiTokenEvents";\n', 'src/Models/Audit.cs')).toEqual([]);
    expect(values('public string PasswordHistoryTable { get; init; } = "sec.UserPasswordHistory";\n', 'src/Models/Policy.cs')).toEqual([]);
    expect(values('static final String DB_PASSWORD = "Tq8#mZr4Wv2Lp";\n', 'src/Policy.java')).toEqual(['Tq8#mZr4Wv2Lp']);
  });
});

describe('secret texts, durations, parenthesised logins, token setters, two-legged OAuth, disclaimed and listed names', () => {
  const values = (text: string, file: string): string[] => found(text, file).map(([, v]) => v);

  it("reports a Terraform resource's `secret_text`, and leaves a text shown about a password", () => {
    const tf = 'resource "cloudflare_worker_secret" "mail" {\n  name        = "MAILER_SECRET"\n  secret_text = "Wq7zLp2-Rk9VmXt4Hn6Bc"\n}\n';
    expect(values(tf, 'workers.tf')).toEqual(['Wq7zLp2-Rk9VmXt4Hn6Bc']);
    expect(values('password_text = "Bq7zLp2-Rk9VmXt4Hn6Tc"\n', 'labels.tf')).toEqual([]);
  });

  it('leaves an ActiveSupport duration under a password setting, still reporting a password there', () => {
    expect(values('TOKEN_TTL=30.minutes\nPASSWORD_RESET_WITHIN=2.days\n', '.env')).toEqual([]);
    expect(values('password_reset_within: 12.hours\n', 'settings.yml')).toEqual([]);
    expect(values('ADMIN_PASSWORD=Quill.7hours!\n', '.env')).toEqual(['Quill.7hours!']);
  });

  it('reports the password of an account given as `(user / password)` after a word for a login', () => {
    expect(values('The retired shared login (reporter / mQ4tZxV8kLp2Rw) still works on the old host.\n', 'notes.md')).toEqual(['mQ4tZxV8kLp2Rw']);
    expect(values('# credentials (svc_etl / Tv9-Lq2Rx7Wm) are in the vault from Monday\n', 'run.py')).toEqual(['Tv9-Lq2Rx7Wm']);
    expect(values('the account (billing / Invoices2024 pages) moved\n', 'notes.md')).toEqual([]);
    expect(values('See the login (admin / password) screen.\n', 'notes.md')).toEqual([]);
    expect(values('The chart (revenue / Cost2024Q1) is on the dashboard.\n', 'notes.md')).toEqual([]);
  });

  it('reports the one literal given to a method that authenticates with, or sets, a token or a key', () => {
    const hex = '4c7e19ab02d85f6e3a9b1c0d7f2e48a6b5c39d10';
    expect(values(`client.authenticate_with_token("${hex}")\n`, 'sync.py')).toEqual([hex]);
    expect(values(`api.set_api_key('Rv8qLm2Zx5Tk9Wn3Hc7J')\n`, 'job.py')).toEqual(['Rv8qLm2Zx5Tk9Wn3Hc7J']);
    expect(values(`session.loginWithToken("Kx4Tq9Lm2Rz7Vw3Nb8Hd");\n`, 'main.ts')).toEqual(['Kx4Tq9Lm2Rz7Vw3Nb8Hd']);
    expect(values(`conn = Client().with_api_key("Pz6Wn2Lq8Rx4Tk7Vm3Hb")\n`, 'conn.py')).toEqual(['Pz6Wn2Lq8Rx4Tk7Vm3Hb']);
    expect(values('client.authenticate_with_token(os.environ["SPECKLE_TOKEN"])\n', 'sync.py')).toEqual([]);
    expect(values('client.set_token("your-token-here")\n', 'sync.py')).toEqual([]);
    expect(values("const red = useToken('colors', 'red.500');\n", 'theme.tsx')).toEqual([]);
  });

  it("reports the client secret given second to Autodesk's two-legged and three-legged OAuth calls", () => {
    const ts = 'return auth.getTwoLeggedToken(\n  "Qm8rTz2Lx5Wk9Vn3Hc7Jp4Bd6Fs1Gy0A",\n  "Zt3Lq8Wm2Rx7Vk4Nb9Hc6Jd1Gf5Sa0Ye3Ui",\n  [Scopes.DataRead],\n);\n';
    expect(values(ts, 'aps.ts')).toEqual(['Zt3Lq8Wm2Rx7Vk4Nb9Hc6Jd1Gf5Sa0Ye3Ui']);
    expect(values('const oauth = new ForgeSDK.AuthClientTwoLegged(CLIENT_ID, "Lw5Rk8Tq2Zx7Vm4Nb9Hc3Jd6", scopes, true);\n', 'forge.js')).toEqual(['Lw5Rk8Tq2Zx7Vm4Nb9Hc3Jd6']);
    expect(values('return auth.getTwoLeggedToken(clientId, clientSecret, [Scopes.DataRead]);\n', 'aps.ts')).toEqual([]);
  });

  it('leaves a declaration whose comment says it is no credential, and a PagerDuty incident key', () => {
    expect(values('// AlertKey groups alerts; not a secret.\nconst AlertKey = "Tk4Wq9Lm2Rz7Vx3Nb8Hd6Jc"\n', 'alerts.go')).toEqual([]);
    expect(values('const AlertKey = "Tk4Wq9Lm2Rz7Vx3Nb8Hd6Jc" // not sensitive\n', 'alerts.go')).toEqual([]);
    expect(values('const IncidentKey = "5b1e7c2a-8d4f-4e39-a6c0-1f2d3e4a5b6c"\n', 'alerts.go')).toEqual([]);
    // A comment that says nothing of the kind, or one a line away, leaves the finding.
    expect(values('// AlertKey signs the alert payloads.\nconst AlertKey = "Tk4Wq9Lm2Rz7Vx3Nb8Hd6Jc"\n', 'alerts.go')).toEqual(['Tk4Wq9Lm2Rz7Vx3Nb8Hd6Jc']);
    expect(values('// not a secret\n\nconst AlertKey = "Tk4Wq9Lm2Rz7Vx3Nb8Hd6Jc"\n', 'alerts.go')).toEqual(['Tk4Wq9Lm2Rz7Vx3Nb8Hd6Jc']);
    // A provider's shape is reported whatever the comment says.
    expect(found('// not a secret\nconst StripeKey = "sk_live_51Hq8Zt2Lm7Rx4Wk9Vn3Bc6Jd1Gf5Sa0Ye3Ui8Op2Qr7"\n', 'pay.go').length).toBeGreaterThan(0);
  });

  it('leaves a key or token whose comment says it is not the token or the key, and keeps one whose comment names its id', () => {
    const rb = 'class PayoutService\n  WISE_API_TOKEN   = "dbdbfb64-fbee-463a-93b7-510b4964d167"   # profile id, not the token\nend\n';
    expect(values(rb, 'app/services/payout_service.rb')).toEqual([]);
    expect(values('const PartnerKey = "Tk4Wq9Lm2Rz7Vx3Nb8Hd6Jc" // tenant handle, not an API key\n', 'partner.go')).toEqual([]);
    expect(values("# the account's number, isn't the token\nAPI_TOKEN = 'Qm8rTz2Lx5Wk9Vn3Hc7Jp4Bd'\n", 'sync.py')).toEqual([]);
    // The token's id or name is another thing than the token: the value may well be the token itself.
    expect(values('const PartnerKey = "Tk4Wq9Lm2Rz7Vx3Nb8Hd6Jc" // the secret itself, not the key id\n', 'partner.go')).toEqual(['Tk4Wq9Lm2Rz7Vx3Nb8Hd6Jc']);
    expect(values('API_TOKEN = "Qm8rTz2Lx5Wk9Vn3Hc7Jp4Bd"  # not token-scoped, full access\n', 'sync.py')).toEqual(['Qm8rTz2Lx5Wk9Vn3Hc7Jp4Bd']);
    // Never a password.
    expect(values('DB_PASSWORD = "Rk8#vQ2mLp" # not the token\n', 'settings.py')).toEqual(['Rk8#vQ2mLp']);
  });

  it('reports a password whatever its comment says: a comment never makes one no secret', () => {
    expect(values('DB_PASSWORD = "Rk8#vQ2mLp" // not a secret\n', 'settings.py')).toEqual(['Rk8#vQ2mLp']);
    expect(values('// not a credential, only the demo database\nconst dbPassword = "Wq5!tZ8nLc3v";\n', 'db.ts')).toEqual(['Wq5!tZ8nLc3v']);
    // The same comment still leaves a key under a name that only made it a finding.
    expect(values('const AlertKey = "Tk4Wq9Lm2Rz7Vx3Nb8Hd6Jc" // not a secret\n', 'alerts.go')).toEqual([]);
  });

  it('reports a Django secret key in a dotenv file whole, up to the end of its line', () => {
    const key = 'Hp3Vq8Lm2Zx7Rk4Wn9Tc6Bd=Jf&mQ2(Yt)';
    expect(values(`DJANGO_SECRET_KEY=${key}\nDEBUG=false\n`, '.env')).toEqual([key]);
  });

  it('leaves a list of column names under a name for a deny, block or allow list', () => {
    expect(values('[mask]\npassword_column_denylist = password,password_digest,pin\n', 'etl.cfg')).toEqual([]);
    expect(values('TOKEN_FIELDS_ALLOW_LIST=token_id,token_type\n', '.env')).toEqual([]);
    expect(values('SECRET_COLUMNS: secret_hash, secret_salt\n', 'mask.yml')).toEqual([]);
  });
});

describe('prose pairs and named values (r21b)', () => {
  const rules = (text: string, file: string) => detect(text, { file }).map((f) => [f.rule, text.slice(f.start, f.end)]);
  const values = (text: string, file: string) => detect(text, { file }).map((f) => text.slice(f.start, f.end));

  it('takes a new key "set to" a value, on the same line or the next', () => {
    expect(values('The partner webhook secret expired in May. New one was\nset to `Rq8vZ2mK_t7Lw3Xn9Pb4Hc6Jd1` -- keep it in the vault.\n', 'docs/run.md')).toContain('Rq8vZ2mK_t7Lw3Xn9Pb4Hc6Jd1');
    expect(values('The relay token was rotated. The new one is set to `Rq8vZ2mK_t7Lw3Xn9Pb4Hc6Jd1` now.\n', 'docs/run.md')).toContain('Rq8vZ2mK_t7Lw3Xn9Pb4Hc6Jd1');
    expect(values('The cache key changed. New one was\nset to `build-2024-06-01-linux-x64`.\n', 'docs/run.md')).toEqual([]);
  });

  it('takes a password "is set to" a value in the clause that names it', () => {
    expect(rules('The kiosk password for new tills is set to `Fern!qwTRZB48%` by the installer.\n', 'docs/setup.md')).toContainEqual(['secret-it-is-prose', 'Fern!qwTRZB48%']);
    for (const s of [
      'The password policy is set to `min-length-14` for all users.',
      'The password field, once saved, is set to `Fern!qwTRZB48%` by the form.',
      'The kiosk password is set to `<from the vault>` by the installer.',
    ]) expect(rules(s + '\n', 'docs/setup.md').filter(([r]) => r === 'secret-it-is-prose'), s).toEqual([]);
  });

  it('takes a token given in brackets a few words after its noun, not a commit\'s id there', () => {
    const hex = '4e7a91c03b5d28f6e1b4c9a0d7f3e2b85c6a1d09';
    expect(values(`Never paste the live token from the onboarding mail (\`${hex}\`) into tickets.\n`, 'docs/api.md')).toContain(hex);
    for (const s of [
      `The token fix landed in commit (\`${hex}\`) last week.`,
      `We rotated the token, see the commit (\`${hex}\`).`,
      `The public key from the mail (\`${hex}\`) is fine to share.`,
    ]) expect(rules(s + '\n', 'docs/api.md').filter(([r]) => r === 'secret-it-is-prose'), s).toEqual([]);
  });

  it('takes a secret named right before "until …:" and its value in code marks, an ArcGIS token\'s two dots and all', () => {
    const arc = 'Tz4Lq8Wm2Rk6Vn0Xp3Hb7Jc1Fd5Gs9Ya2Ue4Oi8_Pw3Tq7Lm1Zr5Vx9Nb';
    expect(values(`The mapping team's ArcGIS token until the migration lands: \`${arc}..\`\n`, 'docs/keys.md')).toContain(`${arc}..`);
    expect(values('The old OAuth client secret until we switch providers: `Hq7Nz2Vw5Lk9Rt3Mb8Xc4Pd6`.\n', 'docs/keys.md')).toContain('Hq7Nz2Vw5Lk9Rt3Mb8Xc4Pd6');
    for (const s of [
      'Keep the token until the job ends: `build-2024-06-01-linux-x64`.',
      'The token is valid until renewal: `Hq7Nz2Vw5Lk9Rt3Mb8Xc4Pd6`.',
    ]) expect(rules(s + '\n', 'docs/keys.md').filter(([r]) => r === 'secret-it-is-prose'), s).toEqual([]);
  });

  it('takes a password after a user named as one and a slash wrapped onto the next line', () => {
    expect(rules('Upload the batch with the partner user `edi_feed` /\n   `Lk7vW2-qRt9Zm4`.\n', 'docs/run.md')).toContainEqual(['account-slash-password', 'Lk7vW2-qRt9Zm4']);
    expect(rules('Upload the batch with the partner user `edi_feed` /\n   Lk7vW2-qRt9Zm4 rotates monthly.\n', 'docs/run.md').filter(([r]) => r === 'account-slash-password')).toEqual([]);
    expect(rules('The output goes to `dist` /\n   `build-2024_v2`.\n', 'docs/run.md').filter(([r]) => r === 'account-slash-password')).toEqual([]);
  });

  it('takes a user:password pair in brackets after a URL', () => {
    expect(rules('Status page: http://gw.corp.example:8001/health (monitor:Vq3.Tr!m8Lw).\n', 'docs/ops.md')).toContainEqual(['url-bracketed-login', 'Vq3.Tr!m8Lw']);
    for (const s of ['Docs: https://docs.example.org/api (see:Section4.2)', 'http://gw.internal/status (admin:<ask ops>)', 'http://gw.internal/status (admin:password)']) {
      expect(rules(s + '\n', 'docs/ops.md').filter(([r]) => r === 'url-bracketed-login'), s).toEqual([]);
    }
  });

  it('leaves a commit\'s id given as the subject of a clause that names keys, after its verb or its label\'s colon', () => {
    const hex = '0c4b5a1f7e2d9c8b3a6f5e4d1c0b9a8f7e6d5c4b';
    expect(values(`The release commit that rotated the old keys is ${hex}.\n`, 'docs/policy.md')).toEqual([]);
    expect(values(`The merge commit which added the webhook tokens: ${hex}.\n`, 'docs/policy.md')).toEqual([]);
    expect(values(`- commit that moved the API key: \`${hex.slice(0, 12)}\`\n`, 'docs/policy.md')).toEqual([]);
    expect(values('- commit that moved the API key: Vb7Qm2Xr9Lt4Wz8Kn3Hd6Jc5\n', 'docs/policy.md')).toEqual(['Vb7Qm2Xr9Lt4Wz8Kn3Hd6Jc5']);
    expect(values('The signing key is Vb7Qm2Xr9Lt4Wz8Kn3Hd6Jc5.\n', 'docs/policy.md')).toContain('Vb7Qm2Xr9Lt4Wz8Kn3Hd6Jc5');
  });

  it('leaves a table row whose own note says its value is no key', () => {
    const table = (note: string) => `| Consumer | Key | Notes |\n|---|---|---|\n| Bus app | \`6f1d2c3b-8a9e-4f70-b1c2-d3e4f5a6b7c8\` | ${note} |\n`;
    expect(values(table('the consumer id, not a key'), 'docs/keys.md')).toEqual([]);
    expect(values(table('non-secret, safe to share'), 'docs/keys.md')).toEqual([]);
    expect(values(table('rotate quarterly'), 'docs/keys.md')).toContain('6f1d2c3b-8a9e-4f70-b1c2-d3e4f5a6b7c8');
  });
});

describe("settings for an X12 interchange header's credentials (ISA02, ISA04)", () => {
  const values = (text: string, file: string): string[] => detect(text, { file }).map((f) => text.slice(f.start, f.end));

  it('reads the authorization and security information set by name, in INI, YAML, JSON and env files', () => {
    expect(values('[x12]\nisa_sender_id = ACMEDENTAL\nisa_auth_info = R7KM2QX9TB\n', 'edi/claims.cfg')).toEqual(['R7KM2QX9TB']);
    expect(values('x12:\n  isa04: "Wd4Nz8Qp"\n', 'config/edi.yml')).toEqual(['Wd4Nz8Qp']);
    expect(values('{"isaSecurityInformation": "K2vT9mRx5L"}\n', 'partner.json')).toEqual(['K2vT9mRx5L']);
    expect(values('ISA_AUTHORIZATION_INFORMATION=Q5WB8ZN3KD\n', '.env')).toEqual(['Q5WB8ZN3KD']);
  });

  it('leaves the ids, the qualifiers, blanks, words and values longer than the element', () => {
    expect(values('isa_sender_id = R7KM2QX9TB\nisa_receiver_id = 9QW2ER7TYU\n', 'claims.cfg')).toEqual([]);
    expect(values('isa_auth_info_qualifier = 03\nisa_security_info_qualifier = 01\n', 'claims.cfg')).toEqual([]);
    expect(values('isa_auth_info = SENDERID\nisa_security_info = 0000000000\n', 'claims.cfg')).toEqual([]);
    expect(values('isa04 = Wd4Nz8QpLm3X7\n', 'claims.cfg')).toEqual([]);
    expect(values('visa02 = Wd4Nz8Qp\n', 'cards.cfg')).toEqual([]);
  });
});

describe('a setter named for a kind of secret', () => {
  it('reports the literal given to a signing, webhook or admin secret setter, and leaves the ids beside it', () => {
    const java = [
      'Courier courier = new Courier();',
      'courier.setDeveloperId("4b8e2f1a-7c3d-4e96-b05a-1d9c8e7f6a23");',
      'courier.setKeyId("9f3a6d2c-1b7e-4c85-a4d0-3e8b7c6f5a19");',
      'courier.setSigningSecret("Vr7kQ2xLm9Tz4Wn8Pb3Hc6Jd1Fs5Yg0Ae2Ku7");',
      'hooks.setWebhookSecret("whk-Nq5Rt8Lm2Xz7Vb4Pc9");',
      'db.setAdminPassword("Gm4!Tarn-Wq8z");',
      '',
    ].join('\n');
    expect(found(java, 'CourierConfig.java').map(([, v]) => v)).toEqual(['Vr7kQ2xLm9Tz4Wn8Pb3Hc6Jd1Fs5Yg0Ae2Ku7', 'whk-Nq5Rt8Lm2Xz7Vb4Pc9', 'Gm4!Tarn-Wq8z']);
  });

  it('leaves variables, labels and placeholders given to such setters', () => {
    const java = ['courier.setSigningSecret(env.get("SIGNING_SECRET"));', 'form.setAdminPasswordLabel("Admin password");', 'hooks.setWebhookSecret("your-webhook-secret");', ''].join('\n');
    expect(found(java, 'CourierConfig.java').map(([, v]) => v)).toEqual([]);
  });
});

describe('a key named in prose with a clause saying it got out, then its value', () => {
  it('reports the code span after "the … key that was printed:"', () => {
    const md = [
      '## Follow-ups',
      '',
      '- Rotate the analytics write key that was also printed: `Pz4kWq8Rn2Lx7Vc5Tb9Hm3Jd6Fs1Yg0A`.',
      '- Revoke the deploy token which got logged to the CI output: `Mv7Qa2Zr9Kt4Wn8Lp3Xc`.',
      '',
    ].join('\n');
    expect(found(md, 'ops/incidents/2025-03-outage.md').map(([, v]) => v)).toEqual(['Pz4kWq8Rn2Lx7Vc5Tb9Hm3Jd6Fs1Yg0A', 'Mv7Qa2Zr9Kt4Wn8Lp3Xc']);
  });

  it('leaves such a clause with no value in a code span after it, or a variable there', () => {
    const md = ['- The write key that was printed: see the job log for run 4411.', '- Rotate the deploy token that got logged: `$DEPLOY_TOKEN`.', ''].join('\n');
    expect(found(md, 'ops/incidents/2025-03-outage.md')).toEqual([]);
  });
});

describe('a curl user kept in a variable, a header named for an API, a short letter key, a session in a dotenv file (blind sets 165, 170, 173)', () => {
  const values = (text: string, file: string) => found(text, file).map(([, v]) => v);

  it('reads the password that curl -u is given after a user kept in a variable', () => {
    expect(values('curl -u "$ARTIFACTORY_USER:Vb-_KrtwqpHO.Lmexd7" -T build/fw.bin "$URL/fw/"\n', 'ci/build.sh')).toEqual(['Vb-_KrtwqpHO.Lmexd7']);
    expect(values('curl --user ${NEXUS_USER}:Rk4.wPz8-Lq2Vn https://nexus.example/repository/raw/\n', 'publish.sh')).toEqual(['Rk4.wPz8-Lq2Vn']);
  });

  it('leaves a curl user and password both in variables, and a user and a group given to docker', () => {
    expect(values('curl -u "$NEXUS_USER:$NEXUS_PASSWORD" https://x\n', 'publish.sh')).toEqual([]);
    expect(values('curl -u "${CI_USER}:${CI_TOKEN}" https://x\n', 'publish.sh')).toEqual([]);
    expect(values('docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/src" builder\n', 'build.sh')).toEqual([]);
    expect(values('docker exec -u "$APP_USER:www-data" app php artisan migrate\n', 'deploy.sh')).toEqual([]);
    expect(values('docker exec -u root:www-data app ls\n', 'deploy.sh')).toEqual([]);
  });

  it('reads the value of a custom header named for an API, in a headers object or a curl -H', () => {
    const key = '3xXUmxeEWTYafx3a7O0tjM3SIDs7BQJ5B50po1Gt5ZPSoB5K';
    const ts = ['const res = await fetch(LICENSE_URL, {', '  method: "POST",', '  headers: {', `    "x-drmtoday-api": "${key}",`, '  },', '});', ''].join('\n');
    expect(values(ts, 'src/drm/widevine.ts')).toEqual([key]);
    expect(values(`curl -H 'X-Acme-Api: ${key}' https://api.acme.example/v2/assets\n`, 'notes.md')).toEqual([key]);
  });

  it('leaves a header named for an API that holds a flag, a version or a URL, and other names that end in -api', () => {
    expect(values('const headers = { "x-internal-api": "true", "X-Api": "v2" };\n', 'client.ts')).toEqual([]);
    expect(values('headers: {"x-partner-api": "https://partner.example.com/api/v1"}\n', 'client.ts')).toEqual([]);
    expect(values('"x-amazon-apigateway-api-key-source": "HEADER",\n', 'openapi.json')).toEqual([]);
    expect(values('const service = "payments-api";\nconst base = "https://rest-api.example.com/v1";\n', 'client.ts')).toEqual([]);
  });

  it('reads sixteen letters drawn at random under a plain key name, with no digit among them', () => {
    expect(values('EXCHANGE_APP_KEY = "ioOZiPMSLHiJKXbj"\n', 'odds/settings.py')).toEqual(['ioOZiPMSLHiJKXbj']);
  });

  it('leaves letters that read as an identifier, words or a weak key name', () => {
    // An identifier with acronyms, camelCase words, words in capitals.
    expect(values('API_KEY = "LLVMGetHostCPUName"\n', 'settings.py')).toEqual([]);
    expect(values('API_KEY = "xmlSecOpenSSLAppKeyLoadBIO"\n', 'settings.py')).toEqual([]);
    expect(values('APP_KEY = "PutYourAppKeyHere"\n', 'settings.py')).toEqual([]);
    expect(values('APP_KEY = "EXCHANGEAPPKEYPROD"\n', 'settings.py')).toEqual([]);
    // A bare `key` asks for more than letters.
    expect(values('key = "ioOZiPMSLHiJKXbj"\n', 'settings.py')).toEqual([]);
  });

  it("reads a draw of letters under a vendor's KEY in a dotenv file, where the weak name elsewhere asks for more", () => {
    expect(values('SCOUT_DRIVER=meilisearch\nMEILISEARCH_KEY=wmnlqcbGecfYgNaxYNVUZaNo\n', 'app/.env')).toEqual(['wmnlqcbGecfYgNaxYNVUZaNo']);
    expect(values('SEARCH_KEY=ioOZiPMSLHiJKXbj\n', 'config/.env.production')).toEqual(['ioOZiPMSLHiJKXbj']);
    // Outside a dotenv file the weak name stays weak; inside it, names and words stay names.
    expect(values('MEILISEARCH_KEY = "wmnlqcbGecfYgNaxYNVUZaNo"\n', 'settings.py')).toEqual([]);
    expect(values('SORT_KEY=createdAtDescending\nSEARCH_KEY=ThisIsTheSearchKeyName\nCACHE_KEY=LLVMGetHostCPUName\n', 'app/.env')).toEqual([]);
  });

  it('reads a session token or a saved session in a dotenv file, under a name that ends in SESSION', () => {
    expect(values('EXCHANGE_SESSION=TFlmNlhXTmh4WWRaSXJzTFdoQWxzZ2hPS3p1Mm5k\n', 'odds-feed/.env')).toEqual(['TFlmNlhXTmh4WWRaSXJzTFdoQWxzZ2hPS3p1Mm5k']);
    expect(values('export TG_STRING_SESSION="1BVtsOKABu3kx9Lq2mW7vR4pN8zT5yH0cJ6dF1gS3aQ"\n', '.env.production')).toEqual(['1BVtsOKABu3kx9Lq2mW7vR4pN8zT5yH0cJ6dF1gS3aQ']);
    expect(values("SESSION_STRING='BQC9xLq2mW7vR4pN8zT5yH0cJ6dF1gS3aQ' # pyrogram\n", 'bot.env')).toEqual(['BQC9xLq2mW7vR4pN8zT5yH0cJ6dF1gS3aQ']);
  });

  it('leaves session settings, commented lines, and a session name outside a dotenv file', () => {
    const env = ['SESSION=cookie', 'SESSION_DRIVER=redis', 'SESSION_LIFETIME=120', 'TMUX_SESSION=dev-workspace-main', 'REDIS_SESSION=redis://cache:6379/2', 'APP_SESSION=session_store_cookie_main', '# EXCHANGE_SESSION=TFlmNlhXTmh4WWRaSXJzTFdoQWxzZ2hPS3p1Mm5k', ''].join('\n');
    expect(values(env, '.env')).toEqual([]);
    expect(values('EXCHANGESESSION=TFlmNlhXTmh4WWRaSXJzTFdoQWxzZ2hPS3p1Mm5k\n', '.env')).toEqual([]);
    expect(values('EXCHANGE_SESSION=TFlmNlhXTmh4WWRaSXJzTFdoQWxzZ2hPS3p1Mm5k\n', 'notes.txt')).toEqual([]);
  });
});
