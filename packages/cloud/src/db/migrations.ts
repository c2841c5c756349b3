import { sql, type Kysely } from 'kysely';

/**
 * The one schema both back ends run (PGlite and PostgreSQL). Migrations are append-only:
 * never edit a shipped one, add the next.
 *
 * Tenancy model (see README "Takumo Cloud"):
 * - Every tenant-owned table has `org_id`, row-level security ENABLE + FORCE and a policy
 *   comparing it with `nullif(current_setting('app.tenant_id', true), '')::uuid`, which the
 *   server sets per transaction. With no tenant set, a query sees nothing (fails closed).
 * - The server's queries run as APP_ROLE, which owns nothing, is not a superuser and has no
 *   BYPASSRLS; the connecting role (owner of the schema) only runs migrations.
 * - A credential (session cookie, API token, invitation) is looked up before its tenant is
 *   known: the server puts the credential's SHA-256 in `app.credential` and a SELECT-only
 *   policy lets exactly that row be read. Knowing the hash requires holding the secret.
 * - Audit leaves and interior nodes reject UPDATE, DELETE and TRUNCATE in triggers. Payloads
 *   live in their own table so retention can delete them; its trigger only lets a payload go
 *   once it is older than the organisation's retention period, so even a bug cannot delete a
 *   fresh entry, and leaf hashes stay forever so proofs keep verifying.
 */
export const APP_ROLE = 'takumo_app';

const tenant = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
const credential = `nullif(current_setting('app.credential', true), '')`;

function tenantTable(table: string): string {
  return `
ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ${table} USING (org_id = ${tenant}) WITH CHECK (org_id = ${tenant});`;
}

/**
 * Columns of a data-encryption key wrapped by the key-encryption key: the installation's keys
 * and each tenant's keys have the same life cycle and differ only in what owns them.
 */
const wrappedKeyColumns = `dek_id integer NOT NULL,
  kek_id text NOT NULL,
  wrapped bytea NOT NULL,
  encryptions bigint NOT NULL DEFAULT 0,
  active boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),`;

/**
 * Tables whose rows are found by a bearer credential (invitation link, session cookie, API
 * token) before the tenant is known. Each shares one shape: a unique hash of the secret, the
 * tenant isolation policy, and a SELECT-only policy letting exactly the row whose hash the
 * server put in `app.credential` be read. Only the columns between differ.
 */
const CREDENTIAL_TABLES: ReadonlyArray<{ table: string; columns: readonly string[] }> = [
  {
    table: 'invitations',
    columns: [
      'email_enc bytea NOT NULL',
      "role text NOT NULL CHECK (role IN ('admin', 'member', 'auditor'))",
      'created_by uuid NOT NULL',
      'created_at timestamptz NOT NULL DEFAULT now()',
      'expires_at timestamptz NOT NULL',
      'accepted_at timestamptz',
      'revoked_at timestamptz',
    ],
  },
  {
    table: 'sessions',
    columns: [
      'csrf_hash text NOT NULL',
      'membership_id uuid NOT NULL',
      'created_at timestamptz NOT NULL DEFAULT now()',
      'expires_at timestamptz NOT NULL',
    ],
  },
  {
    table: 'api_tokens',
    columns: [
      'name_enc bytea NOT NULL',
      'scopes text[] NOT NULL',
      'membership_id uuid NOT NULL',
      'created_at timestamptz NOT NULL DEFAULT now()',
      'expires_at timestamptz NOT NULL',
      'revoked_at timestamptz',
      'last_used_at timestamptz',
    ],
  },
];

function credentialTable({ table, columns }: { table: string; columns: readonly string[] }): string {
  const body = [
    'org_id uuid NOT NULL REFERENCES organisations(id)',
    'id uuid NOT NULL',
    'secret_hash text NOT NULL UNIQUE',
    ...columns,
    'PRIMARY KEY (org_id, id)',
  ];
  return `CREATE TABLE ${table} (
${body.map((line) => `  ${line}`).join(',\n')}
);
${tenantTable(table)}
CREATE POLICY credential_lookup ON ${table} FOR SELECT USING (secret_hash = ${credential});`;
}

const migration1 = `
DO $$ BEGIN
  CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
-- The connecting role switches to the app role (SET ROLE) for everything but migrations.
DO $$ BEGIN
  EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
EXCEPTION WHEN others THEN NULL;
END $$;

CREATE TABLE organisations (
  id uuid PRIMARY KEY,
  name_enc bytea NOT NULL,
  plan text NOT NULL CHECK (plan IN ('individual', 'pro', 'teams', 'enterprise')),
  zdr boolean NOT NULL DEFAULT false,
  retention_days integer NOT NULL CHECK (retention_days BETWEEN 1 AND 3650),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (zdr OR plan IN ('individual', 'pro'))
);
ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organisations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON organisations USING (id = ${tenant}) WITH CHECK (id = ${tenant});
-- The retention sweep walks every organisation; it sets app.scope for that one SELECT.
CREATE POLICY maintenance_listing ON organisations FOR SELECT
  USING (current_setting('app.scope', true) = 'maintenance');

-- Keys of the installation itself (accounts are not tenant-owned): wrapped by the KEK.
CREATE TABLE installation_keys (
  purpose text NOT NULL CHECK (purpose IN ('accounts', 'email-index')),
  ${wrappedKeyColumns}
  PRIMARY KEY (purpose, dek_id)
);

CREATE TABLE tenant_keys (
  org_id uuid NOT NULL REFERENCES organisations(id),
  ${wrappedKeyColumns}
  PRIMARY KEY (org_id, dek_id)
);
CREATE UNIQUE INDEX tenant_keys_one_active ON tenant_keys (org_id) WHERE active;
${tenantTable('tenant_keys')}

-- A person who can log in. Global (one identity, several organisations): holds only a keyed
-- blind index of the email for lookup, the encrypted email and name, and the argon2id hash.
CREATE TABLE accounts (
  id uuid PRIMARY KEY,
  email_index bytea NOT NULL UNIQUE,
  email_enc bytea NOT NULL,
  name_enc bytea NOT NULL,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
  org_id uuid NOT NULL REFERENCES organisations(id),
  id uuid NOT NULL,
  account_id uuid NOT NULL REFERENCES accounts(id),
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'auditor')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, account_id)
);
${tenantTable('memberships')}
-- At login only, the server sets app.account_id to list the organisations of that account.
CREATE POLICY own_memberships ON memberships FOR SELECT
  USING (account_id = nullif(current_setting('app.account_id', true), '')::uuid);

${CREDENTIAL_TABLES.map(credentialTable).join('\n\n')}

CREATE TABLE policies (
  org_id uuid NOT NULL REFERENCES organisations(id),
  version integer NOT NULL,
  content_enc bytea NOT NULL,
  etag text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, version)
);
${tenantTable('policies')}

-- Per-tenant log head: appends take this row's lock, so they are serialised in the database
-- across any number of server processes.
CREATE TABLE audit_heads (
  org_id uuid PRIMARY KEY REFERENCES organisations(id),
  size bigint NOT NULL DEFAULT 0
);
${tenantTable('audit_heads')}

CREATE TABLE audit_leaves (
  org_id uuid NOT NULL REFERENCES organisations(id),
  seq bigint NOT NULL,
  leaf_hash bytea NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, seq)
);
${tenantTable('audit_leaves')}

-- Hashes of complete perfect subtrees (level >= 1), so proofs cost O(log n) reads.
CREATE TABLE audit_nodes (
  org_id uuid NOT NULL REFERENCES organisations(id),
  level smallint NOT NULL,
  idx bigint NOT NULL,
  hash bytea NOT NULL,
  PRIMARY KEY (org_id, level, idx)
);
${tenantTable('audit_nodes')}

CREATE TABLE audit_payloads (
  org_id uuid NOT NULL REFERENCES organisations(id),
  seq bigint NOT NULL,
  received_at timestamptz NOT NULL,
  leaf_enc bytea NOT NULL,
  PRIMARY KEY (org_id, seq),
  FOREIGN KEY (org_id, seq) REFERENCES audit_leaves(org_id, seq)
);
${tenantTable('audit_payloads')}
CREATE INDEX audit_payloads_received ON audit_payloads (org_id, received_at);

CREATE FUNCTION takumo_reject_change() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $f$;

CREATE FUNCTION takumo_payload_delete_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE keep_days integer;
BEGIN
  SELECT retention_days INTO keep_days FROM organisations WHERE id = OLD.org_id;
  IF keep_days IS NULL OR OLD.received_at >= now() - make_interval(days => keep_days) THEN
    RAISE EXCEPTION 'audit payload % is inside its retention period and cannot be deleted', OLD.seq
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END $f$;

CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON audit_leaves
  FOR EACH ROW EXECUTE FUNCTION takumo_reject_change();
CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON audit_leaves
  FOR EACH STATEMENT EXECUTE FUNCTION takumo_reject_change();
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON audit_nodes
  FOR EACH ROW EXECUTE FUNCTION takumo_reject_change();
CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON audit_nodes
  FOR EACH STATEMENT EXECUTE FUNCTION takumo_reject_change();
CREATE TRIGGER no_update BEFORE UPDATE ON audit_payloads
  FOR EACH ROW EXECUTE FUNCTION takumo_reject_change();
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON audit_payloads
  FOR EACH STATEMENT EXECUTE FUNCTION takumo_reject_change();
CREATE TRIGGER retention_only BEFORE DELETE ON audit_payloads
  FOR EACH ROW EXECUTE FUNCTION takumo_payload_delete_guard();

-- Security-invoker view: RLS of the caller applies (a default view would run as its owner).
CREATE VIEW audit_entries WITH (security_invoker = true) AS
  SELECT l.org_id, l.seq, l.leaf_hash, l.received_at, p.leaf_enc
  FROM audit_leaves l LEFT JOIN audit_payloads p ON p.org_id = l.org_id AND p.seq = l.seq;

-- Anonymous usage counters: not linked to any user or organisation.
CREATE TABLE telemetry_counts (
  day date NOT NULL,
  cli_version text NOT NULL,
  os text NOT NULL,
  command text NOT NULL,
  count bigint NOT NULL,
  PRIMARY KEY (day, cli_version, os, command)
);

-- Fixed-window counters shared by every server process (login and token routes).
CREATE TABLE rate_limits (
  bucket text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL
);

GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
GRANT SELECT, INSERT, UPDATE ON organisations, installation_keys, tenant_keys, accounts, memberships,
  invitations, api_tokens, audit_heads TO ${APP_ROLE};
GRANT DELETE ON memberships, sessions TO ${APP_ROLE};
GRANT SELECT, INSERT, DELETE ON sessions TO ${APP_ROLE};
GRANT SELECT, INSERT ON policies, audit_leaves, audit_nodes TO ${APP_ROLE};
GRANT SELECT, INSERT, DELETE ON audit_payloads TO ${APP_ROLE};
GRANT SELECT ON audit_entries TO ${APP_ROLE};
GRANT SELECT, INSERT, UPDATE ON telemetry_counts, rate_limits TO ${APP_ROLE};
GRANT DELETE ON rate_limits TO ${APP_ROLE};
`;

export const MIGRATIONS: ReadonlyArray<{ id: number; name: string; sql: string }> = [
  { id: 1, name: 'initial schema', sql: migration1 },
];

/** Applies pending migrations as the connecting (owner) role; safe to race between processes. */
export async function migrate(db: Kysely<any>, advisoryLock: boolean): Promise<number[]> {
  return db.connection().execute(async (conn) => {
    if (advisoryLock) await sql`select pg_advisory_lock(7366001)`.execute(conn);
    try {
      await sql`create table if not exists takumo_migrations (id integer primary key, name text not null, applied_at timestamptz not null default now())`.execute(conn);
      const done = await sql<{ id: number }>`select id from takumo_migrations`.execute(conn);
      const applied = new Set(done.rows.map((r) => Number(r.id)));
      const ran: number[] = [];
      for (const m of MIGRATIONS) {
        if (applied.has(m.id)) continue;
        await conn.transaction().execute(async (trx) => {
          await sql.raw(m.sql).execute(trx);
          await sql`insert into takumo_migrations (id, name) values (${m.id}, ${m.name})`.execute(trx);
        });
        ran.push(m.id);
      }
      return ran;
    } finally {
      if (advisoryLock) await sql`select pg_advisory_unlock(7366001)`.execute(conn);
    }
  });
}
