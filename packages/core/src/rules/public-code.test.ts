import { describe, expect, it } from 'vitest';
import { createDetector } from '../detector.js';

/**
 * False positives met scanning real public code (an npm tree, a Python install with the AWS CLI's
 * examples and botocore's data): names that look like a secret's but name something else, and
 * values that are names, paths or patterns. Each case is paired with the secret it must still find.
 */
const detector = createDetector();
const found = (text: string, file: string): string[] => detector.detect(text, { file }).map((f) => text.slice(f.start, f.end));

describe('AWS shorthand and handles', () => {
  it('reads no secret in the `Key=…,Value=…` shorthand of tags, parameters and dimensions', () => {
    const text = [
      'aws ec2 create-tags --resources i-0abc --tags Key=costcentre,Value=Northwind Key=owner,Value=PlatformTeam',
      'aws cloudformation create-stack --parameters ParameterKey=SshKeyName,ParameterValue=BastionPair ParameterKey=Subnets,ParameterValue=a',
      'aws cloudwatch put-metric-alarm --dimensions "Name=Queue,Value=orders" --tags Key=environment_tier_label,Value=Staging',
      'aws s3api get-object --bucket acme-artifacts --key releases/2024/portal-build.tar out.tar',
      'aws logs put-subscription-filter --destination Bucket=acme-logs,Key=exports/lambda/cold-start-traces.json',
    ].join('\n');
    expect(found(text, 'README.md')).toEqual([]);
    expect(found('aws configure set --tags Key=aws_secret,Value=x --secret-key=Zq8Lm2Wx7Vb4Nc9Kp3Hy6Td1Rf5Gs0J', 'setup.md')).toEqual(['Zq8Lm2Wx7Vb4Nc9Kp3Hy6Td1Rf5Gs0J']);
  });

  it('reads no secret in page, idempotency, lock or change tokens, and still reads a session token', () => {
    const text = [
      '{',
      '  "NextToken": "eyJNZXh0VG9rZW4iOiBudWxsLCAiUGFnZSI6IDJ9Cg==",',
      '  "ChangeToken": "4a7f2c1e-93b0-4d55-a8e6-0c1b2d3e4f5a",',
      '  "IdempotencyToken": "c3d1e8f0-7a2b-4c9d-8e1f-2a3b4c5d6e7f",',
      '  "LockToken": "Zm9vYmFyLWxvY2stMTIzNDU2Nzg5MGFiY2RlZg==",',
      '  "nextPageToken": "CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA3cRIA",',
      '  "SessionToken": "FwoGZXIvYXdzEBYaDHqa0AP1ZYtzA7Lm9SLIAXkZ"',
      '}',
    ].join('\n');
    expect(found(text, 'output.json')).toEqual(['FwoGZXIvYXdzEBYaDHqa0AP1ZYtzA7Lm9SLIAXkZ']);
    expect(found('aws dynamodb list-backups --starting-token eyJNZXh0VG9rZW4iOiAiYWJjIn0=\naws autoscaling complete-lifecycle-action --lifecycle-action-token 8d1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', 'x.rst')).toEqual([]);
  });

  it('takes a quoted `::`-qualified name for a type, not a variable', () => {
    expect(found('{\n  "AWS::ApiGateway::ApiKey": "5f0c2d9e8a7b6c41",\n  "AWS::AppSync::ApiKey": "9e2b7c4d1a0f3e58"\n}', 'providers.json')).toEqual([]);
    expect(found('Acme::Config::API_KEY = "Zq8Lm2Wx7Vb4Nc9Kp3Hy6Td1"', 'config.rb')).toEqual(['Zq8Lm2Wx7Vb4Nc9Kp3Hy6Td1']);
  });

  it('reads IAM condition keys and tag keys as names', () => {
    const text = '{\n  "ConditionKeys": ["ec2:InstanceMarketType", "apigateway:Request/ApiKeyRequired", "aws:ResourceTag/${TagKey}"],\n  "aws:TagKeys": ["CostCentre-*"]\n}';
    expect(found(text, 'policies.json')).toEqual([]);
  });
});

describe('lists, paths and code', () => {
  it('reads a word between other items of a list as an item, and a value closing a call as a value', () => {
    expect(found('{\n  "keywords": ["argon2", "password", "crypto", "secure"]\n}', 'package.json')).toEqual([]);
    expect(found('__all__ = [\n    "HTTPPasswordMgr",\n    "HTTPPasswordMgrWithDefaultRealm",\n]\n', 'request.py')).toEqual([]);
    expect(found("args = ['-c', 'pass', 'arg2']\n", 'test_embed.py')).toEqual([]);
    expect(found('config.set("database", "password", "Lantern-Quay-58")\n', 'setup.py')).toEqual(['Lantern-Quay-58']);
    expect(found('cmd = ["mysql", "--password", "Lantern-Quay-58", "-e", "select 1"]\n', 'run.py')).toEqual(['Lantern-Quay-58']);
  });

  it('reads member access with digits in code as code, and regular expressions and type names as no value', () => {
    expect(found('RegEnumKey = win32api.RegEnumKey\np12.generateKey = forge.pbe.generatePkcs12Key;\n', 'compat.py')).toEqual([]);
    expect(found("longopt_pat = r'[a-zA-Z](?:[a-zA-Z0-9-]*)'\n", 'getopt.py')).toEqual([]);
    expect(found('if (typeof passOnNoPatterns !== "boolean") throw new Error();\n', 'options.js')).toEqual([]);
    expect(found('readFile(\'/etc/passwd\', \'utf8\', cb);\nconst env = { PWD: \'/Users/dana/projects\' };\n', 'fs.js')).toEqual([]);
    expect(found('export function tokenIsIdentifier(token: TokenType): boolean {}', 'index.js.map')).toEqual([]);
  });

  it('reads camelCase identifiers and file names under a key as names, and keeps a generated key', () => {
    expect(found("terminate_key = 'terminateBlueInstancesOnDeploymentSuccess'\nartifact_key = 'builds/web/portal-2024.zip'\n", 'deploy.py')).toEqual([]);
    expect(found("signing_key = 'Hq4Wm8Zt2Xv6Lp9Nc3Rb7Ks1'\n", 'deploy.py')).toEqual(['Hq4Wm8Zt2Xv6Lp9Nc3Rb7Ks1']);
  });

  it('reads documentation fill-ins and the Telegram sample token as no secret', () => {
    expect(found('DATABASE_PASSWORD=somepassword\nREDIS_PASSWORD="enterapasswordhere"\n', 'README.md')).toEqual([]);
    expect(found('botToken: "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11",\n', 'docs.md')).toEqual([]);
  });
});

describe('names, types and expressions in code', () => {
  it('reads type names with digits, negations, increments and chained assignments in code as code', () => {
    expect(found('export declare function pbkdf2(password: Uint8Array, salt: Uint8Array): Uint8Array;\n', 'sha256.d.ts')).toEqual([]);
    expect(found('def serialize(name: bytes | None, key: PKCS12PrivateKeyTypes) -> bytes: ...\n', 'pkcs12.pyi')).toEqual([]);
    expect(found('const pass = !this.result.issues;\nlet token = ++tokenCounter;\n', 'expect.js')).toEqual([]);
    expect(found('_check_password_hook=Module._check_password_hook=e.check_password_hook;\n', 'pglite.cjs')).toEqual([]);
    // A generated key is no type's name, even in code and bare inside a connection string.
    expect(found('Connect("cache.internal:6380,password=Rq7mK2xW9zL4tB8v,ssl=True");\n', 'Startup.cs')).toEqual(['Rq7mK2xW9zL4tB8v']);
    expect(found('password: F7kQ2mW9xR4tL8vZ3\n', 'settings.py')).toEqual(['F7kQ2mW9xR4tL8vZ3']);
  });

  it('reads a source map\'s escaped code to its escaped line break', () => {
    expect(found('{"sourcesContent":["function f(\\n  key: t.PrivateName,\\n  token: TokenType,\\n) {}"]}', 'index.js.map')).toEqual([]);
  });

  it('reads an enum member set to its own name, a setting\'s dotted name and a template of calls as no value', () => {
    expect(found('class Status(str, Enum):\n    FORCE_CHANGE_PASSWORD = "FORCE_CHANGE_PASSWORD"\n', 'models.py')).toEqual([]);
    expect(found("EMRFS_SSE_KEY = 'fs.s3.enableServerSideEncryption'\n", 'constants.py')).toEqual([]);
    expect(found('const key = `I${getTypeId(type)},${getTypeId(other)}`;\n', 'checker.js')).toEqual([]);
    expect(found('{ "Key": "aws:servicecatalog:provisioningPrincipalArn" }', 'out.json')).toEqual([]);
  });

  it('reads pass before another word as the verb, unless the word names an account', () => {
    expect(found('cargo build --pass-arg=asyncify-imports@env.await_promise_sync\n', 'package.json')).toEqual([]);
    expect(found("module.exports = { 'allPass': 'overEvery', 'anyPass': 'overSome' };\n", 'mapping.js')).toEqual([]);
    expect(found('PASS_DB=Qm4!vRt8Lw\nANY_PASS=Kd8!mPq2Zx\n', '.env')).toEqual(['Qm4!vRt8Lw', 'Kd8!mPq2Zx']);
  });

  it('reads names in a list, digits in some words, as items, and a generated value in a list as a value', () => {
    expect(found('    "TR31_C0_CARD_VERIFICATION_KEY",\n    "TR31_D0_SYMMETRIC_DATA_ENCRYPTION_KEY",\n    "TR31_E0_EMV_MKEY_APP_CRYPTOGRAMS",\n', 'schema.json')).toEqual([]);
    expect(found('Map.of("password", "Wq8Zt2Lm6Rx9Kb3V", "user", "svc")\n', 'Config.java')).toEqual(['Wq8Zt2Lm6Rx9Kb3V']);
  });
});

describe('prose that names credentials', () => {
  it('reads IDENTIFIED BY only in a statement that sets an account\'s password', () => {
    expect(found('/**\n * Removes the directory identified by `path`.\n */\n', 'promises.d.ts')).toEqual([]);
    expect(found('Covered Code that has been expressly identified by Acme as such.', 'LICENSE.json')).toEqual([]);
    expect(found(' *   SYNTAX GeneralNames\n *   IDENTIFIED BY id-ce-subjectAltName }\n', 'asn1.js')).toEqual([]);
    expect(found("CREATE USER 'etl'@'10.%'\n  IDENTIFIED BY 'Ochre-Lattice-71';\nGRANT SELECT ON dw.* TO reporter IDENTIFIED BY 'Basalt#Wren-39';\n", 'init.sql')).toEqual(['Ochre-Lattice-71', 'Basalt#Wren-39']);
  });

  it('reads no Basic credential in a word after "Basic", nor a password in prose about flags', () => {
    expect(found('For more information on authorization, see `Basic Operations`.\n', 'create-table.rst')).toEqual([]);
    expect(found('Credentials go to svn through its --username and --password options.\n', 'subversion.py')).toEqual([]);
    expect(found('left in their original positions--pass `strict=False`. To produce a\n', 'iterables.py')).toEqual([]);
    expect(found('curl -H "Authorization: Basic bWFyaW46SGVyb24tUXVheS03Nw==" https://x', 'notes.md')).toEqual(['bWFyaW46SGVyb24tUXVheS03Nw==']);
    expect(found('svn checkout --password Heron-Quay-77 https://svn.example/repo', 'notes.md')).toEqual(['Heron-Quay-77']);
  });
});
