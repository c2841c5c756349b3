import { describe, expect, it } from 'vitest';
import { createDetector, parseDotenv, parseDotenvEntries } from './index.js';

describe('parseDotenvEntries', () => {
  it('reads export, comments, quotes, escapes and multi-line values', () => {
    const text = [
      '# comment',
      'export API_TOKEN=q9X2mL7vR4kP8nZ3w # trailing comment',
      "SINGLE='raw \\n kept'",
      'DOUBLE="line1\\nline2"',
      'MULTI="-----BEGIN PRIVATE KEY-----',
      'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
      '-----END PRIVATE KEY-----"',
      'EMPTY=',
      '  SPACED = value with spaces  ',
      'not a line',
    ].join('\n');
    expect(parseDotenvEntries(text).map((e) => [e.name, e.value, e.line])).toEqual([
      ['API_TOKEN', 'q9X2mL7vR4kP8nZ3w', 2],
      ['SINGLE', 'raw \\n kept', 3],
      ['DOUBLE', 'line1\nline2', 4],
      ['MULTI', '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----', 5],
      ['EMPTY', '', 8],
      ['SPACED', 'value with spaces', 9],
    ]);
  });

  it('takes an unterminated quote as the rest of the line and loses no later entry', () => {
    expect(parseDotenvEntries('A="unterminated\nB=Xk2mP9qR7v').map((e) => e.name)).toEqual(['A', 'B']);
  });
});

describe('parseDotenv', () => {
  it('keeps secrets and drops values that are plainly not secrets', () => {
    const text = [
      'PORT=3000',
      'DEBUG=true',
      'LOG_LEVEL=debug',
      'NODE_ENV=production',
      'APP_NAME=shop',
      'PUBLIC_URL=https://shop.example.com',
      'LOCAL_API=http://localhost:8080/api',
      'DATA_DIR=/var/lib/shop',
      'AWS_REGION=eu-west-1',
      'DB_PASSWORD=hunter22',
      'SESSION_SECRET=Zk3mP9qR2vX8wL5nQ4tY',
      'DATABASE_URL=postgres://app:Xk2mP9qR7v@db:5432/app',
      'INTERNAL_API=http://billing.svc.cluster.local/v1',
      'WEBHOOK_ID=wh_81f2a9c4d7e3',
      'PLACEHOLDER=${OTHER}',
      'TOKEN=changeme',
    ].join('\n');
    const secrets = parseDotenv(text, '.env');
    expect(secrets.map((s) => s.source)).toEqual([
      '.env:DB_PASSWORD',
      '.env:SESSION_SECRET',
      '.env:DATABASE_URL',
      '.env:INTERNAL_API',
      '.env:WEBHOOK_ID',
    ]);
    expect(secrets.find((s) => s.source === '.env:DATABASE_URL')?.category).toBe('CONN');
    expect(JSON.stringify(secrets.map((s) => s.source))).not.toContain('hunter22');
  });

  it('learns nothing from example and template files, whose values are stand-ins', () => {
    const text = 'DATABASE_URL=postgres://user:Rk7vQ2mXw9@localhost:5432/app\nSESSION_SECRET=Zk3mP9qR2vX8wL5nQ4tY\n';
    for (const name of ['.env.example', '.env.sample', '.env.template', '.env.dist', 'api/.env.example', '.env.example.local', '.env.local.example', 'example.env', 'web.env.sample']) {
      expect(parseDotenv(text, name), name).toEqual([]);
    }
    for (const name of ['.env', '.env.local', '.env.production', 'prod.env', 'config/.env.staging']) {
      expect(parseDotenv(text, name).map((s) => s.source), name).toEqual([`${name}:DATABASE_URL`, `${name}:SESSION_SECRET`]);
    }
  });

  it("never learns a data centre or region prefix, which is in every API host the account calls", () => {
    const text = 'MAILCHIMP_SERVER_PREFIX=us14\nDATADOG_REGION=eu1\nMAILGUN_DC=eu\nMAILCHIMP_API_KEY=0f3c9a7b21d84e6f9a0b5c3d7e1f2a4b-us14\n';
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:MAILCHIMP_API_KEY']);
  });

  it('never learns a publishable or public key, which is meant to be seen', () => {
    const text = 'STRIPE_PUBLISHABLE_KEY=pk_live_51v4TX0EAMy9ssqXfiHV4t1Kw2bZ51Xo5LYpyuhIi6odS7q\nSTRIPE_SECRET_KEY=rk_live_51v4TX0EAMy9ssqXfiHV4t1Kw2bZ51Xo5LYp\n';
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:STRIPE_SECRET_KEY']);
    const named = 'NEXT_PUBLIC_SUPABASE_ANON_KEY=Zk3mP9qR2vX8wL5nQ4tY7uI0oP1aS2d\nVITE_PUBLIC_POSTHOG_KEY=Kq8zW3mLp0vX7nR2tY5u\nSUPABASE_SERVICE_KEY=Xk2mP9qR7vL4nZ8wQ3tY\n';
    expect(parseDotenv(named, '.env').map((s) => s.source)).toEqual(['.env:SUPABASE_SERVICE_KEY']);
  });

  it("never learns a Sentry DSN that holds only the project's public key, but learns the legacy one with a secret key", () => {
    const text = [
      'SENTRY_DSN=https://0f3c9a1b7e2d4c6a8b0e1f2a3b4c5d6e@o450775.ingest.de.sentry.io/6320130',
      'VITE_SENTRY_DSN=https://0f3c9a1b7e2d4c6a8b0e1f2a3b4c5d6e@sentry.acme-tools.io/sentry/42',
      'LEGACY_SENTRY_DSN=https://0f3c9a1b7e2d4c6a8b0e1f2a3b4c5d6e:9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a@sentry.io/42',
    ].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:LEGACY_SENTRY_DSN']);
  });

  it('never learns a mode of colon-joined words under a name that holds no secret, but does under a secret name', () => {
    const text = ['TURBO_CACHE="remote:rw"', 'LOG_FORMAT=json:pretty', 'ADMIN_AUTH=admin:lantern'].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:ADMIN_AUTH']);
  });

  it("never learns a Twilio account's SID, and still learns the auth token beside it", () => {
    const text = ['TWILIO_ACCOUNT_SID=AC53ac82ee4c0ae1da8b13b67fbf11b723', 'TWILIO_AUTH_TOKEN=9f1c2e7a4b8d3f6e0a5c1b9d7e2f4a8c', 'TWILIO_SID=SK0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f'].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:TWILIO_AUTH_TOKEN', '.env:TWILIO_SID']);
  });

  it('never learns a title of capitalised words, an acronym among them, under a name that holds no secret', () => {
    const text = ['APP_NAME="Kindred Paws PMS"', 'MAIL_FROM_NAME="Marlow Creek IT"', 'ADMIN_SECRET="Kindred Paws PMS"', 'APP_LABEL="Kq8zW PMS"'].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:ADMIN_SECRET', '.env:APP_LABEL']);
  });

  it("never learns the SID of a Twilio service, number or app (only an API key's SID names a key)", () => {
    const text = [
      'TWILIO_MESSAGING_SERVICE_SID=MG8a2d5f9c3e7b1a4d6f0c2e8b5a9d3f7c',
      'TWILIO_VERIFY_SERVICE_SID=VA2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b',
      'TWILIO_API_KEY_SID=SK0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f',
      'TWILIO_CALLER_SID=SK9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b',
    ].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:TWILIO_API_KEY_SID', '.env:TWILIO_CALLER_SID']);
  });

  it('never learns an id under a prefix the front-end build ships to browsers, but learns a secret put there', () => {
    const text = [
      'VITE_OUTAGE_LAYER_ID=fb07d8b29b5d317b9d71a3d633998088',
      'NEXT_PUBLIC_FORM_ID=9f2c1a7e5b3d',
      'REACT_APP_STRIPE_SECRET_KEY=sk_live_51Hq8ZbL2c9XrT4mN7pQ1wE6y',
      'VITE_AWS_ACCESS_KEY_ID=AKIA4QW7RZ2XN6MTP3VE',
      'LAYER_ID=3e91c0d4a7b25f68e1d09c3a4b7f2e56',
    ].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:REACT_APP_STRIPE_SECRET_KEY', '.env:VITE_AWS_ACCESS_KEY_ID', '.env:LAYER_ID']);
  });

  it("never learns a vendor's published emulator key, which every developer of that platform has", () => {
    const text = [
      'AZURITE_KEY=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
      'STORAGE_KEY=Si5OjOPw3w/8p3GZGcsB/s3EXUkTPRak8JiBmGNqT5WpLzVP05EmwcbMSa8lV04DkVgmWimIulvYV0LZW9UpWQ==',
    ].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:STORAGE_KEY']);
  });

  it("never learns Symfony's shipped default kernel secret, and still learns a secret put in its place", () => {
    expect(parseDotenv('APP_ENV=dev\nAPP_SECRET=ThisTokenIsNotSoSecretChangeIt\n', '.env')).toEqual([]);
    expect(parseDotenv('APP_SECRET=f3c9a27e1b84d05c6e2a9f71b3d8c4e0\n', '.env').map((s) => s.source)).toEqual(['.env:APP_SECRET']);
  });

  it('feeds the detector so a known value is found anywhere', () => {
    const known = parseDotenv('PAYMENT_WEBHOOK=whsk_7Hq2mZp9Lx\n', '.env.local');
    const text = 'curl -d key=whsk_7Hq2mZp9Lx https://pay.example.com';
    const findings = createDetector({ knownSecrets: known }).detect(text);
    expect(findings.map((f) => [f.rule, text.slice(f.start, f.end)])).toEqual([['known-secret', 'whsk_7Hq2mZp9Lx']]);
  });
});

describe('build and release identifiers in dotenv files', () => {
  it('does not learn release, version or commit ids, but still learns secrets of the same shape', () => {
    const text = [
      'SENTRY_RELEASE=9b1f0c7e2d4a6b8c0e1f3a5b7c9d0e2f4a6b8c0d',
      'APP_VERSION=2024.11.3-rc1',
      'GIT_SHA=3e7a9c1b5d2f4e6a8b0c2d4e6f8a0b2c4d6e8f0a',
      'BUILD_COMMIT=77aa3f1',
      'DEPLOY_MARKER=0f4e2a9b7c5d3e1f0a2b4c6d8e0f1a3b5c7d9e1f',
      'GITHUB_TOKEN=5e8a2c7f9b1d3e4a6c8b0d2f4e6a8c0b2d4f6e8a',
      'WEBHOOK_ID=wh_81f2a9c4d7e3',
    ].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:GITHUB_TOKEN', '.env:WEBHOOK_ID']);
  });
});

describe('public ids and site keys in dotenv files', () => {
  it('does not learn app ids, client ids or site keys, and still learns the secret keys beside them', () => {
    const text = [
      'ALGOLIA_APP_ID=Q4W7ZP2KXL',
      'GOOGLE_CLIENT_ID=1234-abc.apps.googleusercontent.com',
      'RECAPTCHA_SITE_KEY=6LcLCQ0m_HMNd_QR5Z0XpH3nS1b1ouleVM0qzv2Q',
      'SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.c2lnbmF0dXJl',
      'RECAPTCHA_SECRET_KEY=6Lcj9xrdb7Rb1CrM37fYDb3_Hz4NLeflns_S0usy',
      'AWS_ACCESS_KEY_ID=AKIAQ4W7ZP2KXLABCDEF',
      'WEBHOOK_ID=wh_81f2a9c4d7e3',
    ].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:RECAPTCHA_SECRET_KEY', '.env:AWS_ACCESS_KEY_ID', '.env:WEBHOOK_ID']);
  });
});

describe('ids of what a credential acts on, in dotenv files', () => {
  it('does not learn a zone, account, tenant or channel id, and still learns the token and the key id beside them', () => {
    const text = [
      'CF_ZONE_ID=b81f3d9a2c4e6f8a0b1c3d5e7f9a2b4c',
      'CF_ACCOUNT_ID=4e7a9c1f3b5d7e9a1c3e5f7b9d1a3c5e',
      'SLACK_ALERTS_CHANNEL_ID=C05QK7M2ZRB',
      'CF_API_TOKEN=Vq8xT3mK9pL2wR7nB4cZ6yH1dF5gJ0sA3eU8iO2t',
      'SPACES_ACCESS_KEY_ID=DO00QW7XK2PL9MZ4RB8T',
    ].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:CF_API_TOKEN', '.env:SPACES_ACCESS_KEY_ID']);
  });
});

describe('template ids in dotenv files', () => {
  it("does not learn a mail template's id, and still learns the API key beside it and a secret under a template key's name", () => {
    const text = [
      'SENDGRID_API_KEY=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',
      'SENDGRID_TEMPLATE_ID=d-8f2b4c6e1a9d4f7083b5e0c2a1d6f394',
      'POSTMARK_RESET_TEMPLATE=password-reset-v3',
      'MAILJET_TEMPLATE_KEY=Vq8xT3mK9pL2wR7nB4cZ6yH1',
    ].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:SENDGRID_API_KEY', '.env:MAILJET_TEMPLATE_KEY']);
  });
});

describe('ids of signing keys in dotenv files', () => {
  it("does not learn a signing key's id, the kid every token carries, and still learns the secret and an access key id", () => {
    const text = [
      'TRUELAYER_SIGNING_KEY_ID=486cfb66-496c-4ed2-9ab1-95e48d6b5988',
      'JWT_KID=2024-09-rs256',
      'TRUELAYER_CLIENT_SECRET=0f63f7ee-03d0-4378-8e07-27d8a8b3687e',
      'SPACES_ACCESS_KEY_ID=DO00QW7XK2PL9MZ4RB8T',
    ].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:TRUELAYER_CLIENT_SECRET', '.env:SPACES_ACCESS_KEY_ID']);
  });
});

describe('comma lists of lower-case words in dotenv files', () => {
  it('does not learn a list of feature flags or locales, and still learns a list under a secret name', () => {
    const text = [
      'FEATURE_FLAGS=guilds,ranked_s3',
      'SUPPORTED_LOCALES=en, de, pt-br',
      'API_KEYS=kq8zw3mlp0x7,zt5vb2nq9rw4',
      'ALLOWED_ORIGINS=q9X2mL7vR4kP8nZ3w,other',
    ].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:API_KEYS', '.env:ALLOWED_ORIGINS']);
  });
});

describe('digests and UUID ids in dotenv files', () => {
  it('does not learn checksums or UUIDs under id names, and still learns secrets of those shapes', () => {
    const text = [
      'DATASET_SHA256=2767063ca193a8be3a7008b7646d5f072ef3099709636b19206dd820e2781ab4',
      'MODEL_MD5=9e107d9d372bb6826bd81d3542a419d6',
      'ARTIFACT_CHECKSUM=sha256:7d865e959b2466918c9863afca942d0fb89d7c9ac0c99bafc3749504ded97730',
      'RUN_ID=4f86c075-0461-4ffe-bdbb-53a2f757312c',
      'AZURE_TENANT_ID=72f988bf-86f1-41af-91ab-2d7cd011db47',
      'HEROKU_API_KEY=8c1d2f4a-3b5e-4c6d-9e7f-0a1b2c3d4e5f',
      'SIGNING_SECRET=5c9f3e1a7b2d4f6e8a0c2e4f6a8b0d2f4e6a8c0b2d4f6e8a0c2e4f6a8b0d2f4e',
    ].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:HEROKU_API_KEY', '.env:SIGNING_SECRET']);
  });

  it("does not learn a certificate's or a key's thumbprint or fingerprint, and still learns a key of that shape", () => {
    const text = [
      'OPCUA_SERVER_CERT_THUMBPRINT=F9C21713D0FE7EB01EAAB5CCC4DE1F3299C69575',
      'OCI_API_KEY_FINGERPRINT=3f:9a:c2:71:0b:5e:d4:88:1c:6a:e9:02:b7:4d:f3:5c',
      'SSH_HOST_FINGERPRINT=sha256:1c7e9a3b5d2f4e6a8c0b2d4f6e8a0c2e4f6a8b0d2f4e6a8c0b2d4f6e8a0c2e4f',
      'WEBHOOK_SIGNING_KEY=A7C21713D0FE7EB01EAAB5CCC4DE1F3299C69575',
      'CERT_THUMBPRINT_PASSWORD=Kq8zW3mLpQ7vR2',
    ].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:WEBHOOK_SIGNING_KEY', '.env:CERT_THUMBPRINT_PASSWORD']);
  });

  it('does not learn a UUID under a name with an id segment or a namespace, whatever follows the id', () => {
    const text = [
      'REQUEST_ID_NAMESPACE=1f0c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      'TRACE_NAMESPACE=6ba7b810-9dad-11d1-80b4-00c04fd430c8',
      'SESSION_UUID=3b2a1c0d-9e8f-4a7b-b6c5-d4e3f2a1b0c9',
      'WEBHOOK_SIGNING_KEY=7e6d5c4b-3a29-4f18-8e07-f6e5d4c3b2a1',
    ].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:WEBHOOK_SIGNING_KEY']);
  });

  it('does not learn a UUID under a name that says nothing of a secret: it names a tenant, a workspace or a record', () => {
    const text = [
      'ORG_DEFAULT=5d1c8e2f-7a3b-4c9d-8e1f-2a3b4c5d6e7f',
      'PRIMARY_WORKSPACE=0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
      'LICENSE_KEY=9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
    ].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:LICENSE_KEY']);
  });

  it('never learns a subresource-integrity hash, even under a secret-sounding name', () => {
    const text = [
      'CDN_INTEGRITY=sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==',
      'WIDGET_SRI=sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC',
      'SCRIPT_HASH_SECRET=sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
      'SIGNING_KEY=sha512-but-not-base64',
    ].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:SIGNING_KEY']);
  });
});

describe('test databases and stand-ins in dotenv files', () => {
  it('does not learn a loopback connection URL whose password is a stand-in, and still learns one with a real password or a remote host', () => {
    const text = [
      'TEST_DATABASE_URL=postgresql://ci:testing-password@localhost:5432/orders_test',
      'CACHE_URL=redis://:test-secret@127.0.0.1:6379/1',
      'LOCAL_DATABASE_URL=mysql://app:Qv7%21Lm2Tz9x@127.0.0.1:3306/app',
      'SHARED_DATABASE_URL=postgres://ci:ci_password@db.staging.internal:5432/orders',
    ].join('\n');
    expect(parseDotenv(text, '.env.test').map((s) => s.source)).toEqual(['.env.test:LOCAL_DATABASE_URL', '.env.test:SHARED_DATABASE_URL']);
  });
  it('does not learn a value that says it is not secret', () => {
    const text = ['SESSION_SIGNING_KEY=session-key-not-secret', 'WEBHOOK_SECRET=notASecretJustForTests', 'API_TOKEN=Tq8vLm2Rz5Wp3Kx9Nc7B'].join('\n');
    expect(parseDotenv(text, '.env.test').map((s) => s.source)).toEqual(['.env.test:API_TOKEN']);
  });
});

describe('model names in dotenv files', () => {
  it('does not learn the name or id of a model, and still learns the key beside it and a secret under a model name', () => {
    const text = [
      'CHAT_MODEL=claude-sonnet-4-5-20250929',
      'EMBEDDING_MODEL_NAME=text-embedding-3-large',
      'RERANK_MODEL_ID=ft:gpt-4o-mini-2024-07-18:acme::Bq7XzL2m',
      'MODEL=mistralai/Mixtral-8x7B-Instruct-v0.1',
      'GATEWAY_API_KEY=Zt5vB2nQ9rW4kq8ZW3mLp0X7cY1dF6hJ',
      'MODEL_REGISTRY_TOKEN=Hk3Lq9Zw2Xv7Np4Rt8Bc1Md6Fs0Gy5Ja',
    ].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:GATEWAY_API_KEY', '.env:MODEL_REGISTRY_TOKEN']);
  });
});

describe('client keys vendors build into apps, in dotenv files', () => {
  it('does not learn a Branch key or an Adyen client key, and learns the secrets beside them', () => {
    const text = 'BRANCH_KEY=key_live_hV3kq9TzR2mWc8Lp5Xn1Ys7Bd4Gf6Ja0\nBRANCH_SECRET=secret_live_Qm4Zr8Tx2Vk6Np9Lc3Wb7Hd1Fy5Gs0Ja\nADYEN_CLIENT_KEY=live_Q7ZK2M9XWN4RB8TJ6VC3PD5HF1GL0SEY\nADYEN_API_KEY=AQEzgmDBbd+uOWwUF3Pm8Xq2RcLk7TzN5VyH1s9Jd4Wb6Ge0Cf\n';
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:BRANCH_SECRET', '.env:ADYEN_API_KEY']);
  });

  it("does not learn the Firebase web API key a front end's public variable ships, and learns the server's keys beside it", () => {
    const text = 'NEXT_PUBLIC_FIREBASE_API_KEY=AIzaSyR8mT2vK9wQ4xN7pL3cB6dF1hJ5gZ0eYuW\nGOOGLE_MAPS_SERVER_KEY=AIzaSyW3nQ8tK2mV7rB4xL9pD6cF1hJ5gZ0eYuT\nFIREBASE_API_KEY=AIzaSyT6kP1vM9wQ4xN7pL3cB8dF2hJ5gZ0eYuR\n';
    expect(parseDotenv(text, '.env.local').map((s) => s.source)).toEqual(['.env.local:GOOGLE_MAPS_SERVER_KEY', '.env.local:FIREBASE_API_KEY']);
  });
});

describe('resource slugs in dotenv files', () => {
  it('does not learn a slug of words, numbers and versions under a name that holds no secret, and still learns one under a secret name', () => {
    const text = [
      'VECTOR_INDEX=support-tickets-v4-1536',
      'INGEST_QUEUE=ingest_v2',
      'SEARCH_REF=tx7-k2q9-ab',
      'SMTP_PASSWORD=amber-falcon-rides-31',
    ].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:SEARCH_REF', '.env:SMTP_PASSWORD']);
  });
});

describe('container images and time zones in dotenv files', () => {
  it('does not learn an image reference with a version tag, or a tz database zone, under a name that holds no secret', () => {
    const text = [
      'AIRFLOW_IMAGE_NAME=apache/airflow:2.9.3-python3.11',
      'BASE_IMAGE=ghcr.io/acme-data/spark:v3.5.1',
      'REGISTRY_MIRROR_IMAGE=registry.acme.io:5000/tools/runner:latest@sha256:28924f2e83f870bdb09ccea0a8750577761eb8d7436e66375e388202c08051c4',
      'DB_IMAGE=postgres:16.3',
      'JAVA_TIMEZONE=Europe/Berlin',
      'TZ=America/Argentina/Buenos_Aires',
    ].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual([]);
  });
  it('still learns such a value under a secret name, and a pair that is no image reference', () => {
    const text = [
      'REGISTRY_PASSWORD=acme/deploy:2024-Qx7',
      'SMTP_AUTH=mailer:4711',
      'MIRROR=deploy:Kq8zW3mLp0',
      'ROUTE=Europe/berlin-k9',
    ].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:REGISTRY_PASSWORD', '.env:SMTP_AUTH', '.env:MIRROR', '.env:ROUTE']);
  });
});

describe("DocuSign's integration key in dotenv files", () => {
  it('does not learn the OAuth client id, and learns the secret key beside it', () => {
    const text = 'DOCUSIGN_INTEGRATION_KEY=5d1e7c3a-9b24-4f6e-8a17-c2f0b9d3e481\nDOCUSIGN_SECRET_KEY=9e4b2c71-0a6d-4f58-b3e7-1c8d5a2f9b06\n';
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:DOCUSIGN_SECRET_KEY']);
  });
});

describe('account names under a secret word in dotenv files', () => {
  it('does not learn a plain account name whose variable ends in USER or USERNAME, but learns the password beside it', () => {
    const text = ['BASIC_AUTH_USERNAME=ingest', 'SMTP_AUTH_USER=mailer', 'BASIC_AUTH_PASSWORD=Reed.harbor-41Tk'].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:BASIC_AUTH_PASSWORD']);
  });
});

describe('container images pinned by digest in dotenv files', () => {
  it('does not learn an image pinned by its digest alone, and still learns such a value under a secret name', () => {
    const text = [
      'LAB_NOTEBOOK_IMAGE=quay.io/acme/lab-notebook@sha256:3c1d9e7a5b2f4c8e0a6d1b9f7e3c5a2d8b4f6e0c1a9d7b5e3f2c4a6e8d0b1f9c',
      'RUNNER=acme/runner@sha256:7e0a2c4f6b8d1e3a5c7f9b0d2e4a6c8f1b3d5e7a9c0f2b4d6e8a1c3f5b7d9e0a',
      'REGISTRY_TOKEN=acme/runner@sha256:9d1f3b5e7a0c2e4f6a8d0b2c4e6f8a1d3b5f7e9c0a2d4f6b8e0c1a3d5f7b9e2c',
    ].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:REGISTRY_TOKEN']);
  });
});

describe('Apple key ids and token issuers in dotenv files', () => {
  it("does not learn an Apple key's ten-character id or an issuer id, and still learns the passwords and an access key id", () => {
    const text = [
      'APP_STORE_CONNECT_API_KEY_KEY_ID=7RQ2XK9M4T',
      'APNS_KEY_ID=K3W8ZP1QDL',
      'APP_STORE_CONNECT_API_KEY_ISSUER_ID=9c4e2a71-58b3-4f0d-a6e2-13d7b8c05f94',
      'MATCH_PASSWORD=Quarry#Lindens-58v',
      'SPACES_ACCESS_KEY_ID=DO00QW7XK2PL9MZ4RB8T',
      // Ten characters of letters only is no Apple key id: a password under a key's name stays learnt.
      'SIGNING_KEY_SECRET_KEY_ID=hqvzmtplrw',
    ].join('\n');
    expect(parseDotenv(text, '.env.default').map((s) => s.source)).toEqual([
      '.env.default:MATCH_PASSWORD',
      '.env.default:SPACES_ACCESS_KEY_ID',
      '.env.default:SIGNING_KEY_SECRET_KEY_ID',
    ]);
  });
});

describe("a GitHub App's client id in a .env", () => {
  it('is not learnt as a secret, while the client secret beside it is', () => {
    const learnt = parseDotenv('GITHUB_ID=Iv1.4c7e2a9f0b3d6e18\nGITHUB_SECRET=5d8e1f3a7c9b2e4d6f0a8c1e3b5d7f9a2c4e6b80\n', '.env.local').map((k) => k.value);
    expect(learnt).toEqual(['5d8e1f3a7c9b2e4d6f0a8c1e3b5d7f9a2c4e6b80']);
  });
});

describe('an OAuth client id named like the secret beside it in a .env', () => {
  it("is not learnt (NextAuth's <PROVIDER>_ID and <PROVIDER>_SECRET), while the secret is", () => {
    const text = 'GITLAB_ID=k3v9q2m7x1t8w4z6\nGITLAB_SECRET=gloas-5b8e2d7f1a9c3e6b0d4f8a2c7e1b9d3f\n';
    expect(parseDotenv(text, '.env.local').map((k) => k.source)).toEqual(['.env.local:GITLAB_SECRET']);
  });
  it('is learnt with no secret of its name beside it, and a key id stays learnt beside its secret key', () => {
    expect(parseDotenv('GITLAB_ID=k3v9q2m7x1t8w4z6\nOTHER_SECRET=gloas-5b8e2d7f1a9c3e6b\n', '.env').map((k) => k.source)).toEqual(['.env:GITLAB_ID', '.env:OTHER_SECRET']);
    const aws = 'STORE_ACCESS_KEY_ID=AKIAQ7WZ3M5N2TXB4R6K\nSTORE_ACCESS_KEY_SECRET=Tq8Lm3Wz7Rk2Vb9Nc4Xp6Hy1Jd5Gs0Fe7Qa2Uo\n';
    expect(parseDotenv(aws, '.env').map((k) => k.source)).toEqual(['.env:STORE_ACCESS_KEY_ID', '.env:STORE_ACCESS_KEY_SECRET']);
  });
});

describe('stand-in notes, loopback lists and payment profile ids in dotenv files', () => {
  it("does not learn a test suite's stand-ins, a list of loopback and header names, or a profile id, and still learns the secrets beside them", () => {
    const text = [
      'SESSION_SECRET=local-jwt-key-not-for-production',
      'PAYMENT_WEBHOOK_SECRET=whsec_dummy',
      'TRUSTED_PROXIES=127.0.0.1,::1,HTTP_X_FORWARDED_FOR',
      'MOLLIE_PROFILE_ID=pfl_Tq7Zw2Lm9K',
      'JWT_SECRET=Vq8xT3mK9pL2wR7nB4cZ6yH1dF5gJ0sA',
      'STRIPE_WEBHOOK_SECRET=whsec_Kq2Vb8Nx5Lm3Tz9Wr4Yp7Hc6Jd1Fs0Ga',
      'UPSTREAMS=127.0.0.1,Zq8xT3mK9pL2wR7n',
    ].join('\n');
    expect(parseDotenv(text, '.env.test').map((s) => s.source)).toEqual(['.env.test:JWT_SECRET', '.env.test:STRIPE_WEBHOOK_SECRET', '.env.test:UPSTREAMS']);
  });
  it('does not learn a note that points to where the value is kept, and still learns a password beside it', () => {
    const text = ['SMTP_PASSWORD=see-vault', 'LDAP_BIND_PASSWORD=in_1password', 'SFTP_PASSWORD=ask-netops', 'DB_PASSWORD=Vault-Keeper-2021'].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:DB_PASSWORD']);
  });
});

describe('environment lookups copied into dotenv files', () => {
  it('does not learn code that reads a variable, and still learns a lookup with a literal default or fallback', () => {
    const text = [
      'WEATHER_API_KEY=process.env.WEATHER_API_KEY',
      'MAPS_TOKEN=process.env["MAPS_TOKEN"]',
      "SMTP_PASSWORD=os.environ['SMTP_PASSWORD']",
      'GEO_SECRET=os.getenv("GEO_SECRET")',
      "PAYOUT_KEY=ENV.fetch('PAYOUT_KEY')",
      'LEDGER_TOKEN=System.getenv("LEDGER_TOKEN")',
      'QUEUE_SECRET=$env:QUEUE_SECRET',
      'RELAY_KEY=os.getenv("RELAY_KEY", "Rk7Qw2Zx9Lm4Tv8Nb3Hp")',
      'HOOK_SECRET=process.env.HOOK_SECRET || "Hs5Vb8Nq2Xw7Lk3Tz9Mr"',
    ].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:RELAY_KEY', '.env:HOOK_SECRET']);
  });
});

describe('parseDotenv: account names and ids', () => {
  it('does not learn the user id a credential logs in as, and still learns the password beside it', () => {
    const text = ['PARCEL_USER_ID=HARBOR4417', 'PARCEL_USERID=quay.77', 'PARCEL_PASSWORD=Wq8-zTr4LmX2', 'PARCEL_API_KEY=Kp3Vw9Lz2Qx7Rt5N'].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:PARCEL_PASSWORD', '.env:PARCEL_API_KEY']);
  });
});

describe('parseDotenv: addresses, networks, locales, titles and versioned words', () => {
  it('does not learn what names a network, a language, a game title or a product version, and still learns the secrets beside them', () => {
    const text = [
      'ADMIN_ALLOWED_CIDR=203.0.113.0/24',
      'VPC_CIDR=10.88.0.0/16',
      'PEER_NETWORK=fd00:1::/64',
      'LANG=en_US.UTF-8',
      'PLAYFAB_TITLE_ID=7C2F1',
      'WARDEN_ENV_TYPE=magento2',
      'RUNTIME=python3',
      'DB_PASSWORD=summer24',
      'PLAYFAB_SECRET_KEY=Kp3Vw9Lz2Qx7Rt5NbH8mY4cJ6dF1gA0e',
    ].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:DB_PASSWORD', '.env:PLAYFAB_SECRET_KEY']);
  });

  it('does not learn a Segment write key under a front-end build prefix, and still learns a server one', () => {
    const text = ['VITE_SEGMENT_WRITE_KEY=Qm3kT8vZ2pLx9RbN4cW7yHf1sJ6dGa0u', 'SEGMENT_WRITE_KEY=Hn4pR8wZ2kLq7VbX3cT9mYf6sJ1dGa5e'].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:SEGMENT_WRITE_KEY']);
  });
});
