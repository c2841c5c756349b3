import { describe, expect, it } from 'vitest';
import { createDetector } from '../../detector.js';
import { fake } from './fake.js';

const detector = createDetector();
const found = (text: string, file: string) => detector.detect(text, { file }).map((f) => ({ rule: f.rule, value: text.slice(f.start, f.end) }));

describe('Backblaze B2 key ids as rclone keeps them', () => {
  const keyId = `004${fake('hex', 22, 9871)}`;
  const appKey = `K004${fake('alnum', 27, 9872)}`;

  it("reports the account of a b2 remote in rclone.conf as the key id it is, beside the remote's key", () => {
    const conf = `[nightly-b2]\ntype = b2\naccount = ${keyId}\nkey = ${appKey}\nhard_delete = true\n`;
    const values = found(conf, 'home/ops/.config/rclone/rclone.conf').map((f) => f.value);
    expect(values).toContain(keyId);
    expect(values).toContain(appKey);
    expect(found(conf, 'home/ops/.config/rclone/rclone.conf').find((f) => f.value === keyId)?.rule).toBe('rclone-b2-account');
  });

  it('reads an id a few characters short of 25 under the same names, and not a shorter one', () => {
    const short = '00518535e4140000000003';
    expect(found(`[b2-offsite]\ntype = b2\naccount = ${short}\nkey = ${appKey}\n`, 'backup/rclone.conf').map((f) => f.value)).toContain(short);
    expect(found(`export B2_APPLICATION_KEY_ID=${short}\n`, 'backup.sh').map((f) => f.value)).toEqual([short]);
    expect(found(`b2 authorize-account ${short} "$B2_KEY"\n`, 'backup.sh').map((f) => f.value)).toEqual([short]);
    expect(found(`[b2]\ntype = b2\naccount = 005${fake('hex', 16, 9874)}\n`, 'rclone.conf')).toEqual([]);
  });

  it("reads rclone's environment name for the id", () => {
    expect(found(`export RCLONE_B2_ACCOUNT=${keyId}\n`, 'backup.sh').map((f) => f.value)).toEqual([keyId]);
  });

  it('leaves an Azure storage account name, a B2 account id and the same shape outside rclone.conf alone', () => {
    expect(found('[cold]\ntype = azureblob\naccount = acmecoldstore0042\n', 'rclone.conf')).toEqual([]);
    expect(found(`[b2]\ntype = b2\naccount = ${fake('hex', 12, 9873)}\n`, 'rclone.conf')).toEqual([]);
    expect(found(`[gcs]\ntype = gcs\nservice_account = ${keyId}\n`, 'rclone.conf').map((f) => f.rule)).not.toContain('rclone-b2-account');
    expect(found(`account = ${keyId}\n`, 'settings.ini').map((f) => f.rule)).not.toContain('rclone-b2-account');
  });
});

describe("Azure keys handed to the SDK's shared-key credential", () => {
  const key = `${fake('b64', 86, 9911)}==`;
  it("reports the account key of a StorageSharedKeyCredential, C#'s target-typed new included", () => {
    const cs = `public class Archive\n{\n    private static readonly StorageSharedKeyCredential Cred =\n        new(AccountName, "${key}");\n}\n`;
    expect(found(cs, 'Services/Archive.cs')).toEqual([{ rule: 'azure-shared-key-credential', value: key }]);
    const java = `StorageSharedKeyCredential credential = new StorageSharedKeyCredential("archivesprod", "${key}");\n`;
    expect(found(java, 'src/main/java/Archive.java').map((f) => f.value)).toEqual([key]);
  });
  it('leaves a key read from elsewhere', () => {
    expect(found('var cred = new StorageSharedKeyCredential(accountName, config["Storage:Key"]);\n', 'Archive.cs')).toEqual([]);
  });
});

describe("a Google service account's key file encoded in base64", () => {
  const pem = `-----BEGIN PRIVATE KEY-----\\n${fake('b64', 64, 9861)}\\n${fake('b64', 64, 9862)}\\n-----END PRIVATE KEY-----\\n`;
  const keyFile = `{\n  "type": "service_account",\n  "project_id": "lumen-analytics",\n  "private_key_id": "${fake('hex', 40, 9863)}",\n  "private_key": "${pem}",\n  "client_email": "etl@lumen-analytics.iam.gserviceaccount.com"\n}\n`;

  it('reports the whole base64 value of a Helm setting, whatever its alignment', () => {
    const b64 = btoa(keyFile);
    expect(found(`    gcs:\n      credentialsJson: ${b64}\n`, 'values.yaml')).toEqual([{ rule: 'gcp-service-account-key-base64', value: b64 }]);
    // Compact JSON with another field first: `"service_account"` falls at another alignment.
    const compact = btoa(`{"project_id":"lumen","type":"service_account","private_key":"${pem}"}`);
    expect(found(`GOOGLE_CREDENTIALS_B64="${compact}"\n`, 'ci.env.sh').map((f) => f.value)).toEqual([compact]);
  });

  it('takes no key file without a private key (workload identity federation), and no other base64', () => {
    const federation = btoa('{\n  "type": "external_account",\n  "service_account_impersonation_url": "https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/etl@lumen.iam.gserviceaccount.com:generateAccessToken"\n}\n');
    const rules = (text: string) => found(text, 'values.yaml').map((f) => f.rule);
    expect(rules(`credentialsJson: ${federation}\n`)).not.toContain('gcp-service-account-key-base64');
    expect(rules(`note: ${btoa('the service_account field names the kind of key')}\n`)).toEqual([]);
  });
});
