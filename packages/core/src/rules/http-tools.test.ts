import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** [rule, value] of every finding in `text`. */
function found(text: string, file: string): [string, string][] {
  return detect(text, { file }).map((f) => [f.rule, text.slice(f.start, f.end)]);
}

function values(text: string, file: string): string[] {
  return found(text, file).map(([, v]) => v);
}

describe('session cookies in the cookie section of a request dump', () => {
  const django = [
    'GET: No GET data',
    '',
    'POST:',
    "since = '2024-06-01'",
    '',
    'FILES: No FILES data',
    '',
    'COOKIES:',
    "csrftoken = 'Zx8Cv7Bn6Mq5Wl4Ek3Rj2Tu1Yh0Ig9Of'",
    "sessionid = 'q8w2e9r7t1y5u3i0o6p4a8s2d7f1g9h3'",
    "_ga = 'GA1.1.6445347073.1718091177'",
    '',
    'META:',
    "CONTENT_TYPE = 'application/json'",
    '',
  ].join('\n');

  it("reports Django's session id and no other cookie of the section (the CSRF token is the generic rules' to judge)", () => {
    const cookies = found(django, 'logs/django-500.txt').filter(([rule]) => rule === 'request-dump-session-cookie');
    expect(cookies).toEqual([['request-dump-session-cookie', 'q8w2e9r7t1y5u3i0o6p4a8s2d7f1g9h3']]);
  });

  it('reads the section only up to its end: a session-like name under the next heading is no cookie', () => {
    const text = "COOKIES:\n_ga = 'GA1.1.6445347073.1718091177'\n\nMETA:\nSESSION_ENGINE = 'django.contrib.sessions.backends.db'\n";
    expect(found(text, 'mail.txt')).toEqual([]);
  });

  it("reports PHP's session id in a print_r of the request's globals", () => {
    const text = '[_COOKIE] => Array\n    (\n        [PHPSESSID] => 9k3j5h7g2f4d6s8a1l0q2w4e6r\n        [lang] => de\n    )\n';
    expect(values(text, 'debug.log')).toEqual(['9k3j5h7g2f4d6s8a1l0q2w4e6r']);
  });
});

describe("a Postman collection's apikey auth", () => {
  it('reports the API key of the value pair and not the header name of the key pair', () => {
    const text = JSON.stringify({ auth: { type: 'apikey', apikey: [{ key: 'key', value: 'X-Api-Key', type: 'string' }, { key: 'value', value: 'pk9_Zq3Wm7Xr2Lt8Nv4Yc6Hb', type: 'string' }] } }, null, '\t');
    expect(found(text, 'Payments.postman_collection.json')).toEqual([['postman-apikey-auth', 'pk9_Zq3Wm7Xr2Lt8Nv4Yc6Hb']]);
  });

  it('leaves a collection variable in the value pair alone', () => {
    const text = '"apikey": [{"key": "value", "value": "{{apiKey}}", "type": "string"}]';
    expect(found(text, 'x.postman_collection.json')).toEqual([]);
  });
});

describe('nginx maps keyed by secrets', () => {
  it('reads every key of the block, past comment lines, and leaves default and the mapped values alone', () => {
    const conf = [
      'map $http_x_partner_key $partner {',
      '    default 0;',
      '    # fastship, rotated 2024-05',
      '    "a3f9c1e7b5d2048f6e1c9a7b3d5f2e08" fastship;',
      '    Kq8zW3mLp0vX7nR2tY5uB4cN  acme_logistics;  # acme',
      '}',
      'server { listen 443; }',
    ].join('\n');
    expect(found(conf, 'nginx/shop.conf')).toEqual([
      ['nginx-map-secret-key', 'a3f9c1e7b5d2048f6e1c9a7b3d5f2e08'],
      ['nginx-map-secret-key', 'Kq8zW3mLp0vX7nR2tY5uB4cN'],
    ]);
  });

  it('leaves maps over headers that hold no secret alone', () => {
    const conf = 'map $http_x_request_id $rid {\n    default $request_id;\n    "f3a9c1e7b5d2048f6e1c9a7b3d5f2e08" fixed;\n}\n';
    expect(found(conf, 'nginx.conf')).toEqual([]);
  });
});

describe("Sentry's data-scrubbing metadata", () => {
  it('reads `@password:filter` as a rule id, while a password under an `@` name is still found', () => {
    const event = '{"_meta": {"request": {"headers": {"Authorization": {"": {"rem": [["@password:filter", "s", 0, 10]]}}}}}}';
    expect(found(event, 'sentry-event.json')).toEqual([]);
    expect(values('{"@password": "Wq7-Harbor!Lamp"}', 'x.json')).toEqual(['Wq7-Harbor!Lamp']);
  });
});

describe("Basic credentials built with Perl's MIME::Base64", () => {
  it('reports the password of a user:password literal given to encode_base64, and leaves variables', () => {
    const pl = "my $auth = encode_base64('feed:' . 'Rk7!mTq2Wz9v', '');\nmy $other = encode_base64(\"$user:$pass\", '');\n";
    const found = detect(pl, { file: 'bin/feed.pl' }).filter((f) => f.rule === 'basic-credential-literal').map((f) => pl.slice(f.start, f.end));
    expect(found).toEqual(['Rk7!mTq2Wz9v']);
  });
});

describe('request-header-compared-literal', () => {
  const compared = (text: string, file: string) =>
    detect(text, { file }).filter((f) => f.rule === 'request-header-compared-literal').map((f) => text.slice(f.start, f.end));

  it('reports the token a handler compares a request header with, the header named by a constant or a literal', () => {
    const go = 'mux.HandleFunc("/admin/flush", func(w http.ResponseWriter, r *http.Request) {\n\tif r.Header.Get(opsTokenHeader) != "Rb5Nq8Xz2Lm7Tw4K-Vh9Pc3Yd6Fs1Ja0" {\n\t\thttp.Error(w, "no", 403)\n\t}\n})\n';
    expect(compared(go, 'cmd/ops/main.go')).toEqual(['Rb5Nq8Xz2Lm7Tw4K-Vh9Pc3Yd6Fs1Ja0']);
    const py = 'if flask.request.headers.get("X-Ops-Token", "").strip() == "m3Kq9Zt7Wx2Lp5Rv8Nc4Bh6Jd1Fs0Ya":\n    purge()\n';
    expect(compared(py, 'ops.py')).toEqual(['m3Kq9Zt7Wx2Lp5Rv8Nc4Bh6Jd1Fs0Ya']);
  });

  it('leaves a header compared with a media type, a scheme, a variable or a dummy', () => {
    expect(compared('if r.Header.Get("Content-Type") != "application/vnd.api+json" {\n', 'h.go')).toEqual([]);
    expect(compared('if req.headers["x-forwarded-proto"] !== "https" {}\n', 'h.ts')).toEqual([]);
    expect(compared('if (req.headers["x-ops-token"] !== process.env.OPS_TOKEN) {}\n', 'h.ts')).toEqual([]);
    expect(compared('if r.Header.Get("X-Trace") == "xxxxxxxxxxxxxxxxxxxxxxxx" {\n', 'h.go')).toEqual([]);
  });
});

describe('request-header-compared-literal under a header named for a secret', () => {
  const compared = (text: string, file: string) =>
    detect(text, { file }).filter((f) => f.rule === 'request-header-compared-literal').map((f) => text.slice(f.start, f.end));

  it("reports the shared secret an Express handler checks with req.header(…), a signature header's too", () => {
    const ts = 'router.post("/relay", (req, res) => {\n  if (req.header("Signature") !== "Wd4Kx9Lq2Tz7Rm") return res.sendStatus(401);\n  res.sendStatus(204);\n});\n';
    expect(compared(ts, 'src/relay.ts')).toEqual(['Wd4Kx9Lq2Tz7Rm']);
    expect(compared("if (req.header('X-Hook-Token') != 'Larch-Tessel-73') return next(err);\n", 'hooks.js')).toEqual(['Larch-Tessel-73']);
  });

  it('reports a key .NET compares a request header with by Equals', () => {
    const cs = 'if (!Request.Headers["X-Api-Key"].Equals("Mv6Qz1Lr8Tk3Wp")) return Unauthorized();\n';
    expect(compared(cs, 'Controllers/ExportController.cs')).toEqual(['Mv6Qz1Lr8Tk3Wp']);
  });

  it('leaves a short value under a header named by a constant, a media type, and a dummy under a secret header', () => {
    expect(compared('if (req.header(SIGNATURE_HEADER) !== "Wd4Kx9Lq2Tz7Rm") return res.sendStatus(401);\n', 'relay.ts')).toEqual([]);
    expect(compared("if (req.header('Accept') !== 'text/event-stream') return next();\n", 'sse.ts')).toEqual([]);
    expect(compared('if (req.header("X-Signature") !== "my-signature") return res.sendStatus(401);\n', 'relay.ts')).toEqual([]);
    expect(compared('res.header("X-Api-Key", "Wd4Kx9Lq2Tz7Rm");\n', 'relay.ts')).toEqual([]);
  });
});

describe('session-header-value', () => {
  const sessions = (text: string, file: string) =>
    detect(text, { file }).filter((f) => f.rule === 'session-header-value').map((f) => text.slice(f.start, f.end));

  it('reports a session id joined from literals into a custom session header, whole', () => {
    const cs = 'client.DefaultRequestHeaders.Add("X-Crm-Session", "00D8g000002Lm4Q!" + "Rk7Wq2Zt9Lx4Vn8Mb3Hc6Pd1Jy5Fs0");\n';
    expect(sessions(cs, 'Crm/Client.cs')).toEqual(['00D8g000002Lm4Q!" + "Rk7Wq2Zt9Lx4Vn8Mb3Hc6Pd1Jy5Fs0']);
    expect(sessions("headers['X-Session'] = 'Pz5Tk8Wm2Rq7Lx4Nb9Vc3Hd';\n", 'client.py')).toEqual(['Pz5Tk8Wm2Rq7Lx4Nb9Vc3Hd']);
  });

  it('leaves a flag, a variable, a non-custom session name and a placeholder', () => {
    expect(sessions('client.DefaultRequestHeaders.Add("X-Session", "renew");\n', 'a.cs')).toEqual([]);
    expect(sessions('client.DefaultRequestHeaders.Add("X-Crm-Session", token);\n', 'a.cs')).toEqual([]);
    expect(sessions('res.cookie("session", "Pz5Tk8Wm2Rq7Lx4Nb9Vc3Hd");\n', 'a.ts')).toEqual([]);
    expect(sessions('headers["X-Crm-Session"] = "YOUR_SESSION_ID_HERE";\n', 'a.py')).toEqual([]);
  });
});

describe('an HTTP header written whole as one `Name: value` literal in code', () => {
  // Both values split into words as a name might (`RRZ`, `Nxdh`, `mr`, `Bibfp`…): bare in code they would read as an
  // identifier, but inside the header's literal they are text.
  it("reports the token of PHP curl's header array and of Go's header line", () => {
    const php = "<?php\n$ch = curl_init($url);\ncurl_setopt($ch, CURLOPT_HTTPHEADER, ['Access-Token: RRZNxdh0mrBibfpSe7Mg4lAnoYxqRx9e', 'Accept: application/json']);\n";
    expect(values(php, 'jobs/sync.php')).toEqual(['RRZNxdh0mrBibfpSe7Mg4lAnoYxqRx9e']);
    const go = 'lines := []string{"X-Access-Token: MVr7mYa33tgK8nceIp44PwuDQjlaFgbW"}\n';
    expect(values(go, 'client/headers.go')).toEqual(['MVr7mYa33tgK8nceIp44PwuDQjlaFgbW']);
  });

  it('leaves a header whose value is joined from a variable, and a name-like value, alone', () => {
    const php = "<?php\ncurl_setopt($ch, CURLOPT_HTTPHEADER, ['Access-Token: ' . $token, 'X-Auth-Token: AccessTokenHere']);\n";
    expect(values(php, 'jobs/sync.php')).toEqual([]);
  });
});

describe("nginx's secure link secret", () => {
  it('reports the literal among the variables that secure_link_md5 hashes, and the word of secure_link_secret', () => {
    const conf = [
      'location /downloads/ {',
      '    # signed via secure_link; md5 secret below',
      '    secure_link $arg_md5,$arg_expires;',
      '    secure_link_md5 "$secure_link_expires$uri geVBRBwHlaiOx72NbLhR38w6ksKMQvWpUW9mBeQ3IrB1_KpY";',
      '    alias /srv/epubs/;',
      '}',
    ].join('\n');
    expect(found(conf, 'web/nginx/site.conf')).toEqual([['nginx-secure-link-secret', 'geVBRBwHlaiOx72NbLhR38w6ksKMQvWpUW9mBeQ3IrB1_KpY']]);
    expect(values("secure_link_md5 'Hx4mZ9qTr2Lw8Vk3${uri}${secure_link_expires}';\n", 'nginx.conf')).toEqual(['Hx4mZ9qTr2Lw8Vk3']);
    expect(values('location /p/ {\n    secure_link_secret Tz3Lq8Wm2Rx7Vk4Nb9Hc;\n}\n', 'nginx.conf')).toEqual(['Tz3Lq8Wm2Rx7Vk4Nb9Hc']);
  });

  it("leaves the documentation's placeholder, an expression of variables only and a templated secret", () => {
    expect(values('secure_link_md5 "$secure_link_expires$uri$remote_addr secret";\n', 'nginx.conf')).toEqual([]);
    expect(values('secure_link_md5 "$secure_link_expires$uri$remote_addr$secure_link_key";\n', 'nginx.conf')).toEqual([]);
    expect(values('secure_link_md5 "$secure_link_expires$uri ${SECURE_LINK_SECRET}";\n', 'nginx.conf.template')).toEqual([]);
    expect(values('secure_link_md5 "$secure_link_expires$uri {{ secure_link_secret }}";\n', 'nginx.conf.j2')).toEqual([]);
  });
});
