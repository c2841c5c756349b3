import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The text of every finding in `text` (as `file`), with its rule. */
function found(text: string, file: string): [string, string][] {
  return detect(text, { file }).map((f) => [f.rule, text.slice(f.start, f.end)]);
}

const KEY = 'Tn4wQ8zKp2Lr7Xv1Bc9Md3Fh6Js0Gy5Ua8Re2Wk4Pi=';

describe('type-held-key: key bytes decoded in a type named for the secret', () => {
  it('reports a member with a name of its own in a class, a final class or an object named for keys or secrets', () => {
    const cs = `namespace Door.Crypto;\n\n/// <summary>Per-site keys.</summary>\ninternal static class MasterKey\n{\n    // site 7\n    internal static readonly byte[] Site07 = Convert.FromBase64String("${KEY}");\n}\n`;
    expect(found(cs, 'src/Crypto/MasterKey.cs')).toEqual([['type-held-key', KEY]]);
    const java = `public final class ApiSecrets {\n    private ApiSecrets() {}\n    static final byte[] EU = Base64.getDecoder().decode("${KEY}");\n}\n`;
    expect(found(java, 'src/main/java/a/ApiSecrets.java')).toEqual([['type-held-key', KEY]]);
    const kt = `object SigningKeys {\n    val current: ByteArray = Base64.getUrlDecoder().decode("${KEY}")\n}\n`;
    expect(found(kt, 'app/src/main/java/a/SigningKeys.kt')).toEqual([['type-held-key', KEY]]);
  });

  it('leaves types named for public keys or certificates, and types whose name says nothing', () => {
    for (const type of ['PublicKeys', 'Certificates', 'KeyIds', 'Layout', 'Keys']) {
      const cs = `static class ${type}\n{\n    static readonly byte[] Site07 = Convert.FromBase64String("${KEY}");\n}\n`;
      expect(found(cs, `src/${type}.cs`), type).toEqual([]);
    }
  });

  it('leaves members named for an IV, a salt or a public key, locals inside a method, and stand-in values', () => {
    const members = `static class MasterKey\n{\n    static readonly byte[] Iv = Convert.FromBase64String("${KEY}");\n    static readonly byte[] PublicPart = Convert.FromBase64String("${KEY}");\n}\n`;
    expect(found(members, 'src/MasterKey.cs')).toEqual([]);
    const local = `class MasterKey\n{\n    byte[] Load()\n    {\n        var raw = Convert.FromBase64String("${KEY}");\n        return raw;\n    }\n}\n`;
    expect(found(local, 'src/MasterKey.cs')).toEqual([]);
    const standIn = 'static class MasterKey\n{\n    static readonly byte[] Site07 = Convert.FromBase64String("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");\n}\n';
    expect(found(standIn, 'src/MasterKey.cs')).toEqual([]);
  });
});
