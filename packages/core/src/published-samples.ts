/**
 * Credentials their vendors publish on purpose: the fixed keys of local emulators and the
 * sample keys of API references. Every developer of that platform has them, they open
 * nothing but a process on the developer's own machine (or nothing at all), and they turn up
 * in logs and configs as a "local fallback". A finding on one is noise, whatever rule made it.
 *
 * Exact values only: a key that merely resembles one of these is still judged by the rules.
 */
const PUBLISHED_SAMPLE_SECRETS: ReadonlySet<string> = new Set([
  // Azurite / the Azure Storage Emulator: the account key of `devstoreaccount1`.
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
  // The Azure Cosmos DB emulator's primary key.
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==',
  // AWS's documented example access keys (IAM user guide, CLI reference).
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  // Stripe's test-mode secret keys from its API reference and older docs.
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
  'sk_test_BQokikJOvBiI2HlWgH4olfQ2',
  // Symfony's default kernel secret, shipped in the Standard Edition's parameters.yml.dist and in the .env that
  // symfony/framework-bundle's recipe once wrote: every Symfony project started with it.
  'ThisTokenIsNotSoSecretChangeIt',
  // Maven's password-encryption guide: its encrypted master password and server password, braces
  // included, as settings-security.xml and settings.xml hold them (copied into many a settings.xml).
  '{jSMOWnoPFgsHVpMvz5VrIt5kRbzGpI8u+9EF1iFQyJQ=}',
  '{COQLCE6DU6GtcS5P=JIEmKx1w/Ir5SHU8QAmbcLe3mJyUo3=}',
  // Microsoft's KMS client setup keys (GVLKs), published in "Key Management Services (KMS) client activation and
  // product keys": an unattend.xml or a deployment script that holds one activates against the organisation's own
  // KMS host, so the key gives nothing away. Windows 10/11 Pro, Pro N, Pro for Workstations (N), Pro Education (N),
  // Education (N), Enterprise (N, G, G N), Enterprise LTSC 2019/2021 (N), LTSB 2016 and 2015.
  'W269N-WFGWX-YVC9B-4J6C9-T83GX', 'MH37W-N47XK-V7XM9-C7227-GCQG9', 'NRG8B-VKK3Q-CXVCJ-9G2XF-6Q84J', '9FNHH-K3HBT-3W4TD-6383H-6XYWF',
  '6TP4R-GNPTD-KYYHQ-7B7DP-J447Y', 'YVWGF-BXNMC-HTQYQ-CPQ99-66QFC', 'NW6C2-QMPVW-D7KKK-3GKT6-VCFB2', '2WH4N-8QGBV-H22JP-CT43Q-MDWWJ',
  'NPPR9-FWDCX-D2C8J-H872K-2YT43', 'DPH2V-TTNVB-4X9Q3-TJR4H-KHJW4', 'YYVX9-NTFWV-6MDM3-9PT4T-4M68B', '44RPN-FTY23-9VTTB-MP9BX-T84FV',
  'M7XTQ-FN8P6-TTKYV-9D4CC-J462D', '92NFX-8DJQP-P6BBQ-THF9C-7CG2H', 'DCPHK-NFMTC-H88MJ-PFHPY-QJ4BJ', 'WNMTR-4C88C-JK8YV-HQ7T2-76DF9',
  // Windows Server 2016, 2019, 2022 and 2025, Standard and Datacenter.
  'WC2BQ-8NRM3-FDDYY-2BFGV-KHKQY', 'CB7KF-BWN84-R7R2Y-793K2-8XDDG', 'N69G4-B89J2-4G8F4-WWYCC-J464C', 'WMDGN-G9PQG-XVVXX-R3X43-63DFG',
  'VDYBN-27WPP-V4HQT-9VMD4-VMK7H', 'WX4NM-KYWYW-QJJR4-XV3QB-6VM33', 'TVRH6-WHNXV-R9WG3-9XRFY-MY832', 'D764K-2NDRG-47T6Q-P8T8W-YP6DF',
  // Microsoft's sample SA passwords for SQL Server in a container: the quickstart "Run SQL Server Linux container images
  // with Docker" sets `MSSQL_SA_PASSWORD=<YourStrong@Passw0rd>` (`<YourStrong!Passw0rd>` in its 2017-2019 editions) and
  // changes it to `<YourNewStrong@Passw0rd>` (`<YourNewStrong!Passw0rd>`); the image's Docker Hub page uses
  // `yourStrong(!)Password`. Copied without the brackets into compose files and scripts, they open a throwaway container.
  'YourStrong@Passw0rd', 'YourStrong!Passw0rd', 'YourNewStrong@Passw0rd', 'YourNewStrong!Passw0rd', 'yourStrong(!)Password',
  // The Telegram Bot API's documentation sample token (core.telegram.org/bots/api), copied into many a README.
  '123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11',
  // Google reCAPTCHA v2's test secret key ("I'm a test key, always passes", reCAPTCHA FAQ), paired with its test
  // site key 6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI; and hCaptcha's test secret for automated tests (its
  // integration docs, with site key 10000000-ffff-ffff-ffff-000000000001). Both verify every response, open nothing.
  '6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe',
  '0x0000000000000000000000000000000000000000',
  // GitHub's documentation sample token body, under the prefixes its docs print: the OAuth app flow's
  // gho_ (docs "Authorizing OAuth apps"), the GitHub App user token's ghu_ and installation token's ghs_
  // (REST reference examples), and the classic personal access token's ghp_ the same examples quote.
  'gho_16C7e42F292c6912E7710c838347Ae178B4a',
  'ghu_16C7e42F292c6912E7710c838347Ae178B4a',
  'ghs_16C7e42F292c6912E7710c838347Ae178B4a',
  'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
  // Slack's API documentation sample bot token (the oauth.v2.access response of "Slack Softball Team").
  'xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy',
  // The example values of the OAuth RFCs, which OAuth libraries quote in their docstrings and tests.
  // RFC 6749 (OAuth 2.0): access token, refresh token, authorization code, client secrets, and the
  // client's Basic credentials (s6BhdRkqt3 with each secret).
  '2YotnFZFEjr1zCsicMWpAA',
  'tGzv3JOkF0XG5Qx2TlKWIA',
  'SplxlOBeZQQYbYS6WxSbIA',
  '7Fjfp0ZBr1KtDRbnfVdmIw',
  'gX1fBat3bV',
  'czZCaGRSa3F0MzpnWDFmQmF0M2JW',
  'czZCaGRSa3F0Mzo3RmpmcDBaQnIxS3REUmJuZlZkbUl3',
  // RFC 6750 (bearer tokens).
  'mF_9.B5f-4.1JqM',
  // RFC 5849 (OAuth 1.0): client and token credentials and their secrets.
  'dpf43f3p2l4k3l03',
  'kd94hf93k423kf44',
  'nnch734d00sl2jdk',
  'pfkkdhi9sl3r4s00',
  'hh5s93j4hdidpola',
  'hdhd0244k9j7ao03',
  '0685bd9184jfhq22',
  'ad180jjd733klru7',
  // RFC 5849's signature base string example (its section 3.4.1): client and token identifiers, with
  // their secrets as the HMAC-SHA1 key that section 3.4.2 builds from them.
  '9djdj82h48djs9d2',
  'kkk9d7dh3k39sjv7',
  'j49sk3j29djd',
  'dh893hdasih9',
  // The OAuth 2.0 MAC token draft (draft-ietf-oauth-v2-http-mac): its example token id and MAC key, which
  // oauthlib's docstrings quote beside RFC 6749's.
  'h480djs93hd8',
  '489dks293j39',
  // The Google Cloud SDK's OAuth clients for installed apps (gcloud's own and Application Default Credentials'):
  // shipped in every gcloud install, and, as Google documents for installed apps, not treated as secrets.
  'ZmssLNjJy2998hD4CTg2ejr2',
  'd-FL95Q19q7MQmFpd7hHD0Ty',
  // The AES test vectors of FIPS-197 and NIST SP 800-38A (the AES-128, -192 and -256 keys that every AES
  // implementation's tests check against): published keys, in lower and upper case.
  '2b7e151628aed2a6abf7158809cf4f3c',
  '2B7E151628AED2A6ABF7158809CF4F3C',
  '8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b',
  '8E73B0F7DA0E6452C810F32B809079E562F8EAD2522C6B7B',
  '603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4',
  '603DEB1015CA71BE2B73AEF0857D77811F352C073B6108D72D9810A30914DFF4',
  // The crypto exchanges' signing examples, which every exchange SDK's tests check its signatures against: Binance's
  // API key and secret of "SIGNED endpoint examples" (its Spot API docs, the LTCBTC order signed with HMAC SHA256), and
  // Kraken's API secret of its "Spot REST authentication" guide (the AddOrder example with nonce 1616492376594).
  'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A',
  'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j',
  'kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==',
]);

/** True when `value` is, exactly, a credential its vendor publishes for everyone (an emulator's key, a documentation sample). */
export function isPublishedSample(value: string): boolean {
  return PUBLISHED_SAMPLE_SECRETS.has(value);
}
