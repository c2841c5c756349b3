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
