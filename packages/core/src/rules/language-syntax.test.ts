import { describe, expect, it } from 'vitest';
import { createDetector } from '../detector.js';

/**
 * Each language's own way of writing a string literal, an assignment or a fallback, as a
 * polyglot monorepo (blind-17: Julia, Nim, Lua, Elixir, Erlang, F#, VB, Objective-C, Swift, R, …)
 * uses them. A secret written in a language's native form is read as well as `x = "…"` is.
 */
const detector = createDetector();
const found = (text: string, file: string): string[] => detector.detect(text, { file }).map((f) => text.slice(f.start, f.end));

describe('string literals of less common languages', () => {
  it("reads Julia's raw string", () => {
    expect(found('const DB = (user = "etl", password = raw"t$4Rw!kq9Pz#Lm2v")\n', 'etl.jl')).toEqual(['t$4Rw!kq9Pz#Lm2v']);
  });

  it('reads a triple-quoted string on one line (Nim, Python, Scala) without its closing quotes', () => {
    expect(found('let\n  mailPass = """cobalt-Heron-Lake-5521"""\n', 'mailer.nim')).toEqual(['cobalt-Heron-Lake-5521']);
    expect(found("relay_password = '''cobalt-Heron-Lake-5521'''\n", 'relay.py')).toEqual(['cobalt-Heron-Lake-5521']);
    // A triple quote that opens a block on the next lines holds no one-line value.
    expect(found('password_help = """\nType the password you were given.\n"""\n', 'help.py')).toEqual([]);
  });

  it("reads Lua's long bracket string, and only in Lua", () => {
    expect(found('local cache = {\n  password = [[m0ss-Quarry!Bell-7714]],\n}\n', 'cache.lua')).toEqual(['m0ss-Quarry!Bell-7714']);
    // Elsewhere `[[…]]` is a nested list or a shell test, not a string.
    expect(found('password = [[m0ss-Quarry!Bell-7714]]\n', 'cache.py')).toEqual([]);
  });

  it("reads Elixir's string sigils", () => {
    const text = ['config :app, :sms,', '  api_secret: ~s(Pq7Lw2Zx9Vt4),', '  webhook_secret: ~S[Hn3Kc8Rm1Qy6],', '  signing_secret: ~s"Tb5Jd0Wf2Ge8"'].join('\n');
    expect(found(text, 'runtime.exs')).toEqual(['Pq7Lw2Zx9Vt4', 'Hn3Kc8Rm1Qy6', 'Tb5Jd0Wf2Ge8']);
  });

  it('reads an Erlang binary in a tuple, and the VM cookie set by setcookie', () => {
    const text = ['[{gateway, [', '   {session_secret, <<"Rk3vL8pQ2mZ7xW4tN9cB1yH6dF0gJ5sA">>},', "   {setcookie, 'NODEC_4kT9pW2xQ7mL'}", ']}].'].join('\n');
    expect(found(text, 'sys.config')).toEqual(['Rk3vL8pQ2mZ7xW4tN9cB1yH6dF0gJ5sA', 'NODEC_4kT9pW2xQ7mL']);
    expect(found('-name gw@127.0.0.1\n-setcookie NODEC_4kT9pW2xQ7mL\n', 'vm.args')).toEqual(['NODEC_4kT9pW2xQ7mL']);
    // PHP's setcookie(name, value) sets a browser cookie: its arguments are no assignment.
    expect(found("setcookie('theme', 'q8Wm3Lx7Rt2Vn9Kp');\n", 'prefs.php')).toEqual([]);
  });

  it('reads a bytes wrapper that F# applies without brackets', () => {
    expect(found('      HmacKey = Text.Encoding.UTF8.GetBytes "Lq2Wv8Zr5Tn1Xk7Pm4Hs0Dj9Fc3Gb6Ya"\n', 'Config.fs')).toEqual(['Lq2Wv8Zr5Tn1Xk7Pm4Hs0Dj9Fc3Gb6Ya']);
  });
});

describe('a callback that returns a literal, handed over after the name', () => {
  it("reads WordPress filters that return a key (arrow function or closure)", () => {
    expect(found("add_filter( 'gform_recaptcha_secret_key', fn() => '6LMWGTn3_M4Mv8j7AQpT7JT6Oul0EQypE6Dnimf_' );\n", 'functions.php')).toEqual(['6LMWGTn3_M4Mv8j7AQpT7JT6Oul0EQypE6Dnimf_']);
    expect(found("add_filter( 'algolia_api_key', fn() => 'f3e277b36d149fa2d12abfe03ece7abb' );  // admin key\n", 'functions.php')).toEqual(['f3e277b36d149fa2d12abfe03ece7abb']);
    expect(found("add_filter('algolia_api_key', function () {\n    return 'f3e277b36d149fa2d12abfe03ece7abb';\n});\n", 'functions.php')).toEqual(['f3e277b36d149fa2d12abfe03ece7abb']);
  });
  it('leaves filters that return a lookup, a public key, or a name that is no secret', () => {
    expect(found("add_filter( 'algolia_api_key', fn() => getenv('ALGOLIA_ADMIN_KEY') );\n", 'functions.php')).toEqual([]);
    expect(found("add_filter( 'algolia_search_api_key', fn() => 'f3e277b36d149fa2d12abfe03ece7abb' );\n", 'functions.php')).toEqual([]);
    expect(found("add_filter( 'gform_recaptcha_site_key', fn() => '6LMWGTn3_M4Mv8j7AQpT7JT6Oul0EQypE6Dnimf_' );\n", 'functions.php')).toEqual([]);
  });
});

describe('assignments of less common languages', () => {
  it('reads a getter whose body returns the literal (Objective-C, Swift, nginx Lua blocks)', () => {
    expect(found('+ (NSString *)mapsApiSecret { return @"Vn4Xq8Lt2Zp6Rk0Wm3Hc7Jb1Fy5Gd9Ts"; }\n', 'Keys.m')).toEqual(['Vn4Xq8Lt2Zp6Rk0Wm3Hc7Jb1Fy5Gd9Ts']);
    expect(found('    var analyticsToken: String { "Vn4Xq8Lt2Zp6Rk0Wm3Hc7Jb1" }\n', 'Env.swift')).toEqual(['Vn4Xq8Lt2Zp6Rk0Wm3Hc7Jb1']);
    expect(found('func clientSecret() -> String {\n    return "Vn4Xq8Lt2Zp6Rk0Wm3Hc7Jb1"\n}\n', 'Env.swift')).toEqual(['Vn4Xq8Lt2Zp6Rk0Wm3Hc7Jb1']);
    expect(found('set_by_lua_block $weather_key { return "Vn4Xq8Lt2Zp6Rk0Wm3Hc7Jb1" }\n', 'site.conf')).toEqual(['Vn4Xq8Lt2Zp6Rk0Wm3Hc7Jb1']);
    // Returning a variable returns no literal.
    expect(found('+ (NSString *)mapsApiSecret { return secretFromKeychain; }\n', 'Keys.m')).toEqual([]);
  });

  it("reads a bean getter that returns a literal as its property's value (getPassword, get_api_key)", () => {
    const java = 'public String getPassword() {\n        return "Tq4!mWz8Lr2Vx";\n    }\n    public String getApiKey() { return "Zr5Tn1Xk7Pm4Hs0Dj9Fc"; }\n';
    expect(found(java, 'MailSettings.java')).toEqual(['Tq4!mWz8Lr2Vx', 'Zr5Tn1Xk7Pm4Hs0Dj9Fc']);
    expect(found('    public function get_api_key() { return "Zr5Tn1Xk7Pm4Hs0Dj9Fc"; }\n', 'Client.php')).toEqual(['Zr5Tn1Xk7Pm4Hs0Dj9Fc']);
    // Other getters and a getter's call are no assignment of a secret.
    expect(found('public String getUsername() { return "svc_mailer"; }\n', 'MailSettings.java')).toEqual([]);
    expect(found('String pw = getPassword();\nString label = getPasswordLabel() + "Tq4mWz8Lr2Vx";\n', 'Form.java')).toEqual([]);
  });

  it('reads a literal joined to a string that ends in the name (VB &, Java +), without the text after it', () => {
    const vb = '    Dim cs As String = "Server=db1;User ID=app;Password=" & "Tz8!kWq3#Lp" & ";"\n';
    expect(found(vb, 'Archive.vb')).toEqual(['Tz8!kWq3#Lp']);
    const java = 'String url = "jdbc:sqlserver://db1;user=app;password=" + "Tz8!kWq3#Lp" + ";encrypt=true";\n';
    expect(found(java, 'Db.java')).toEqual(['Tz8!kWq3#Lp']);
    expect(found('String url = "jdbc:sqlserver://db1;user=app;password=" + pw + ";";\n', 'Db.java')).toEqual([]);
  });

  it('reads a fallback literal on the line after the operator', () => {
    const text = ['  signing_salt =', '    System.get_env("LIVE_VIEW_SIGNING_SECRET") ||', '      "Wd3Rk8Mx2Pq7Lz5Tn9Vb4Hc1Jf6Gs0Ya"'].join('\n');
    expect(found(text, 'runtime.exs')).toEqual(['Wd3Rk8Mx2Pq7Lz5Tn9Vb4Hc1Jf6Gs0Ya']);
    const raising = ['  signing_salt =', '    System.get_env("LIVE_VIEW_SIGNING_SECRET") ||', '      raise "LIVE_VIEW_SIGNING_SECRET is missing"'].join('\n');
    expect(found(raising, 'runtime.exs')).toEqual([]);
  });

  it("reads a lookup's named default (R's unset =)", () => {
    expect(found('pw <- Sys.getenv("WAREHOUSE_PASSWORD", unset = "Birch!Otter!4410")\n', 'report.R')).toEqual(['Birch!Otter!4410']);
    expect(found('pw <- Sys.getenv("WAREHOUSE_PASSWORD", unset = "")\n', 'report.R')).toEqual([]);
  });
});

describe('credentials passed by position in data-science languages', () => {
  it("reads httr2's basic-auth password, piped or not", () => {
    const piped = 'request(api_url) |>\n  req_auth_basic("etl-bot", "Pebble.Quartz.Lynx.9") |>\n  req_perform()\n';
    expect(found(piped, 'pull.R')).toEqual(['Pebble.Quartz.Lynx.9']);
    expect(found('resp <- req_auth_basic(req, "etl-bot", "Pebble.Quartz.Lynx.9")\n', 'pull.R')).toEqual(['Pebble.Quartz.Lynx.9']);
    expect(found('resp <- req_auth_basic(req, "etl-bot", Sys.getenv("ETL_PASSWORD"))\n', 'pull.R')).toEqual([]);
  });

  it("reads MATLAB's database(source, user, password), only in MATLAB files", () => {
    const matlab = "conn = database('warehouse', 'etl_reader', 'Tarn-Willow-5318', ...\n    'Vendor', 'PostgreSQL');\n";
    expect(found(matlab, 'loadData.m')).toEqual(['Tarn-Willow-5318']);
    expect(found("conn = database('warehouse', 'etl_reader', getSecret('warehouse'));\n", 'loadData.m')).toEqual([]);
    // Elsewhere a function of that name is anyone's.
    expect(found('db = database("main", "sqlite", "memory-Cache-42")\n', 'store.py')).toEqual([]);
  });
});

describe('hosts and URLs written around a format', () => {
  it("reads a private address in an xcconfig URL, whose slashes are parted by an empty $()", () => {
    // Reported as the internal URL it opens, as `http://10.77.3.21:8088` would be: the address is inside it.
    expect(found('TOOLS_URL = http:/$()/10.77.3.21:8088\n', 'Release.xcconfig')).toEqual(['http:/$()/10.77.3.21:8088']);
  });

  it("reads a literal interpolated as a URL's password", () => {
    const text = 'def url(id: String) = s"https://sync:${"Quill_Marsh_4172"}@sync.acme.test/jobs/$id"\n';
    expect(found(text, 'Sync.scala').some((v) => v.includes('Quill_Marsh_4172'))).toBe(true);
    expect(found('val u = s"https://sync:${password}@sync.acme.test/jobs"\n', 'Sync.scala')).toEqual([]);
  });

  it("reads a literal in an interpolation hole of C#'s $\"…\" or Python's f-string as a URL's password, not a variable", () => {
    const cs = 'static string Uri(string f) => $"sftp://drop_user:{"Tarn7vQeLx2mWk9z"}@files.acme.test/in/{f}";\n';
    expect(found(cs, 'Drop.cs').some((v) => v.includes('Tarn7vQeLx2mWk9z'))).toBe(true);
    expect(found("url = f\"amqp://worker:{'Pell4-Quarry-88'}@mq.acme.test:5672/\"\n", 'tasks.py').some((v) => v.includes('Pell4-Quarry-88'))).toBe(true);
    expect(found('static string Uri(string pw) => $"sftp://drop_user:{pw}@files.acme.test/in";\n', 'Drop.cs')).toEqual([]);
  });
});

describe('public client keys in indentation-nested configs and app builds', () => {
  it("leaves Pusher's app key under an Elixir config or a YAML section, and reports its secret", () => {
    const exs = ['  config :chat, :pusher,', '    app_id: "2290417",', '    key: "9c1e5a7b3d2f4e6a8b0c1d2e3f4a5b6c",', '    secret: "4d8b2f6a0e1c3d5f7a9b1c3e5f7a9b2d"'].join('\n');
    expect(found(exs, 'runtime.exs')).toEqual(['4d8b2f6a0e1c3d5f7a9b1c3e5f7a9b2d']);
    const yaml = ['pusher:', '  app_id: "2290417"', '  key: 9c1e5a7b3d2f4e6a8b0c1d2e3f4a5b6c', '  secret: 4d8b2f6a0e1c3d5f7a9b1c3e5f7a9b2d'].join('\n');
    expect(found(yaml, 'settings.yml')).toEqual(['4d8b2f6a0e1c3d5f7a9b1c3e5f7a9b2d']);
    // Under a section that names no such vendor, a key is a key.
    expect(found('billing:\n  key: 9c1e5a7b3d2f4e6a8b0c1d2e3f4a5b6c\n', 'settings.yml')).toEqual(['9c1e5a7b3d2f4e6a8b0c1d2e3f4a5b6c']);
  });

  it("leaves Intercom's mobile SDK key an app ships, and reads a Gradle build field's inner literal", () => {
    const gradle = [
      "buildConfigField 'String', 'INTERCOM_IOS_SDK_KEY', '\"ios_sdk-7d1f0c9a8b2e4d6f1a3c5e7b9d0f2a4c6e8b1d3f\"'",
      "buildConfigField 'String', 'SUPPORT_API_TOKEN', '\"Qm7Zx2Wv9Lt4Rk8Np3Hc6Jd1Fy5Gs0Ba\"'",
    ].join('\n');
    expect(found(gradle, 'build.gradle')).toEqual(['Qm7Zx2Wv9Lt4Rk8Np3Hc6Jd1Fy5Gs0Ba']);
  });
});

describe('credentials that code assembles from parts', () => {
  it('reads the password of Basic credentials joined in an encoder call (Nim &)', () => {
    expect(found('    "Authorization": "Basic " & encode("deploy:" & "Hq5!wLr2Zk"),\n', 'client.nim')).toEqual(['Hq5!wLr2Zk']);
    expect(found('    "Authorization": "Basic " & encode(user & ":" & pass),\n', 'client.nim')).toEqual([]);
  });

  it('reads the password of a user:password variable that a Basic header encodes below it (Swift)', () => {
    const swift = ['let pair = "dock-hub:Tz4#qLm8Wv2!"', 'req.setValue("Basic " + Data(pair.utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")'].join('\n');
    expect(found(swift, 'Hub.swift')).toEqual(['Tz4#qLm8Wv2!']);
    const interpolated = ['let pair = "\\(user):\\(password)"', 'req.setValue("Basic " + Data(pair.utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")'].join('\n');
    expect(found(interpolated, 'Hub.swift')).toEqual([]);
  });

  it("reads a template's password from the literal argument at its placeholder's place", () => {
    const fsharp = 'let cs = sprintf "Server=%s;Database=ledger;User Id=%s;Password=%s;" host "ledger_ro" "Kelp*Harbor*Mint"\n';
    expect(found(fsharp, 'Db.fsx')).toEqual(['Kelp*Harbor*Mint']);
    expect(found('dsn = "host=%s password=%s" % (host, "Tarn-Ridge-4471")\n', 'db.py')).toEqual(['Tarn-Ridge-4471']);
    expect(found('var cs = String.Format("Server={0};Password={1};", server, "Quay!Moss!7720");\n', 'Db.cs')).toEqual(['Quay!Moss!7720']);
    // The password's place holds a variable: nothing is written in the code.
    expect(found('let cs = sprintf "Server=%s;User Id=%s;Password=%s;" "db1" "ledger_ro" password\n', 'Db.fsx')).toEqual([]);
  });

  it("reads Open Exchange Rates' App ID, which is its API key", () => {
    expect(found('  private val OpenExchangeAppId = "7f3c9a1e5b2d4f6a8c0e1b3d5f7a9c2e"\n', 'Rates.scala')).toEqual(['7f3c9a1e5b2d4f6a8c0e1b3d5f7a9c2e']);
  });
});

describe('EDN and Aero maps', () => {
  it('reads the names inside a map that opens right after a name', () => {
    expect(found(':vendors {:maps-api-key "Zr7Kq2Wv9Lt4Xn8Pm3Hc6Jd1Fy5Gs0Ba"}\n', 'config.edn')).toEqual(['Zr7Kq2Wv9Lt4Xn8Pm3Hc6Jd1Fy5Gs0Ba']);
  });

  it("reads each profile's value of a #profile map under a secret's name", () => {
    const text = ':db {:password #profile {:dev  "postgres"\n                         :prod "Lichen+Anvil+Sparrow+82"}}\n';
    expect(found(text, 'config.edn')).toEqual(['Lichen+Anvil+Sparrow+82']);
  });

  it('reads a generated value in a map of secrets whatever its entry is called, but not settings', () => {
    expect(found(':secrets {:cookie-store "Vq2Lr8Xm4Tz6Kp0Wn3Hb5Jd=="}\n', 'config.edn')).toEqual(['Vq2Lr8Xm4Tz6Kp0Wn3Hb5Jd==']);
    expect(found(':secrets {:provider "vault" :path "secret/data/routing" :role "routing-svc"}\n', 'config.edn')).toEqual([]);
    // Outside Clojure's files the map form is not read this way.
    expect(found('{"credentials": {"region": "eu-west-1", "cache": "Vq2Lr8Xm4Tz6Kp0Wn3Hb5Jd=="}}\n', 'settings.json')).toEqual([]);
  });
});

describe('accounts kept as (user, password) pairs', () => {
  it('reads the password of each pair under a name for users (Erlang binaries, Elixir, Python tuples)', () => {
    expect(found('   {basic_auth_users, [{<<"ops">>, <<"lark-Tundra-5120-reed">>}]},\n', 'sys.config')).toEqual(['lark-Tundra-5120-reed']);
    expect(found('config :app, users: [{"ops", "Moss!Anvil-6631"}, {"dana", "Reed#Lamp-2208"}]\n', 'config.exs')).toEqual(['Moss!Anvil-6631', 'Reed#Lamp-2208']);
  });

  it('leaves pairs whose second half is a role or a lookup', () => {
    expect(found('BASIC_AUTH_USERS = [("ops", "editor"), ("dana", "release-viewer")]\n', 'settings.py')).toEqual([]);
    expect(found('admin_users = [("ops", os.environ["OPS_PASSWORD"])]\n', 'settings.py')).toEqual([]);
  });
});

describe('accounts kept as a YAML mapping of users to passwords', () => {
  it('reads each value shaped like a password or generated, leaving vault references', () => {
    const yml = 'zookeeper_port: 2181\nbroker_jaas_users:\n  # one per client service\n  invoicing: "{{ vault_broker_invoicing }}"\n  rating-engine: Zt6pWq2kLr9xVmB4nYc8\n  ops: \'Fern#Quill-4471\'\nbroker_heap: 4g\n';
    expect(found(yml, 'group_vars/brokers.yml')).toEqual(['Zt6pWq2kLr9xVmB4nYc8', 'Fern#Quill-4471']);
  });

  it('leaves roles, ids, hashes and the entries of a nested mapping', () => {
    expect(found('portal_users:\n  dana: editor\n  lee: release-viewer\n  kim: ou-42\n', 'vars.yml')).toEqual([]);
    expect(found('team_users:\n  dana: 5f3a9c1e-7b2d-4e8f-9a6b-1c2d3e4f5a6b\n  lee: AIDAJQABLZS4A3QDU576Q\n', 'vars.yml')).toEqual([]);
    expect(found('htpasswd_users:\n  ops: $apr1$Rt5zW9q1$Kc3dNf7sQe2LpYk8Vz4Ab/\n', 'vars.yml')).toEqual([]);
    expect(found('portal_users:\n  dana:\n    team: Zt6pWq2kLr9xVmB4nYc8\n', 'vars.yml')).toEqual([]);
  });
});

describe('typed names and padded values', () => {
  it("reads a bare base64 value whose padding is '==' (not a typed name's `= `)", () => {
    expect(found('session:\n  cookie_secret: Pq4Lx8Zr2Tv6Wn0Km3Hb5J==\n', 'app.yaml')).toEqual(['Pq4Lx8Zr2Tv6Wn0Km3Hb5J==']);
    expect(found('def connect(passwd: str = "cq2tPr1a2Lx"):\n', 'db.py')).toEqual(['cq2tPr1a2Lx']);
  });
});

describe('heredocs next to Erlang binaries', () => {
  it('still reads a heredoc whose tag is quoted (<<"EOF" is no Erlang binary)', () => {
    expect(found('admin_password = <<"EOF"\nTq8!mVz3Lw7\nEOF\n', 'main.tf')).toEqual(['Tq8!mVz3Lw7']);
    expect(found('secret_key = <<"Vq2Lr8Xm4Tz6Kp0Wn3Hb5Jd9">>\n', 'env.exs')).toEqual(['Vq2Lr8Xm4Tz6Kp0Wn3Hb5Jd9']);
  });
});

describe('a literal picked by a conditional', () => {
  it('reads the literal a flag picks as the value of a secret name, in code and in an object', () => {
    expect(found("export const SEARCH_ADMIN_KEY = __DEV__ ? 'c41f9a2e7b3d58e6a0f1d2c9b8e7a6f5' : '';\n", 'config.ts')).toEqual(['c41f9a2e7b3d58e6a0f1d2c9b8e7a6f5']);
    expect(found('let opts = { apiSecret: isStaging ? "Vq7Lm2Xz9Rt4Kp8Wn3Bc" : nil }\n', 'Settings.swift')).toEqual(['Vq7Lm2Xz9Rt4Kp8Wn3Bc']);
  });

  it('reads no literal after optional chaining, a null fallback to a lookup, or labels a flag picks', () => {
    expect(found("const apiKey = settings?.apiKey ?? process.env.API_KEY;\n", 'client.ts')).toEqual([]);
    expect(found("const passwordHint = isNew ? 'Choose a password' : 'Enter your password';\n", 'form.ts')).toEqual([]);
    expect(found("const token = isLoggedIn ? session.token : '';\n", 'auth.ts')).toEqual([]);
  });
});

describe('a password that repeats its account name', () => {
  it('takes a password equal to the user name beside it as a local default, not a secret', () => {
    expect(found("connection: {\n  host: '127.0.0.1',\n  user: 'ledger',\n  password: 'ledger',\n},\n", 'knexfile.js')).toEqual([]);
    expect(found('DB_USERNAME=orders_app\nDB_PASSWORD=orders_app\n', 'ops/.env')).toEqual([]);
  });

  it('still reports a password that differs from the user name, or that no user name could look like', () => {
    expect(found("connection: {\n  user: 'ledger',\n  password: 'copper-Heron-5521',\n},\n", 'knexfile.js')).toEqual(['copper-Heron-5521']);
    // The user field holds the password itself: that place is reported too, as the same secret.
    expect(found('user: Qx7#mLp2!w\npassword: Qx7#mLp2!w\n', 'creds.yml')).toEqual(['Qx7#mLp2!w', 'Qx7#mLp2!w']);
  });
});

describe('decoding wrappers and fallbacks of Swift and Kotlin', () => {
  it("reads a key in Swift's Data(base64Encoded:)", () => {
    expect(found('    private let pairingKey = Data(base64Encoded: "UPGFCs2thx/yVIv0Ul5wHWzjUKhMbn+793WRsYh4mNw=")!\n', 'Pairing.swift')).toEqual([
      'UPGFCs2thx/yVIv0Ul5wHWzjUKhMbn+793WRsYh4mNw=',
    ]);
    expect(found('    private let pairingKey = Data(base64Encoded: storedKey)!\n', 'Pairing.swift')).toEqual([]);
  });
  it("reads Kotlin's ?: fallback after a lookup converted by a call, on the next line too", () => {
    const ktor = '    val signingSecret = environment.config.propertyOrNull("auth.signing-secret")?.getString()\n        ?: "4jZzLfz6b9KJ8vGU8KCKl1otmLWVYk9/dRgoVYGlJQtvqmSsiAduktCT5A1dprQM"\n';
    expect(found(ktor, 'Application.kt')).toEqual(['4jZzLfz6b9KJ8vGU8KCKl1otmLWVYk9/dRgoVYGlJQtvqmSsiAduktCT5A1dprQM']);
    expect(found('    val signingSecret = environment.config.propertyOrNull("auth.signing-secret")?.getString()\n        ?: error("auth.signing-secret is not set")\n', 'Application.kt')).toEqual([]);
  });
});

describe('non-null assertions on a lookup', () => {
  it("reads TypeScript's `!` and Kotlin's `!!` after a member access as code, not a value", () => {
    expect(found("  { email: 'qa@acme.io', password: process.env.QA_REVIEW_PASSWORD!, plan: 'pro' },\n", 'seed.ts')).toEqual([]);
    expect(found('    val password = settings.smtp!!.password!!\n', 'Mailer.kt')).toEqual([]);
    expect(found("  { email: 'qa@acme.io', password: 'Harbor!Quill-5521', plan: 'pro' },\n", 'seed.ts')).toEqual(['Harbor!Quill-5521']);
  });

  it('still reports a bare dotted password ending in `!` where `!` asserts nothing', () => {
    expect(found('password = Harbor.Quill!\n', 'settings.py')).toEqual(['Harbor.Quill!']);
  });
});

describe('property declarations with an initialiser or a getter', () => {
  it("reads a C# auto-property's initialiser as the property's value", () => {
    const value = 'acme_live_R7tq2NfW9zLp4VxK8mHc3DgY6sJb';
    expect(found(`public string ApiToken { get; set; } = "${value}";\n`, 'Settings.cs')).toEqual([value]);
    expect(found(`public string ClientSecret { get; init; } = "${value}";\n`, 'Options.cs')).toEqual([value]);
    expect(found(`public string ApiKey { get; private set; } = "${value}";\n`, 'Options.cs')).toEqual([value]);
    expect(found(`public static string SigningKey { get; } = "${value}";\n`, 'Keys.cs')).toEqual([value]);
  });

  it('judges the name and the value of an auto-property as an assignment does', () => {
    expect(found('public string ApiKeyHeader { get; set; } = "X-Api-Key";\n', 'Options.cs')).toEqual([]);
    expect(found('public string ApiToken { get; set; } = "";\n', 'Options.cs')).toEqual([]);
    expect(found('public string TokenEndpoint { get; init; } = "https://login.example.org/oauth2/token";\n', 'Options.cs')).toEqual([]);
    expect(found('public string DisplayName { get; set; } = "Wq8zT4nLp2Rk7VmX";\n', 'Options.cs')).toEqual([]);
  });

  it("reads a Kotlin property's getter that returns a literal", () => {
    const value = 'acme_live_R7tq2NfW9zLp4VxK8mHc3DgY6sJb';
    expect(found(`val apiKey: String get() = "${value}"\n`, 'Config.kt')).toEqual([value]);
    expect(found(`val apiKey: String\n    get() = "${value}"\n`, 'Config.kt')).toEqual([value]);
    expect(found('val apiKeyHeader: String get() = "X-Api-Key"\n', 'Config.kt')).toEqual([]);
  });
});

describe('names that hold a digest or a public telemetry id', () => {
  it("reads a key's thumbprint as a digest, in code and in an XML setting alike", () => {
    const hex = '4B17E0C9A2D85F3E61B09C7A4D2E83F51B6A09C7';
    expect(found(`<Setting name="SigningKeyThumbprint" value="${hex}"/>\n`, 'plugin.manifest.xml')).toEqual([]);
    expect(found(`<add key="EncryptionKeyThumbprint" value="${hex}" />\n`, 'web.config')).toEqual([]);
    expect(found(`SigningKeyThumbprint = "${hex}";\n`, 'Options.cs')).toEqual([]);
    expect(found(`<Setting name="SigningKey" value="${hex}"/>\n`, 'plugin.manifest.xml')).toEqual([hex]);
  });

  it('leaves a UUID under a telemetry name, and still reads a random key there', () => {
    expect(found('public string TelemetryKey = "5b0e2f61-93ac-4d7e-8a1b-c24f6e9d3a70";\n', 'Settings.cs')).toEqual([]);
    expect(found('TELEMETRY_INSTRUMENTATION_KEY = "5b0e2f61-93ac-4d7e-8a1b-c24f6e9d3a70"\n', 'settings.py')).toEqual([]);
    expect(found('public string TelemetryKey = "Rk7VmXq2Lp9Tz4WcN8hJ3sDb";\n', 'Settings.cs')).toEqual(['Rk7VmXq2Lp9Tz4WcN8hJ3sDb']);
  });
});
