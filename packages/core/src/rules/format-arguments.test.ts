import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The reported values in `text`, for readable assertions. */
function values(text: string, file: string): string[] {
  return detect(text, { file }).map((f) => text.slice(f.start, f.end));
}

describe("a password filled into a URL's user info from a literal argument", () => {
  it("reports the argument at the password placeholder's place, by position or by index", () => {
    expect(values('    let dsn = format!("mysql://{}:{}@{}/shop", "shop_rw", "Pelican-Ore-6623!", db_host);\n', 'src/db.rs')).toEqual(['Pelican-Ore-6623!']);
    expect(values('    let dsn = format!("redis://default:{0}@{1}:6379", "Tundra-Wick-8804", host);\n', 'src/cache.rs')).toEqual(['Tundra-Wick-8804']);
    expect(values('\tu := fmt.Sprintf("nats://%s:%s@%s:4222", "ingest", "Marsh-Ember-3317", host)\n', 'cmd/ingest/main.go')).toEqual(['Marsh-Ember-3317']);
  });

  it('leaves a password placeholder filled from a variable, and a literal at the user\'s place', () => {
    expect(values('    let dsn = format!("mysql://{}:{}@{}/shop", "shop_rw", password, db_host);\n', 'src/db.rs')).toEqual([]);
    expect(values('\tu := fmt.Sprintf("nats://%s:%s@%s:4222", "ingest-Svc-2024", pw, host)\n', 'cmd/ingest/main.go')).toEqual([]);
  });
});

describe('a template whose arguments run on over line breaks', () => {
  it("reads the password's argument on the lines below a call's template (gofmt wraps long Sprintf calls so)", () => {
    const go = 'var dsn = fmt.Sprintf("host=%s user=%s password=%s dbname=orders",\n\t"10.4.0.12", "orders",\n\t"Quill-Marten-7735!")\n';
    expect(values(go, 'cmd/orders/main.go')).toContain('Quill-Marten-7735!');
    const py = 'DSN = "host=%s user=%s password=%s" % (\n    "db.internal",\n    "orders",\n    "Quill-Marten-7735!",\n)\n';
    expect(values(py, 'settings.py')).toContain('Quill-Marten-7735!');
  });

  it('leaves a variable on the lines below, and stops at the line break outside parentheses', () => {
    const go = 'var dsn = fmt.Sprintf("host=%s user=%s password=%s",\n\thost, "orders",\n\tos.Getenv("DB_PASSWORD"))\n';
    expect(values(go, 'cmd/orders/main.go')).toEqual([]);
    const fs = 'let cs = sprintf "Server=%s;User Id=%s;Password=%s;" host user\n"Quill-Marten-7735!" |> ignore\n';
    expect(values(fs, 'Db.fs')).not.toContain('Quill-Marten-7735!');
  });
});

describe('a literal after a bare argument of a printf template', () => {
  const DIGEST = 'e4b9c07a21d85f36ab90c4e7d12f8a6b3c5e09d74f1a2b8c6d0e3f95a7b4c1d2';

  it('is the next field of the template, not the value of the name before it', () => {
    expect(values(`    log.info("stored %s (sha256 %s)", key, "${DIGEST}")\n`, 'uploader.py')).toEqual([]);
    expect(values(`    logger.debug("rotated %s for %s: %s", token, tenant, "${DIGEST}")\n`, 'rotate.py')).toEqual([]);
  });

  it('is still the value of a name passed to a call with no template', () => {
    expect(values(`    vault.put(key, "Wq7vT2-kzPn9mHsL4dXc8R")\n`, 'store.py')).toEqual(['Wq7vT2-kzPn9mHsL4dXc8R']);
  });
});

describe("a bare DSN's user info, or a command line's -p, filled from a literal argument", () => {
  it('reports the literal at a `user:%s@host` that opens the template, in any language', () => {
    expect(values('\treturn fmt.Sprintf("etl_loader:%s@%s/WAREHOUSE/RAW", "Gannet*Reef#3391", account)\n', 'load/dsn.go')).toEqual(['Gannet*Reef#3391']);
    expect(values('  snprintf(dsn, sizeof dsn, "%s:%s@tcp(%s)/stock", "stock_rw", "Lichen-Vault-8842", host);\n', 'src/db.c')).toEqual(['Lichen-Vault-8842']);
    expect(values('DSN = "stock_rw:{}@{}/stock".format("Lichen-Vault-8842", host)\n', 'settings.py')).toEqual(['Lichen-Vault-8842']);
    expect(values('    String dsn = String.format("stock_rw:%s@%s/stock", "Lichen-Vault-8842", host);\n', 'Db.java')).toEqual(['Lichen-Vault-8842']);
    expect(values('    let dsn = format!("stock_rw:{}@{}/stock", "Lichen-Vault-8842", host);\n', 'src/db.rs')).toEqual(['Lichen-Vault-8842']);
  });

  it("reports the literal at a command line's `-p%s`", () => {
    expect(values('CMD = "mysqldump -u%s -p%s -h%s shop" % ("backup", "Tern!Basalt-4405", host)\n', 'backup.py')).toEqual(['Tern!Basalt-4405']);
  });

  it('leaves variables, a colon inside prose, and a -p that is not a flag', () => {
    expect(values('\treturn fmt.Sprintf("etl_loader:%s@%s/WAREHOUSE/RAW", os.Getenv("SF_PASSWORD"), account)\n', 'load/dsn.go')).toEqual([]);
    expect(values('\tlog.Printf("job %d:%s@%s", id, "Gannet*Reef#3391", host)\n', 'worker.go')).toEqual([]);
    expect(values('CMD = "mysqldump -u%s -p%s shop" % (user, password)\n', 'backup.py')).toEqual([]);
    expect(values('\tname := fmt.Sprintf("app-p%s", "Tern!Basalt-4405")\n', 'names.go')).toEqual([]);
  });
});

describe("a config's `pass = %s` filled by printf from a literal argument", () => {
  it("reports the literal that fills rclone's `pass` (after an escaped line break) and a spaced `password = %s`", () => {
    const sh = "rclone copy out.tar vault:drop --config <(printf '[vault]\\ntype = webdav\\nuser = %s\\npass = %s\\n' 'relay' 'Qm3~Vx8-Lr2wZ')\n";
    expect(values(sh, 'bin/ship.sh')).toEqual(['Qm3~Vx8-Lr2wZ']);
    expect(values("printf '[db]\\npassword = %s\\n' 'Tern-4Kq!vLz9' > /etc/app/db.ini\n", 'setup.sh')).toEqual(['Tern-4Kq!vLz9']);
  });

  it('leaves a word that ends in pass, a variable argument, and the template itself', () => {
    expect(values("printf 'bypass = %s\\n' 'Qm3~Vx8-Lr2wZ'\n", 'a.sh')).toEqual([]);
    expect(values("printf '[vault]\\nuser = %s\\npass = %s\\n' relay \"$VAULT_PASS\" > rclone.conf\n", 'a.sh')).toEqual([]);
  });
});
