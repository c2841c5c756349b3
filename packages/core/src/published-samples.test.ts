import { describe, expect, it } from 'vitest';
import { detect } from './detector.js';
import { isPublishedSample } from './published-samples.js';

const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const COSMOS_EMULATOR_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';
/** A real-looking storage key of the same shape, one character away from the emulator's. */
const ANOTHER_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGQ==';

function found(text: string, file?: string): string[] {
  return detect(text, file === undefined ? {} : { file }).map((f) => text.slice(f.start, f.end));
}

describe('published sample credentials', () => {
  it('knows the emulator keys and documentation samples exactly, nothing near them', () => {
    expect(isPublishedSample(AZURITE_KEY)).toBe(true);
    expect(isPublishedSample(COSMOS_EMULATOR_KEY)).toBe(true);
    expect(isPublishedSample('sk_test_4eC39HqLyjWDarjtT1zdp7dc')).toBe(true);
    expect(isPublishedSample(ANOTHER_KEY)).toBe(false);
    expect(isPublishedSample(` ${AZURITE_KEY}`)).toBe(false);
  });

  it("reports no finding on the OAuth RFCs' example tokens that libraries quote, but does on other values in their place", () => {
    const docstring = [
      '        HTTP/1.1 200 OK',
      '        {',
      '            "access_token":"2YotnFZFEjr1zCsicMWpAA",',
      '            "refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA"',
      '        }',
      '        Authorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW',
      '        Authorization: OAuth realm="Example", oauth_consumer_key="0685bd9184jfhq22", oauth_token="ad180jjd733klru7"',
      '            oauth_consumer_key="9djdj82h48djs9d2",',
      '            oauth_token="kkk9d7dh3k39sjv7",',
      '        |   oauth_consumer_key   | 9djdj82h48djs9d2 |',
      '        client_secret = "j49sk3j29djd"',
    ].join('\n');
    expect(found(docstring, 'oauth2/client.py')).toEqual([]);
    expect(found('"access_token":"Qm7vX2pL9zT4wK8rN3bY6c"\n', 'client.py')).toEqual(['Qm7vX2pL9zT4wK8rN3bY6c']);
  });

  it("reports no finding on GitHub's, Slack's and the captcha vendors' documented test values, but does on real-shaped ones beside them", () => {
    const fixtures = [
      'DOCS = {',
      '    "github": "ghp_16C7e42F292c6912E7710c838347Ae178B4a",',
      '    "oauth": "gho_16C7e42F292c6912E7710c838347Ae178B4a",',
      '    "slack": "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",',
      '}',
      'RECAPTCHA_SECRET_KEY = "6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe"',
      'HCAPTCHA_SECRET = "0x0000000000000000000000000000000000000000"',
    ].join('\n');
    expect(found(fixtures, 'tests/test_scrub.py')).toEqual([]);
    const real = [
      'GITHUB_TOKEN = "ghp_Wq8nZ3rT5yK2mB7vX1cL9pD4fH6jS0aE2gU8"',
      'SLACK_BOT_TOKEN = "xoxb-28461937502-57302846195-Tq4wLm8ZrX2nVb6KcY9pHs3d"',
      'RECAPTCHA_SECRET_KEY = "6Lc3wT4qAAAAAN8zKx2Vb7mRq5YpL1sDf9HgJk0E"',
    ].join('\n');
    expect(found(real, 'settings.py')).toEqual([
      'ghp_Wq8nZ3rT5yK2mB7vX1cL9pD4fH6jS0aE2gU8',
      'xoxb-28461937502-57302846195-Tq4wLm8ZrX2nVb6KcY9pHs3d',
      '6Lc3wT4qAAAAAN8zKx2Vb7mRq5YpL1sDf9HgJk0E',
    ]);
  });

  it("reports no finding on NIST's AES test-vector keys in a test, but does on another key in their place (blind set 29)", () => {
    const tests = 'const string NistKey = "2b7e151628aed2a6abf7158809cf4f3c";\nconst string Aes256Key = "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4";\n';
    expect(found(tests, 'SaveCryptoTests.cs')).toEqual([]);
    expect(found('const string SaveKey = "7c1e4b9a2f0d83e6b5a4c9d1e2f3a4b5";\n', 'SaveCrypto.cs')).toEqual(['7c1e4b9a2f0d83e6b5a4c9d1e2f3a4b5']);
  });

  it("reports no finding on Binance's and Kraken's documented signing keys in an SDK test, but does on other keys in their place", () => {
    const tests = [
      'BINANCE_DOC_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"',
      'BINANCE_DOC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"',
      'KRAKEN_DOC_SECRET = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg=="',
    ].join('\n');
    expect(found(tests, 'tests/test_signing.py')).toEqual([]);
    const real = 'BINANCE_API_SECRET = "Tq8wZr3LmX5nVb2KcY7pHs4dFg9JkA1eRt6UyIo0PzQx3WcVbN8mLk2JhGf5DsAa"\n';
    expect(found(real, 'settings.py')).toEqual(['Tq8wZr3LmX5nVb2KcY7pHs4dFg9JkA1eRt6UyIo0PzQx3WcVbN8mLk2JhGf5DsAa']);
  });

  it("reports no finding on Azurite's account key in a connection string, but does on a real account's", () => {
    const log = [
      `Storage (local dev fallback): DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`,
      `Storage: DefaultEndpointsProtocol=https;AccountName=acmeexports;AccountKey=${ANOTHER_KEY};EndpointSuffix=core.windows.net`,
    ].join('\n');
    const findings = found(log, 'worker.log');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toContain(ANOTHER_KEY);
    expect(findings[0]).not.toContain('devstoreaccount1');
  });

  it('reports no finding on the Cosmos DB emulator key or Stripe\'s documentation key under any rule', () => {
    expect(found(`AccountEndpoint=https://localhost:8081/;AccountKey=${COSMOS_EMULATOR_KEY}`)).toEqual([]);
    expect(found(`const COSMOS_KEY = "${COSMOS_EMULATOR_KEY}";`, 'test.ts')).toEqual([]);
    expect(found('stripe.api_key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"', 'pay.py')).toEqual([]);
  });

  it("reports no finding on the encrypted password of Maven's encryption guide, but does on a plain one beside it", () => {
    const settings = [
      '<servers>',
      '  <server><id>docs-copy</id><username>ci</username><password>{COQLCE6DU6GtcS5P=JIEmKx1w/Ir5SHU8QAmbcLe3mJyUo3=}</password></server>',
      '  <server><id>plain</id><username>ci</username><password>Lq7=Harbor-Vane/2041</password></server>',
      '</servers>',
    ].join('\n');
    expect(found(settings, 'settings.xml')).toEqual(['Lq7=Harbor-Vane/2041']);
    expect(isPublishedSample('{COQLCE6DU6GtcS5P=JIEmKx1w/Ir5SHU8QAmbcLe3mJyUo3=}')).toBe(true);
    expect(isPublishedSample('{COQLCE6DU6GtcS5P=JIEmKx1w/Ir5SHU8QAmbcLe3mJyUo4=}')).toBe(false);
  });
});

describe("Windows' published KMS client keys and Setup's deleted-data marker", () => {
  it('reports neither in an answer file, but does report a product key that is not a published one', () => {
    const xml = (key: string, password: string) =>
      `<ProductKey><Key>${key}</Key></ProductKey>\n<AdministratorPassword><Value>${password}</Value><PlainText>true</PlainText></AdministratorPassword>\n`;
    expect(detect(xml('W269N-WFGWX-YVC9B-4J6C9-T83GX', '*SENSITIVE*DATA*DELETED*'), { file: 'autounattend.xml' })).toEqual([]);
    const found = detect(xml('Q7RKN-9FWX3-HT2MB-4CXJD-P84VY', 'Kx7!Marram-Dune'), { file: 'autounattend.xml' });
    expect(found.length).toBe(2);
  });
});

describe("Microsoft's sample SA passwords for SQL Server containers", () => {
  it('reports none of them as given in a compose file or a script, but does report another SA password there', () => {
    const compose = "services:\n  sql:\n    image: mcr.microsoft.com/mssql/server:2022-latest\n    environment:\n      ACCEPT_EULA: 'Y'\n      MSSQL_SA_PASSWORD: 'YourStrong@Passw0rd'\n";
    expect(found(compose, 'docker-compose.yml')).toEqual([]);
    expect(found("# sqlcmd -S localhost -U sa -P 'YourStrong!Passw0rd'\n", 'setup.sh')).toEqual([]);
    expect(found("MSSQL_SA_PASSWORD: 'Qx7!Heron-Lattice42'\n", 'docker-compose.yml')).toEqual(['Qx7!Heron-Lattice42']);
  });
});
