import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The text of every finding of `rule` in `text` (as `file`). */
function found(text: string, file: string, rule = 'secret-file-write'): string[] {
  return detect(text, { file })
    .filter((f) => f.rule === rule)
    .map((f) => text.slice(f.start, f.end));
}

describe('literals a shell writes into a file named for a secret', () => {
  it("reports Vault Agent's secret id written for its AppRole login, and leaves the role id beside it", () => {
    const sh = [
      'echo "8c2f6a19-4d7e-4b03-9e5a-1f0c7d3b2a64" > /etc/vault-agent/secret-id',
      'echo "4b7d0e2c-6a91-4f38-b5c2-9e1d3a7f0c58" > /etc/vault-agent/role-id',
      'echo "role id: 4b7d0e2c-6a91-4f38-b5c2-9e1d3a7f0c58"',
    ].join('\n');
    expect(found(sh, 'deploy/bootstrap.sh')).toEqual(['8c2f6a19-4d7e-4b03-9e5a-1f0c7d3b2a64']);
  });
  it('reads printf, echo -n, tee and a plain extension, with the category the file name gives', () => {
    const sh = "printf '%s' 'Mz4Tq8Lw2Rv6Xk0N' > \"$HOME/.vault-token\"\necho 'Tide!Lantern-5521' | sudo tee -a /run/secrets/db_password\necho -n Qv3Rk7Lm1Zx5Wt9P > out/api_key.txt\n";
    const result = detect(sh, { file: 'setup.sh' }).filter((f) => f.rule === 'secret-file-write');
    expect(result.map((f) => [sh.slice(f.start, f.end), f.category])).toEqual([
      ['Mz4Tq8Lw2Rv6Xk0N', 'TOKEN'],
      ['Tide!Lantern-5521', 'PASS'],
      ['Qv3Rk7Lm1Zx5Wt9P', 'KEY'],
    ]);
  });
  it('leaves variables, commands, words and files named for no secret', () => {
    const sh = [
      'echo "$VAULT_SECRET_ID" > /etc/vault-agent/secret-id',
      'echo "$(openssl rand -hex 32)" > secret.key',
      'echo done > token.log',
      'echo "Mz4Tq8Lw2Rv6Xk0N" > build/version.txt',
      'echo "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFq8vLm2Tz7Rw4Xc9Bn3Kp5Hd ops@bastion" >> ~/.ssh/authorized_keys',
      'recho "Mz4Tq8Lw2Rv6Xk0N" > token',
    ].join('\n');
    expect(found(sh, 'setup.sh')).toEqual([]);
  });
});

describe('the line a terminal session printed for one field of a stored secret', () => {
  const rule = 'secret-field-output';
  it("reports kubectl's decoded Secret field and Vault's -field output, after a prompt", () => {
    const session = [
      "$ kubectl -n shop get secret shop-db -o jsonpath='{.data.DB_PASSWORD}' | base64 --decode",
      'Wq4-Lt9Rz2vKm8Xc',
      "deploy@jump-1:~/k8s$ kubectl get secret shop-api -o go-template='{{.data.api_token | base64decode}}'",
      'b7Tq2Xr9Lm4Wz1Kc6Vn8Hd3P',
      '$ vault kv get -mount=kv -field=password reporting/db',
      'Ledger!Osprey-4410',
      '$ exit',
    ].join('\n');
    expect(found(session, 'session.txt', rule)).toEqual(['Wq4-Lt9Rz2vKm8Xc', 'b7Tq2Xr9Lm4Wz1Kc6Vn8Hd3P', 'Ledger!Osprey-4410']);
  });
  it('leaves a field named for no secret, a stand-in, a script or history without a prompt, and a ConfigMap', () => {
    const text = [
      "$ kubectl get secret shop-db -o jsonpath='{.data.DB_HOST}' | base64 -d",
      'pg-shop.shop.svc.cluster.local',
      '$ vault kv get -field=password reporting/db',
      '<redacted>',
      "kubectl get secret shop-db -o jsonpath='{.data.DB_PASSWORD}' | base64 -d",
      'Wq4-Lt9Rz2vKm8Xc',
      'vault kv get -field=password reporting/db',
      'Ledger!Osprey-4410',
      "$ kubectl get configmap shop -o jsonpath='{.data.api_token}' | base64 -d",
      'b7Tq2Xr9Lm4Wz1Kc6Vn8Hd3P',
    ].join('\n');
    expect(found(text, 'notes.txt', rule)).toEqual([]);
  });
});

describe('a base64 literal a script decodes', () => {
  const rule = 'decoded-base64-credential';
  it('reports a literal that decodes to user:password, and one written to a credentials or token file', () => {
    // "svc-etl:Hz8!qR2mWv5Tn"
    expect(found('  - echo "c3ZjLWV0bDpIejghcVIybVd2NVRu" | base64 -d > /tmp/login\n', '.gitlab-ci.yml', rule)).toEqual(['c3ZjLWV0bDpIejghcVIybVd2NVRu']);
    expect(found("echo c3ZjLWV0bDpIejghcVIybVd2NVRu | base64 --decode\n", 'deploy.sh', rule)).toEqual(['c3ZjLWV0bDpIejghcVIybVd2NVRu']);
    // "Jp4Wq8Lz2Rv7Tn5Xk9Bc"
    expect(found("echo -n 'SnA0V3E4THoyUnY3VG41WGs5QmM=' | base64 -d > ~/.config/sync/token\n", 'setup.sh', rule)).toEqual(['SnA0V3E4THoyUnY3VG41WGs5QmM=']);
  });
  it('leaves a pair with a stand-in password, a label in a secret file, text decoded elsewhere and a variable', () => {
    // "svc-etl:password"
    expect(found('echo "c3ZjLWV0bDpwYXNzd29yZA==" | base64 -d > /tmp/creds\n', 'deploy.sh', rule)).toEqual([]);
    // "just-a-label-value"
    expect(found('echo "anVzdC1hLWxhYmVsLXZhbHVl" | base64 -d > /tmp/creds\n', 'deploy.sh', rule)).toEqual([]);
    // "Jp4Wq8Lz2Rv7Tn5Xk9Bc" decoded into a file not named for a secret
    expect(found('echo "SnA0V3E4THoyUnY3VG41WGs5QmM=" | base64 -d > /tmp/build-id\n', 'deploy.sh', rule)).toEqual([]);
    expect(found('echo "$LOGIN_B64" | base64 -d > /tmp/creds\n', 'deploy.sh', rule)).toEqual([]);
  });
});

describe('a here-document that writes one value into a file named for a secret', () => {
  it('reports the single body line', () => {
    const sh = 'set -e\ncat > /tmp/store_creds <<EOF\nk4xq9vzm2tlw8pn3bc6hd1fs5ja7ye\nEOF\n./upload\n';
    expect(found(sh, 'ci/upload.sh', 'secret-file-heredoc')).toEqual(['k4xq9vzm2tlw8pn3bc6hd1fs5ja7ye']);
  });

  it('leaves files not named for a secret, expansions and a body that is not closed on the next line', () => {
    expect(found('cat > /tmp/release_notes <<EOF\nk4xq9vzm2tlw8pn3bc6hd1fs5ja7ye\nEOF\n', 'ci/upload.sh', 'secret-file-heredoc')).toEqual([]);
    expect(found('cat > /tmp/store_creds <<EOF\n${STORE_TOKEN}\nEOF\n', 'ci/upload.sh', 'secret-file-heredoc')).toEqual([]);
    expect(found('cat > /tmp/store_creds <<EOF\nk4xq9vzm2tlw8pn3bc6hd1fs5ja7ye\nmore\nEOF\n', 'ci/upload.sh', 'secret-file-heredoc')).toEqual([]);
  });
});
