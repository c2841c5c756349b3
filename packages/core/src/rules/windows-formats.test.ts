import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The text of every finding in `text` (as `file`), optionally of one rule only. */
function found(text: string, file: string, rule?: string): string[] {
  return detect(text, { file })
    .filter((f) => rule === undefined || f.rule === rule)
    .map((f) => text.slice(f.start, f.end));
}

describe('Remote Desktop files', () => {
  const blob = `01000000D08C9DDF0115D1118C7A00C04FC297EB01000000${'7be04c19a2f6d83e51c0'.repeat(8)}`;

  it('reports the saved DPAPI password blob of an .rdp file', () => {
    const rdp = `full address:s:10.8.0.14\ngatewayhostname:s:rdgw.example.com\nusername:s:CORP\\ops-admin\npassword 51:b:${blob}\nredirectclipboard:i:1\n`;
    expect(found(rdp, 'tools/ops-admin.rdp', 'rdp-saved-password')).toEqual([blob]);
  });

  it('leaves a connection file that saves no password alone', () => {
    expect(found('full address:s:app01.example.com\nprompt for credentials:i:1\nusername:s:CORP\\ops\n', 'app01.rdp', 'rdp-saved-password')).toEqual([]);
  });
});

describe('ASP.NET Core Data Protection key rings', () => {
  const key = 'Kz7Qm2Wv9Lp4Xr8Tn3Bc6Hd1Fg5Jy0Ua2Se7Ri4Oq9Pw3Nx8Mv1Lc6Kb5Ja0Hz4Gy9Fx3Ew8Dv2Cu7Bt1As6Q==';

  it('reports the master key of a ring stored unencrypted', () => {
    const xml = `<key id="0f3c" version="1">\n  <descriptor>\n    <descriptor>\n      <masterKey p4:requiresEncryption="true" xmlns:p4="http://schemas.asp.net/2015/03/dataProtection">\n        <!-- Warning: the key below is in an unencrypted form. -->\n        <value>${key}</value>\n      </masterKey>\n    </descriptor>\n  </descriptor>\n</key>\n`;
    expect(found(xml, 'keys/key-0f3c.xml', 'aspnet-data-protection-key')).toEqual([key]);
  });

  it('leaves a ring encrypted at rest alone: its value is ciphertext only the machine can open', () => {
    const xml = `<masterKey p4:requiresEncryption="true">\n  <encryptedSecret decryptorType="Microsoft.AspNetCore.DataProtection.XmlEncryption.DpapiNGXmlDecryptor">\n    <encryptedKey>\n      <value>${key}</value>\n    </encryptedKey>\n  </encryptedSecret>\n</masterKey>\n`;
    expect(found(xml, 'keys/key-0f3c.xml', 'aspnet-data-protection-key')).toEqual([]);
  });
});

describe('RSA keys in .NET XML form', () => {
  const modulus = 'tV3qK8mZ2Lw7Xp4Rn9Hc1Fb6Jd0Gs5Ya3Ue8Qo2Ti7Vr1Wm4Nk9Pz6Cx0Bl5Dh3Ej8Fg2Ai7Su1Ov6Ky4Mq9Rw3Zn==';
  const d = 'Pq4Wn8Zx2Lt6Vm0Rk3Jh7Gd1Fb5Sc9Ya2Ue6Io4Tr8Ql0Xp3Mv7Nk1Bz5Cw9Dj2Eh6Fg0Ha4Ks8Lu3Oy7Pi1Rt5==';
  const p = 'Hm3Vq7Lx1Zt5Wr9Kp2Nc6Bj0Fd4Gs8Ya1Ue5Io9Tq3Lw7Xz0Mv4Nk8Bp2Cr6Dj==';

  it('reports each private part, also when code splits the XML over literals', () => {
    const vb =
      `Private Const SigningKeyXml As String = "<RSAKeyValue><Modulus>" & "${modulus}" & "</Modulus><Exponent>AQAB</Exponent>" &\n` +
      `    "<P>${p}</P>" &\n    "<D>${d}</D></RSAKeyValue>"\n`;
    expect(found(vb, 'QuoteSigner.vb', 'rsa-xml-private-key')).toEqual([p, d]);
  });

  it('leaves a public key (modulus and exponent only) alone', () => {
    const cs = `const string VerifyKey = "<RSAKeyValue><Modulus>${modulus}</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>";\n`;
    expect(found(cs, 'QuoteVerifier.cs')).toEqual([]);
  });
});

describe('SSIS packages and their configurations', () => {
  it('reports a configured value whose property path names a password', () => {
    const config =
      '<DTSConfiguration>\n  <Configuration ConfiguredType="Property" Path="\\Package.Connections[Warehouse].Properties[Password]" ValueType="String">\n' +
      '    <ConfiguredValue>Slate#Heron-2207</ConfiguredValue>\n  </Configuration>\n' +
      '  <Configuration ConfiguredType="Property" Path="\\Package.Connections[Warehouse].Properties[ServerName]" ValueType="String">\n' +
      '    <ConfiguredValue>sqlwh02</ConfiguredValue>\n  </Configuration>\n</DTSConfiguration>\n';
    expect(found(config, 'etl/Warehouse.dtsConfig')).toEqual(['Slate#Heron-2207']);
  });

  it("reports a connection manager's password element whose attributes run over lines", () => {
    const dtsx = '        <DTS:Password\n          DTS:Name="Password"\n          Sensitive="1">Quill!Marten-58</DTS:Password>\n';
    expect(found(dtsx, 'Packages/Load.dtsx')).toEqual(['Quill!Marten-58']);
  });
});

describe('SSIS project parameters', () => {
  const parameter = (name: string, value: string, valueAttributes = '') =>
    `  <SSIS:Parameter SSIS:Name="${name}">\n    <SSIS:Properties>\n      <SSIS:Property SSIS:Name="ID">{0c6d1f2a-7b3e-4d59-a8f1-2e9c4b7d6a15}</SSIS:Property>\n` +
    `      <SSIS:Property SSIS:Name="Sensitive">0</SSIS:Property>\n      <SSIS:Property SSIS:Name="Value"${valueAttributes}>${value}</SSIS:Property>\n` +
    `      <SSIS:Property SSIS:Name="DataType">18</SSIS:Property>\n    </SSIS:Properties>\n  </SSIS:Parameter>\n`;
  const params = (body: string) => `<?xml version="1.0"?>\n<SSIS:Parameters xmlns:SSIS="www.microsoft.com/SqlServer/SSIS">\n${body}</SSIS:Parameters>\n`;

  it('reports the value property of a parameter whose name is a secret', () => {
    expect(found(params(parameter('PartnerApiKey', 'Rq5vLm8TzW2kNx7pHc3d') + parameter('WarehousePassword', 'Brine#Otter-614')), 'Project.params')).toEqual([
      'Rq5vLm8TzW2kNx7pHc3d',
      'Brine#Otter-614',
    ]);
  });
  it('leaves the value of a parameter named for no secret, and an encrypted value', () => {
    expect(found(params(parameter('PartnerBaseUrl', 'https://partner.example.com/api') + parameter('BatchSize', '5000')), 'Project.params')).toEqual([]);
    expect(found(params(parameter('PartnerApiKey', 'AQAAANCMnd8BFdERjHoAwE8Cl9sBAAAAx2kVq3n', ' SSIS:Encrypted="1"')), 'Project.params')).toEqual([]);
  });
});

describe('Windows answer files', () => {
  it('reads the password in the <Value> child of an element named for it', () => {
    const xml =
      '<UserAccounts>\n  <AdministratorPassword>\n    <Value>Birch!Tally-6620</Value>\n    <PlainText>true</PlainText>\n  </AdministratorPassword>\n</UserAccounts>\n' +
      '<AutoLogon>\n  <Password>\n    <Value>UwBsAGUAZQB0AC0AVwBpAG4AZAAtADUANQBQAGEAcwBzAHcAbwByAGQA</Value>\n    <PlainText>false</PlainText>\n  </Password>\n</AutoLogon>\n';
    expect(found(xml, 'Autounattend.xml')).toEqual(['Birch!Tally-6620', 'UwBsAGUAZQB0AC0AVwBpAG4AZAAtADUANQBQAGEAcwBzAHcAbwByAGQA']);
  });

  it('leaves a <Value> under an element that names no secret alone', () => {
    expect(found('<RegisteredOwner>\n  <Value>Orchard Mutual Ops</Value>\n</RegisteredOwner>\n', 'Autounattend.xml')).toEqual([]);
  });
});

describe('.NET code', () => {
  it('reads a key decoded from base64 where it is assigned (Convert.FromBase64String)', () => {
    const key = 'Xb4Lq9Vw2Zr7Tm1Kp6Nh3Jd8Fc0Gs5Ya4Ue9Io2Tq7Lw1Xz6Mv0Nk5Bp3Cr8Dj2Eh==';
    expect(found(`private static readonly byte[] HmacKey = Convert.FromBase64String("${key}");\n`, 'Tokens.cs')).toEqual([key]);
    expect(found('private static readonly byte[] HmacKey = Convert.FromBase64String(config["Jwt:Key"]);\n', 'Tokens.cs')).toEqual([]);
  });

  it('reads Basic credentials given to AuthenticationHeaderValue as its second argument', () => {
    const creds = btoa('claims-sync:Gorse.Wick-4471');
    const cs = `c.DefaultRequestHeaders.Authorization =\n    new AuthenticationHeaderValue("Basic", "${creds}");\n`;
    expect(found(cs, 'Program.cs', 'authorization-basic')).toEqual([creds]);
    expect(found('new AuthenticationHeaderValue("Basic", encoded);\n', 'Program.cs')).toEqual([]);
  });

  it("reads the password of a PowerShell `$pair = 'user:password'` that a Basic header encodes", () => {
    const ps1 = "$pair = 'svc_tickets:Fjord!Pebble-330'\n$h = @{ Authorization = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($pair)) }\n";
    expect(found(ps1, 'Ops.psm1')).toEqual(['Fjord!Pebble-330']);
  });

  it('treats a release-pipeline token (`__Name__`) in a connection string as no value', () => {
    expect(found('<add name="Ledger" connectionString="Data Source=LEDGER;User Id=app;Password=__LedgerPassword__;" />', 'Web.Release.config')).toEqual([]);
  });
});

describe('registry credentials', () => {
  it('leaves base64 of a documentation stand-in pair (username:password) in a Docker config alone', () => {
    const json = `{\n  "auths": {\n    "registry.example.com:5000": { "auth": "${btoa('username:password')}" },\n    "ghcr.io": { "auth": "${btoa('build-bot:Wq8Lm2Zx7Rt4Vn9')}" }\n  }\n}\n`;
    expect(found(json, '.docker/config.json')).toEqual([btoa('build-bot:Wq8Lm2Zx7Rt4Vn9')]);
  });
});

describe('RabbitMQ administration', () => {
  it('reports the password given to rabbitmqctl by position', () => {
    expect(found('rabbitmqctl -n rabbit@mq01 authenticate_user claims Heath57Sparrow\n', 'RUNBOOK.md', 'tool-credentials')).toEqual(['Heath57Sparrow']);
    expect(found('rabbitmqctl add_user ingest "$(cat /run/secrets/ingest)"\n', 'setup.sh', 'tool-credentials')).toEqual([]);
  });
});

describe('keys printed in groups of four', () => {
  it('reports a grouped key under a key name, though it switches between letters and digits only a few times', () => {
    expect(found('<add key="Postcode.ApiKey" value="QW7R-ZTKE-MBXA-PLOD" />', 'Web.config')).toEqual(['QW7R-ZTKE-MBXA-PLOD']);
    expect(found('LICENSE_KEY=JX4M-RTQW-NBVZ-PLKE-CY7D\n', 'deploy.env')).toEqual(['JX4M-RTQW-NBVZ-PLKE-CY7D']);
  });

  it('leaves stand-ins in the same shape alone', () => {
    expect(found('<add key="Postcode.ApiKey" value="AB12-AB12-AB12-AB12" />', 'Web.config')).toEqual([]);
    expect(found('<add key="Postcode.ApiKey" value="XXXX-XXXX-XXXX-XXXX" />', 'Web.config')).toEqual([]);
  });
});

describe('settings that hold a user:password pair', () => {
  it('reports the password of a pair under a longer name ending in auth (mailpit, proxies)', () => {
    const compose = 'services:\n  mail:\n    environment:\n      MP_SMTP_AUTH: "relay:Quartz-Fern-2281"\n      MP_UI_AUTH: "ops:Tansy.Gull-904"\n';
    expect(found(compose, 'docker-compose.yml')).toEqual(['Quartz-Fern-2281', 'Tansy.Gull-904']);
  });

  it('reads nothing else under such names', () => {
    const compose = 'services:\n  mail:\n    environment:\n      MP_SMTP_AUTH_ACCEPT_ANY: "1"\n      MP_SMTP_AUTH: "${SMTP_PAIR}"\n      REGISTRY_PROXY_AUTH: "Kq8zW3mLp0Xv7Rt2Yb5N"\n      MP_UI_AUTH: "ops:changeme"\n';
    expect(found(compose, 'docker-compose.yml')).toEqual([]);
  });
});

describe('a bare pass', () => {
  it("reads a configuration pass's name (an answer file's settings pass) as no password, and still reports one with digits or symbols", () => {
    const xml = '<unattend>\n  <settings pass="specialize">\n  </settings>\n  <settings pass="oobeSystem">\n  </settings>\n</unattend>\n';
    expect(found(xml, 'Autounattend.xml')).toEqual([]);
    expect(found('[smtp]\nlogin = ops@example.com\npass = Heron!Mast#58\n', 'mail.cfg')).toEqual(['Heron!Mast#58']);
  });
});

describe('passwords in Windows scripts', () => {
  it('reports the password of a net use whose share starts with a variable', () => {
    const bat = '@echo off\nset FILESRV=\\\\fs02.corp.example\nnet use R: %FILESRV%\\records /user:CORP\\svc-rec Vq3#Lark-Moss9 /persistent:no\nnet use S: %FILESRV%\\scans /persistent:yes\n';
    expect(found(bat, 'map-drives.bat', 'tool-credentials')).toEqual(['Vq3#Lark-Moss9']);
  });
  it("reports schtasks' /RP after lines continued with ^, and not past a line that is not continued", () => {
    const bat = 'schtasks /Create /TN "Ops\\Sync" ^\n  /TR "C:\\ops\\sync.cmd" ^\n  /SC DAILY /RU CORP\\svc-sync /RP Tq6-Wren!Basin /F\n';
    expect(found(bat, 'register.bat', 'tool-credentials')).toEqual(['Tq6-Wren!Basin']);
    expect(found('schtasks /Query /TN "Ops\\Sync"\necho /RP Tq6-Wren!Basin\n', 'register.bat', 'tool-credentials')).toEqual([]);
  });
  it("reports the password of the certificate file SignTool signs with, in a pipeline's script or a batch file", () => {
    const yml = '    - powershell: |\n        & "C:\\Program Files (x86)\\Windows Kits\\10\\bin\\x64\\signtool.exe" sign /fd SHA256 /f build\\codesign.pfx /p "Anvil2021#" /tr http://timestamp.digicert.com out\\Setup.exe\n';
    expect(found(yml, 'azure-pipelines.yml', 'tool-credentials')).toEqual(['Anvil2021#']);
    expect(found('%SIGNTOOL% sign /f %CERT% ^\n  /p Sgn!Quarry-7731 /fd sha256 dist\\Setup.exe\n', 'sign.bat', 'tool-credentials')).toEqual(['Sgn!Quarry-7731']);
  });
  it('leaves a SignTool password given by a variable or a stand-in, and other tools named SignTool', () => {
    expect(found('%SIGNTOOL% sign /f %CERT% /p %CERT_PASS% /fd sha256 dist\\Setup.exe\n', 'sign.bat')).toEqual([]);
    expect(found('# signtool sign /f .\\codesign.pfx /p <PFX_PASSWORD> $Installer\n', 'sign.ps1')).toEqual([]);
    expect(found('- script: signtool sign /f codesign.pfx /p "$(SigningPfxPassword)" Setup.exe\n', 'azure-pipelines.yml')).toEqual([]);
    expect(found('signtool sign /a /n "Sonavia" Setup.exe\necho /p Sgn!Quarry-7731\n', 'sign.bat', 'tool-credentials')).toEqual([]);
    expect(found('AzureSignTool sign -kvu $vault -kvs $secret -p Sgn!Quarry-7731 Setup.exe\n', 'sign.ps1', 'tool-credentials')).toEqual([]);
  });
  it('reports a registry value that PowerShell writes under a password name, not one it reads from elsewhere', () => {
    expect(found("Set-ItemProperty -Path $key -Name 'SqlPassword' -Value 'Hq2-Ember*Wold'\n", 'Setup.ps1')).toEqual(['Hq2-Ember*Wold']);
    expect(found("Set-ItemProperty -Path $key -Name 'SqlPassword' -Value $cred.GetNetworkCredential().Password\n", 'Setup.ps1')).toEqual([]);
    expect(found("Set-ItemProperty -Path $key -Name 'SqlServer' -Value 'sql02.corp.example'\n", 'Setup.ps1')).toEqual([]);
  });
});

describe('a Basic-auth pair held in a variable and then base64-encoded', () => {
  it("reports the password of the pair literal that the encoding is given", () => {
    const ps = '$pair = "svc_notify:Rk4!vNq8Lw2Tz"\n$b64 = [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes($pair))\nInvoke-RestMethod -Uri $uri -Headers @{ Authorization = "Basic $b64" }\n';
    expect(found(ps, 'notify.ps1', 'encoded-basic-auth-variable')).toEqual(['Rk4!vNq8Lw2Tz']);
    const py = 'pair = "etl-bot:Mq7-Fenn!x42"\nheaders = {"Authorization": "Basic " + base64.b64encode(pair.encode()).decode()}\n';
    expect(found(py, 'push.py', 'encoded-basic-auth-variable')).toEqual(['Mq7-Fenn!x42']);
  });
  it('leaves an interpolated pair, a pair that is not the one encoded, and a stand-in', () => {
    expect(found('$pair = "svc_notify:$($env:NOTIFY_PW)"\n$b64 = [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes($pair))\n', 'notify.ps1')).toEqual([]);
    expect(found('$label = "Status:Rk4!vNq8Lw2Tz"\n$b64 = [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes($body))\n', 'notify.ps1')).toEqual([]);
    expect(found("const auth = 'relay:changeme';\nconst header = 'Basic ' + btoa(auth);\n", 'client.js')).toEqual([]);
  });
});

describe('authorization-basic: random bytes as the whole credential', () => {
  it('takes base64 of random bytes in an Authorization header, whatever it decodes to', () => {
    const bytes = 'Lw3n/Q9zK+c2VhRt7yXb0mPfA5uJdE8sGkN4oIrC1qWeTy6Z';
    expect(found(`curl -H "Authorization: Basic ${bytes}" https://jira.internal/rest/api/2/issue\n`, 'wiki/jira.md', 'authorization-basic')).toEqual([bytes]);
    expect(found(`    Authorization: Basic ${bytes}\n`, 'notes.md', 'authorization-basic')).toEqual([bytes]);
  });
  it('leaves random bytes after a Basic that no Authorization header names, and short or stand-in bytes', () => {
    expect(found('The upload uses basic Lw3n/Q9zK+c2VhRt7yXb0mPfA5uJdE8sGkN4oIrC1qWeTy6Z as its digest\n', 'notes.md', 'authorization-basic')).toEqual([]);
    expect(found('Authorization: Basic q83+Lw0=\n', 'notes.md', 'authorization-basic')).toEqual([]);
  });
});

describe("a Windows Wi-Fi profile's key", () => {
  const keys = (text: string, file: string) => detect(text, { file }).filter((f) => f.rule === 'wlan-profile-key').map((f) => text.slice(f.start, f.end));
  const profile = (flag: string, material: string) =>
    ['<?xml version="1.0"?>', '<WLANProfile xmlns="http://www.microsoft.com/networking/WLAN/profile/v1">', '  <name>Depot-Staff</name>', '  <MSM><security>', '    <sharedKey>', '      <keyType>passPhrase</keyType>', flag, `      <keyMaterial>${material}</keyMaterial>`, '    </sharedKey>', '  </security></MSM>', '</WLANProfile>', ''].filter((line) => line !== '').join('\n');
  it('reads the passphrase of a profile exported in clear, and one with no protected flag', () => {
    expect(keys(profile('      <protected>false</protected>', 'Kestrel Moor 8812!'), 'wifi/Depot-Staff.xml')).toEqual(['Kestrel Moor 8812!']);
    expect(keys(profile('', 'Gantry#Lamp-3306'), 'Wi-Fi-Depot-Staff.xml')).toEqual(['Gantry#Lamp-3306']);
  });
  it('leaves a protected key, a DPAPI blob, a script variable and a stand-in', () => {
    const blob = `01000000D08C9DDF0115D1118C7A00C04FC297EB01000000${'4be2c71a09d3f865'.repeat(10)}`;
    expect(keys(profile('      <protected>true</protected>', blob), 'wifi/Depot-Staff.xml')).toEqual([]);
    expect(keys(profile('', blob), 'wifi/Depot-Staff.xml')).toEqual([]);
    expect(keys(profile('      <protected>false</protected>', '$wifiKey'), 'wifi/Depot-Staff.xml')).toEqual([]);
    expect(keys(profile('      <protected>false</protected>', '<WIFI PASSWORD>'), 'wifi/Depot-Staff.xml')).toEqual([]);
  });
});
