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
  // Maven's password-encryption guide: its encrypted master password and server password, braces
  // included, as settings-security.xml and settings.xml hold them (copied into many a settings.xml).
  '{jSMOWnoPFgsHVpMvz5VrIt5kRbzGpI8u+9EF1iFQyJQ=}',
  '{COQLCE6DU6GtcS5P=JIEmKx1w/Ir5SHU8QAmbcLe3mJyUo3=}',
  // The Telegram Bot API's documentation sample token (core.telegram.org/bots/api), copied into many a README.
  '123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11',
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
]);

/** True when `value` is, exactly, a credential its vendor publishes for everyone (an emulator's key, a documentation sample). */
export function isPublishedSample(value: string): boolean {
  return PUBLISHED_SAMPLE_SECRETS.has(value);
}
