import { isLowerCode, isWordCode } from '../char-codes.js';
import { classifyKey, splitWords } from '../key-name.js';
import type { DetectOptions, Rule, Span } from '../types.js';
import { BIP39_WORDS } from './bip39-words.js';
import { fake } from './providers/fake.js';
import { notPlaceholderNorCounted } from './providers/shape.js';

/**
 * The keys of cryptocurrency wallets and of the RPC services wallets talk to. A wallet's private key or seed phrase
 * moves its funds at once and for good; the shapes here carry no prefix of their own (64 hex digits, twelve words), so
 * each rule asks for what says "private key" around them: the name it is stored under, the call that opens a wallet
 * with it, or the words "seed phrase" before it. Addresses (`0x` + 40 hex), transaction hashes and extended public
 * keys (`xpub…`, see `isPublicValue`) are public and stay out.
 */

/** The order of secp256k1's group: an Ethereum/EVM private key is a number from 1 to n − 1. */
const SECP256K1_ORDER = BigInt('0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAF6AEDCE6AF48A03BBFD25E8CD0364141');

/** True for 64 hex digits (maybe after `0x`) that can be a secp256k1 private key and look generated, not typed. */
function isEvmPrivateKey(value: string): boolean {
  const hex = value.startsWith('0x') || value.startsWith('0X') ? value.slice(2) : value;
  if (!/^[0-9a-fA-F]{64}$/.test(hex) || !/[a-fA-F]/.test(hex) || !/[0-9]/.test(hex)) return false;
  const n = BigInt(`0x${hex}`);
  return n > 0n && n < SECP256K1_ORDER && notPlaceholderNorCounted(hex);
}

/**
 * 64 hex digits (with or without `0x`) under a private-key name: `PRIVATE_KEY`, `HOT_WALLET_PRIVATE_KEY`, `privateKey`,
 * `WALLET_KEY`, `SIGNER_KEY`, `DEPLOYER_KEY`, `deployerPrivateKey`. The value must follow the name at once (`=`, `:`,
 * `:=`, `=>`), so `PRIVATE_KEY_HASH = …` and `tx_hash`/`block_hash`/`sha256` names are not read.
 */
const EVM_KEY_UNDER_NAME =
  /(?:private|wallet|signer|deployer|relayer)[_-]?key(?:[_-]?hex)?["'`]?[ \t]{0,4}(?::=|=>|[:=])[ \t]{0,4}["'`]?(?<v>(?:0x)?[0-9a-fA-F]{64})(?![0-9a-zA-Z_])/i;

/** The names' key words in every spelling (`private_key`, `privateKey`, `private-key`): the pattern starts at one. */
const EVM_KEY_NAMES = ['private', 'wallet', 'signer', 'deployer', 'relayer'].flatMap((w) => [`${w}_key`, `${w}key`, `${w}-key`]);

/**
 * 64 hex digits as the first argument of the calls that open an EVM wallet from its private key: ethers'
 * `new ethers.Wallet("0x…", provider)` / `new Wallet(…)`, web3.js's `web3.eth.accounts.privateKeyToAccount(…)`, viem's
 * `privateKeyToAccount(…)` and eth-account's (web3.py's) `Account.from_key(…)`.
 */
const EVM_KEY_IN_WALLET_CALL =
  /(?:\bnew[ \t]{1,4}(?:[\w$]{1,30}\.)?Wallet|\bprivateKeyToAccount|\.from_key)\([ \t]{0,4}["'`](?<v>(?:0x)?[0-9a-fA-F]{64})["'`]/;

/** How far around the word "wallet" a key under a generic key name is read (a comment's line or a few above, a block). */
const WALLET_REACH_BEFORE = 300;
const WALLET_REACH_AFTER = 600;
/** 64 hex digits after `0x`, ending there. */
const HEX64 = /^[0-9a-fA-F]{64}(?![0-9A-Za-z_])/;
/** The name and the operator before a value: `attestorKey = "`, `SIGNER_KEY: '`, `gasPayerKey := "`. */
const NAME_BEFORE_VALUE = /([A-Za-z_$][\w$-]{0,60})["'`]?[ \t]{0,4}(?::=|=>|[:=])[ \t]{0,4}["'`]?$/;
/** Words of a 32-byte value that EVM code names a key and that is public: a storage slot or a mapping's key, an event's topic, a hash. */
const EVM_LOOKUP_WORDS = new Set(['slot', 'storage', 'mapping', 'topic', 'topics', 'hash', 'code', 'position', 'index', 'public', 'pub', 'salt']);

/**
 * `0x` and 64 hex digits under a name that ends in `key` (`attestorKey`, `GAS_PAYER_KEY`) where the code speaks of a
 * wallet around it: the wallet's private key, whatever role the name gives it. The same shape is a transaction's,
 * a block's or a code hash, a storage slot or an event topic, which no key name holds (`txHash`, `storageSlot`) or whose
 * name says it (`storageKey`, `mappingKey`); a key name far from any wallet stays with `generic-assignment`.
 */
function findWalletKeys(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let searched = 0;
  for (const offset of offsets) {
    let at = Math.max(searched, offset - WALLET_REACH_BEFORE);
    const until = Math.min(text.length, offset + WALLET_REACH_AFTER);
    for (;;) {
      // Within the wallet's reach only (a `0x` starting before `until`): a search to the text's end at every wallet is
      // quadratic on a text of wallets without one.
      const found = text.slice(at, until + 1).indexOf('0x');
      if (found === -1) break;
      at += found;
      const start = at + 2;
      at = start;
      if (!HEX64.test(text.slice(start, start + 65))) continue;
      at = start + 64;
      const name = NAME_BEFORE_VALUE.exec(text.slice(Math.max(0, start - 2 - 80), start - 2))?.[1];
      if (name === undefined || !/key$/i.test(name)) continue;
      const key = classifyKey(name);
      if (key?.category !== 'KEY' || splitWords(name).some((w) => EVM_LOOKUP_WORDS.has(w))) continue;
      const value = text.slice(start - 2, start + 64);
      if (isEvmPrivateKey(value)) spans.push({ start: start - 2, end: start + 64 });
    }
    searched = Math.max(searched, until);
  }
  return spans;
}

/** A BIP-32 extended private key (`xprv`, `yprv`, `zprv`, `tprv`, `uprv`, `vprv` and 107 base58 characters): the root of a wallet's every key. */
const EXTENDED_PRIVATE_KEY = /(?<![1-9A-Za-z])(?<v>[xyztuv]prv[1-9A-HJ-NP-Za-km-z]{107})(?![1-9A-Za-z])/;

/**
 * The API key in the path of a hosted blockchain node's URL: Alchemy (`https://eth-mainnet.g.alchemy.com/v2/<key>`,
 * the older `eth-mainnet.alchemyapi.io/v2/<key>`), Infura (`https://mainnet.infura.io/v3/<32 hex>`, `wss://…/ws/v3/…`)
 * and QuickNode (`https://<name>.quiknode.pro/<token>/`). The URL is the credential: whoever has it spends the
 * account's quota. A string joined with `+` right at the key (`"…/v3/" + "<key>"`) is read through.
 */
const JOIN = `(?:["'\`][ \\t]{0,4}\\+[ \\t]{0,4}["'\`])?`;
const RPC_URL_KEY = new RegExp(
  `(?:alchemy\\.com|alchemyapi\\.io)/(?:nft/)?v[23]/${JOIN}(?<a>[A-Za-z0-9_-]{32})(?![\\w-])` +
    `|infura\\.io/(?:ws/)?v3/${JOIN}(?<i>[0-9a-f]{32})(?![0-9A-Za-z])` +
    `|quiknode\\.pro/${JOIN}(?<q>[0-9a-f]{32,64})(?![0-9A-Za-z])`,
);

/** `RPC_URL_KEY` tried at a keyword's offset only. */
const RPC_URL_KEY_AT = new RegExp(RPC_URL_KEY.source, 'y');

function findRpcUrlKeys(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    RPC_URL_KEY_AT.lastIndex = offset;
    const m = RPC_URL_KEY_AT.exec(text);
    if (m === null) continue;
    const value = m.groups!['a'] ?? m.groups!['i'] ?? m.groups!['q']!;
    if (!notPlaceholderNorCounted(value) || !/\d/.test(value) || !/[a-zA-Z]/.test(value)) continue;
    const end = m.index + m[0].length;
    spans.push({ start: end - value.length, end });
  }
  return spans;
}

/** Words before a seed phrase that say it is one. */
const SEED_PHRASE_WORDS = [
  'seed phrase', 'seed_phrase', 'seedphrase', 'seed words', 'mnemonic', 'recovery phrase', 'recovery_phrase', 'backup phrase',
  // A wallet's seed named by the wallet (`the test wallet seed:`, `wallet words`): a seed alone is as often a random one's.
  'wallet seed', 'wallet words', 'wallet phrase', 'secret phrase',
];
/** How far after those words a seed phrase may start (the rest of the sentence, a line break, an opening quote). */
const SEED_PHRASE_REACH = 200;
/** The word counts BIP-39 allows: 128 to 256 bits of entropy in steps of 32. */
const SEED_PHRASE_LENGTHS = new Set([12, 15, 18, 21, 24]);

/**
 * The first BIP-39 seed phrase within reach after `from`: a run of 12, 15, 18, 21 or 24 lower-case words parted by
 * single spaces, every one of them in BIP-39's English list, with no word-like character glued to either end. A run of
 * another length (a sentence going on) or with one word outside the list is passed over whole.
 */
function seedPhraseAfter(text: string, from: number): Span | undefined {
  const limit = Math.min(text.length, from + SEED_PHRASE_REACH);
  let i = from;
  while (i < limit) {
    if (!isLowerCode(text.charCodeAt(i)) || (i > 0 && isWordCode(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    const start = i;
    let words = 0;
    let allListed = true;
    let end = i;
    for (;;) {
      let j = i;
      while (j < text.length && j - i <= 8 && isLowerCode(text.charCodeAt(j))) j++;
      if (j < text.length && isWordCode(text.charCodeAt(j))) {
        allListed = false; // a word glued to digits, capitals or `_`, or longer than any listed word
        while (j < text.length && isWordCode(text.charCodeAt(j))) j++;
      } else if (!BIP39_WORDS.has(text.slice(i, j))) {
        allListed = false;
      }
      words++;
      end = j;
      if (text.charCodeAt(j) !== 0x20 || !isLowerCode(text.charCodeAt(j + 1))) break;
      if (words === 24) {
        // Longer than any seed phrase: prose or a word list. Pass over the rest of it within reach.
        allListed = false;
        while (end < limit && (isWordCode(text.charCodeAt(end)) || text.charCodeAt(end) === 0x20)) end++;
        break;
      }
      i = j + 1;
    }
    if (allListed && SEED_PHRASE_LENGTHS.has(words)) return { start, end };
    i = end;
  }
  return undefined;
}

function findSeedPhrases(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let reported = -1;
  for (const offset of offsets) {
    const span = seedPhraseAfter(text, offset);
    if (span === undefined || span.start <= reported) continue;
    spans.push(span);
    reported = span.start;
  }
  return spans;
}

const KEY = fake('hex', 64, 9401);
const KEY2 = fake('hex', 64, 9402);
const TX_HASH = fake('hex', 64, 9403);
const ADDRESS = fake('hex', 40, 9404);
const XPRV = `xprv9s21ZrQH143K${fake('alnum', 95, 9405).replace(/[0OIl]/g, '7')}`;
const ALCHEMY_KEY = fake('alnum', 32, 9406);
const INFURA_ID = fake('hex', 32, 9407);
const PHRASE = 'orbit velvet canal frost lumber pigeon orchard tiny ribbon salad window exhaust';

export const cryptoWalletRules: Rule[] = [
  {
    id: 'evm-private-key-assignment',
    category: 'KEY',
    description:
      'An Ethereum/EVM private key (64 hex digits, with or without `0x`) under a private-key name: `PRIVATE_KEY`, `privateKey`, `WALLET_KEY`, `SIGNER_KEY`, `DEPLOYER_KEY`',
    keywords: EVM_KEY_NAMES,
    startsAtKeyword: true,
    pattern: EVM_KEY_UNDER_NAME,
    secretGroup: 'v',
    minEntropy: 3,
    validate: isEvmPrivateKey,
    confidence: 'high',
    examples: {
      match: [
        `HOT_WALLET_PRIVATE_KEY=0x${KEY}`,
        `const config = { privateKey: "${KEY}" };`,
        `DEPLOYER_KEY: "0x${KEY2}"`,
        `signer_key = '${KEY}'`,
      ],
      noMatch: [
        `TX_HASH=0x${TX_HASH}`,
        `block_hash: "0x${TX_HASH}"`,
        `PRIVATE_KEY_SHA256=${KEY}`,
        `WALLET_KEY=0x${ADDRESS}`,
        `PRIVATE_KEY=0x${'0'.repeat(63)}1`,
        `PRIVATE_KEY=0x${'f'.repeat(64)}`,
      ],
    },
  },
  {
    id: 'evm-private-key-wallet-call',
    category: 'KEY',
    description:
      'An Ethereum/EVM private key (64 hex digits) given to the call that opens a wallet with it: `new ethers.Wallet("0x…")`, `privateKeyToAccount("0x…")`, `Account.from_key("0x…")`',
    keywords: ['wallet(', 'privatekeytoaccount(', 'from_key('],
    pattern: EVM_KEY_IN_WALLET_CALL,
    secretGroup: 'v',
    minEntropy: 3,
    validate: isEvmPrivateKey,
    confidence: 'high',
    examples: {
      match: [
        `const signer = new ethers.Wallet("0x${KEY}", provider);`,
        `const account = web3.eth.accounts.privateKeyToAccount('0x${KEY2}');`,
        `acct = Account.from_key("${KEY}")`,
      ],
      noMatch: [
        `const signer = new ethers.Wallet(process.env.PRIVATE_KEY, provider);`,
        `const tx = await contract.wallet("0x${ADDRESS}");`,
        `receipt = w3.eth.get_transaction("0x${TX_HASH}")`,
      ],
    },
  },
  {
    id: 'evm-private-key-near-wallet',
    category: 'KEY',
    description:
      'An Ethereum/EVM private key (`0x` and 64 hex digits) under any name ending in `key` (`attestorKey`, `GAS_PAYER_KEY`) in code that speaks of a wallet around it; hashes, storage slots and topics under their own names stay out',
    keywords: ['wallet'],
    anchored: true,
    pattern: /0x[0-9a-fA-F]{64}/,
    find: findWalletKeys,
    minEntropy: 3,
    confidence: 'high',
    examples: {
      match: [
        `// hot wallet that pays the relayer's gas\nvar feePayerKey = "0x${KEY}"`,
        `RELAY_KEY: "0x${KEY2}" # wallet funded from treasury`,
      ],
      noMatch: [
        `// wallet activity\nconst txHash = "0x${TX_HASH}";`,
        `// wallet storage layout\nconst storageKey = "0x${TX_HASH}";`,
        `// wallet events\nconst transferTopicKey = "0x${TX_HASH}";`,
        `const feePayerKey = "0x${KEY}"; // no word of what it pays from`,
        `// wallet\nconst feePayerKey = "0x${'0'.repeat(63)}1";`,
      ],
    },
  },
  {
    id: 'bip32-extended-private-key',
    category: 'KEY',
    description: 'A BIP-32 extended private key (`xprv`/`yprv`/`zprv`/`tprv` and 107 base58 characters): every key of the wallet derives from it; the `xpub` twin is public',
    keywords: ['xprv', 'yprv', 'zprv', 'tprv', 'uprv', 'vprv'],
    pattern: EXTENDED_PRIVATE_KEY,
    secretGroup: 'v',
    minEntropy: 4,
    validate: notPlaceholderNorCounted,
    confidence: 'high',
    examples: {
      match: [`root = "${XPRV}"`, `The cold storage root: ${XPRV}`],
      noMatch: [`watch_only = "${XPRV.replace('xprv', 'xpub')}"`, `"${XPRV.slice(0, 60)}"`],
    },
  },
  {
    id: 'blockchain-rpc-url-key',
    category: 'KEY',
    description:
      "The API key in a hosted blockchain node's URL path: Alchemy (`…g.alchemy.com/v2/<key>`), Infura (`…infura.io/v3/<32 hex>`), QuickNode (`…quiknode.pro/<token>/`), also across a `+` join of literals",
    keywords: ['alchemy.com', 'alchemyapi.io', 'infura.io', 'quiknode.pro'],
    pattern: RPC_URL_KEY,
    find: findRpcUrlKeys,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        `const rpc = "https://eth-mainnet.g.alchemy.com/v2/${ALCHEMY_KEY}";`,
        `solana = "https://solana-mainnet.g.alchemy.com/v2/${ALCHEMY_KEY}"`,
        `new JsonRpcProvider("https://mainnet.infura.io/v3/" + "${INFURA_ID}")`,
        `WS_URL=wss://sepolia.infura.io/ws/v3/${INFURA_ID}`,
        `RPC=https://still-frosty-sky.quiknode.pro/${INFURA_ID}/`,
      ],
      noMatch: [
        'const rpc = "https://eth-mainnet.g.alchemy.com/v2/demo";',
        'const rpc = `https://eth-mainnet.g.alchemy.com/v2/${process.env.ALCHEMY_KEY}`;',
        'RPC=https://mainnet.infura.io/v3/YOUR_PROJECT_ID',
        `RPC=https://mainnet.infura.io/v3/${'0'.repeat(32)}`,
      ],
    },
  },
  {
    id: 'bip39-seed-phrase',
    category: 'KEY',
    description:
      "A wallet's BIP-39 seed phrase: 12, 15, 18, 21 or 24 lower-case words, every one in BIP-39's English list, after the words seed phrase, mnemonic, recovery phrase or wallet seed (on the line, or in a code or indented block below it)",
    keywords: SEED_PHRASE_WORDS,
    pattern: /(?:seed[ _]?phrase|seed words|mnemonic|recovery[ _]phrase|backup phrase|wallet (?:seed|words|phrase)|secret phrase)[^\n]{0,200}/i,
    find: findSeedPhrases,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        `The seed phrase of the faucet wallet:\n\`${PHRASE}\``,
        `MNEMONIC="${PHRASE}"`,
        `recovery phrase: ${PHRASE}`,
        `* The demo wallet seed (testnet only):\n\n      ${PHRASE}\n`,
      ],
      noMatch: [
        'The seed phrase must never be stored: write the twelve words on paper and keep them in a safe place at home.',
        `MNEMONIC="${PHRASE} abandon"`,
        `mnemonic: "${PHRASE.replace('orbit', 'orbital')}"`,
        `const MNEMONIC = process.env.MNEMONIC;`,
        `mov eax, 1 ; the mnemonic for move`,
        'The wallet seed is generated on first run from the secure random source and never leaves the device.',
      ],
    },
  },
];
