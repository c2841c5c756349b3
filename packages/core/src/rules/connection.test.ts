import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDetector } from '../detector.js';

const detector = createDetector();
const findings = (text: string, file = 'app.cfg') =>
  detector.detect(text, { file }).map((f) => ({ rule: f.rule, category: f.category, text: text.slice(f.start, f.end) }));

describe('url-credentials whose host is a template', () => {
  it('reports the written password when the host is interpolated', () => {
    const shell = 'psql "postgresql://report_ro:Tamarind^Quill^41@${PGHOST}:5432/sales" -c "select 1"\n';
    const found = findings(shell, 'scripts/check.sh');
    expect(found).toHaveLength(1);
    expect(found[0]!.text).toContain('report_ro:Tamarind^Quill^41@');
    expect(findings('AMQP_URL=amqp://worker:Lq8vR2nX7pZc@$MQ_HOST:5672/\n', 'deploy.sh').map((f) => f.rule)).toContain('url-credentials');
    expect(findings('url: "redis://:Wm4tK9zQ2hVb@{{ .Values.redisHost }}:6379"\n', 'values.yaml').map((f) => f.rule)).toContain('url-credentials');
  });

  it('still reports nothing when the password is a template too', () => {
    expect(findings('postgres://app:${DB_PASSWORD}@${DB_HOST}:5432/app\n', 'env.sh')).toEqual([]);
    expect(findings('mongodb://{{ user }}:{{ password }}@{{ host }}/db\n', 'values.yaml')).toEqual([]);
  });
});

describe('url-credentials with a raw @ in the password', () => {
  it('reads the password up to the last @ that a host follows when no host follows the first', () => {
    const amqp = 'amqp://airflow:Kd4@Wq7!Zx2#Rt9m@b-1f2e.mq.eu-west-1.amazonaws.com:5672/airflow';
    expect(findings(`broker_url = ${amqp}\n`)).toEqual([{ rule: 'url-credentials', category: 'CONN', text: amqp }]);
    const pg = 'postgresql://etl_loader:Hv5@Qn2^Lw8xTc4z@warehouse.example.com:5432/warehouse?sslmode=require';
    expect(findings(`    'url' => '${pg}',\n`, 'config/database.php')).toEqual([{ rule: 'url-credentials', category: 'CONN', text: pg }]);
    const ipv6 = 'redis://:Zq8@mP2!xL9r@[fd12:3456::5]:6379/0';
    expect(findings(`${ipv6}\n`).map((f) => f.text)).toContain(ipv6);
  });

  it('keeps the first @ when a host follows it, so an @ later in the path or query is no part of the password', () => {
    const url = 'https://deploy:Vb7Nq2Xz9k@git.example.com/users/ops@example.com?notify=dev@example.com';
    expect(findings(`remote = ${url}\n`)).toEqual([{ rule: 'url-credentials', category: 'CRED', text: url }]);
  });

  it('ends the URL before a fragment that is the checksum of the file it fetches', () => {
    const conda = 'https://mirror-bot:Tq6!zR2m-Wk9@pkgs.example.org/lab/noarch/tools-1.2.0-py_0.tar.bz2';
    expect(findings(`${conda}#0c4f5e1b9a7d3e2c8f6a1b0d9e7c5a3f\n`, 'explicit.txt')).toEqual([{ rule: 'url-credentials', category: 'CRED', text: conda }]);
    const pip = 'https://ci:Hm3vQ8xL2pWz@pypi.example.org/packages/acme_sdk-2.0.tar.gz';
    const sha = 'b7e2c91f04d85a36e1f0c7b29d4a86e53f1c0b98a27d64e5c3f1a0b9d8e7c6a5';
    expect(findings(`${pip}#sha256=${sha}\n`, 'requirements.txt')).toEqual([{ rule: 'url-credentials', category: 'CRED', text: pip }]);
    // Any other fragment stays part of the URL: it may carry a token of its own.
    const route = 'https://ops:Jx4nW9qL2vRt@dash.example.org/#/settings?tab=keys';
    expect(findings(`${route}\n`)).toEqual([{ rule: 'url-credentials', category: 'CRED', text: route }]);
  });

  it('finds nothing in addresses that only look like userinfo', () => {
    const text = [
      'git@github.com:acme/storefront.git',
      'ssh://git@github.com:acme/storefront.git',
      'https://example.com/team/@alice/profile',
      'mailto:ops@example.com',
      'postgres://app:${DB_PASSWORD}@db.example.com:5432/app',
      'amqp://guest:guest@rabbitmq:5672/',
    ].join('\n');
    expect(findings(text)).toEqual([]);
  });

  it('spans the whole URL for any password whose inner @s no host follows', () => {
    const piece = fc.string({ unit: fc.constantFrom(...'AbQz0479!^~'), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 3 }), (pieces) => {
        const url = `amqps://svc_worker:Kd4Wq7Zx${pieces.map((p) => `@${p}`).join('')}@mq.example.com:5671/vhost`;
        expect(findings(`BROKER=${url}\n`)).toEqual([{ rule: 'url-credentials', category: 'CONN', text: url }]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('url-credentials whose password repeats the user name', () => {
  it('leaves a development default named in words alone, however long the name', () => {
    expect(findings('DATABASE_URL=postgres://billing_worker:billing_worker@localhost:5432/billing\n', '.env.example')).toEqual([]);
    expect(findings('redis_url: redis://cache-admin:cache-admin@redis:6379/0\n', 'docker-compose.yml')).toEqual([]);
  });

  it('still reports a generated password that the user name happens to repeat, and one that differs from it', () => {
    const repeated = 'postgres://Xq7vT2mLp9Rz:Xq7vT2mLp9Rz@db.example.net:5432/app';
    expect(findings(`url = ${repeated}\n`).map((f) => f.text)).toEqual([repeated]);
    const distinct = 'postgres://billing_worker:Tundra-Anvil-6612@localhost:5432/billing';
    expect(findings(`DATABASE_URL=${distinct}\n`, '.env').map((f) => f.text)).toEqual([distinct]);
  });
});

describe('webhook-url-token', () => {
  it('reports the generated path segment of a hook URL, not the rest of the URL', () => {
    const text = 'curl -fsS -X POST "https://hooks.example-corp.com/deploy/k3vq08w7rwkd1p28dfi97b4rf1v372zxnc9dzlc" -d "env=production"\n';
    expect(findings(text, 'deploy.sh')).toEqual([{ rule: 'webhook-url-token', category: 'TOKEN', text: 'k3vq08w7rwkd1p28dfi97b4rf1v372zxnc9dzlc' }]);
    const yaml = 'notify:\n  url: https://ci.example.com/webhooks/build/Tq7Wm2Xk9Lp4Zr8Vn3Bc6Hd1Fg5Jy0Qa?branch=main\n';
    expect(findings(yaml, 'ci.yml').map((f) => f.text)).toEqual(['Tq7Wm2Xk9Lp4Zr8Vn3Bc6Hd1Fg5Jy0Qa']);
  });

  it('leaves hook URLs without a generated segment, hook ids and code paths alone', () => {
    const text = [
      'https://hooks.example.com/notify',
      'https://api.example.com/webhooks/stripe-payment-intent-succeeded',
      'https://hooks.example.com/notify/4ea38b7b-f563-4709-8bae-87aeaf14f0c1',
      'https://dashboard.stripe.com/webhooks/we_1NqLk2Hx8Yz3Ab4Cd5Ef6Gh7',
      'https://gitlab.example.com/api/v4/projects/42/hooks/17',
      "import { useSession } from '../webhooks/useSessionRefresh2024Handler'",
      'https://api.example.com/v2/Tq7Wm2Xk9Lp4Zr8Vn3Bc6Hd1Fg5Jy0Qa/webhooks/',
    ].join('\n');
    expect(findings(text, 'notes.md')).toEqual([]);
  });
});

describe('url-password-joined', () => {
  const values = (text: string, file: string) => detector.detect(text, { file }).map((f) => text.slice(f.start, f.end));

  it('reports the password literal that code joins between the user and the host', () => {
    const ts = 'export function adminDsn(): string {\n  return "postgresql://dash_admin:" + "nDO6y5zXEQa4%8NG!BlEA-" + "@pg-fleet.db.example.com:5432/fleet";\n}\n';
    expect(values(ts, 'src/config.ts')).toEqual(['nDO6y5zXEQa4%8NG!BlEA-']);
    expect(values("$dsn = 'mysql://app:' . 'Kelp!Harrow-83' . '@db1.example.com/app';\n", 'config.php')).toEqual(['Kelp!Harrow-83']);
    expect(values('const char *url = "mqtts://gw:" "Br4ss-Kettle!9" "@broker.example.com:8883";\n', 'cloud.c')).toEqual(['Br4ss-Kettle!9']);
  });

  it('leaves a variable, an interpolation and pieces that are no password alone', () => {
    const ts = [
      'const a = "postgresql://dash_admin:" + password + "@pg.example.com:5432/fleet";',
      'const b = "redis://cache:" + "${REDIS_PASSWORD}" + "@cache.example.com:6379";',
      'const c = "https://" + "example.com" + "/path";',
      'const d = "http://host:" + "8080" + "@x";',
    ].join('\n');
    expect(values(ts, 'src/urls.ts')).toEqual([]);
  });
});

describe('a URL password interpolated through an escaping call', () => {
  it("reports the literal that a template's encodeURIComponent passes into the URL", () => {
    const ts = 'const url = `postgresql://reports:${encodeURIComponent("Gv7Lq2Wz9Rk4Tn")}@pg.internal:5432/app`;\n';
    expect(findings(ts, 'db.ts').map((f) => f.rule)).toEqual(['url-credentials']);
  });
  it('leaves an interpolated variable', () => {
    const ts = 'const url = `postgresql://reports:${encodeURIComponent(process.env.PGPASSWORD)}@pg.internal:5432/app`;\n';
    expect(findings(ts, 'db.ts').filter((f) => f.rule === 'url-credentials')).toEqual([]);
  });
});

describe('a VCS URL pinned to a commit', () => {
  it('ends the credentials before the commit pip checks out, and keeps a tag as part of the URL', () => {
    const url = 'git+https://ci-bot:Wq7Lm2Zx9Rv4Tk8N@git.example.org/platform/rates.git';
    const sha = '3f9c2a71d05e84b6c1a09e7d2f5b8c4a6e1d0b93';
    expect(findings(`rates @ ${url}@${sha}\n`, 'requirements.txt')).toEqual([{ rule: 'url-credentials', category: 'CRED', text: url }]);
    expect(findings(`rates @ ${url}@${sha}#egg=rates\n`, 'requirements.txt')).toEqual([{ rule: 'url-credentials', category: 'CRED', text: url }]);
    const tagged = `${url}@v2.4.1`;
    expect(findings(`rates @ ${tagged}\n`, 'requirements.txt')).toEqual([{ rule: 'url-credentials', category: 'CRED', text: tagged }]);
    // Only a VCS scheme has a revision after its path: elsewhere an `@` there is the path's.
    const plain = `https://ci-bot:Wq7Lm2Zx9Rv4Tk8N@git.example.org/platform/rates@${sha}`;
    expect(findings(`remote = ${plain}\n`)).toEqual([{ rule: 'url-credentials', category: 'CRED', text: plain }]);
  });

  it("reads a URL's user as a name whose value is the password alone, not the host and revision after it", () => {
    const text = 'rates @ git+https://deploy-token:Wq7Lm2Zx9Rv4Tk8N@git.example.org/platform/rates.git@3f9c2a71d05e84b6c1a09e7d2f5b8c4a6e1d0b93\n';
    const generic = createDetector().detect(text, { file: 'requirements.txt' });
    expect(generic.map((f) => text.slice(f.start, f.end))).toEqual(['git+https://deploy-token:Wq7Lm2Zx9Rv4Tk8N@git.example.org/platform/rates.git']);
  });
});

describe('url-credentials on a service the text also reaches without credentials', () => {
  it('reports the user and password alone when the same scheme and host are written in the clear elsewhere', () => {
    const conf = '[upstream]\nurl = ntrip://skyfield:9SPYG0Ifb_CIVn@rtk2go.com:2101/SKY01\nfallback = ntrip://rtk2go.com:2101/PUBLIC\n';
    expect(findings(conf, 'ops/rtk/base-station.conf')).toEqual([{ rule: 'url-credentials', category: 'CRED', text: 'ntrip://skyfield:9SPYG0Ifb_CIVn' }]);
    const ci = 'git clone https://oauth2:Wq7Lm2Zx9Rv4Tk8N@git.example.org/platform/rates.git\n# docs: https://git.example.org/platform/rates/-/wikis\n';
    expect(findings(ci, 'ci.sh')).toEqual([{ rule: 'url-credentials', category: 'CRED', text: 'https://oauth2:Wq7Lm2Zx9Rv4Tk8N' }]);
  });

  it('keeps the whole URL when the host is named only with credentials, or in the clear by another scheme', () => {
    const url = 'ntrip://skyfield:9SPYG0Ifb_CIVn@caster.example.org:2101/SKY01';
    expect(findings(`url = ${url}\n`, 'base.conf')).toEqual([{ rule: 'url-credentials', category: 'CRED', text: url }]);
    expect(findings(`url = ${url}\nstatus = https://caster.example.org/status\n`, 'base.conf')).toEqual([{ rule: 'url-credentials', category: 'CRED', text: url }]);
    expect(findings(`url = ${url}\nother = ntrip://caster.example.org.mirror.net:2101/X\n`, 'base.conf')).toEqual([{ rule: 'url-credentials', category: 'CRED', text: url }]);
  });
});

describe('url-credentials with an empty host', () => {
  it("reports Airflow's connection URI for a cloud API, whose query follows the `@`", () => {
    const uri = 'aws://AKIAW4QZT7NP2XKD5RYB:Gm3%2Bq9Lz7%2FhT2mWcX9nKe3RbYj6sUaF0gQiE1oyP@/?region_name=eu-central-1';
    expect(findings(`AIRFLOW_CONN_AWS_ETL=${uri}\n`, '.env')).toEqual([{ rule: 'url-credentials', category: 'CRED', text: uri }]);
  });

  it('takes no `@/` without a password before it', () => {
    expect(findings('see https://example.com/@/?tab=1\n', 'notes.txt')).toEqual([]);
    expect(findings('AIRFLOW_CONN_AWS_ETL=aws://:${AWS_SECRET}@/?region_name=eu-central-1\n', '.env.sh')).toEqual([]);
  });
});

describe('an Azure SAS signature split from its query string by code', () => {
  it('reports the signature that opens the literal after `sig=" +`', () => {
    const kotlin = '    private val sas = "sv=2023-01-03&ss=b&srt=o&sp=rw&se=2026-03-31T00:00:00Z&spr=https&sig=" +\n        "Vb7Kq2Wm9Xz4Lp1Nt6Rd3Hs8Jf0Gc5Ya%2BeU7iO%3D"\n';
    expect(findings(kotlin, 'Upload.kt').map((f) => f.text)).toEqual(['Vb7Kq2Wm9Xz4Lp1Nt6Rd3Hs8Jf0Gc5Ya%2BeU7iO%3D']);
    const php = "$sas = 'sv=2023-01-03&sr=c&sp=r&se=2026-03-31&sig=' .\n    'Vb7Kq2Wm9Xz4Lp1Nt6Rd3Hs8Jf0Gc5Ya%2BeU7iO%3D';\n";
    expect(findings(php, 'upload.php').map((f) => f.text)).toEqual(['Vb7Kq2Wm9Xz4Lp1Nt6Rd3Hs8Jf0Gc5Ya%2BeU7iO%3D']);
  });

  it('reports nothing when a variable or a placeholder follows `sig=`', () => {
    expect(findings('val sas = "sv=2023-01-03&sp=rw&se=2026-03-31T00:00:00Z&sig=" +\n    signature\n', 'Upload.kt')).toEqual([]);
    expect(findings('val sas = "sv=2023-01-03&sp=rw&se=2026-03-31T00:00:00Z&sig=" + "<signature>"\n', 'Upload.kt')).toEqual([]);
  });
});

describe('url-credentials with a base64 password holding a raw slash', () => {
  it("reports a cache's generated base64 key pasted into the URL as it is", () => {
    const url = 'rediss://default:Hq4vN8xRt2Lm/Wz7Kb3Pc9+Yd1Fs6Ja0Ue5Go2Ti8QE=@scores-cache.redis.cache.windows.net:6380/0';
    expect(findings(`opt, _ := redis.ParseURL("${url}")\n`, 'store/redis.go')).toEqual([{ rule: 'url-credentials', category: 'CONN', text: url }]);
  });

  it('leaves a port and a path before an `@`, and a slashed password of words', () => {
    expect(findings('see "https://docs.example.com:8443/Guides/v2/Users4Admins@example.com" for more\n', 'notes.txt')).toEqual([]);
    expect(findings('url = "https://example.com:8080/api/v1/members/@me"\n', 'client.py')).toEqual([]);
    expect(findings('url = "rediss://default:aaaa/bbbb/cccc/dddd/eeee@cache.example.net:6380"\n', 'client.py')).toEqual([]);
  });
});

describe("oracle-connect-password: Oracle's user/password@db credential", () => {
  const passwords = (text: string, file = 'run.sh') => findings(text, file).filter((f) => f.rule === 'oracle-connect-password').map((f) => f.text);

  it('reports the password alone before an Easy Connect address, in a utility parameter or a Python driver call', () => {
    expect(passwords('LEDGER_DSN="gl_ro/Tz6~Marlin+Qo4@//gl-db03.fin.example:1521/GLPRD"\n')).toEqual(['Tz6~Marlin+Qo4']);
    expect(passwords("url = 'jdbc:oracle:thin:@//db:1521/X'\nORA_CONN=ops/Fen4^Rook-Ul@//10.9.8.7/OPS\n")).toEqual(['Fen4^Rook-Ul']);
    expect(passwords('impdp userid=dp_admin/"Hw2@Kestrel!9"@ARCH directory=DP\n')).toEqual(['Hw2@Kestrel!9']);
    expect(passwords('db = cx_Oracle.connect("lims/Rq5-Otter%Byre@labdb.example:1521/LIMS")\n', 'db.py')).toEqual(['Rq5-Otter%Byre']);
  });

  it('leaves variables, placeholders and paths or packages with an @ alone', () => {
    expect(passwords('LEDGER_DSN="gl_ro/$GL_PASSWORD@//gl-db03:1521/GLPRD"\n')).toEqual([]);
    expect(passwords('LEDGER_DSN="gl_ro/%GL_PW%@//gl-db03:1521/GLPRD"\n')).toEqual([]);
    expect(passwords('sqlldr userid=loader/your_password@STAGE\n')).toEqual([]);
    expect(passwords('pnpm add @tern/charts@4.2.0 && git clone https://h.example/a/b@//x\n')).toEqual([]);
    expect(passwords('The format is user/password@//host:port/service.\n', 'notes.md')).toEqual([]);
    expect(passwords('db = oracledb.connect(user=u, password=p, dsn="labdb/LIMS")\n', 'db.py')).toEqual([]);
  });
});

describe('oracle-connect-password on an Easy Connect address written without its //', () => {
  const passwords = (text: string, file = 'etl.py') => findings(text, file).filter((f) => f.rule === 'oracle-connect-password').map((f) => f.text);

  it('reads user/password before a host on an Oracle listener port and a service', () => {
    expect(passwords('MES_DSN = "LOTS/vT3.kqm8Xw2Lr@mesdb02.plant.example:1521/MESPRD"\n')).toEqual(['vT3.kqm8Xw2Lr']);
    expect(passwords('ARCHIVE = oracledb.connect(dsn="rpt_ro/Harrow-Kelp47@10.8.2.14:1522/RPT")\n')).toEqual(['Harrow-Kelp47']);
    expect(passwords("RPT_DSN = 'rpt_ro/Tundra+Quill93@rptdb.example:2484/RPT'\n")).toEqual(['Tundra+Quill93']);
  });

  it('leaves a path, a template and an address without a credential alone', () => {
    expect(passwords('MES_DSN = "LOTS/${MES_PW}@mesdb02.plant.example:1521/MESPRD"\n')).toEqual([]);
    expect(passwords('see wiki/oracle@mesdb02.plant.example:1521/MESPRD for the listener\n', 'notes.md')).toEqual([]);
    expect(passwords('MES_DSN = "mesdb02.plant.example:1521/MESPRD"\n')).toEqual([]);
  });
});

describe('query-secret-joined', () => {
  const keys = (text: string, file = 'client.py') => findings(text, file).filter((f) => f.rule === 'query-secret-joined').map((f) => f.text);

  it('reports the literal joined after a secret query parameter', () => {
    expect(keys('    endpoint = "https://ingest.example.org/v1/events?sig=" + "b7d40e19c2f85a36e1c09d47fa2b6e3815c0d9a4"\n')).toEqual(['b7d40e19c2f85a36e1c09d47fa2b6e3815c0d9a4']);
    expect(keys("$u = 'https://feeds.example.net/export?fmt=csv&api_key=' . 'Hq3vZ8mLx2Rk7Wp4Nb9Tc6Jd';\n", 'feed.php')).toEqual(['Hq3vZ8mLx2Rk7Wp4Nb9Tc6Jd']);
  });

  it('leaves a variable, a word and a parameter that is no secret alone', () => {
    expect(keys('endpoint = "https://ingest.example.org/v1/events?sig=" + sign(body)\n')).toEqual([]);
    expect(keys('endpoint = "https://ingest.example.org/v1/events?key=" + "quarterly_revenue_report"\n')).toEqual([]);
    expect(keys('endpoint = "https://ingest.example.org/v1/events?page=" + "b7d40e19c2f85a36e1c09d47fa2b6e3815c0d9a4"\n')).toEqual([]);
  });
});

describe("a credential URL's end, read within the URL's own run", () => {
  it('keeps a closing parenthesis that one opened inside the URL, and drops the sentence\'s', () => {
    const wiki = 'https://ci:Wq7Lm2Zx9Rv4Tk8N@wiki.example.org/Foo_(bar)';
    expect(findings(`see ${wiki}.\n`, 'notes.txt')).toEqual([{ rule: 'url-credentials', category: 'CRED', text: wiki }]);
    const plain = 'https://ci:Wq7Lm2Zx9Rv4Tk8N@wiki.example.org/Foo';
    expect(findings(`(see ${plain})\n`, 'notes.txt')).toEqual([{ rule: 'url-credentials', category: 'CRED', text: plain }]);
    expect(findings(`(see ${plain})).\n`, 'notes.txt')).toEqual([{ rule: 'url-credentials', category: 'CRED', text: plain }]);
    // A `(` before the URL's run opens nothing inside it.
    expect(findings(`f(${plain}))\n`, 'notes.txt')).toEqual([{ rule: 'url-credentials', category: 'CRED', text: plain }]);
  });

  it('ends before a checksum fragment only within a digest\'s reach of the end', () => {
    const url = 'https://ci:Wq7Lm2Zx9Rv4Tk8N@conda.example.org/pkgs/numpy-1.26.conda';
    expect(findings(`${url}#${'a1'.repeat(16)}\n`, 'explicit.txt')).toEqual([{ rule: 'url-credentials', category: 'CRED', text: url }]);
    const long = `${url}#notes/${'x'.repeat(140)}`;
    expect(findings(`${long}\n`, 'explicit.txt')).toEqual([{ rule: 'url-credentials', category: 'CRED', text: long }]);
  });

  it('reads a bracketed host only when its `]` closes within an address\'s length', () => {
    const v6 = 'postgres://app:Wq7Lm2Zx9Rv4Tk8N@[2001:db8::5]:5432/app';
    expect(findings(`DATABASE_URL=${v6}\n`, 'app.cfg')).toEqual([{ rule: 'url-credentials', category: 'CONN', text: v6 }]);
  });
});

describe('a URL of several hosts read from its first host and port (pydantic, MongoDB seed lists)', () => {
  const rules = (text: string): string[] => detector.detect(text, { file: 'networks.py' }).filter((f) => f.rule === 'url-credentials').map((f) => text.slice(f.start, f.end));
  it("takes the user and password of the last host only, and leaves a stand-in pair or none", () => {
    expect(rules("mhu = MultiHostUrl('https://foo.com:123,foo:bar@bar.com/path')\n")).toEqual([]);
    expect(rules("seeds = 'https://db1.acme.io:8443,db3.acme.io:8443@db2.acme.io/path'\n")).toEqual([]);
    expect(rules("url = 'https://db1.acme.io:8443,svc:Xk2mP9qR7v@db2.acme.io/path'\n")).toEqual(['https://db1.acme.io:8443,svc:Xk2mP9qR7v@db2.acme.io/path']);
    // A password that only opens with digits and a comma, under a user that is no host's name, is still read whole.
    expect(rules("url = 'https://svc:123,Xk2mP9qR7v@db2.acme.io/path'\n")).toEqual(["https://svc:123,Xk2mP9qR7v@db2.acme.io/path"]);
  });
});

describe("kdb-handle-password: a kdb+ handle's login", () => {
  const passwords = (text: string, file = 'tick/rdb.q') => findings(text, file).filter((f) => f.rule === 'kdb-handle-password').map((f) => f.text);
  it('reads the password of a handle q opens, as a symbol, a cast string or a string with a timeout', () => {
    expect(passwords('h:hopen `$":tp.hcx.corp:5010:svc_rdb:rdbSvc-9oct";\n')).toEqual(['rdbSvc-9oct']);
    expect(passwords('h:hopen `:kdb-hdb01:5012:risk_ro:hdbReader!7\n')).toEqual(['hdbReader!7']);
    expect(passwords('h:hopen (":tp.corp:5010:svc:Roll-Yield_33";5000)\n')).toEqual(['Roll-Yield_33']);
    expect(passwords('.conf.hdb:`::5012:quant_rw:Contango2024;\n')).toEqual(['Contango2024']);
    expect(passwords('    conn = f"hopen `:tp.corp:5010:svc:Backwardation!5"\n', 'feed.py')).toEqual(['Backwardation!5']);
  });
  it('leaves a handle with no login, a password read at run time, stand-ins and a value with more colons', () => {
    expect(passwords('h:hopen `:tp.hcx.corp:5010\nh2:hopen `:tp.hcx.corp:5010:svc_rdb\n')).toEqual([]);
    expect(passwords('h:hopen `$":tp:5010:svc:",getenv`KDB_PW\n')).toEqual([]);
    expect(passwords('h:hopen `:tp:5010:svc:password\nh:hopen `:tp:5010:svc:<password>\n')).toEqual([]);
    expect(passwords('h:hopen `:tp:5010:svc:pw:extra\n')).toEqual([]);
  });
});
