#!/usr/bin/env node
// Audit ingestion throughput of the Takumo Cloud server: POST /api/v1/events in batches of
// 100 through the whole server stack (auth, validation, per-tenant head lock, RFC 6962 node
// updates, AES-256-GCM payload encryption), on the embedded database (PGlite) and on
// PostgreSQL when TAKUMO_TEST_DATABASE_URL is set. Baseline, same database and process:
// plain 100-row INSERTs of comparable byte size in one transaction each, so the ratio shows
// what the audit log costs on top of the storage itself.
// Usage: node bench/cloud-ingest.bench.mjs   (needs `npm run build`)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  bootstrapOrganisation,
  createCloudServer,
  generateSignerKey,
  kekFromBytes,
  Keyring,
  openDatabase,
} from '../packages/cloud/dist/index.js';

const BATCH = 100;
const BATCHES = Number(process.env.TAKUMO_BENCH_BATCHES ?? 30);
const WARMUP = 3;

function event(i) {
  return {
    type: 'detection',
    agentReportedAt: new Date().toISOString(),
    category: 'KEY',
    rule: 'aws-access-key',
    file: `services/api/src/config/settings-${i % 500}.ts`,
    line: (i % 400) + 1,
    repository: 'acme/payments',
    tool: 'claude-code',
  };
}

async function measure(label, database) {
  const keyring = new Keyring({ current: kekFromBytes(randomBytes(32)) });
  const server = await createCloudServer({ database, keyring, signerKey: generateSignerKey('bench.example').signerKey, log: false, rateLimitScale: 1000 });
  const password = 'benchmark password 1';
  await bootstrapOrganisation(database.db, keyring, { orgName: 'Bench', plan: 'pro', email: 'bench@example.test', ownerName: 'Bench', password });
  const login = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'bench@example.test', password } });
  const cookie = `takumo_session=${login.cookies.find((c) => c.name === 'takumo_session').value}`;
  const tokenRes = await server.app.inject({
    method: 'POST',
    url: '/api/v1/tokens',
    headers: { cookie, 'x-csrf-token': login.json().csrfToken },
    payload: { name: 'bench', scopes: ['events:write'] },
  });
  const authorization = `Bearer ${tokenRes.json().token}`;
  let n = 0;
  const sendBatch = async () => {
    const events = Array.from({ length: BATCH }, () => event(n++));
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/events', headers: { authorization }, payload: { agentId: 'bench', events } });
    if (res.statusCode !== 200) throw new Error(`ingest failed: ${res.statusCode} ${res.body}`);
  };
  for (let i = 0; i < WARMUP; i++) await sendBatch();
  let t = process.hrtime.bigint();
  for (let i = 0; i < BATCHES; i++) await sendBatch();
  const auditSeconds = Number(process.hrtime.bigint() - t) / 1e9;

  await database.ownerQuery('create table if not exists bench_baseline (id bigint, a bytea, b bytea)');
  const payload = randomBytes(300);
  const hash = randomBytes(32);
  t = process.hrtime.bigint();
  for (let i = 0; i < BATCHES; i++) {
    const values = [];
    const params = [];
    for (let j = 0; j < BATCH; j++) {
      params.push(i * BATCH + j, hash, payload);
      values.push(`($${params.length - 2}, $${params.length - 1}, $${params.length})`);
    }
    await database.ownerQuery(`insert into bench_baseline (id, a, b) values ${values.join(',')}`, params);
  }
  const baseSeconds = Number(process.hrtime.bigint() - t) / 1e9;
  await server.app.close();
  const audit = (BATCHES * BATCH) / auditSeconds;
  const base = (BATCHES * BATCH) / baseSeconds;
  console.log(
    `${label.padEnd(11)} audit ingest ${audit.toFixed(0).padStart(6)} events/s (${BATCHES} batches of ${BATCH}, ${((auditSeconds / BATCHES) * 1000).toFixed(1)} ms/batch)` +
      ` | baseline plain insert ${base.toFixed(0).padStart(6)} rows/s | ratio ${(audit / base).toFixed(2)}x of baseline`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'takumo-bench-'));
try {
  const embedded = await openDatabase({ dataDir: dir });
  try {
    await measure('PGlite', embedded);
  } finally {
    await embedded.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const adminUrl = process.env.TAKUMO_TEST_DATABASE_URL;
if (adminUrl) {
  const name = `takumo_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const server = await openDatabase({ databaseUrl: url.toString() });
    try {
      await measure('PostgreSQL', server);
    } finally {
      await server.close();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
} else {
  console.log('PostgreSQL  skipped (set TAKUMO_TEST_DATABASE_URL to include it)');
}
