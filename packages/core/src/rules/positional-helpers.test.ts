import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The text of every finding of `rule` in `text` (as `file`). */
function found(text: string, file: string, rule: string): string[] {
  return detect(text, { file })
    .filter((f) => f.rule === rule)
    .map((f) => text.slice(f.start, f.end));
}

describe('passwords passed to a helper at its password parameter', () => {
  it("reports the literal at the password's position in each call, across lines, and leaves other arguments", () => {
    const py = [
      'def create_pool(name, url, user, db_password, target):',
      "    cd('/')",
      '',
      "create_pool('POOL_A', 'jdbc:oracle:thin:@//db1.example.net:1521/A', 'APP_A', 'Mw3$kVq8Zt5n', 'Cluster1')",
      "create_pool('POOL_B', 'jdbc:oracle:thin:@B', 'APP_B',",
      "            'Tq9!rLx2Wn7v', 'Cluster1')",
      "create_pool('POOL_C', 'jdbc:oracle:thin:@C', 'APP_C', os.environ.get('POOL_C_PW'), 'Cluster1')",
      "other.create_pool('POOL_D', 'u', 'APP_D', 'Hz6#pWm4Kq1r', 'X')",
    ].join('\n');
    expect(found(py, 'wlst/pools.py', 'python-helper-secret-argument')).toEqual(['Mw3$kVq8Zt5n', 'Tq9!rLx2Wn7v']);
  });
  it('leaves helpers with no password parameter', () => {
    const py = "def create_pool(name, url, user, target):\n    pass\ncreate_pool('A', 'jdbc:x', 'Mw3$kVq8Zt5n', 'C1')\n";
    expect(found(py, 'wlst/pools.py', 'python-helper-secret-argument')).toEqual([]);
  });
});

describe('secrets passed to a class at its constructor parameter', () => {
  it("reports the literal at the secret's position when the class is called by its name, in its docstring too", () => {
    const py = [
      'class RatesClient:',
      '    """Usage: client = RatesClient("rates-prod", "Vk8Qm3Zt6Lw1Rx4N")"""',
      '',
      '    def __init__(self, client_id, client_secret, timeout=10):',
      '        self.client_id = client_id',
      '',
      'backup = RatesClient("rates-dr", os.environ["RATES_SECRET"])',
    ].join('\n');
    expect(found(py, 'rates/client.py', 'python-helper-secret-argument')).toEqual(['Vk8Qm3Zt6Lw1Rx4N']);
  });
  it('reads API keys and tokens as well as passwords, but not a bare key or a method', () => {
    const py = [
      'def fetch(url, api_key):',
      '    pass',
      'def lookup(table, key):',
      '    pass',
      'class Store:',
      '    def put(self, name, token):',
      '        pass',
      "fetch('https://rates.example.org', 'Zt6Lw1Rx4NVk8Qm3')",
      "lookup('users', 'Lw1Rx4NVk8Qm3Zt6')",
      "put('x', 'Rx4NVk8Qm3Zt6Lw1')",
    ].join('\n');
    expect(found(py, 'rates/util.py', 'python-helper-secret-argument')).toEqual(['Zt6Lw1Rx4NVk8Qm3']);
  });
});

describe("OmniAuth strategies' positional client secrets", () => {
  it('reports the second argument after the client id, on one line or one a line, and a lookup default', () => {
    const rb = [
      'Rails.application.config.middleware.use OmniAuth::Builder do',
      '  provider :gitlab, "5d1c9e2a7b4f", "8c2f6e1a9d4b7c3e5f0a2d8b6e4c1a9f7d3b5e2c"',
      '  provider :orcid,',
      '           "APP-X4KQ9Z2M7RW1VB8T",',
      '           "9d2e4f6a-1b3c-4d5e-8f7a-0b1c2d3e4f5a",',
      '           member: true',
      "  provider :slack, ENV['SLACK_ID'], ENV.fetch('SLACK_OAUTH', 'Rt6Vb1Nc8Jd3Gf5Sa2Ye9Ui4Op7Lk0Zx')",
      'end',
    ].join('\n');
    expect(found(rb, 'config/initializers/omniauth.rb', 'omniauth-provider-secret')).toEqual([
      '8c2f6e1a9d4b7c3e5f0a2d8b6e4c1a9f7d3b5e2c',
      '9d2e4f6a-1b3c-4d5e-8f7a-0b1c2d3e4f5a',
      'Rt6Vb1Nc8Jd3Gf5Sa2Ye9Ui4Op7Lk0Zx',
    ]);
  });
  it('leaves lookups, options and stand-ins, and the client id', () => {
    const rb = [
      '  provider :github, ENV["GITHUB_KEY"], ENV["GITHUB_SECRET"]',
      '  provider :saml, issuer: "casefile", idp_sso_service_url: "https://idp.example.org/sso"',
      '  provider :facebook, "8142907315", "<facebook-app-secret>"',
      '  config.omniauth :google_oauth2, Rails.application.credentials.dig(:google, :id), Rails.application.credentials.dig(:google, :secret)',
    ].join('\n');
    expect(found(rb, 'config/initializers/devise.rb', 'omniauth-provider-secret')).toEqual([]);
  });
});

describe('a secret key given as the user of Basic authentication with an empty password', () => {
  it('reports the generated user of a call or an option whose password is empty', () => {
    const php = "        $r = Http::withBasicAuth('s_Wq4nT8kLr2xZm6PvB3yDc7', '')\n            ->post('https://api.example.com/v1/charges', $body);\n";
    expect(found(php, 'app/Http/Controllers/PayController.php', 'basic-auth-key-as-user')).toEqual(['s_Wq4nT8kLr2xZm6PvB3yDc7']);
    expect(found("resp = requests.get(URL, auth=HTTPBasicAuth('Lk9Zx2Qw7Er4Ty6Ui1Op3As', ''))\n", 'sync.py', 'basic-auth-key-as-user')).toEqual(['Lk9Zx2Qw7Er4Ty6Ui1Op3As']);
  });
  it('leaves a login name, a password beside the user, and a variable', () => {
    const php = "Http::withBasicAuth('billing_service_account', '');\nHttp::withBasicAuth('s_Wq4nT8kLr2xZm6PvB3yDc7', config('pay.secret'));\nHttp::withBasicAuth($key, '');\n";
    expect(found(php, 'Pay.php', 'basic-auth-key-as-user')).toEqual([]);
  });
});

describe("passwords handed to Java's cryptography APIs as char arrays", () => {
  it('reports the literal given to a keystore or key manager as "…".toCharArray()', () => {
    const java = [
      'KeyStore ks = KeyStore.getInstance("PKCS12");',
      'try (InputStream in = Files.newInputStream(Path.of("/srv/pos/terminal.p12"))) {',
      '    ks.load(in, "Fjord_Lantern5512!".toCharArray());',
      '}',
      'kmf.init(ks, "Qv7#Lm2xWz9p".toCharArray());',
    ].join('\n');
    expect(found(java, 'src/main/java/pos/Tls.java', 'char-array-password-argument')).toEqual(['Fjord_Lantern5512!', 'Qv7#Lm2xWz9p']);
  });

  it("reads the password a client's keystore or truststore setter takes after the store's path", () => {
    const java = [
      'client.setKeystore("/etc/mllp/client.jks", "Birch!Quay7302".toCharArray());',
      'builder.trustStore(Path.of("/etc/mllp/trust.p12"), "Rv4#Lantern-Moss".toCharArray());',
      'client.setTruststore("/etc/mllp/trust.jks", trustPassword.toCharArray());',
      'client.setKeystoreAlias("mllp-client".toCharArray());',
    ].join('\n');
    expect(found(java, 'src/main/java/mllp/Tls.java', 'char-array-password-argument')).toEqual(['Birch!Quay7302', 'Rv4#Lantern-Moss']);
  });

  it('leaves char arrays of other literals and of variables', () => {
    const java = [
      'static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();',
      'String s = new String("Fjord_Lantern5512".toCharArray(), 0, 5);',
      'ks.load(in, config.getPassword().toCharArray());',
    ].join('\n');
    expect(found(java, 'src/main/java/pos/Codes.java', 'char-array-password-argument')).toEqual([]);
  });
});

describe('an API key given to a client right after its base URL', () => {
  it('reports the mixed-case generated literal after a quoted URL that opens a call, on the same line or the next', () => {
    const go = 'feed := NewTramFeed("https://feeds.example.net/v1", "Wk5pQz8LmR3tXv7NcB2yHd9J")\n';
    expect(found(go, 'cmd/feed/main.go', 'url-then-key-positional')).toEqual(['Wk5pQz8LmR3tXv7NcB2yHd9J']);
    const php = "$api = new Shop_Api(\n    'https://api.example.org/v2',\n    'Hz4Lq9Wm2Tx7Rk5VpN8cBd3F'\n);\n";
    expect(found(php, 'includes/class-shop.php', 'url-then-key-positional')).toEqual(['Hz4Lq9Wm2Tx7Rk5VpN8cBd3F']);
  });
  it('leaves checksums, commits, slugs, lookups and URLs that open no call', () => {
    const text = [
      'dl := fetchTarball("https://mirror.example.com/pkg-2.1.0.tgz", "3e1f9a7c5b2d8e4f6a0c9b3d7e1f5a2c8b4d6e0f9a3c7e1b5d2f8a4c6e0b9d3f")',
      'pin := pinRepo("https://git.example.com/org/repo.git", "c2a9e4f1b7d3e8a6c0f5b2d9e7a4c1f8b3e6d0a5")',
      'page := docLink("https://docs.example.com", "configuring-the-feed-client")',
      'feed := NewTramFeed("https://feeds.example.net/v1", cfg.FeedKey)',
      'urls := []string{"https://feeds.example.net/v1", "Wk5pQz8LmR3tXv7NcB2yHd9J"}',
    ].join('\n');
    expect(found(text, 'cmd/feed/main.go', 'url-then-key-positional')).toEqual([]);
  });
});

describe("an API key given to a client after its base URL and an account's literal", () => {
  it('reports the generated literal after the account, base64 symbols and all', () => {
    const java = 'return new LockboxClient(\n        "https://bank.example.com/lockbox/v1",\n        "ACME_PAYABLES",\n        "Rt8+Km3zQw7/LxV2nBc9Hp4J");\n';
    expect(found(java, 'src/main/java/acme/BankConfig.java', 'url-then-key-positional')).toEqual(['Rt8+Km3zQw7/LxV2nBc9Hp4J']);
  });
  it('reports a key id in the middle too when it is itself generated, and the key alone when a short literal follows it', () => {
    const go = 'c := NewLedgerClient("https://ledger.example.net", "Lk4mQz7RtW2xVn9PcB5yHd8J", "Tq3Wm8Zx2Lr6Vk9Nb4Hc7Jd1")\n';
    expect(found(go, 'cmd/ledger/main.go', 'url-then-key-positional')).toEqual(['Lk4mQz7RtW2xVn9PcB5yHd8J', 'Tq3Wm8Zx2Lr6Vk9Nb4Hc7Jd1']);
    const py = 'client = RouteApi("https://routes.example.com", "Pz6Lq2Wm9Tx4Rk7VcN3bHd8F", "v2")\n';
    expect(found(py, 'routes.py', 'url-then-key-positional')).toEqual(['Pz6Lq2Wm9Tx4Rk7VcN3bHd8F']);
  });
  it("leaves an account and a lookup, a path, and a method's name and a body", () => {
    const text = [
      'c = new LockboxClient("https://bank.example.com/lockbox/v1", "ACME_PAYABLES", System.getenv("LOCKBOX_KEY"));',
      'r = newRequest("https://api.example.com", "GET", "/Reports/Quarterly2024/Summary");',
      'r = newRequest("https://api.example.com", "POST", "application_json_utf8_body");',
    ].join('\n');
    expect(found(text, 'src/Client.java', 'url-then-key-positional')).toEqual([]);
  });
});

describe('the key a class named for HMAC is built with', () => {
  it('reports the lone hex or generated literal of an HMAC validator or signer', () => {
    const java = 'return new HmacValidator("A3C9E1F7B5D2A8C4E6F0B9D3A7C1E5F2B8D4A6C0E9F3B7D1A5C8E2F6B0D4A9C3");';
    expect(found(java, 'src/main/java/pay/Config.java', 'hmac-class-key')).toEqual(['A3C9E1F7B5D2A8C4E6F0B9D3A7C1E5F2B8D4A6C0E9F3B7D1A5C8E2F6B0D4A9C3']);
    const py = 'signer = HmacRequestSigner("Rp7Wq2Lx9Kv4Zm8Tn3Bc6Hd1")';
    expect(found(py, 'app/signing.py', 'hmac-class-key')).toEqual(['Rp7Wq2Lx9Kv4Zm8Tn3Bc6Hd1']);
  });
  it('leaves algorithm names, functions, methods, calls with more arguments and lookups', () => {
    const text = [
      'Mac mac = Mac.getInstance("HmacSHA512");',
      'String sig = hmacHex("A3C9E1F7B5D2A8C4E6F0B9D3A7C1E5F2B8D4A6C0E9F3B7D1A5C8E2F6B0D4A9C3");',
      'boolean ok = validator.ValidateHmac("A3C9E1F7B5D2A8C4E6F0B9D3A7C1E5F2B8D4A6C0E9F3B7D1A5C8E2F6B0D4A9C3");',
      'boolean ok = new HmacValidator().validateHMAC(item, key);',
      'HmacCheck c = new HmacCheck("A3C9E1F7B5D2A8C4E6F0B9D3A7C1E5F2B8D4A6C0E9F3B7D1A5C8E2F6B0D4A9C3", payload);',
      'HmacCheck c = new HmacCheck(System.getenv("ADYEN_HMAC_KEY"));',
    ].join('\n');
    expect(found(text, 'src/main/java/pay/Config.java', 'hmac-class-key')).toEqual([]);
  });
});

describe('a Twilio client whose SID is held elsewhere', () => {
  it('reports the literal given to the Python client after a name or lookup of the SID', () => {
    const py = [
      'from twilio.rest import Client',
      'REGION_SID = "AC0f1e2d3c4b5a69788796a5b4c3d2e1f0"',
      'north = Client(REGION_SID, "9a7c5e3b1d8f6a4c2e0b9d7f5a3c1e8b")',
      'south = Client(os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"])',
      'other = Client(region_name, "2f4e6a8c0b1d3f5a7c9e2b4d6f8a0c1e")',
    ].join('\n');
    expect(found(py, 'notify/sms.py', 'twilio-auth-token-positional')).toEqual(['9a7c5e3b1d8f6a4c2e0b9d7f5a3c1e8b']);
  });
});

describe('a literal a constructor hands to its one-string constructor', () => {
  it("reports the literal when the parameter is named for a secret, in Java, C# and Kotlin", () => {
    const java = [
      'public class TileFetcher {',
      '    private final String tileKey;',
      '    public TileFetcher() {',
      '        this("5e0b9c2f7a4d1e8b3c6f0a9d2e7b4c1f");',
      '    }',
      '    public TileFetcher(String key) {',
      '        this.tileKey = key;',
      '    }',
      '}',
    ].join('\n');
    expect(found(java, 'src/main/java/org/example/TileFetcher.java', 'constructor-delegation-literal')).toEqual(['5e0b9c2f7a4d1e8b3c6f0a9d2e7b4c1f']);
    const cs = 'public class GeoClient\n{\n    public GeoClient() : this("Rk8vTq3LmZ7xWp2NcY5bHd9J") { }\n    public GeoClient(string apiToken) { _t = apiToken; }\n}\n';
    expect(found(cs, 'src/GeoClient.cs', 'constructor-delegation-literal')).toEqual(['Rk8vTq3LmZ7xWp2NcY5bHd9J']);
    const kt = 'class GeoClient(private val apiSecret: String) {\n    constructor() : this("Rk8vTq3LmZ7xWp2NcY5bHd9J")\n}\n';
    expect(found(kt, 'src/GeoClient.kt', 'constructor-delegation-literal')).toEqual(['Rk8vTq3LmZ7xWp2NcY5bHd9J']);
  });
  it('leaves a literal for a parameter of another name, a word, and a call with more arguments', () => {
    const java = [
      'public class TileFetcher {',
      '    public TileFetcher() { this("https://tiles.example.org"); }',
      '    public TileFetcher(String baseUrl) { }',
      '}',
      'class Label {',
      '    Label() { this("Untitled"); }',
      '    Label(String key) { }',
      '}',
      'class Pair {',
      '    Pair() { this("5e0b9c2f7a4d1e8b3c6f0a9d2e7b4c1f", 3); }',
      '    Pair(String key) { }',
      '}',
    ].join('\n');
    expect(found(java, 'src/main/java/org/example/Tiles.java', 'constructor-delegation-literal')).toEqual([]);
  });
});

describe('literals a constructor hands to its class\'s constructor of the same arity', () => {
  it("reports the literal at the secret parameter's place, and leaves the client id beside it", () => {
    const java = [
      'public class MapTokenClient {',
      '    private final String clientId;',
      '    public MapTokenClient() {',
      '        this("fieldCrewApp", "q3wz8kd0vm5tlx2rn9hcb6pyf4gj7sea");',
      '    }',
      '    public MapTokenClient(final String clientId, String clientSecret) throws IOException {',
      '        this.clientId = clientId;',
      '    }',
      '}',
    ].join('\n');
    expect(found(java, 'src/main/java/org/example/MapTokenClient.java', 'constructor-delegation-literal')).toEqual(['q3wz8kd0vm5tlx2rn9hcb6pyf4gj7sea']);
    const cs = 'public class LedgerApi\n{\n    public LedgerApi() : this("https://ledger.example.org", 30, "Zr4mQ8vXk2LtW7nPc5Hb") { }\n    public LedgerApi(string baseUrl, int timeout, string apiKey) { }\n}\n';
    expect(found(cs, 'src/LedgerApi.cs', 'constructor-delegation-literal')).toEqual(['Zr4mQ8vXk2LtW7nPc5Hb']);
    const kt = 'class LedgerApi(val user: String, private val password: String = "") {\n    constructor() : this("ledger-bot", "Hv7#qLz2Wm9Tk4")\n}\n';
    expect(found(kt, 'src/LedgerApi.kt', 'constructor-delegation-literal')).toEqual(['Hv7#qLz2Wm9Tk4']);
  });
  it('leaves two constructors of that arity, a parameter named for something else, a stand-in, and a value not a literal', () => {
    const java = [
      'public class MapTokenClient {',
      '    public MapTokenClient() { this("fieldCrewApp", "q3wz8kd0vm5tlx2rn9hcb6pyf4gj7sea"); }',
      '    public MapTokenClient(String clientId, String clientSecret) { }',
      '    public MapTokenClient(String user, String password) { }',
      '}',
      'class TileClient {',
      '    TileClient() { this("fieldCrewApp", "q3wz8kd0vm5tlx2rn9hcb6pyf4gj7sea"); }',
      '    TileClient(String clientId, String cacheDir) { }',
      '}',
      'class FeedClient {',
      '    FeedClient() { this("fieldCrewApp", "your-client-secret"); }',
      '    FeedClient(String clientId, String clientSecret) { }',
      '}',
      'class HookClient {',
      '    HookClient() { this("fieldCrewApp", System.getenv("HOOK_SECRET")); }',
      '    HookClient(String clientId, String clientSecret) { }',
      '}',
    ].join('\n');
    expect(found(java, 'src/main/java/org/example/Clients.java', 'constructor-delegation-literal')).toEqual([]);
  });
  it('does not take a call of the constructor for its declaration', () => {
    const java = [
      'public class TileClient {',
      '    static TileClient shared = new TileClient("fieldCrewApp", "q3wz8kd0vm5tlx2rn9hcb6pyf4gj7sea");',
      '    TileClient() { this("fieldCrewApp", "q3wz8kd0vm5tlx2rn9hcb6pyf4gj7sea"); }',
      '}',
    ].join('\n');
    expect(found(java, 'src/main/java/org/example/TileClient.java', 'constructor-delegation-literal')).toEqual([]);
  });
});

describe("a password given to a client after its base URL and its account, and a client's hex key", () => {
  it('reports the password after the account, symbols and all', () => {
    const java = 'return new PayrollClient("https://payroll.example.edu/api/v3", "SVC_ROSTER_SYNC", "gT4%mW!x9Rq#Lz2");\n';
    expect(found(java, 'src/main/java/edu/PayrollConfig.java', 'url-then-key-positional')).toEqual(['gT4%mW!x9Rq#Lz2']);
  });
  it('leaves a third literal that is a path, a word with a dash, or after a method, and a password with no account before it', () => {
    const text = [
      'r = newRequest("https://api.example.com", "POST", "p@yl0ad!Body#7");',
      'c = new DocsClient("https://docs.example.com", "guide", "getting-started-2");',
      'c = new DocsClient("https://docs.example.com", "guide", "/v2/setup?step=3&lang=en");',
      'c = new LoginClient("https://sso.example.com", "k9#Wm!2xQp");',
    ].join('\n');
    expect(found(text, 'src/Client.java', 'url-then-key-positional')).toEqual([]);
  });
  it('reports 16 to 32 hex digits given to a class named for a client, and leaves a digest given to anything else', () => {
    const java = 'return new RiskScoreClient("https://api.risk.example.com/v2", "4be1f09c72d3a865");\n';
    expect(found(java, 'src/main/java/com/acme/RiskConfig.java', 'url-then-key-positional')).toEqual(['4be1f09c72d3a865']);
    const text = [
      'a = fetchArchive("https://downloads.example.com/tool-1.4.2.tar.gz", "7c1e9a04b3d2f865");',
      'c = new RepoClient("https://git.example.com/acme/tool", "9f2c4e7a1b8d3f6e0a5c9b2d7e4f1a3c8b6d0e9f");',
    ].join('\n');
    expect(found(text, 'src/Fetch.java', 'url-then-key-positional')).toEqual([]);
  });
});

describe("ltijs' encryption key", () => {
  it('reports the first argument of setup in a text that loads ltijs', () => {
    const js = "const lti = require('ltijs').Provider;\nlti.setup(\n  'Hp3sV8qLw2Zk7Nx4Tc9Rm6Jb1Yf5Gd0A',\n  { url: 'mongodb://lti-db/lti' },\n);\n";
    expect(found(js, 'src/app.js', 'ltijs-encryption-key')).toEqual(['Hp3sV8qLw2Zk7Nx4Tc9Rm6Jb1Yf5Gd0A']);
  });
  it('leaves a key from the environment, a stand-in, and a setup in a text with no ltijs', () => {
    expect(found("import { Provider as lti } from 'ltijs';\nlti.setup(process.env.LTI_KEY, { url: dbUrl });\nlti.setup('replace-with-a-long-random-key', { url: dbUrl });\n", 'src/app.ts', 'ltijs-encryption-key')).toEqual([]);
    expect(found("chart.setup('Hp3sV8qLw2Zk7Nx4Tc9Rm6Jb1Yf5Gd0A', { theme: 'dark' });\n", 'src/chart.js', 'ltijs-encryption-key')).toEqual([]);
  });
});

describe('a login by position: a host literal, a login port, a user literal and a password literal', () => {
  it('reports the password whatever the class or function is called, on one line or over several', () => {
    const java = '    @Bean\n    public ClearingDrop clearingDrop() {\n        return new ClearingDrop("172.20.4.17", 22, "clr_drop", "Wb6.tRq3Hn8x");\n    }\n';
    expect(found(java, 'src/main/java/ClearingConfig.java', 'host-port-login-password')).toEqual(['Wb6.tRq3Hn8x']);
    const cs = 'var inbox = OpenMailbox(\n    "imap.example.org",\n    993,\n    "scanner@example.org",\n    "Pq2!Lantern-Vx7");\n';
    expect(found(cs, 'Inbox.cs', 'host-port-login-password')).toEqual(['Pq2!Lantern-Vx7']);
  });
  it('leaves a variable, a stand-in, another port, a fifth literal, a tuple and a word for a password', () => {
    const calls = [
      'return new ClearingDrop("172.20.4.17", 22, "clr_drop", dropPassword);',
      'return new ClearingDrop("172.20.4.17", 22, "clr_drop", "your-password");',
      'return new ClearingDrop("172.20.4.17", 9000, "clr_drop", "Wb6.tRq3Hn8x");',
      'return new Warehouse("db.example.org", 5432, "sales", "sales_reader", "Wb6.tRq3Hn8x");',
      'HOSTS = [("172.20.4.17", 22, "clr_drop", "Wb6.tRq3Hn8x")]',
      'return new ClearingDrop("172.20.4.17", 22, "clr_drop", "clearing");',
      'return new ClearingDrop(host, 22, "clr_drop", "Wb6.tRq3Hn8x");',
    ];
    for (const line of calls) expect(found(line, 'Config.java', 'host-port-login-password'), line).toEqual([]);
  });
});

describe("Go's net/smtp authentication by position", () => {
  it('reports the password of smtp.PlainAuth and the secret of smtp.CRAMMD5Auth', () => {
    const go = 'func auth() smtp.Auth {\n\treturn smtp.PlainAuth("", "billing@example.org", "Tz7_qWm3-Rn8Lp", "smtp.example.org")\n}\n';
    expect(found(go, 'mail/auth.go', 'credential-call-argument')).toEqual(['Tz7_qWm3-Rn8Lp']);
    expect(found('a := smtp.CRAMMD5Auth("relay-bot", "Kv4!Heron-Dusk9")\n', 'mail/auth.go', 'credential-call-argument')).toEqual(['Kv4!Heron-Dusk9']);
  });
  it('leaves the identity, the user and the host, and a password from the environment', () => {
    expect(found('a := smtp.PlainAuth("", "billing@example.org", os.Getenv("SMTP_PASSWORD"), "smtp.example.org")\n', 'mail/auth.go')).toEqual([]);
    expect(found('a := smtp.PlainAuth("", user, pass, host)\n', 'mail/auth.go')).toEqual([]);
  });
});

describe("an OAuth client's UUID secret given after its token endpoint and its id", () => {
  it('reports the UUID after a token endpoint and a client id, one argument a line', () => {
    const java = 'private final TokenSource oauth = new TokenSource(\n        "https://identity.example.gov/oauth/token",\n        "Hq3vN8kLz2RmT7wX4cYb",\n        "e4a19c7d-2b58-4f03-8d6e-a1c9b7f2e053");\n';
    expect(found(java, 'src/main/java/acme/Filing.java', 'url-then-key-positional')).toEqual(['Hq3vN8kLz2RmT7wX4cYb', 'e4a19c7d-2b58-4f03-8d6e-a1c9b7f2e053']);
    const kt = 'val creds = ClientCredentials("https://sso.example.org/realms/ops/protocol/openid-connect/token", "billing-sync", "e4a19c7d-2b58-4f03-8d6e-a1c9b7f2e053")\n';
    expect(found(kt, 'src/Auth.kt', 'url-then-key-positional')).toEqual(['e4a19c7d-2b58-4f03-8d6e-a1c9b7f2e053']);
  });
  it("leaves a UUID after another URL, after a method's name, and a stand-in", () => {
    const text = [
      'r = loadRecord("https://api.example.gov/v2/records", "svc-records", "e4a19c7d-2b58-4f03-8d6e-a1c9b7f2e053");',
      'r = newRequest("https://identity.example.gov/oauth/token", "POST", "e4a19c7d-2b58-4f03-8d6e-a1c9b7f2e053");',
      'c = new TokenSource("https://identity.example.gov/oauth/token", "svc-filing", "00000000-0000-0000-0000-000000000000");',
    ].join('\n');
    expect(found(text, 'src/Client.java', 'url-then-key-positional')).toEqual([]);
  });
});

describe('the session token of temporary AWS credentials passed by position', () => {
  it('reports the third literal after an ASIA key id and its secret, across lines', () => {
    const rb = "TEMP = Aws::Credentials.new('ASIAR5TQ2MZ8KXW4LPN7', 'Lq8Zx1Rv6Tn4Kc9Hm2Jd7Fs5Gb0Ya3Ue8Oi4Pw3T',\n  'Vb2Nc7Xm4Lk9Jh3Gf8Ds1Ap6Oi5Uy0Tr7Ew2Qz9Lm4Kx8Rb3Tn6Vc1Zp5Yh0Kd7Fs2Gj')\n";
    expect(found(rb, 'config/initializers/s3.rb', 'aws-session-token-positional')).toEqual(['Vb2Nc7Xm4Lk9Jh3Gf8Ds1Ap6Oi5Uy0Tr7Ew2Qz9Lm4Kx8Rb3Tn6Vc1Zp5Yh0Kd7Fs2Gj']);
  });

  it('leaves an empty token, a variable and the third argument after a long-term AKIA id', () => {
    const go = [
      'a := credentials.NewStaticCredentials("ASIAR5TQ2MZ8KXW4LPN7", "Lq8Zx1Rv6Tn4Kc9Hm2Jd7Fs5Gb0Ya3Ue8Oi4Pw3T", "")',
      'b := credentials.NewStaticCredentials("ASIAR5TQ2MZ8KXW4LPN7", "Lq8Zx1Rv6Tn4Kc9Hm2Jd7Fs5Gb0Ya3Ue8Oi4Pw3T", sessionToken)',
      'c := credentials.NewStaticCredentials("AKIAR5TQ2MZ8KXW4LPN7", "Lq8Zx1Rv6Tn4Kc9Hm2Jd7Fs5Gb0Ya3Ue8Oi4Pw3T", "Vb2Nc7Xm4Lk9Jh3Gf8Ds1Ap6Oi5Uy0Tr7Ew2Qz9Lm4Kx8Rb3Tn6Vc1Zp5Yh0Kd7Fs2Gj")',
    ].join('\n');
    expect(found(go, 'main.go', 'aws-session-token-positional')).toEqual([]);
  });
});

describe("a data source's login given by position after its JDBC URL", () => {
  it('reports the password after the JDBC URL and its user, in any plausible alphabet', () => {
    const java = 'static PoolConfig pool() {\n    return new PoolConfig("jdbc:sqlserver://sql07.example.internal:1433;databaseName=Ledger", "ledger_app",\n        "Pz4_wQ9mLx2Tk7Rb");\n}\n';
    expect(found(java, 'src/main/java/Pool.java', 'url-then-key-positional')).toEqual(['Pz4_wQ9mLx2Tk7Rb']);
  });

  it('leaves a driver class, a password equal to a word-like user name, and a variable', () => {
    const java = [
      'a = new PoolConfig("jdbc:postgresql://pg.example.internal/app", "org.postgresql.Driver");',
      'b = new PoolConfig("jdbc:postgresql://pg.example.internal/app", "reporting", "reporting");',
      'c = new PoolConfig("jdbc:postgresql://pg.example.internal/app", "reporting", dbPassword);',
    ].join('\n');
    expect(found(java, 'src/main/java/Pool.java', 'url-then-key-positional')).toEqual([]);
  });
});

describe("web-push's VAPID keys in setVapidDetails(subject, publicKey, privateKey)", () => {
  const PUBLIC = 'BHx4Tq9Lm2Wv7Rk3Nz8Jc5Pd1Ys6Ga0Ub4Ek9Mw2Qx7Tr3Vn8Lc5Hd0Jz6Pf1Sg4Ya9Ku2Ro7We3Ti8Nm';
  const PRIVATE = 'Tz5Kq8Wm3Lp7Xr2Vn9Hd4Jc6Bf1Gs0YaE3uO8iK5wR';

  it('reports the third argument, the private key, and leaves the public key shipped to browsers', () => {
    const js = `webpush.setVapidDetails(\n  "mailto:push@example.net",\n  "${PUBLIC}",   // public, sent to the browser\n  "${PRIVATE}"   // private\n);\n`;
    expect(found(js, 'server/push.js', 'credential-call-argument')).toEqual([PRIVATE]);
    expect(found(`webPush.setVapidDetails('mailto:a@example.net', '${PUBLIC}', '${PRIVATE}');\n`, 'push.ts', 'credential-call-argument')).toEqual([PRIVATE]);
  });

  it('leaves keys read from the environment', () => {
    const js = `webpush.setVapidDetails("mailto:push@example.net", "${PUBLIC}", process.env.VAPID_PRIVATE_KEY);\n`;
    expect(found(js, 'server/push.js', 'credential-call-argument')).toEqual([]);
    expect(found(`webpush.setVapidDetails(subject, publicKey, privateKey) // "${PRIVATE}"\n`, 'push.js', 'credential-call-argument')).toEqual([]);
  });
});

describe('a bind password given after a bind DN', () => {
  it('reports the literal after the DN in a directory client, a bind call and a connection', () => {
    const ts = 'export const dir = new DirectoryClient(\n  "ldaps://dc3.corp.example:636",\n  "cn=svc-sched,ou=service,dc=corp,dc=example",\n  "Pf6!mQz2-Lw8K",\n);\n';
    expect(found(ts, 'src/dir.ts', 'ldap-bind-dn-password')).toEqual(['Pf6!mQz2-Lw8K']);
    const js = "client.bind('uid=roster,ou=apps,o=example', 'Vt5#kLw9Qz3m', done);\n";
    expect(found(js, 'lib/roster.js', 'ldap-bind-dn-password')).toEqual(['Vt5#kLw9Qz3m']);
    const py = 'conn = Connection(srv, "CN=Batch Reader,OU=Svc,DC=corp,DC=example", "Jr8$Wq2z-Nv4", auto_bind=True)\n';
    expect(found(py, 'jobs/sync.py', 'ldap-bind-dn-password')).toEqual(['Jr8$Wq2z-Nv4']);
  });

  it("leaves a search's filter, another call's argument, a DN with no parent entry, a variable and a stand-in", () => {
    const py = [
      'conn.search("ou=people,dc=corp,dc=example", "(uid=dana)")',
      'conn.search("cn=groups,dc=corp,dc=example", "(member=uid=dana)", attributes=["cn"])',
      'client.modify("uid=dana,ou=people,dc=corp,dc=example", "Vt5#kLw9Qz3m")',
      'client.bind("cn=reader", "Vt5#kLw9Qz3m")',
      'client.bind("cn=reader,dc=corp,dc=example", bindPassword)',
      'client.bind("cn=reader,dc=corp,dc=example", "<bind-password>")',
      'log("cn=reader,dc=corp,dc=example", "Vt5#kLw9Qz3m")',
    ].join('\n');
    expect(found(py, 'jobs/sync.py', 'ldap-bind-dn-password')).toEqual([]);
  });
});

describe("a literal beside a credential's id read from the environment", () => {
  it('reports the literal given after an env-read token, key, client or app id, in Go, JS, Python and Ruby', () => {
    const go = 'func video() *Client {\n\treturn NewVideoClient(os.Getenv("VIDEO_TOKEN_ID"), "Wd8Kq2Rz5Lm9Tx3Vb7Nc1Hp4Jf6Gs0Ya=")\n}\n';
    expect(found(go, 'video/client.go', 'env-id-then-secret-literal')).toEqual(['Wd8Kq2Rz5Lm9Tx3Vb7Nc1Hp4Jf6Gs0Ya=']);
    const js = "const maps = new MapsClient(process.env['MAPS_CLIENT_ID'], 'Pr4Wz8Lk2Qm6Tx9Vn3Hb7Jc1Gd5Sf0Ye');\n";
    expect(found(js, 'src/maps.js', 'env-id-then-secret-literal')).toEqual(['Pr4Wz8Lk2Qm6Tx9Vn3Hb7Jc1Gd5Sf0Ye']);
    const py = 'resp = requests.get(url, auth=(os.environ.get("LEDGER_KEY_ID"), "Zt5Kq9Wm2Lx7Rp3Vb8Nc1Hd4Jf6Gs0Ya"))\n';
    expect(found(py, 'jobs/ledger.py', 'env-id-then-secret-literal')).toEqual(['Zt5Kq9Wm2Lx7Rp3Vb8Nc1Hd4Jf6Gs0Ya']);
  });
  it('reports the literal given after an env-read API key, and leaves a default, a word and a second read', () => {
    const go = 'm := metrics.NewMonitor(os.Getenv("METRICS_API_KEY"), "7e2b9c4f1a8d3e6b0c5f2a9d4e7b1c3f")\n';
    expect(found(go, 'cmd/metrics.go', 'env-id-then-secret-literal')).toEqual(['7e2b9c4f1a8d3e6b0c5f2a9d4e7b1c3f']);
    const others = [
      'm := metrics.NewMonitor(os.Getenv("METRICS_API_KEY"), os.Getenv("METRICS_APP_KEY"))',
      'm := metrics.NewMonitor(os.Getenv("METRICS_API_KEY"), "metrics-ingest-eu-west")',
      'key = os.environ.get("METRICS_API_KEY", "7e2b9c4f1a8d3e6b0c5f2a9d4e7b1c3f")',
    ].join('\n');
    expect(found(others, 'cmd/metrics.py', 'env-id-then-secret-literal')).toEqual([]);
  });
  it('leaves a second read, a non-credential id, a placeholder and a word beside the id', () => {
    const go = [
      'NewVideoClient(os.Getenv("VIDEO_TOKEN_ID"), os.Getenv("VIDEO_TOKEN_SECRET"))',
      'NewTable(os.Getenv("WAREHOUSE_ID"), "Wd8Kq2Rz5Lm9Tx3Vb7Nc1Hp4Jf6Gs0Ya")',
      'NewVideoClient(os.Getenv("VIDEO_TOKEN_ID"), "<your-video-token-secret>")',
      'NewVideoClient(os.Getenv("VIDEO_TOKEN_ID"), "video-ingest-eu-west")',
    ].join('\n');
    expect(found(go, 'video/client.go', 'env-id-then-secret-literal')).toEqual([]);
  });
});

describe('azure-client-secret-credential', () => {
  const secrets = (text: string, file = 'Exporter.cs') => detect(text, { file }).filter((f) => f.rule === 'azure-client-secret-credential').map((f) => text.slice(f.start, f.end));

  it('reports the third argument of ClientSecretCredential, not the tenant or client ids', () => {
    const cs = 'var cred = new ClientSecretCredential(Tenant, "8c2f4e1a-6b3d-4f7e-9a05-c1d2e3f4a5b6", "Lq9~Xv3Tm8Zr2Wk7Nb4Hc1Jd6Gf0Sa5Ye2Ui");\n';
    expect(secrets(cs)).toEqual(['Lq9~Xv3Tm8Zr2Wk7Nb4Hc1Jd6Gf0Sa5Ye2Ui']);
    const go = 'cred, err := azidentity.NewClientSecretCredential(cfg.Tenant, cfg.Client, "Rt5.Wq8Lm3Zx9Vk2Nb7Hc4Jd1Gf6Sa", nil)\n';
    expect(secrets(go, 'auth.go')).toEqual(['Rt5.Wq8Lm3Zx9Vk2Nb7Hc4Jd1Gf6Sa']);
  });

  it('leaves a secret read from configuration alone', () => {
    expect(secrets('var cred = new ClientSecretCredential(Tenant, ClientId, config["Azure:ClientSecret"]);\n')).toEqual([]);
  });
});

describe('secrets passed in code by where they stand', () => {
  const secrets = (text: string, file: string, rule: string) => found(text, file, rule);

  it("reports a map built by Map.of or mapOf under a name for keys, each generated value, and leaves stand-ins and ids", () => {
    const java = [
      'private static final Map<String, String> KEYS = Map.of(',
      '    "opsgenie", "5e1c9a7f3b2d8e4a6c0f9b1d7e3a5c2f",',
      '    "webhook", "Zp4Lq9Wm2Tx7Rk5VcN8bHd3F",',
      '    "region", "eu-central-1",',
      '    "mailer", System.getenv("MAILER_KEY"),',
      '    "sandbox", "REPLACE_WITH_SANDBOX_KEY");',
    ].join('\n');
    expect(secrets(java, 'Alerts.java', 'generic-assignment')).toEqual(['5e1c9a7f3b2d8e4a6c0f9b1d7e3a5c2f', 'Zp4Lq9Wm2Tx7Rk5VcN8bHd3F']);
    expect(secrets('val apiTokens = mapOf("tiles" to "Hq7LmN2pX9vR4tK8sW3zB6yD")\n', 'Tiles.kt', 'generic-assignment')).toEqual(['Hq7LmN2pX9vR4tK8sW3zB6yD']);
    // A map of labels under another name, and a name that merely ends in the letters, say nothing of keys.
    expect(secrets('static final Map<String, String> LABELS = Map.of("opsgenie", "5e1c9a7f3b2d8e4a6c0f9b1d7e3a5c2f");\n', 'Alerts.java', 'generic-assignment')).toEqual([]);
    expect(secrets('static final Map<String, String> MONKEYS = Map.of("opsgenie", "Zp4Lq9Wm2Tx7Rk5VcN8bHd3F");\n', 'Zoo.java', 'generic-assignment')).toEqual([]);
  });

  it('reports a map of generated values under a name for credentials, and leaves one that holds a setting', () => {
    const java = 'static final Map<String, String> PARTNER_CREDENTIALS = Map.of(\n    "quandl", "M4VQ9TZKR2XW7LPN0BCJ8HDF5GYS3AE1",\n    "fixer", "c07e3b9a41d85f2e6b1a9c4d7e0f3825");\n';
    expect(secrets(java, 'Rates.java', 'generic-assignment')).toEqual(['M4VQ9TZKR2XW7LPN0BCJ8HDF5GYS3AE1', 'c07e3b9a41d85f2e6b1a9c4d7e0f3825']);
    const py = 'PARTNER_CREDENTIALS = {"quandl": "M4VQ9TZKR2XW7LPN0BCJ8HDF5GYS3AE1", "fixer": "c07e3b9a41d85f2e6b1a9c4d7e0f3825"}\n';
    expect(secrets(py, 'rates.py', 'generic-assignment')).toEqual(['M4VQ9TZKR2XW7LPN0BCJ8HDF5GYS3AE1', 'c07e3b9a41d85f2e6b1a9c4d7e0f3825']);
    const go = 'var partnerCreds = map[string]string{"quandl": "Zp4Lq9Wm2Tx7Rk5VcN8bHd3F"}\n';
    expect(secrets(go, 'rates.go', 'generic-assignment')).toEqual(['Zp4Lq9Wm2Tx7Rk5VcN8bHd3F']);
    // A client's settings under the name: one value that is no key makes the map something other than a set of keys.
    const settings = 'static final Map<String, String> AWS_CREDENTIALS = Map.of("region", "eu-west-1", "bucket", "Zp4Lq9Wm2Tx7Rk5VcN8bHd3F");\n';
    expect(secrets(settings, 'Store.java', 'generic-assignment')).toEqual([]);
    expect(secrets('AWS_CREDENTIALS = {"region": "eu-west-1", "profile": "Zp4Lq9Wm2Tx7Rk5VcN8bHd3F"}\n', 'store.py', 'generic-assignment')).toEqual([]);
  });

  it('reports the literal each constant of an enum named for keys carries, not its stand-in nor an enum of other things', () => {
    const java = 'public enum CarrierKeys {\n    NORTHWIND("Tq3Lm8Zw2Rx7Vb4Nc9Kp6Hy1Jd5Gs0Fe"),\n    CONTOSO("TODO_FILL_IN"),\n    FABRIKAM("svc-fabrikam", "Mv7qL2zRk9Tx4WnB8cYpH3dJ");\n    private final String key;\n}\n';
    expect(secrets(java, 'CarrierKeys.java', 'secret-enum-constant')).toEqual(['Tq3Lm8Zw2Rx7Vb4Nc9Kp6Hy1Jd5Gs0Fe', 'Mv7qL2zRk9Tx4WnB8cYpH3dJ']);
    expect(secrets('public enum Carrier {\n    NORTHWIND("Tq3Lm8Zw2Rx7Vb4Nc9Kp6Hy1Jd5Gs0Fe");\n}\n', 'Carrier.java', 'secret-enum-constant')).toEqual([]);
  });

  it('reports the one literal a signer or signing key is built with', () => {
    expect(secrets('return new SessionSigner("Lq8vR3nXz7KpT2wM9cYh4BdF6gJs");\n', 'Auth.java', 'hmac-class-key')).toEqual(['Lq8vR3nXz7KpT2wM9cYh4BdF6gJs']);
    expect(secrets('return new SessionSigner(config.signingSecret());\n', 'Auth.java', 'hmac-class-key')).toEqual([]);
    expect(secrets('return new SessionSigner("session-cookie-signer");\n', 'Auth.java', 'hmac-class-key')).toEqual([]);
  });

  it("reports the generated body joined to a live key's prefix, not a publishable key's", () => {
    expect(secrets('return new GeoClient("geo_live_" + "Wt5nPq9xZr2LkV7mB3cYh8DfJ4sGa1");\n', 'Geo.java', 'live-key-prefix-joined')).toEqual(['Wt5nPq9xZr2LkV7mB3cYh8DfJ4sGa1']);
    expect(secrets('stripe = Stripe("pk_live_" + "Wt5nPq9xZr2LkV7mB3cYh8DfJ4sGa1");\n', 'pay.js', 'live-key-prefix-joined')).toEqual([]);
    expect(secrets('label = "go_live_" + "announcementBannerText";\n', 'ui.js', 'live-key-prefix-joined')).toEqual([]);
  });

  it("reports the password given after a URL variable and a user, not a method's or a path's words", () => {
    expect(secrets('s = Session(FEED_URL, "acme_feed", "Rk4.pQ9zLm2.VxTw")\n', 'feed.py', 'url-variable-then-login')).toEqual(['Rk4.pQ9zLm2.VxTw']);
    expect(secrets('s = Session(FEED_URL, "acme_feed", os.environ["FEED_PW"])\n', 'feed.py', 'url-variable-then-login')).toEqual([]);
    expect(secrets('p = join(BASE_URL, "reports", "quarterly-summary")\n', 'feed.py', 'url-variable-then-login')).toEqual([]);
  });
});

describe("an Algolia client's API key", () => {
  it('reports the key given to the module called straight from require()', () => {
    const js = "const algolia = require('algoliasearch')('ZX81QW7KPL', '9b2e7f4c1a8d3e6b0f5a2c9d7e4b1f3a');\n";
    expect(found(js, 'server/search.js', 'algolia-admin-key-positional')).toEqual(['9b2e7f4c1a8d3e6b0f5a2c9d7e4b1f3a']);
  });

  it('reports it though a comment calls it search-only: an admin key looks the same', () => {
    const js = "// search-only key\nconst client = algoliasearch('ZX81QW7KPL', '9b2e7f4c1a8d3e6b0f5a2c9d7e4b1f3a');\n";
    expect(found(js, 'server/search.js', 'algolia-admin-key-positional')).toEqual(['9b2e7f4c1a8d3e6b0f5a2c9d7e4b1f3a']);
  });

  it('leaves the application id alone, and a key held in the environment', () => {
    const js = "const client = require('algoliasearch')('ZX81QW7KPL', process.env.ALGOLIA_ADMIN_KEY);\n";
    expect(found(js, 'server/search.js', 'algolia-admin-key-positional')).toEqual([]);
  });

  it('leaves the literal of a search client beside one the code builds from its admin key held elsewhere', () => {
    const js = "const client = algoliasearch('ZX81QW7KPL', '9b2e7f4c1a8d3e6b0f5a2c9d7e4b1f3a');\nexport const index = client.initIndex('docs');\nexport function adminClient() {\n  return algoliasearch(process.env.ALGOLIA_APP_ID, process.env.ALGOLIA_ADMIN_KEY);\n}\n";
    expect(found(js, 'lib/search.js', 'algolia-admin-key-positional')).toEqual([]);
  });

  it('still reports a literal whose client is named for writing, beside an admin client from the environment', () => {
    const js = "const admin = algoliasearch('ZX81QW7KPL', '9b2e7f4c1a8d3e6b0f5a2c9d7e4b1f3a');\nconst adminFromEnv = algoliasearch('ZX81QW7KPL', process.env.ALGOLIA_ADMIN_KEY);\n";
    expect(found(js, 'lib/search.js', 'algolia-admin-key-positional')).toEqual(['9b2e7f4c1a8d3e6b0f5a2c9d7e4b1f3a']);
    const rb = '@indexer ||= Algolia::Search::Client.create("ZX81QW7KPL", "9b2e7f4c1a8d3e6b0f5a2c9d7e4b1f3a")\nADMIN = Algolia::Search::Client.create(APP_ID, ENV["ALGOLIA_ADMIN_KEY"])\n';
    expect(found(rb, 'app/services/sync.rb', 'algolia-admin-key-positional')).toEqual(['9b2e7f4c1a8d3e6b0f5a2c9d7e4b1f3a']);
  });

  it('reports a key given to a lite client whose holder is named for writing, commented out or not, and leaves the search clients', () => {
    const js = [
      "import algoliasearch from 'algoliasearch/lite';",
      "const search = algoliasearch('ZX81QW7KPL', '3f8a1c6e9b2d4f7a0c5e8b1d6a9f2c4e');",
      "// const writer = algoliasearch('ZX81QW7KPL', '9b2e7f4c1a8d3e6b0f5a2c9d7e4b1f3a');",
      "const indexingClient = algoliasearch('ZX81QW7KPL', '7c4e1a9f3b6d8e2a5f0c7b4e1d9a6f3c');",
      "const searchClient = algoliasearch('ZX81QW7KPL', 'e2b7d4a1f8c5e3b9a6d0f7c4b1e8a5d2');",
      '',
    ].join('\n');
    expect(found(js, 'web/src/search.js', 'algolia-admin-key-positional')).toEqual(['9b2e7f4c1a8d3e6b0f5a2c9d7e4b1f3a', '7c4e1a9f3b6d8e2a5f0c7b4e1d9a6f3c']);
  });
});

describe("an API client's one constructor argument", () => {
  it('reports a generated-looking literal as the key of a class named for a client, an API or an SDK', () => {
    const key = 'Wd7Kq2Lm9Zx4Rt8Vn3Bc6Hy1Pf5Gs0Ja';
    expect(found(`var c = new MatterClient("${key}");\n`, 'Matters.cs', 'client-sole-key-positional')).toEqual([key]);
    expect(found(`$api = new \\Vendor\\DocketApi('${key}');\n`, 'Docket.php', 'client-sole-key-positional')).toEqual([key]);
    expect(found(`val sdk = FilingSdk("${key}")\n`, 'Filing.kt', 'client-sole-key-positional')).toEqual([key]);
  });
  it('leaves URLs, names, regions, ids in one case, short literals and method calls', () => {
    const none = (code: string): string[] => found(code, 'Setup.cs', 'client-sole-key-positional');
    expect(none('var h = new HttpClient("https://api.vendor.example/v3/");\n')).toEqual([]);
    expect(none('var c = new Client("ledger-service");\n')).toEqual([]);
    expect(none('var s3 = new S3Client("ap-southeast-2");\n')).toEqual([]);
    expect(none('var c = new Client("7d1e0f3a-9b2c-4d5e-8f6a-0b1c2d3e4f5a");\n')).toEqual([]);
    expect(none('var c = new MatterClient("Wd7Kq2Lm9Zx4");\n')).toEqual([]);
    expect(none('var c = registry.matterClient("Wd7Kq2Lm9Zx4Rt8Vn3Bc6Hy1Pf5Gs0Ja");\n')).toEqual([]);
  });
});

describe('a socket client connected with an address and a password', () => {
  it('reports the password after a ws://, wss:// or tcp:// address, also as a one-item array read at once', () => {
    const js = [
      'await studio.connect("ws://10.20.0.7:4455", "Rb4mWq9Lz2TxKp7c");',
      "await spare.connect('wss://' + spareHost + ':4455', ['Hn3vQz8Lk2Wm7Tpx'][0]);",
      '',
    ].join('\n');
    expect(found(js, 'src/studio.js', 'socket-connect-password')).toEqual(['Rb4mWq9Lz2TxKp7c', 'Hn3vQz8Lk2Wm7Tpx']);
  });

  it('leaves a variable, a client id, a list of protocols and an http address', () => {
    const js = [
      'await studio.connect("ws://10.20.0.7:4455", process.env.STUDIO_PASSWORD);',
      'mqttClient.connect("tcp://broker.example.net:1883", "press-line-07");',
      'sock.connect("wss://rt.example.net/socket", ["graphql-ws", "Rb4mWq9Lz2TxKp7c"]);',
      'api.connect("https://api.example.net", "Rb4mWq9Lz2TxKp7c");',
      '',
    ].join('\n');
    expect(found(js, 'src/studio.js', 'socket-connect-password')).toEqual([]);
  });
});

describe('a password given second to a credentials class', () => {
  it('reports a password-shaped second literal shorter than a key', () => {
    const java = 'return new TellerCredentials("0342", "wQz7Lm2kTx9R").header();\n';
    expect(found(java, 'Teller.java', 'client-id-then-secret-positional')).toEqual(['wQz7Lm2kTx9R']);
  });

  it('leaves words, dictionary passwords and short literals given to clients', () => {
    const java = [
      'return new TellerCredentials("0342", "teller-desk").header();',
      'return new TellerCredentials("0342", "Welcome2024").header();',
      'var api = new TellerClient("0342", "wQz7Lm2kTx9R");',
      '',
    ].join('\n');
    expect(found(java, 'Teller.java', 'client-id-then-secret-positional')).toEqual([]);
  });
});

describe("a Cassandra driver's credentials given as a (user, password) pair", () => {
  it("reports the password of DataStax's builders and of PlainTextAuthProvider, the user left", () => {
    const java = 'return CqlSession.builder()\n    .addContactPoint(new InetSocketAddress(host, 9042))\n    .withAuthCredentials("orders_rw", "Ln7!qVz.Kw3Rt")\n    .build();\n';
    expect(found(java, 'src/main/java/Store.java', 'basic-auth-pair')).toEqual(['Ln7!qVz.Kw3Rt']);
    expect(found('Cluster.builder().addContactPoint(h).withCredentials(CASS_USER, "Pq2-Wm8zLr5X").build();', 'Store.java', 'basic-auth-pair')).toEqual(['Pq2-Wm8zLr5X']);
    expect(found("auth_provider = PlainTextAuthProvider('ingest', 'Tz4.Hq9-wKm2')", 'db.py', 'basic-auth-pair')).toEqual(['Tz4.Hq9-wKm2']);
  });

  it("leaves credentials read from settings and Cassandra's published default login", () => {
    expect(found('CqlSession.builder().withAuthCredentials(cfg.getUser(), cfg.getPassword()).build();', 'Store.java', 'basic-auth-pair')).toEqual([]);
    expect(found('Cluster.builder().withCredentials("cassandra", "cassandra").build();', 'Store.java', 'basic-auth-pair')).toEqual([]);
    expect(found('xhr.withCredentials = true;', 'app.js', 'basic-auth-pair')).toEqual([]);
  });
});

describe("an OPC UA client's user identity given as a (user, password) pair", () => {
  it('reports the password of the .NET stack\'s UserIdentity, as a string or as bytes, and of Milo\'s UsernameProvider', () => {
    expect(found('    var who = new UserIdentity("historian", "Kiln-Vent!742");\n', 'Scada/Reader.cs', 'basic-auth-pair')).toEqual(['Kiln-Vent!742']);
    expect(found('var who = new UserIdentity(OpcUser, Encoding.UTF8.GetBytes("Qv8#Sluice-Gate3"));', 'Reader.cs', 'basic-auth-pair')).toEqual(['Qv8#Sluice-Gate3']);
    expect(found('IdentityProvider idp = new UsernameProvider("mes_client", "Tz4.Hopper-Line9");', 'MesBridge.java', 'basic-auth-pair')).toEqual(['Tz4.Hopper-Line9']);
  });

  it('leaves identities built from settings, anonymous ones and certificate identities', () => {
    expect(found('var who = new UserIdentity(cfg.User, cfg.Password);', 'Reader.cs', 'basic-auth-pair')).toEqual([]);
    expect(found('var who = new UserIdentity(new AnonymousIdentityToken());', 'Reader.cs', 'basic-auth-pair')).toEqual([]);
    expect(found('var who = new UserIdentity(certificate);', 'Reader.cs', 'basic-auth-pair')).toEqual([]);
    expect(found('var who = new UserIdentity("operator", Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("OPC_PW")));', 'Reader.cs', 'basic-auth-pair')).toEqual([]);
    expect(found('var who = new UserIdentity("operator", "password");', 'Reader.cs', 'basic-auth-pair')).toEqual([]);
  });
});

describe('a literal argument named by a block comment beside it', () => {
  it('reports the literal a comment after it or before it names as a secret, each judged as under that name', () => {
    const go = 'm := NewMetrics("4f0c9e2a7b1d8c3e6f5a0b9d2c7e1f4a" /* api key */, "9d2c7e1f4a0b3c6e8f5a2d7b1c9e4f0a6b3d8c2e" /* app key */)\n';
    expect(found(go, 'ingest/main.go', 'argument-comment-literal')).toEqual(['4f0c9e2a7b1d8c3e6f5a0b9d2c7e1f4a', '9d2c7e1f4a0b3c6e8f5a2d7b1c9e4f0a6b3d8c2e']);
    const cpp = 'auto db = Connect("db01", /*user=*/"report",\n                  /*password=*/"Tq4!vLm8-Zr2x");\n';
    expect(found(cpp, 'src/db.cc', 'argument-comment-literal')).toEqual(['Tq4!vLm8-Zr2x']);
    expect(detect(cpp, { file: 'src/db.cc' }).find((f) => f.rule === 'argument-comment-literal')?.category).toBe('PASS');
  });

  it('leaves literals the comment names as no secret, a stand-in, an expression, and a comment that belongs to another argument', () => {
    const go = [
      'm := NewMetrics("eu-west-1" /* region */, "4f0c9e2a7b1d8c3e6f5a0b9d2c7e1f4a" /* shard */)',
      'c := Dial("db01", "report" /* user */, "changeme" /* password */)',
      'c := Dial("db01", "Tq4!vLm8-Zr2x" /* password */ + suffix)',
      'c := Dial("Tq4!vLm8-Zr2x", /* password */ pw)',
      '',
    ].join('\n');
    expect(found(go, 'main.go', 'argument-comment-literal')).toEqual([]);
  });
});

describe('go-constructor-sole-key', () => {
  it("reports the one generated literal a Go New<Name> constructor is given, in Go files only", () => {
    const go = [
      'pv := vendors.NewSolarView("7KQ2ZP9XW4MR8TB3VN6HC1JD5GS0FEA2")',
      'l := NewLedger( "Tq8Lm2Zw7Rx4Vb9Nc3Kp6Hy1Df5Gs0JaUe" )',
    ].join('\n');
    expect(found(go, 'cmd/poll/main.go', 'go-constructor-sole-key')).toEqual(['7KQ2ZP9XW4MR8TB3VN6HC1JD5GS0FEA2', 'Tq8Lm2Zw7Rx4Vb9Nc3Kp6Hy1Df5Gs0JaUe']);
    expect(found(go, 'src/poll.ts', 'go-constructor-sole-key')).toEqual([]);
  });
  it('leaves public values, a second argument, a URL, a word, MustNew and renew', () => {
    const go = [
      'k := solana.NewPublicKey("7KQ2ZP9XW4MR8TB3VN6HC1JD5GS0FEA2")',
      'r := strings.NewReader("Tq8Lm2Zw7Rx4Vb9Nc3Kp6Hy1Df5Gs0JaUe")',
      'a := common.NewAddress("Tq8Lm2Zw7Rx4Vb9Nc3Kp6Hy1Df5Gs0JaUe")',
      'pv := vendors.NewSolarView("7KQ2ZP9XW4MR8TB3VN6HC1JD5GS0FEA2", region)',
      'pv := vendors.NewSolarView("https://monitoring.example.com/api")',
      'pv := vendors.NewSolarView("SOLARVIEWPRODUCTIONCLUSTERONE")',
      'pv := vendors.NewSolarView("abcdefghijklmnopqrstuvwxyzabcdef")',
      'pv := MustNewSolarView("7KQ2ZP9XW4MR8TB3VN6HC1JD5GS0FEA2")',
      'pv := renewSolarView("7KQ2ZP9XW4MR8TB3VN6HC1JD5GS0FEA2")',
    ].join('\n');
    expect(found(go, 'cmd/poll/main.go', 'go-constructor-sole-key')).toEqual([]);
  });
});

describe('data-type-secret-field', () => {
  const rule = 'data-type-secret-field';

  it("reports the literals at a data class's password field in a table of them, whatever the password's shape", () => {
    const kt = [
      'data class Partner(val scac: String, val host: String, val user: String, val password: String, val inbox: String)',
      '',
      'object Partners {',
      '    val all = listOf(',
      '        Partner("CHXM", "sftp.chemexmidwest.com", "gpor_edi", "Tanker417!Q3", "/in/404"),',
      '        Partner("PLGR", "edi-gw.gpo.corp", "plgr_drop", "grain2bin", "/partners/plgr/in"),',
      '        Partner("NSHR", "10.12.30.44", "nshr",',
      '            "Ns#Hr-2211-Wx", "/edi/417"),',
      '    )',
      '}',
    ].join('\n');
    expect(found(kt, 'edi/PartnerSftp.kt', rule)).toEqual(['Tanker417!Q3', 'grain2bin', 'Ns#Hr-2211-Wx']);
  });

  it("reads Java's and C#'s records and Scala's case classes the same way", () => {
    expect(found('record Login(String host, String user, String password) {}\nnew Login("ftp.acme.corp", "drop", "Wren#Ledger-77");\n', 'Login.java', rule)).toEqual(['Wren#Ledger-77']);
    expect(found('case class Feed(name: String, apiToken: String)\nval f = Feed("rates", "t8zq2mvk5rwp0xlc7hnb4jsd9gya3ufe")\n', 'Feeds.scala', rule)).toEqual(['t8zq2mvk5rwp0xlc7hnb4jsd9gya3ufe']);
  });

  it('leaves calls that give fewer or more arguments, variables and stand-ins, and fields not named for a secret', () => {
    const kt = [
      'data class Login(val user: String, val password: String, val port: Int = 22)',
      'val a = Login("edi", "Tanker417!Q3")',
      'val b = Login("edi", System.getenv("EDI_PW"), 22)',
      'val c = Login("edi", "changeme", 22)',
      'data class Mirror(val host: String, val path: String)',
      'val m = Mirror("mirror.acme.com", "Tanker417!Q3")',
    ].join('\n');
    expect(found(kt, 'Logins.kt', rule)).toEqual([]);
  });

  it('reads each call once, however many open and never close', () => {
    const head = 'data class Login(val user: String, val password: String)\n';
    const unit = 'Login("edi", "Tanker417!Q3" ';
    for (const size of [256 * 1024, 512 * 1024]) expect(found(head + unit.repeat(size / unit.length), 'Logins.kt', rule)).toEqual([]);
  });
});

describe('a host, a user and a password passed in that order to a client', () => {
  const rule = 'host-user-password-positional';
  it('reports the third literal after a host and a user, whatever the client is called, a database name maybe after it', () => {
    const php = "<?php\n$ews = new \\Acme\\Exchange\\Client('owa.dockside.corp', 'rota-sync', 'Capstan#Rope19');\n";
    expect(found(php, 'app/Services/Rota.php', rule)).toEqual(['Capstan#Rope19']);
    const py = "from drops import ArchiveDrop\ndrop = ArchiveDrop('files.ferryline.co.uk',\n                   'manifests',\n                   'Bollard-Swell-73')\n";
    expect(found(py, 'jobs/upload.py', rule)).toEqual(['Bollard-Swell-73']);
    const rb = "Net::FTP.open('192.168.40.12', 'scanner', 'Moor1ng.Line') do |ftp|\n";
    expect(found(rb, 'lib/tasks/scans.rb', rule)).toEqual(['Moor1ng.Line']);
    const relay = "$relay = new SmtpRelay('mx1.dockside.corp', 'alerts@dockside.corp', 'Slipway!Crane8', 'tls');\n";
    expect(found(relay, 'inc/mail.php', rule)).toEqual(['Slipway!Crane8']);
  });
  it("leaves variables, stand-ins and words, keys that are no host, tuples in a list, and a name in the password's place", () => {
    const lines = [
      "ftp = ftplib.FTP('files.ferryline.co.uk', 'manifests', password)",
      "ftp = ftplib.FTP('files.ferryline.co.uk', 'manifests', 'password123')",
      "__('checkout.summary.total', 'Total', 'Pay-Now2!')",
      "route('admin.users.edit', 'user', 'Edit-Page2')",
      "HOSTS = [('files.ferryline.co.uk', 'manifests', 'Bollard-Swell-73')]",
      "db = connect('db.ferryline.com', 'reports', 'reporting_ro')",
      "db = connect('db.ferryline.com', 'reporting_ro', 'reporting_ro')",
      '',
    ];
    for (const line of lines) expect(found(line, 'app.py', rule), line).toEqual([]);
  });
});
