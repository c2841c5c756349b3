import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';
import { hasReplyMark } from './tabular.js';

describe('hasReplyMark', () => {
  it('agrees with the regex it replaces on any mix of parentheses, blanks and quotes', () => {
    const piece = fc.constantFrom(')', ' ', '\t', '"', '1', 'a', '\n', ')  ', '    ', ') "');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        expect(hasReplyMark(text)).toBe(/\)[ \t]{1,4}"/.test(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds redis-cli reply items and leaves prose alone', () => {
    expect(hasReplyMark('1) "api_token"\n2) "s3cr3t"')).toBe(true);
    expect(hasReplyMark('call f(x) "quoted" later')).toBe(true);
    expect(hasReplyMark('f(x)     "five blanks"')).toBe(false);
    expect(hasReplyMark('(see above) and then ")"')).toBe(false);
  });
});

describe('SQL inserts with a column list', () => {
  const found = (text: string) => detect(text, { file: 'seed.sql' }).filter((f) => f.rule === 'sql-insert-column-credential').map((f) => text.slice(f.start, f.end));

  it('reads rows that call a function without arguments, such as now()', () => {
    const sql = "INSERT INTO integrations (id, provider, api_key, api_secret, created_at) VALUES\n  ('c1', 'payments', 'Pq7-Vz2Lm9Xw4Kt8Rb3Nc6Hd1Fj5Gs0Ya', 'Wt4-Lq8Zx2Vn6Bp0Rk3Ym7Hc5Jd9Fs1Ga', now()),\n  ('c2', 'example', 'EXAMPLE_API_KEY', NULL, now());\n";
    expect(found(sql)).toEqual(['Pq7-Vz2Lm9Xw4Kt8Rb3Nc6Hd1Fj5Gs0Ya', 'Wt4-Lq8Zx2Vn6Bp0Rk3Ym7Hc5Jd9Fs1Ga']);
  });

  it('leaves bcrypt hashes in a password column alone and still reports a plain password there', () => {
    const sql = "INSERT INTO accounts (id, login, encrypted_password) VALUES\n  (1, 'ops', '$2a$11$Qw3eRt5yUi7oP9aSd1fGh.Jk2lZx4cV6bN8mQ0wE2rT4yU6iO8pKy'),\n  (2, 'kiosk', 'Lantern-Okra-5513');\n";
    expect(found(sql)).toEqual(['Lantern-Okra-5513']);
  });

  it('still skips a row holding a call with arguments, whose commas would shift the columns', () => {
    expect(found("INSERT INTO t (name, created_at, api_secret) VALUES ('x', date_trunc('day', now()), 'Wt4-Lq8Zx2Vn6Bp0Rk3Ym7Hc5Jd9Fs1Ga');\n")).toEqual([]);
  });
});

describe('key/value exports in CSV', () => {
  const values = (text: string, file: string): string[] => detect(text, { file }).map((f) => text.slice(f.start, f.end));

  it("reads an ESP-IDF NVS partition CSV: a row's key names its value", () => {
    const nvs = [
      'key,type,encoding,value',
      'wifi,namespace,,',
      'ssid,data,string,AgriNet-Barn2',
      'psk,data,string,0gTNk0bh_0z!z#DWp',
      'mqtt,namespace,,',
      'user,data,string,sn200-777404',
      'pass,data,string,fdJeFiB9dHeDPB6o7XVFd8MW',
      'hmac_key,data,hex2bin,cd63ef2ae55ef16787d06fa0ba41e513cc800f9fe4896474c3a7083d089bbcb7',
      'client_key,file,binary,certs/client.key',
      'build,data,string,20240611.3+gba96ca8',
      'crc_poly,data,u32,0x04C11DB7',
    ].join('\n');
    expect(values(nvs, 'nvs_provision.csv')).toEqual(['0gTNk0bh_0z!z#DWp', 'fdJeFiB9dHeDPB6o7XVFd8MW', 'cd63ef2ae55ef16787d06fa0ba41e513cc800f9fe4896474c3a7083d089bbcb7']);
  });

  it('reads a parameter export by its Name and Value columns, and leaves names without a secret alone', () => {
    const ssm = 'Name,Type,Value\n/app/prod/db_password,SecureString,Kelp!Harrow-83\n/app/prod/db_host,String,db1.example.com\n/app/prod/api_token_ttl,String,3600\n';
    expect(values(ssm, 'parameters.csv')).toEqual(['Kelp!Harrow-83']);
    // Without a value column the name column is no key/value layout: nothing is read by row name.
    expect(values('key,owner\npsk,ops\napi_key,platform\n', 'owners.csv')).toEqual([]);
  });
});

describe("key/value settings tables in a PostgreSQL dump's COPY blocks", () => {
  const copied = (text: string) => detect(text, { file: 'db/settings_dump.sql' }).filter((f) => f.rule === 'sql-copy-column-credential').map((f) => text.slice(f.start, f.end));

  it("reads a row's value when its name names a secret, beside other columns", () => {
    const sql = [
      'COPY public.app_config (name, value) FROM stdin;',
      'smtp.password\tGull!Marsh-2291',
      'stripe.api_key\tRk4Wm8Zq2Lx6Vn0Tb3Yc7Hd5Jf9Gs1',
      'smtp.host\tmail.internal.example',
      '\\.',
      'COPY public.tenant_settings (id, tenant, setting_key, setting_value, updated_at) FROM stdin;',
      "7\tnorth\tsso.client_secret\t5d0c2b9e-8f41-4a7d-b6e3-1c9a0f2e4d87\t2025-01-02 10:00:00",
      '8\tnorth\tsso.client_id\tnorth-portal\t2025-01-02 10:00:00',
      '\\.',
    ].join('\n');
    expect(copied(sql)).toEqual(['Gull!Marsh-2291', 'Rk4Wm8Zq2Lx6Vn0Tb3Yc7Hd5Jf9Gs1', '5d0c2b9e-8f41-4a7d-b6e3-1c9a0f2e4d87']);
  });

  it("leaves ids under a name that only calls them keys, NULLs, names without a secret and columns of two prefixes", () => {
    const sql = [
      'COPY public.integration (key, value) FROM stdin;',
      'catalogue.dataset_key\t3b7e0c5a-91d4-4f2e-8a6b-0d2c9e7f1a43',
      'mail.password\t\\N',
      'api.base_url\thttps://api.example.org/v2',
      '\\.',
      'COPY public.audit (setting_name, old_value) FROM stdin;',
      'db.password\tGull!Marsh-2291',
      '\\.',
    ].join('\n');
    expect(copied(sql)).toEqual([]);
  });
});

describe('key/value columns under one prefix in a CSV export', () => {
  it("reads WordPress's option_name and option_value, not columns of two prefixes", () => {
    const values = (text: string) => detect(text, { file: 'wp_options.csv' }).map((f) => text.slice(f.start, f.end));
    expect(values('option_id,option_name,option_value,autoload\n41,mailgun_api_key,Pz7Lq3Xw9Mv5Nb1Tr6Yk2Hc8Jd4Fs0,yes\n42,blogname,Harbour Notes,yes\n')).toEqual(['Pz7Lq3Xw9Mv5Nb1Tr6Yk2Hc8Jd4Fs0']);
    expect(values('setting_name,default_value\nmailgun_api_key,Pz7Lq3Xw9Mv5Nb1Tr6Yk2Hc8Jd4Fs0\n')).toEqual([]);
  });
});

describe('a CSV cell of notes that opens with a secret and its value', () => {
  const notes = (text: string, file = 'inventory.csv') => detect(text, { file }).filter((f) => f.rule === 'csv-note-credential').map((f) => text.slice(f.start, f.end));

  it('reads the value after the name, in a quoted field or a bare one', () => {
    const csv = 'app,host,notes\nLabel printer,10.2.3.4,"pw Tq7#vLm2zR (until the vendor ships certs, then remove)"\nPartner API,api.partner.example,api_token Zk3mP9qR2vX8wL5nQ4tYc7Hb\n';
    expect(notes(csv)).toEqual(['Tq7#vLm2zR', 'Zk3mP9qR2vX8wL5nQ4tYc7Hb']);
    expect(notes('app\tnotes\nkiosk\tpassword Wq4-Lmt8Rz\n', 'inventory.tsv')).toEqual(['Wq4-Lmt8Rz']);
  });

  it('leaves remarks about a secret, names inside a sentence, and other files', () => {
    const csv = 'app,notes\nkiosk,password expired\nportal,"token rotation weekly, owner ops"\nmail,"the password Tq7#vLm2zR is in Vault"\nsso,secret_key in Vault\n';
    expect(notes(csv)).toEqual([]);
    expect(notes('app,notes\nkiosk,password Wq4-Lmt8Rz\n', 'inventory.md')).toEqual([]);
  });
});

describe('SQL inserts of several rows', () => {
  const found = (text: string) => detect(text, { file: 'seed.sql' }).filter((f) => f.rule === 'sql-insert-column-credential').map((f) => text.slice(f.start, f.end));
  it('reads every row, brackets inside a row\'s strings included', () => {
    const sql = [
      'INSERT INTO partners (id, label, api_secret, created_at) VALUES',
      "  (1, 'Harbor (US)', 'Rk4-Wm8Zq2Lx6Vn0Tb3Yc7Hd5Jf9Gs1', now()),",
      "  (2, 'Kite (EU) :)', 'Pz7-Lq3Xw9Mv5Nb1Tr6Yk2Hc8Jd4Fs0', now());",
    ].join('\n');
    expect(found(sql)).toEqual(['Rk4-Wm8Zq2Lx6Vn0Tb3Yc7Hd5Jf9Gs1', 'Pz7-Lq3Xw9Mv5Nb1Tr6Yk2Hc8Jd4Fs0']);
  });
  it('leaves a row that calls a function with arguments, whose commas are no columns', () => {
    const sql = "INSERT INTO partners (id, label, api_secret) VALUES\n  (1, lower('Harbor'), 'Rk4-Wm8Zq2Lx6Vn0Tb3Yc7Hd5Jf9Gs1');\n";
    expect(found(sql)).toEqual([]);
  });
});

describe('SNMP communities in a network inventory CSV', () => {
  const found = (text: string, file = 'ops/network/switches.csv'): string[] => detect(text, { file }).map((f) => text.slice(f.start, f.end));
  it('reads the cells under a column named for a community', () => {
    const csv = 'gate_id,lift,snmp_community,firmware\nG101,Nordhang 8er,gcr-m0nitor-ro,AX500-5.12.0\nG102,Gletscherbahn,Hx7-Marten-Ro,AX500-5.12.1\n';
    expect(found(csv)).toEqual(['gcr-m0nitor-ro', 'Hx7-Marten-Ro']);
    expect(found('host,ro_community,community_string\nsw1,Lq2-Fjord-Ro9,Lq2-Fjord-Ro8\n')).toEqual(['Lq2-Fjord-Ro9', 'Lq2-Fjord-Ro8']);
  });
  it('leaves the defaults, a bare community column and other files alone', () => {
    expect(found('host,snmp_community\nsw1,public\nsw2,private\n')).toEqual([]);
    expect(found('member,community,joined\nana,Hx7-Marten-Ro,2024\n')).toEqual([]);
    expect(found('host,snmp_community\nsw1,gcr-m0nitor-ro\n', 'notes.txt')).toEqual([]);
  });
});

describe('PINs and keypad codes in a CSV column named for them', () => {
  const values = (text: string, file: string): string[] => detect(text, { file }).map((f) => text.slice(f.start, f.end));
  it("reads the digits under a column named for what a keypad opens or whose PIN it is", () => {
    const sites = [
      'site_id,site,plant_room_code,alarm code,Supervisor PIN,opened',
      'S-014,Northgate Depot,730182,48150,2709,2019-03-01',
      'S-015,Quay Street,,61093,,2020-11-12',
      '',
    ].join('\n');
    expect(values(sites, 'exports/sites.csv')).toEqual(['730182', '48150', '2709', '61093']);
    expect(values('unit\tkey_safe_combination\nA4\t5817\n', 'units.tsv')).toEqual(['5817']);
  });
  it('leaves stand-ins, digits that are no code, postal PINs, room numbers and other files', () => {
    const rows = [
      'site,door_code,pin,room_code,pin_code,error_code,door_count',
      'Leeds,0000,560034,2041,110001,4012,12',
      'York,1234,,,,,',
      'Hull,TBC,,,,,',
      '',
    ].join('\n');
    expect(values(rows, 'exports/sites.csv')).toEqual([]);
    expect(values('site,door_code\nLeeds,730182\n', 'exports/sites.txt')).toEqual([]);
  });
});

describe('SQL inserts without a column list, read by the columns their table was created with', () => {
  const found = (text: string) => detect(text, { file: 'backup/shop.sql' }).filter((f) => f.rule === 'sql-insert-column-credential').map((f) => text.slice(f.start, f.end));

  it("reads pg_dump --inserts' and mysqldump's rows under the CREATE TABLE's secret-named columns", () => {
    const pg = [
      'CREATE TABLE public.partner (id integer NOT NULL, label character varying(80), price numeric(10,2), signing_secret text, note text DEFAULT \'a, b\');',
      "INSERT INTO public.partner VALUES (1, 'Kite', 9.50, 'e4b17c09d2a85f36c1e07b9a4d2f8c5e61a3b0d7', 'x');",
    ].join('\n');
    expect(found(pg)).toEqual(['e4b17c09d2a85f36c1e07b9a4d2f8c5e61a3b0d7']);
    const mysql = [
      'CREATE TABLE `api_clients` (',
      '  `id` int(11) NOT NULL AUTO_INCREMENT,',
      '  `client_id` varchar(64) NOT NULL,',
      '  `client_secret` varchar(128) DEFAULT NULL,',
      '  PRIMARY KEY (`id`),',
      '  KEY `idx_client` (`client_id`)',
      ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;',
      "INSERT INTO `api_clients` VALUES (1,'till-app','Vq3Lm8Zx2Rk7Tn4Wb9Hc6Jd1'),(2,'kiosk',NULL);",
    ].join('\n');
    expect(found(mysql)).toEqual(['Vq3Lm8Zx2Rk7Tn4Wb9Hc6Jd1']);
  });

  it('leaves hashes, tables created elsewhere, and the digests a framework stores in its token column', () => {
    const hashes = "CREATE TABLE users (id integer, password_digest text);\nINSERT INTO users VALUES (1, '$2b$12$Qw3eRt5yUi7oP9aSd1fGh.Jk2lZx4cV6bN8mQ0wE2rT4yU6iO8pK');\n";
    expect(found(hashes)).toEqual([]);
    expect(found("INSERT INTO api_clients VALUES (1, 'till-app', 'Vq3Lm8Zx2Rk7Tn4Wb9Hc6Jd1');\n")).toEqual([]);
    // Laravel Sanctum keeps the SHA-256 of each personal access token, never the token.
    const sanctum = [
      'CREATE TABLE `personal_access_tokens` (`id` bigint unsigned NOT NULL, `name` varchar(255) NOT NULL, `token` varchar(64) NOT NULL);',
      "INSERT INTO `personal_access_tokens` VALUES (1,'deploy','5f2c8a1e9b7d03c46e8f1a2b9c7d5e3f0a1b2c3d4e5f60718293a4b5c6d7e8f9');",
      "INSERT INTO personal_access_tokens (id, name, token) VALUES (2, 'ci', '0a1b2c3d4e5f60718293a4b5c6d7e8f95f2c8a1e9b7d03c46e8f1a2b9c7d5e3f');",
    ].join('\n');
    expect(found(sanctum)).toEqual([]);
  });
});

describe('Wi-Fi keys in a table that lists networks', () => {
  const values = (text: string, file = 'sites/networks.csv'): string[] => detect(text, { file }).map((f) => text.slice(f.start, f.end));

  it("reads a key column beside the SSID column of the same network, and a column titled for a Wi-Fi key", () => {
    const csv = [
      'site,visitor_ssid,visitor_key,crew_ssid,crew_key,opened',
      'Quayside,Harbour Visitors,LanternTide42,Harbour Crew,q7vd2kp9xm4t,2021',
      'Millrace,Harbour Visitors,OtterBank77,Harbour Crew,z3nw8rj5ha2c,2023',
      '',
    ].join('\n');
    expect(values(csv)).toEqual(['LanternTide42', 'q7vd2kp9xm4t', 'OtterBank77', 'z3nw8rj5ha2c']);
    expect(values('ssid\tkey\tvlan\nKiln-Staff\tGlazeRoom2024\t30\n', 'kiln.tsv')).toEqual(['GlazeRoom2024']);
    expect(values('store,WPA2 Key,router\nLeeds,Brass-Kettle-19,gw01\n')).toEqual(['Brass-Kettle-19']);
    expect(values('van,wifi_network,key\nVan 3,VAN3-CREW,ratchet-spanner-31\n')).toEqual(['ratchet-spanner-31']);
  });

  it("leaves a key column of another network or none, the columns about a secret, and stand-ins", () => {
    const csv = [
      'site,guest_ssid,issue_key,sort_key,key_id,password_changed_at,pin_attempts,token_count,password_hash,guest_key',
      'Quayside,Harbour Visitors,OPS-1182,quayside-01,k-7731,2024-05-01,3,12,$2b$10$abcdefghijklmnopqrstuuVwXyZ0123456789abcdefghijklmnop,changeme',
      '',
    ].join('\n');
    expect(values(csv)).toEqual([]);
    expect(values('branch,region_key,opened\nLeeds,NorthEast2019,2019\n')).toEqual([]);
    expect(values('chain,network,key\nethereum,mainnet,sortorder2\n')).toEqual([]);
  });
});

describe("a bare `pin` column beside the accounts' logins", () => {
  const found = (text: string, file: string) => detect(text, { file }).map((f) => text.slice(f.start, f.end));
  it('reads the PINs of an insert or a CSV that lists logins', () => {
    expect(found("INSERT INTO kiosk_users (username, pin, active) VALUES ('ayo', '61904', true), ('bex', '30718', true);\n", 'db/seed.sql')).toEqual(['61904', '30718']);
    expect(found('login,pin,site\nrk-04,82715,Depot\n', 'exports/operators.csv')).toEqual(['82715']);
  });
  it("leaves a pin beside an address's columns, a pin of no login, and stand-ins", () => {
    expect(found("INSERT INTO members (email, city, pin) VALUES ('a@b.in', 'Mysuru', '570001');\n", 'db/seed.sql')).toEqual([]);
    expect(found("INSERT INTO outputs (board, pin) VALUES ('relay-2', '20481');\n", 'db/seed.sql')).toEqual([]);
    expect(found('username,pin\nayo,0000\nbex,1234\n', 'exports/operators.csv')).toEqual([]);
  });
});

describe("a users table's password hashes, in every slow format", () => {
  const values = (text: string, file: string): string[] => detect(text, { file }).map((f) => text.slice(f.start, f.end));
  const djangoArgon2 = 'argon2$argon2id$v=19$m=102400,t=2,p=8$bmj8XlU7f4ko0P2S5Gyn2w$iY4JipQJPzwOKBT+kRTq+nhCsJyTc5+Za/M+YLEkhfg';
  const djangoPbkdf2 = 'pbkdf2_sha256$1000000$3m03nbqnsGpWLuqIA1id6V$I3OeQpVzzb9L7LpviQdPNXswO/Pk8kcoDOdCJsHWLJQ=';
  const sha512Crypt = '$6$XNT.9V9Gn3m0aaR8$HldzHYG3qF0R813FiBkt40TyV.u696wU7VSORuzk7xY3N7GeUaF/x5yWAPyZYvvvDNb8w0Zu7tWlOO79GViEXC';
  const werkzeug = 'pbkdf2:sha256:600000$AmwufUxbvJDCTbyv$033b03a1d9476d4475aeb1a1eb0f38edc5d12d125b49808750d5804c93db7ef4';

  it("leaves the hashes of Django's auth_user dump alone and still reports a plain password among them", () => {
    const sql = `COPY public.auth_user (id, username, password, is_active) FROM stdin;\n1\tmaren\t${djangoArgon2}\tt\n2\ttobin\t${djangoPbkdf2}\tt\n3\tkiosk\tBrine-Lantern-4471\tt\n4\troot\t${sha512Crypt}\tf\n\\.\n`;
    expect(values(sql, 'exports/auth_user.sql')).toEqual(['Brine-Lantern-4471']);
  });

  it('leaves them alone in an insert and in a psql result table', () => {
    expect(values(`INSERT INTO accounts (id, login, password) VALUES (1, 'maren', '${werkzeug}'), (2, 'tobin', '${sha512Crypt}');\n`, 'seed.sql')).toEqual([]);
    expect(values(` id | login | password\n----+-------+----------\n  1 | maren | ${djangoPbkdf2}\n(1 row)\n`, 'notes/psql-session.txt')).toEqual([]);
  });

  it('reads a quoted CSV field whole, commas and all: a hash is one cell and the columns after it stay in place', () => {
    const argon2 = '$argon2id$v=19$m=65536,t=3,p=4$kEewsovDrP8+JKkQrTYd3A$k60TpZqJyjt3ydVsev8mEWRsh4ngjWtqsWmJUVYPAqo';
    expect(values(`id,email,password_hash\n7,maren@example.org,"${argon2}"\n`, 'exports/users.csv')).toEqual([]);
    const csv = 'name,notes,api_token\nbilling-sync,"owner ops, rotated monthly",Zk3mP9qR2vX8wL5nQ4tYc7Hb\nlabel printer,"vendor says ""do not reset""",Tq7vLm2zRw9Xc4Np8Kd3\n';
    expect(values(csv, 'exports/integrations.csv')).toEqual(['Zk3mP9qR2vX8wL5nQ4tYc7Hb', 'Tq7vLm2zRw9Xc4Np8Kd3']);
    expect(values('id\tpassword\n1\t"Kelp,Harrow-83"\n', 'exports/kiosks.tsv')).toEqual(['Kelp,Harrow-83']);
  });
});

describe("an integrations table's row that its name calls an id", () => {
  const values = (text: string, file: string): string[] => detect(text, { file }).map((f) => text.slice(f.start, f.end));

  it("leaves the value of a row named for an id in the secret column, and reports the other rows' secrets", () => {
    const dump = "CREATE TABLE `partner_links` (`name` varchar(64), `secret` text);\nINSERT INTO `partner_links` VALUES ('courier_api','Wq8zL2mPx7RtK4vN9bC3Hd5J'),('courier_webhook_id','3c9e1f27-8a4d-4b6e-9f02-d1c7a5e3b948');\n";
    expect(values(dump, 'backups/partners.sql')).toEqual(['Wq8zL2mPx7RtK4vN9bC3Hd5J']);
    const csv = 'name,token\nhubspot,Rk4Wm8Zq2Lx6Vn0Tb3Yc7Hd5Jf9Gs1\nportal_guid,4cb2e9d1-77aa-4f10-9c3e-5b8d2a6f1e07\n';
    expect(values(csv, 'exports/integrations.csv')).toEqual(['Rk4Wm8Zq2Lx6Vn0Tb3Yc7Hd5Jf9Gs1']);
  });

  it("still reports a row whose name names a secret that ends in id, and a person's name column's rows", () => {
    const dump = "CREATE TABLE `approles` (`name` varchar(64), `secret` text);\nINSERT INTO `approles` VALUES ('ci_secret_id','Tq7vLm2zRw9Xc4Np8Kd3'),('davidson','Hx4Lm8Qz2Rt7Vw3Kp9Nc');\n";
    expect(values(dump, 'backups/vault.sql')).toEqual(['Tq7vLm2zRw9Xc4Np8Kd3', 'Hx4Lm8Qz2Rt7Vw3Kp9Nc']);
  });
});

describe("a CSV column of a payment provider's object ids", () => {
  const found = (text: string) => detect(text, { file: 'exports/members.csv' }).map((f) => text.slice(f.start, f.end));

  it('leaves Stripe ids under a column that calls them tokens: a card on file is named, not given', () => {
    const csv = 'member_id,name,card_token,payment_token,last_charge\n88,A. Marsh,pm_Q4xLk7Zt2RbW9mVc3NpD8sFh,pi_3Rz8KqLm2VxT7wBn1cYd5HsJ,ch_3Rz8KqLm2VxT7wBn0aQe4FgU\n89,B. Holt,pm_Lm2VxT7wBnQ4xLk7Zt2RbW9m,,ch_3Lm2VxT7wBnRz8Kq0aQe4FgUx\n';
    expect(found(csv)).toEqual([]);
  });

  it('still reports a credential under the same column', () => {
    const csv = 'member_id,name,card_token\n88,A. Marsh,Wq8zL2mPx7RtK4vN9bC3dF6g\n';
    expect(found(csv)).toEqual(['Wq8zL2mPx7RtK4vN9bC3dF6g']);
  });
});

describe("a mailing list's link tokens", () => {
  it('leaves UUIDs under an unsubscribe or tracking token column, and still reads API tokens that are UUIDs', () => {
    const values = (text: string) => detect(text, { file: 'exports/list.csv' }).map((f) => text.slice(f.start, f.end));
    const list = 'email,name,unsubscribe_token,open_tracking_token\nana@example.org,Ana,0b9c2f4e-7d1a-4e3b-9c5f-2a8d6e1b7c40,5e2d8a1c-3f9b-4c7e-a1d6-9b0f4e2c8a53\n';
    expect(values(list)).toEqual([]);
    const keys = 'service,api_token\nbilling,0b9c2f4e-7d1a-4e3b-9c5f-2a8d6e1b7c40\n';
    expect(values(keys)).toEqual(['0b9c2f4e-7d1a-4e3b-9c5f-2a8d6e1b7c40']);
  });
});

describe("a CSV column of a video room's or a meeting's PINs", () => {
  const found = (text: string) => detect(text, { file: 'exports/rota.csv' }).map((f) => text.slice(f.start, f.end));

  it('reports the digits under a room_pin or meeting_pin column', () => {
    const csv = 'shift_id,interpreter,site,room_pin,meeting_pin\n41,R. Dale,Leeds,508317,729046\n42,K. Ives,Hull,661924,\n';
    expect(found(csv)).toEqual(['508317', '729046', '661924']);
  });

  it('leaves room numbers, counts and a pin column without an owner', () => {
    const csv = 'site,room,room_count,pin\nLeeds,204,12,3\nHull,117,8,5\n';
    expect(found(csv)).toEqual([]);
  });
});

describe('SQL inserts into a credentials table whose columns are not known', () => {
  const values = (text: string, file: string) => detect(text, { file }).map((f) => text.slice(f.start, f.end));
  it("reads the value after each row's service name in a table named for integrations, credentials or API keys", () => {
    const dump = "LOCK TABLES `integrations` WRITE;\nINSERT INTO `integrations` VALUES (1,'vimeo','c47e0a91d2b85f3e6a1d09c7b4e2f58a','2024-03-11'),(2,'zoom_webhook','Mq7Tz2Wb9XkLp4VnH8cJ','2024-05-20');\n";
    expect(values(dump, 'db/dump.sql')).toEqual(['c47e0a91d2b85f3e6a1d09c7b4e2f58a', 'Mq7Tz2Wb9XkLp4VnH8cJ']);
    expect(values("INSERT INTO api_tokens VALUES ('geocoder', 'Rb3Nc6Pd1Hq7Lm2Wx9Tz4K');\n", 'db/seed.sql')).toEqual(['Rb3Nc6Pd1Hq7Lm2Wx9Tz4K']);
  });
  it('leaves flags and ids in such a table, and the same rows in a table not named for credentials', () => {
    expect(values("INSERT INTO `integrations` VALUES (1,'stripe','enabled','2024-01-09');\n", 'db/dump.sql')).toEqual([]);
    expect(values("INSERT INTO `integrations` VALUES (2,'ups_account_id','Q7R2M9K4T8W3','2024-01-10');\n", 'db/dump.sql')).toEqual([]);
    expect(values("INSERT INTO `plugins` VALUES (1,'geocoder','Rb3Nc6Pd1Hq7Lm2Wx9Tz4K');\n", 'db/dump.sql')).toEqual([]);
  });
  it("reads a short drawn key under a column the table's definition names secret, and leaves a word with a number", () => {
    const created = 'CREATE TABLE integrations (name text, secret text);\n';
    expect(values(`${created}INSERT INTO integrations VALUES ('maps', 'QHT7K2RM');\n`, 'db/dump.sql')).toEqual(['QHT7K2RM']);
    expect(values(`${created}INSERT INTO integrations VALUES ('maps', 'pending1');\n`, 'db/dump.sql')).toEqual([]);
    expect(values(`${created}INSERT INTO integrations VALUES ('maps', 'ABCD1234');\n`, 'db/dump.sql')).toEqual([]);
  });
});
