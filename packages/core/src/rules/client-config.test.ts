import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';
import { enclosingObjectWords, enclosingXmlElementWords, isPublicClientKey } from './client-config.js';

/** The reported values in `text`, for readable assertions. */
function values(text: string, file: string): string[] {
  return detect(text, { file }).map((f) => text.slice(f.start, f.end));
}

const HEX32 = 'c3e81f0a6d9b2457e1a0f8c6b3d5924e';
const HEX32B = '7f2a9d04c1e6b8357a0d2f9e4c1b6a83';

describe('enclosingObjectWords', () => {
  it('reads what opens the object or array a name sits in, skipping closed siblings', () => {
    const text = 'const cfg = {\n  amplitude: {\n    zone: { eu: true },\n    apiKey: "x",\n  },\n};';
    expect(enclosingObjectWords(text, text.indexOf('apiKey'))).toEqual(['amplitude']);
    const php = "'pusher' => [\n    'key' => 'x',";
    expect(enclosingObjectWords(php, php.indexOf("'key'"))).toEqual(['pusher']);
    expect(enclosingObjectWords('Bugsnag.start({ apiKey: "x" })', 16)).toEqual(['bugsnag', 'start']);
  });

  it('gives nothing for a name at the top level', () => {
    expect(enclosingObjectWords('API_KEY = "x"\n', 0)).toEqual([]);
  });
});

describe('isPublicClientKey', () => {
  it('takes the client-side key of each vendor as public, and the server-side secret beside it as not', () => {
    expect(isPublicClientKey(['amplitude'], ['api', 'key'])).toBe(true);
    expect(isPublicClientKey(['amplitude'], ['secret', 'key'])).toBe(false);
    expect(isPublicClientKey(['mixpanel'], ['project', 'token'])).toBe(true);
    expect(isPublicClientKey(['mixpanel'], ['api', 'secret'])).toBe(false);
    expect(isPublicClientKey([], ['adyen', 'client', 'key'])).toBe(true);
    expect(isPublicClientKey([], ['adyen', 'api', 'key'])).toBe(false);
    expect(isPublicClientKey(['var', 'rollbar', 'config'], ['access', 'token'])).toBe(true);
    expect(isPublicClientKey(['const', 'rollbar', 'new', 'rollbar'], ['access', 'token'])).toBe(false);
    expect(isPublicClientKey(['rollbar', 'configure', 'do', 'config'], ['access', 'token'])).toBe(false);
    expect(isPublicClientKey(['const', 'firebase', 'config'], ['api', 'key'])).toBe(true);
    expect(isPublicClientKey(['const', 'firebase', 'config'], ['private', 'key'])).toBe(false);
  });

  it('says nothing of keys whose vendor it cannot see', () => {
    expect(isPublicClientKey(['shipping'], ['api', 'key'])).toBe(false);
    expect(isPublicClientKey([], ['project', 'token'])).toBe(false);
  });
});

describe('keys vendors ship to browsers and apps', () => {
  it('leaves the keys of analytics and error-reporting snippets alone', () => {
    expect(values(`Bugsnag.start({ apiKey: '${HEX32}', appVersion: release });`, 'boot.js')).toEqual([]);
    expect(values(`var _rollbarConfig = {\n  accessToken: '${HEX32}',\n  captureUncaught: true,\n};`, 'boot.js')).toEqual([]);
    expect(values('NREUM.info = { beacon: "bam.nr-data.net", licenseKey: "NRJS-5be20c7a91d3f6e8042", applicationID: "90817" };', 'page.js')).toEqual([]);
    expect(values(`ADYEN_CLIENT_KEY = "live_Q7RZK2MB4XW9HN3CT6YPD8LF5VJ1SA0E"\n`, 'payments.py')).toEqual([]);
  });

  it("leaves New Relic's browser key under a name for the browser's copy, as a publishable key, and reports it elsewhere", () => {
    const browserKey = 'NRJS-7d1f3b9e5a2c4806e1b';
    expect(values(`common: &defaults\n  app_name: Roster\nbrowser_monitoring:\n  application_id: '883104'\n  js_license_key: '${browserKey}'\n`, 'config/newrelic.yml')).toEqual([]);
    expect(values(`NEW_RELIC_BROWSER_KEY=${browserKey}\nVITE_NR_BROWSER_LICENSE=${browserKey}\n`, 'web/.env.production')).toEqual([]);
    expect(values(`NEW_RELIC_INGEST_KEY=${browserKey}\n`, 'deploy/.env')).toEqual([browserKey]);
    expect(values(`keys we rotated today:\n${browserKey}\n`, 'notes.txt')).toEqual([browserKey]);
  });

  it("leaves a Web Push public key under a VAPID or application server key's name, and reports the private key", () => {
    const pub = 'BM4f9Qx2zR7kT1vW8nL3pJ6hD0sG5cA9eY2uI7oK4mB1xV8tZ3qN6wP9rF2jH5lS0dC7gE4aU1yT8iO3kM6bQ';
    const priv = 'nMBBncF_ZSMtZ0Q1YdngN-gmKUH6bacsptYQmQtStUW';
    expect(values(`export const VAPID_KEY = '${pub}';`, 'src/firebase.ts')).toEqual([]);
    expect(values(`const token = await getToken(messaging, { vapidKey: '${pub}' });`, 'src/push.ts')).toEqual([]);
    expect(values(`reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: '${pub}' });`, 'src/sw.js')).toEqual([]);
    expect(values(`VAPID_PRIVATE_KEY = '${priv}'`, 'push.py')).toEqual([priv]);
    expect(values(`VAPID_KEY = '${priv}'`, 'push.py')).toEqual([priv]);
    expect(values(`vapidPrivateKey: '${pub}',`, 'push.ts')).toEqual([pub]);
  });

  it('leaves a vendor block\'s public key and reports the secret beside it', () => {
    const json = `{\n  "amplitude": {\n    "apiKey": "${HEX32}",\n    "secretKey": "${HEX32B}"\n  },\n  "mixpanel": {\n    "projectToken": "${HEX32}",\n    "apiSecret": "${HEX32B}"\n  }\n}`;
    expect(values(json, 'config/default.json')).toEqual([HEX32B, HEX32B]);
  });

  it("leaves a Firebase web config's API key, and still reports the same key elsewhere", () => {
    const key = 'AIzaSyQ3nV8tK2mW7rB4xL9pD6cF1hJ5gZ0eYuT';
    expect(values(`const firebaseConfig = {\n  apiKey: '${key}',\n  authDomain: 'shop.firebaseapp.com',\n};`, 'firebase.ts')).toEqual([]);
    expect(values(`const GEOCODER_KEY = '${key}';`, 'geo.ts')).toEqual([key]);
  });


  it("leaves the API key of an object that holds a Firebase web app's id, whatever the object is called", () => {
    const key = 'AIzaSyT4kW9mQ2vR7xB3nL8pC5dF1hJ6gZ0eYuQ';
    const appId = '"1:604218937552:web:8c3f1a9e2b7d4c60"';
    // Nested in an app's own config, in an Expo config's `extra`, as JSON, and passed straight to a call.
    expect(values(`export const settings = {\n  api: "/v2",\n  firebase: {\n    apiKey: "${key}",\n    projectId: "kiln-app",\n    appId: ${appId},\n  },\n};`, 'src/settings.ts')).toEqual([]);
    expect(values(`export default {\n  extra: {\n    push: { apiKey: "${key}", messagingSenderId: "604218937552", appId: ${appId} },\n  },\n};`, 'app.config.ts')).toEqual([]);
    expect(values(`{\n  "web": {\n    "appId": ${appId},\n    "apiKey": "${key}"\n  }\n}`, 'public/runtime.json')).toEqual([]);
    expect(values(`const app = initializeApp({ apiKey: "${key}", projectId: "kiln-app", appId: ${appId} });`, 'src/boot.js')).toEqual([]);
  });

  it('leaves a key named for searching alone in code that uses Algolia or Typesense, and reports the admin key beside it', () => {
    const js = `import algoliasearch from 'algoliasearch';\nconst ADMIN_KEY = '${HEX32B}';\nexport const SEARCH_KEY = '${HEX32}';\n`;
    expect(values(js, 'scripts/reindex.mjs')).toEqual([HEX32B]);
    expect(values(`const typesense = new Typesense.Client({ nodes });\nconst searchOnlyApiKey = "${HEX32}";\n`, 'lib/search.ts')).toEqual([]);
  });

  it('still reports a search key in code that names no search whose keys are public', () => {
    expect(values(`// Azure AI Search over the archive\nconst SEARCH_KEY = '${HEX32}';\n`, 'api/search.ts')).toEqual([HEX32]);
  });

  it("still reports an API key beside a project id alone, an Android or iOS app's id, or a web app id in another object", () => {
    const key = 'AIzaSyT4kW9mQ2vR7xB3nL8pC5dF1hJ6gZ0eYuQ';
    expect(values(`export const settings = {\n  firebase: {\n    apiKey: "${key}",\n    projectId: "kiln-app",\n  },\n};`, 'src/settings.ts')).toEqual([key]);
    expect(values(`static const FirebaseOptions android = FirebaseOptions(\n  apiKey: '${key}',\n  appId: '1:604218937552:android:8c3f1a9e2b7d4c60',\n);`, 'lib/options.dart')).toEqual([key]);
    expect(values(`export const maps = { apiKey: "${key}" };\nexport const push = { appId: "1:604218937552:web:8c3f1a9e2b7d4c60" };`, 'src/settings.ts')).toEqual([key]);
    // A key under another name in the same object is not the web config's API key.
    expect(values(`export const cfg = {\n  mapsServerKey: "${key}",\n  appId: "1:604218937552:web:8c3f1a9e2b7d4c60",\n};`, 'src/settings.ts')).toEqual([key]);
  });
  it("leaves a Firebase API key under the prefix a web framework inlines into the browser bundle, and still reports other Google keys", () => {
    const key = 'AIzaSyR8mT2vK9wQ4xN7pL3cB6dF1hJ5gZ0eYuW';
    const env = [`NEXT_PUBLIC_FIREBASE_API_KEY=${key}`, `VITE_FIREBASE_API_KEY="${key}"`, `REACT_APP_FIREBASE_API_KEY=${key}`, `EXPO_PUBLIC_FIREBASE_API_KEY=${key}`, `VUE_APP_FIREBASE_API_KEY=${key}`, `NUXT_ENV_FIREBASE_API_KEY=${key}`].join('\n');
    expect(values(`${env}\n`, 'web/.env.local')).toEqual([]);
    // A server's Firebase key, a Maps key even under a public prefix, and an admin key are not Firebase's web key.
    expect(values(`FIREBASE_API_KEY=${key}\n`, 'api/.env')).toEqual([key]);
    expect(values(`NEXT_PUBLIC_GOOGLE_MAPS_KEY=${key}\n`, 'web/.env.local')).toEqual([key]);
    expect(values(`GOOGLE_MAPS_SERVER_KEY=${key}\n`, 'api/.env')).toEqual([key]);
    expect(values(`NEXT_PUBLIC_FIREBASE_ADMIN_KEY=${key}\n`, 'web/.env.local')).toEqual([key]);
  });

  it('still reports a server-side token under the same vendor names', () => {
    expect(values(`const rollbar = new Rollbar({ accessToken: '${HEX32}' });`, 'server.js')).toEqual([HEX32]);
    // The Ruby gem's block holds the post_server_item token; its `|config|` is not the browser's `_rollbarConfig`.
    expect(values(`Rollbar.configure do |config|\n  config.access_token = "${HEX32B}"\n  config.environment = Rails.env\nend\n`, 'config/initializers/rollbar.rb')).toEqual([HEX32B]);
    expect(values(`AMPLITUDE_SECRET_KEY=${HEX32}\n`, 'deploy.env')).toEqual([HEX32]);
  });
});

describe("Mailgun's public validation key", () => {
  it('is left under any name, while the private API key beside it is reported', () => {
    const wiki = `Results go through Mailgun, API key key-${HEX32}.\nMailgun public validation key: pubkey-${HEX32B}\n`;
    expect(values(wiki, 'wiki/aws-accounts.md')).toEqual([`key-${HEX32}`]);
    expect(values(`mailgun:\n  validation_key: pubkey-${HEX32B}\n  api_key: key-${HEX32}\n`, 'config.yml')).toEqual([`key-${HEX32}`]);
  });
});

describe("a Shopify app's API key", () => {
  it('is its public client id; the shared secret and access token beside it are reported', () => {
    const block = `const shopifyApp = {\n  apiKey: '${HEX32}',\n  apiSecretKey: 'shpss_${HEX32B}',\n  accessToken: 'shpat_${HEX32B}',\n};`;
    expect(values(block, 'shopify.ts')).toEqual([`shpss_${HEX32B}`, `shpat_${HEX32B}`]);
  });
});

describe('the id half of a vendor credential', () => {
  it('is not reported where the vendor documents it as public, while its secret is', () => {
    expect(values('DROPBOX_APP_KEY = "q8w2e4r6t1y3u5i"\nDROPBOX_APP_SECRET = "z9x7c5v3b1n2m4k"\n', 'drive.py')).toEqual(['z9x7c5v3b1n2m4k']);
    expect(values('BOX_CLIENT_ID = "k2m9x4q7w1z8r5t3y6u0p2l8n4b7v1c3"\nBOX_CLIENT_SECRET = "Qw8Er2Ty6Ui0Op4As7Df1Gh5Jk9Lz3Xc"\n', 'box.py')).toEqual([
      'Qw8Er2Ty6Ui0Op4As7Df1Gh5Jk9Lz3Xc',
    ]);
    expect(values("const options = { key: 'rzp_live_Xk4Lm9Qz2Rv7Wp' };", 'checkout.js')).toEqual([]);
    expect(values("headers: { 'PLAID-CLIENT-ID': '5e1f0c9a3b7d2e8f4a6c1b0d' }", 'plaid.js')).toEqual([]);
    expect(values('AIRTABLE_BASE=appR7kQ2mZ9xW4vLp\n', 'worker.env')).toEqual([]);
  });
});

describe('client keys that mobile and web SDKs ship in every build', () => {
  it("leaves Facebook's client token in a property list and an Android resource, and reports the app secret", () => {
    const plist = `<dict>\n\t<key>FacebookClientToken</key>\n\t<string>${HEX32}</string>\n\t<key>FacebookAppSecret</key>\n\t<string>${HEX32B}</string>\n</dict>\n`;
    expect(values(plist, 'App/Info.plist')).toEqual([HEX32B]);
    const strings = `<resources>\n    <string name="facebook_client_token" translatable="false">${HEX32}</string>\n    <string name="fb_access_token">${HEX32B}</string>\n</resources>\n`;
    expect(values(strings, 'res/values/strings.xml')).toEqual([HEX32B]);
  });

  it("leaves a Mixpanel project token in a property list, as it already was in code", () => {
    expect(values(`<key>MixpanelProjectToken</key>\n<string>${HEX32}</string>\n`, 'Info.plist')).toEqual([]);
  });

  it("leaves an Algolia search key named only by the object it sits in, and reports the admin key beside it", () => {
    const ts = `export const search = {\n  algolia: {\n    appId: 'R2D2C3PO9X',\n    searchKey: '${HEX32}',\n    adminKey: '${HEX32B}',\n  },\n};\n`;
    expect(values(ts, 'src/search.ts')).toEqual([HEX32B]);
  });

  it("leaves Branch's key and Braintree's tokenization key, and reports the Branch secret", () => {
    const env = 'BRANCH_KEY=key_live_hV3kq9TzR2mWc8Lp5Xn1Ys7Bd4Gf6Ja0\nBRANCH_SECRET=secret_live_Qm4Zr8Tx2Vk6Np9Lc3Wb7Hd1Fy5Gs0Ja\n';
    expect(values(env, 'app/.env')).toEqual(['secret_live_Qm4Zr8Tx2Vk6Np9Lc3Wb7Hd1Fy5Gs0Ja']);
    expect(values('Payments.setUp(tokenizationKey: "sandbox_k7w2qz9d_4mx8v2rt6bn3yq1p")\n', 'Checkout.swift')).toEqual([]);
  });

  it("leaves Seats.io's public workspace key, and reports its secret key and a workspace key of another vendor", () => {
    const uuid = '5b0e7c2d-94a1-4f3e-8d6b-1c9a2e7f0b53';
    expect(values(`{ "seatsio": { "workspaceKey": "${uuid}" } }\n`, 'config/default.json')).toEqual([]);
    expect(values(`new seatsio.SeatingChart({ divId: "chart", workspaceKey: "${uuid}", event: "opening-night" }).render();\n`, 'seats.js')).toEqual([]);
    expect(values(`{ "seatsio": { "secretKey": "${uuid}" } }\n`, 'config/default.json')).toEqual([uuid]);
    expect(values(`{ "acme": { "workspaceKey": "${uuid}" } }\n`, 'config/default.json')).toEqual([uuid]);
  });
});

describe('a public client key named for one deployment, or by the XML element it sits in', () => {
  it("leaves a stage after the key's name (client_key_test) and still reports the secret named the same way", () => {
    expect(isPublicClientKey(['adyen'], ['client', 'key', 'test'])).toBe(true);
    expect(isPublicClientKey(['adyen'], ['api', 'key', 'live'])).toBe(false);
    expect(isPublicClientKey([], ['key', 'live'])).toBe(false);
  });

  it("leaves a payment module's client key inside its vendor's element, and reports the API key beside it", () => {
    const apiKey = 'Fq7Tz2Lm9Xw4Rk8Vb1Nc6Hd3Js5Gp0Ya';
    const xml = `<payment>\n  <adyen_cc>\n    <status>1</status>\n    <client_key_test>test_Z8KQ3MWB7RXT2HN4PV6YD9LC5JF1SA0G</client_key_test>\n    <api_key_live>${apiKey}</api_key_live>\n  </adyen_cc>\n</payment>\n`;
    expect(values(xml, 'etc/config.xml')).toEqual([apiKey]);
  });

  it('reports a client key in an element that names no vendor that ships it', () => {
    const xml = `<warehouse_sync>\n  <client_key_live>${HEX32}</client_key_live>\n</warehouse_sync>\n`;
    expect(values(xml, 'etc/config.xml')).toEqual([HEX32]);
  });
});

describe('enclosingXmlElementWords', () => {
  it('reads the element a tag sits in, past closed and self-closing siblings and comments', () => {
    const xml = '<root>\n<billing_gateway mode="x">\n  <done>1</done>\n  <flag/>\n  <!-- note -->\n  <key>v</key>';
    expect(enclosingXmlElementWords(xml, xml.lastIndexOf('<key>'))).toEqual(['billing', 'gateway']);
    expect(enclosingXmlElementWords('<key>v</key>', 0)).toEqual([]);
  });
});

describe("a storefront's access token", () => {
  it('is made for browser code and is left alone, in code and in a theme attribute', () => {
    expect(values(`export const SHOP_STOREFRONT_TOKEN = "${HEX32}";\n`, 'app/shop.server.ts')).toEqual([]);
    expect(values(`<div class="cart" data-storefront-access-token="${HEX32}"></div>\n`, 'sections/cart.liquid')).toEqual([]);
  });

  it("is still reported when named private, as is the admin token beside it", () => {
    expect(values(`STOREFRONT_PRIVATE_TOKEN = "${HEX32}"\nSHOPIFY_ADMIN_TOKEN = "${HEX32B}"\n`, 'settings.py')).toEqual([HEX32, HEX32B]);
  });
});

describe("Paddle's client-side token", () => {
  it('is public by design: Paddle.js is initialised with it on the checkout page', () => {
    expect(detect('export const PADDLE_CLIENT_TOKEN = "live_5e0a9c7b21d4f86e3a1c9b70d2f";\n', { file: 'src/paddle.ts' })).toEqual([]);
  });
  it('leaves the API key beside it a secret', () => {
    const key = 'pdl_live_apikey_01j4r8mq2vzk7t9w3xh5nb6c1d_Qm7RvX2pLk9TzW4nBc8HsY_k3P';
    expect(detect(`export const paddle = new Paddle("${key}");\n`, { file: 'src/paddle.ts' }).map((f) => f.rule)).toEqual(['paddle-api-key']);
  });
});

describe("DocuSign's integration key", () => {
  it('leaves a UUID under an integration key name: the OAuth client id', () => {
    expect(values('esign:\n  integration-key: 2d7f0c1e-93b4-4a6d-8e25-f1c0b7a9d364\n  account-id: 6e1b9c2d-0f7a-4d38-b5e4-a92c81f07d35\n', 'application.yml')).toEqual([]);
    expect(values("    private const INTEGRATION_KEY = '2d7f0c1e-93b4-4a6d-8e25-f1c0b7a9d364';\n", 'Esign.php')).toEqual([]);
  });
  it('still reports the secret key beside it, and integration keys of other shapes', () => {
    expect(values('esign:\n  integration-key: 2d7f0c1e-93b4-4a6d-8e25-f1c0b7a9d364\n  secret-key: 9b3e5a70-4c1d-4f8e-a2b6-0d7c3e19f845\n', 'application.yml')).toEqual(['9b3e5a70-4c1d-4f8e-a2b6-0d7c3e19f845']);
    expect(values(`  integration_secret_key: 2d7f0c1e-93b4-4a6d-8e25-f1c0b7a9d364\n  routing_integration_key: ${HEX32}\n`, 'alerts.yml')).toEqual(['2d7f0c1e-93b4-4a6d-8e25-f1c0b7a9d364', HEX32]);
  });
  const uuid = '5d1e7c3a-9b24-4f6e-8a17-c2f0b9d3e481';
  it('is the OAuth client id, a UUID under an integration-key name: not reported', () => {
    expect(values(`[esign]\nintegration_key = "${uuid}"\n`, 'config/production.toml')).toEqual([]);
    expect(values(`    private const INTEGRATION_KEY = '${uuid}';\n`, 'app/Services/Signing.php')).toEqual([]);
    expect(values(`DOCUSIGN_INTEGRATION_KEY=${uuid}\n`, 'deploy/app.env')).toEqual([]);
  });
  it("leaves other vendors' integration keys, and other names, reported", () => {
    // PagerDuty's integration (routing) key is 32 hex digits; Opsgenie's integration API key is a UUID under its own name.
    expect(values(`pagerduty_integration_key: ${HEX32}\n`, 'group_vars/all.yml')).toEqual([HEX32]);
    expect(values(`OPSGENIE_INTEGRATION_KEY=${uuid}\n`, 'deploy/app.env')).toEqual([uuid]);
    expect(values(`integration_secret = "${uuid}"\n`, 'config/production.toml')).toEqual([uuid]);
  });
});

describe("DocuSign's integration key in JSON and in a dotenv file", () => {
  it('leaves the camel-case and the upper-case name, and reports the secret beside it', () => {
    const json = '{\n  "docusign": {\n    "integrationKey": "a21f406f-23ad-4435-9fab-c4c0fe0e2f84",\n    "secretKey": "UPGFCs2thx/yVIv0Ul5wHWzjUKhMbn+793WRsYh4mNw="\n  }\n}\n';
    expect(values(json, 'config/integrations.json')).toEqual(['UPGFCs2thx/yVIv0Ul5wHWzjUKhMbn+793WRsYh4mNw=']);
    expect(values('DOCUSIGN_INTEGRATION_KEY=a21f406f-23ad-4435-9fab-c4c0fe0e2f84\n', 'deploy/app.env')).toEqual([]);
  });
});

describe("DocuSign's integration key under a camel-case name that spells the vendor's capital S", () => {
  const uuid = '7e0c2b9a-41d6-4f3e-9a85-d6b1f04c2e73';
  it('leaves `docuSignIntegrationKey` (split by case into docu, sign) as the OAuth client id', () => {
    expect(values(`  serverRuntimeConfig: {\n    docuSignIntegrationKey: "${uuid}",\n  },\n`, 'web/next.config.js')).toEqual([]);
  });
  it('still reports a UUID under a signing key of the same shape, and the secret beside the id', () => {
    expect(values(`    signIntegrationSecret: "${uuid}",\n`, 'web/next.config.js')).toEqual([uuid]);
    expect(values(`    docuSignSecretKey: "${uuid}",\n`, 'web/next.config.js')).toEqual([uuid]);
  });
});

describe('a Segment write key the page loads the browser library with', () => {
  const KEY = 'Vt5nQ8wLz2Rk7Xp3Mb9Hc4Jd6Fg1Sa0Y';

  it('reports no finding on a write key given to AnalyticsBrowser.load or analytics.load', () => {
    const next = `const SEGMENT_WRITE_KEY = "${KEY}";\nexport const analytics = AnalyticsBrowser.load({ writeKey: SEGMENT_WRITE_KEY });\n`;
    expect(detect(next, { file: 'src/lib/analytics.ts' })).toEqual([]);
    const snippet = `<script>\n  !function(){var analytics=window.analytics=window.analytics||[];analytics.load("${KEY}");}();\n</script>\n`;
    expect(detect(snippet, { file: 'public/index.html' })).toEqual([]);
  });

  it('still reports the same key used as a server credential', () => {
    const server = `const SEGMENT_WRITE_KEY = "${KEY}";\nconst segment = axios.create({ baseURL: "https://api.segment.io/v1", auth: { username: SEGMENT_WRITE_KEY, password: "" } });\n`;
    expect(detect(server, { file: 'server/track.js' }).map((f) => server.slice(f.start, f.end))).toEqual([KEY]);
  });

  it("reads each text's loads for that text only, however the texts follow one another", () => {
    const OTHER = 'Lw3kT9vRz2Qm8Xn4Bc7Hd1Jf6Gs5Yp0A';
    // Of two write keys in one file, only the one the page loads is cleared; the same text judged again answers the same.
    const loaded = `const WEB_WRITE_KEY = "${KEY}";\nconst SERVER_WRITE_KEY = "${OTHER}";\nanalytics.load(WEB_WRITE_KEY);\n`;
    const server = `const WEB_WRITE_KEY = "${KEY}";\nconst SERVER_WRITE_KEY = "${OTHER}";\nanalytics.send(WEB_WRITE_KEY);\n`;
    expect(values(loaded, 'server/keys.rb')).toEqual([OTHER]);
    // A text of the same length read right after: its own loads (none), not the last text's.
    expect(server.length).toBe(loaded.length);
    expect(values(server, 'server/keys.rb')).toEqual([KEY, OTHER]);
    expect(values(loaded, 'server/keys.rb')).toEqual([OTHER]);
  });
});

describe('keys given as a call’s labelled arguments, and app-built tokens in an Android manifest', () => {
  it('reads the call a labelled argument sits in as its enclosing words', () => {
    const swift = 'static func start() {\n    Mixpanel.initialize(token: "x", trackAutomaticEvents: false)\n}';
    expect(enclosingObjectWords(swift, swift.indexOf('token'))).toEqual(['mixpanel', 'initialize']);
    // Parentheses closed before the name are skipped; a brace between the call and the name wins.
    const nested = 'EventCollector.configure(\n  endpoint: URL(string: "https://x")!,\n  apiKey: "x"\n)';
    expect(enclosingObjectWords(nested, nested.indexOf('apiKey'))).toEqual(['event', 'collector', 'configure']);
    expect(enclosingObjectWords('Bugsnag.start({ apiKey: "x" })', 16)).toEqual(['bugsnag', 'start']);
  });

  it("takes Mixpanel's project token passed to its initializer as public, and a key passed to another call as not", () => {
    const swift = `    Mixpanel.initialize(token: "${HEX32}", trackAutomaticEvents: false)\n`;
    expect(values(swift, 'Analytics.swift')).toEqual([]);
    const other = `    Collector.shared.configure(endpoint: URL(string: "https://events.acme.internal")!, apiKey: "${HEX32B}")\n`;
    expect(values(other, 'Analytics.swift')).toContain(HEX32B);
  });

  it("takes the New Relic mobile agent's token in a manifest as public, and an app's own upload secret as not", () => {
    const manifest = [
      '<application>',
      '  <meta-data android:name="com.newrelic.mobile.token" android:value="AA5e0c2b7d9f1a3c6e8b0d2f4a6c8e1b3d5f7a9c0e-NRMA" />',
      '  <meta-data',
      '      android:name="com.acme.crash.UPLOAD_SECRET"',
      '      android:value="Xf4kPq9Lz2Wm7Nb3Vt8Rc1Hd6Jy0Gs5Ta" />',
      '  <meta-data android:name="com.google.android.geo.API_KEY" android:value="${MAPS_API_KEY}" />',
      '</application>',
    ].join('\n');
    expect(values(manifest, 'app/src/main/AndroidManifest.xml')).toEqual(['Xf4kPq9Lz2Wm7Nb3Vt8Rc1Hd6Jy0Gs5Ta']);
  });
});

describe("a feature-flag SDK's client key", () => {
  it('takes a `client-` key under a client key name as public, and a `secret-` key beside it as a secret', () => {
    const js = 'window.APP = {\n  flagsClientKey: "client-Qm3vT8xLp2Rz7Kw9Nc4Hd6Fb1",\n  flagsServerSecret: "secret-Vb7Wq2Lm9Xz4Tp8Rk3Nd6Hc1Fs"\n};';
    expect(values(js, 'web/public/config.js')).toEqual(['secret-Vb7Wq2Lm9Xz4Tp8Rk3Nd6Hc1Fs']);
  });

  it('still reports a `client-` value under a name that is no client key', () => {
    const js = 'const config = {\n  apiSecret: "client-Qm3vT8xLp2Rz7Kw9Nc4Hd6Fb1"\n};';
    expect(values(js, 'src/config.js')).toEqual(['client-Qm3vT8xLp2Rz7Kw9Nc4Hd6Fb1']);
  });
});

describe('a Segment write key in the source of a front-end build', () => {
  const KEY = 'Qm7vR2xK9pL4wT8nB3cY6hD1fJ5gZ0eA';

  it('is left alone where the file reads what only a browser bundle is given', () => {
    const vite = `export const SEGMENT_WRITE_KEY = "${KEY}";\nexport const apiBase = import.meta.env.VITE_API_BASE;\n`;
    expect(values(vite, 'web/src/lib/tracking.ts')).toEqual([]);
    const next = `"use client";\nconst segmentWriteKey = '${KEY}';\nexport default function Tracker() { return null; }\n`;
    expect(values(next, 'app/components/Tracker.tsx')).toEqual([]);
    const cra = `const SEGMENT_WRITE_KEY = '${KEY}';\nconst api = process.env.REACT_APP_API_URL;\n`;
    expect(values(cra, 'src/analytics.js')).toEqual([]);
  });

  it('is still reported in server code, configuration files and mobile apps', () => {
    expect(values(`export const SEGMENT_WRITE_KEY = "${KEY}";\nconst port = process.env.PORT;\n`, 'server/src/tracking.ts')).toEqual([KEY]);
    // Bun gives server code an import.meta.env as well: only a public prefix marks a browser build.
    expect(values(`const SEGMENT_WRITE_KEY = "${KEY}";\nconst db = import.meta.env.DATABASE_URL;\n`, 'api/tracking.ts')).toEqual([KEY]);
    expect(values(`{\n  "segmentWriteKey": "${KEY}",\n  "note": "import.meta.env.VITE_X"\n}\n`, 'web/config/production.json')).toEqual([KEY]);
    expect(values(`let segmentWriteKey = "${KEY}"\n`, 'ios/App/Keys.swift')).toEqual([KEY]);
  });
});

describe("Visual Studio App Center's app secret", () => {
  const UUID = '4e7a91c2-3b8d-4f05-a6e1-9d2c7b50f318';

  it('leaves the UUID an app ships to start the App Center SDK, in resources, property lists, code and dotenv files', () => {
    expect(values(`<resources>\n    <string name="app_center_secret" translatable="false">${UUID}</string>\n</resources>\n`, 'app/src/main/res/values/keys.xml')).toEqual([]);
    expect(values(`<dict>\n  <key>AppCenterSecret</key>\n  <string>${UUID}</string>\n</dict>\n`, 'ios/App/Info.plist')).toEqual([]);
    expect(values(`export const APPCENTER_IOS_SECRET = "${UUID}";\n`, 'src/telemetry.ts')).toEqual([]);
    expect(values(`AppCenter.start(getApplication(), "${UUID}", Analytics.class, Crashes.class);\n`, 'app/src/main/java/App.java')).toEqual([]);
  });

  it('still reports a value of another shape under the name, the API token that manages App Center, and a UUID under a client secret', () => {
    const other = 'Zp4Kq8Lm2Vx7Tb3Nw9Rc6Hy1Jd5Gs0Fa';
    expect(values(`<string name="appcenter_secret">${other}</string>\n`, 'app/src/main/res/values/keys.xml')).toEqual([other]);
    expect(values(`const APPCENTER_API_TOKEN = "${UUID}";\n`, 'scripts/release.ts')).toEqual([UUID]);
    expect(values(`<string name="payments_client_secret">${UUID}</string>\n`, 'app/src/main/res/values/keys.xml')).toEqual([UUID]);
  });
});

describe("a Segment write key in a script that runs in the page", () => {
  const KEY = 'Hv3kT9pZ2mQ7wL4xR8nB1cY6dF5gJ0sA';

  it("is left alone where the script sets or reads the page's window or document at its top level", () => {
    const widget = `window.chatSettings = { app_id: "q2w8e4r6" };\nconst SEGMENT_WRITE_KEY = "${KEY}";\n`;
    expect(values(widget, 'site/assets/js/analytics.js')).toEqual([]);
    const listener = `const segmentWriteKey = '${KEY}';\ndocument.addEventListener('DOMContentLoaded', boot);\n`;
    expect(values(listener, 'public/js/track.mjs')).toEqual([]);
  });

  it('is still reported where window is only tested for or used inside a function, and in a JSON file', () => {
    const guarded = `const SEGMENT_WRITE_KEY = "${KEY}";\nif (typeof window !== 'undefined') {\n  window.x = 1;\n}\n`;
    expect(values(guarded, 'server/src/tracking.ts')).toEqual([KEY]);
    expect(values(`{\n  "segmentWriteKey": "${KEY}",\n  "note": "window.x = 1"\n}\n`, 'web/config/production.json')).toEqual([KEY]);
  });
});

describe("a type's name around server-side keys", () => {
  const API = 'Qm7Rt2Vx9Kp4Lw8Nz3Hc6Bd1Fg5Js0Ya-Ue7Io2Pa+Tk4Mv9Xb3Wn8Rq6Lc1Zs5Dh0Gy';
  const HMAC = '4F1C9A7E2B8D6035A1E9C7F3B2D84A6E0C5F9B1D7A3E8C2F6B0D4A9E1C7F3B5D';

  it('does not make a field of a class named …ClientFactory or …Client a public client key', () => {
    const java = `package acme.pay;\n\npublic final class AdyenClientFactory {\n    private static final String API_KEY = "${API}";\n    private static final String HMAC_KEY = "${HMAC}";\n}\n`;
    expect(values(java, 'src/main/java/acme/pay/AdyenClientFactory.java')).toEqual([API, HMAC]);
    const kotlin = `object AdyenClient {\n    const val API_KEY = "${API}"\n}\n`;
    expect(values(kotlin, 'src/main/kotlin/AdyenClient.kt')).toEqual([API]);
    const python = `class AdyenClient:\n    API_KEY = "${API}"\n`;
    expect(values(python, 'payments/adyen.py')).toEqual([API]);
  });

  it('never reads an HMAC key as a client key', () => {
    expect(isPublicClientKey(['adyen', 'client'], ['hmac', 'key'])).toBe(false);
    expect(isPublicClientKey(['adyen', 'client'], ['client', 'key'])).toBe(true);
  });

  it("still leaves a client key named so in the class, and an Adyen client key in a browser config object", () => {
    const java = `public final class AdyenClientFactory {\n    private static final String CLIENT_KEY = "live_Q7RZK2MB4XW9HN3CT6YPD8LF5VJ1SA0E";\n}\n`;
    expect(values(java, 'src/main/java/AdyenClientFactory.java')).toEqual([]);
    const web = `const adyenClient = {\n  apiKey: "${API}",\n};\n`;
    expect(values(web, 'web/src/checkout.js')).toEqual([]);
  });
});

describe("an SDK's key in an Android manifest's <meta-data>", () => {
  const manifest = (name: string, value: string) =>
    `<manifest>\n  <application>\n    <meta-data android:name="${name}" android:value="${value}" />\n  </application>\n</manifest>\n`;
  const SDK_KEY = 'Qm4-vT8xLp2Rz7Kw9Nc4Hd6Fb1Xs5Jy3Gt0Wq8Er6Ty2Ui4Op7As9Df3Gh5Jk1Lz';

  it('takes a key, app key or client token the app ships as public', () => {
    expect(values(manifest('com.adnet.sdk.key', SDK_KEY), 'app/src/main/AndroidManifest.xml')).toEqual([]);
    expect(values(manifest('com.mediation.APP_KEY', 'Vb7Wq2Lm9Xz4Tp8Rk3Nd'), 'app/src/main/AndroidManifest.xml')).toEqual([]);
    expect(values(manifest('com.social.sdk.ClientToken', HEX32), 'app/src/main/AndroidManifest.xml')).toEqual([]);
  });

  it('still reports a secret or password shipped there, and the same key outside a manifest', () => {
    expect(values(manifest('com.acme.telemetry.UPLOAD_SECRET', 'Xf4kPq9Lz2Wm7Nb3Vt8Rc1Hd6Jy0Gs5Ta'), 'app/src/main/AndroidManifest.xml')).toEqual([
      'Xf4kPq9Lz2Wm7Nb3Vt8Rc1Hd6Jy0Gs5Ta',
    ]);
    expect(values(manifest('com.acme.PRINTER_PASSWORD', 'Tq8#vLm2Wz9!Kp4'), 'app/src/main/AndroidManifest.xml')).toEqual(['Tq8#vLm2Wz9!Kp4']);
    // A licence key named for the licence alone: the prefilter must let the name through, not only names with `key`.
    const LICENCE = 'Zp4Hq8Lw2Xm7Tv3Rk9Nb5Jc1Gd6Fs0Ya+Qe4Wu8Ir2Ot6Py/Lk3Mj7Nh1Bg5Vf9Cd0Xs==';
    expect(values(manifest('barcode.scanner.licence', LICENCE), 'app/src/main/AndroidManifest.xml')).toEqual([LICENCE]);
    expect(values(manifest('com.vendor.license', 'Apache-2.0'), 'app/src/main/AndroidManifest.xml')).toEqual([]);
    expect(values(manifest('com.vendor.licence', 'see-the-licence-portal'), 'app/src/main/AndroidManifest.xml')).toEqual([]);
    expect(values(manifest('com.adnet.sdk.key', SDK_KEY), 'config/partners.xml')).toEqual([SDK_KEY]);
  });
});

describe("Conviva's customer key and a script that imports an SDK's browser build", () => {
  const HEX40 = '5d0b7e2a9c4f1836e0a7d2b5c8f3194e6a0d7b2c';
  const HEX40B = 'a81c4e7f03d92b6a5e8c1f407b3d9a2e6c5f0b18';
  it('leaves the customer key the player SDKs are started with, and still reports the Metrics API secret', () => {
    expect(values(`CONVIVA_CUSTOMER_KEY=${HEX40}\n`, 'android/gradle.properties')).toEqual([]);
    expect(values(`CONVIVA_API_SECRET=${HEX40B}\n`, 'android/gradle.properties')).toEqual([HEX40B]);
    expect(values(`CUSTOMER_KEY=${HEX40}\n`, 'android/gradle.properties')).toEqual([HEX40]);
  });

  const WRITE_KEY = 'Vq7Lm2Xz9Rk4Tw8Nb3Hp6Jc1Fd5Gs0Ya';
  it('leaves a Segment write key in a script that imports a browser build, and reports it in server code', () => {
    const browser = `import posthog from '@acme/analytics-browser';\n\nconst SEGMENT_WRITE_KEY = '${WRITE_KEY}';\n`;
    expect(values(browser, 'web/src/lib/track.js')).toEqual([]);
    expect(values(`import mixpanel from "mixpanel-browser";\nconst SEGMENT_WRITE_KEY = '${WRITE_KEY}';\n`, 'web/src/track.ts')).toEqual([]);
    expect(values(`import express from 'express';\n\nconst SEGMENT_WRITE_KEY = '${WRITE_KEY}';\n`, 'api/src/track.js')).toEqual([WRITE_KEY]);
    // `browser-sync` is a dev server's tool, not a browser build.
    expect(values(`const bs = require('browser-sync');\nconst SEGMENT_WRITE_KEY = '${WRITE_KEY}';\n`, 'tools/dev.js')).toEqual([WRITE_KEY]);
  });
});

describe("Duo's integration key and secret key", () => {
  const skey = 'Hq7vTz2LmW9xKp4NcR8bYs3DfG6jUa1eQo5iZt0w';

  it('leaves the integration key (`DI…`), the id Duo knows the application by, and reports the secret key beside it', () => {
    const vars = `duo_integration_key: DIWJ8X6AEYOR5OMC6TQ1\nduo_secret_key: ${skey}\nduo_api_host: api-5a1c93e2.duosecurity.com\n`;
    expect(values(vars, 'group_vars/login.yml')).toEqual([skey]);
    expect(values('DUO_IKEY=DIWJ8X6AEYOR5OMC6TQ1\nDUO_CLIENT_ID=DIWJ8X6AEYOR5OMC6TQ1\n', 'deploy/app.env')).toEqual([]);
  });

  it("reports the skey of Duo's own configuration files, under their [duo] section", () => {
    const conf = `[duo]\nikey = DIWJ8X6AEYOR5OMC6TQ1\nskey = ${skey}\nhost = api-5a1c93e2.duosecurity.com\n`;
    expect(values(conf, '/etc/duo/pam_duo.conf')).toEqual([skey]);
    expect(values(`[cache]\nskey = ${skey}\n`, 'cache.ini')).not.toContain(skey);
  });

  it('still reports another vendor\'s integration key of another shape', () => {
    expect(values('PAGERDUTY_INTEGRATION_KEY=9f3c1a7e5b2d4f608e1c3a5b7d9f2e4c\n', 'deploy/app.env')).toEqual(['9f3c1a7e5b2d4f608e1c3a5b7d9f2e4c']);
  });
});

describe("Shopify's API key beside the app's prefixed secrets", () => {
  it("leaves the API key a mail forwards with the app's secret and token, and still reports those", () => {
    const mail = `Here's what the agency sent for the shop sync:\n\nAdmin API access token: shpat_${HEX32B}\nAPI key: ${HEX32}\nAPI secret key: shpss_${HEX32B}\n`;
    expect(values(mail, 'mail/fwd-shop-app.eml')).toEqual([`shpat_${HEX32B}`, `shpss_${HEX32B}`]);
    expect(values(`shop app (firewood)\nAPI key: ${HEX32}\nsecret: shpss_${HEX32B}\n`, 'notes.md')).not.toContain(HEX32);
  });

  it('still reports an API key with no Shopify secret near it', () => {
    expect(values(`Partner portal\nAPI key: ${HEX32}\nAPI secret: see the vault\n`, 'mail/partner.eml')).toEqual([HEX32]);
  });
});

describe("an app key beside its app secret", () => {
  it('leaves the app key, the id half of the pair, and reports the app secret', () => {
    const json = `{\n  "Drone": {\n    "AppKey": "${HEX32}",\n    "AppSecret": "Lq8Vz2Kp7Tw4Rn9Xc3Bd6Hf1Js5Gm0Ya8Ue2Wi4"\n  }\n}\n`;
    expect(values(json, 'appsettings.json')).toEqual(['Lq8Vz2Kp7Tw4Rn9Xc3Bd6Hf1Js5Gm0Ya8Ue2Wi4']);
    const js = `const gateway = { appKey: '${HEX32}', app_secret: process.env.GATEWAY_APP_SECRET };\n`;
    expect(values(js, 'src/gateway.js')).toEqual([]);
  });

  it('still reports an app key alone, or beside secrets of other names', () => {
    expect(values(`{\n  "Drone": {\n    "AppKey": "${HEX32}",\n    "AppId": "142857"\n  }\n}\n`, 'appsettings.json')).toEqual([HEX32]);
    expect(values(`{\n  "datadog": {\n    "app_key": "${HEX32}",\n    "api_key": "${HEX32B}"\n  }\n}\n`, 'config.json')).toEqual([HEX32, HEX32B]);
  });
});

describe("a vendor's public key in a file named for the vendor", () => {
  it("leaves Shopify's app API key in shopify.yml and still reads its secrets and a key in another file", () => {
    const yml = 'production:\n  api_key: 4f1c9a7e2b8d3c6f0a5e9b1d7c3f8a2e\n  api_secret_key: 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\n';
    const found = (text: string, file: string) => detect(text, { file }).map((f) => text.slice(f.start, f.end));
    expect(found(yml, 'webshop/config/shopify.yml')).toEqual(['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']);
    // Beside no Shopify secret, in a file named for no vendor, an `api_key` is judged by its name (beside `shpss_` it is Shopify's client id).
    const other = 'production:\n  api_key: 4f1c9a7e2b8d3c6f0a5e9b1d7c3f8a2e\n  api_secret: Rq7vK2mX9pLw4Zt8Wq3nB6cJ\n';
    expect(found(other, 'webshop/config/payments.yml')).toContain('4f1c9a7e2b8d3c6f0a5e9b1d7c3f8a2e');
  });
});
