import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The reported values in `text`, for readable assertions. */
function values(text: string, file: string): string[] {
  return detect(text, { file }).map((f) => text.slice(f.start, f.end));
}

const KEY = '4c1d9e7a20b58f36e9d2c41a7b03f8e56d19a2c7e4b08f35d61e9c2a7f40b3d8';
const ADDRESS = '0x7a3F9c02D41b6E8a5C90f2e1B7d34A68c5E0f19B';
const TX = '0xb83e21d9c4f07a56e1d28b93c4a0f7e5d16c82b49a3e07f5d21c86b4a9e3f017';

describe('Ethereum/EVM private keys', () => {
  it('reports 64 hex under a private-key name, with or without 0x, in env files, configs and code', () => {
    const env = [`DEPLOYER_PRIVATE_KEY=0x${KEY}`, `WALLET_KEY=${KEY.replace('4c', '5d')}`, ''].join('\n');
    expect(values(env, '.env.production')).toEqual([`0x${KEY}`, KEY.replace('4c', '5d')]);
    const ts = `export default { networks: { sepolia: { signerKey: "0x${KEY}" } } };\n`;
    expect(values(ts, 'hardhat.config.ts')).toEqual([`0x${KEY}`]);
  });

  it('reports the key a wallet is opened with: ethers, web3.js, viem, eth-account', () => {
    const js = [
      `const signer = new ethers.Wallet("0x${KEY}", provider);`,
      `const bot = new Wallet('${KEY.replace('4c', '6e')}');`,
      `const account = privateKeyToAccount("0x${KEY.replace('4c', '7f')}");`,
      '',
    ].join('\n');
    expect(values(js, 'src/chain.js')).toEqual([`0x${KEY}`, KEY.replace('4c', '6e'), `0x${KEY.replace('4c', '7f')}`]);
    expect(values(`acct = Account.from_key("0x${KEY}")\n`, 'sync.py')).toEqual([`0x${KEY}`]);
  });

  it('leaves transaction hashes, block hashes, digests, addresses and keys read from the environment', () => {
    const js = [
      `const txHash = "${TX}";`,
      `const BLOCK_HASH = "${TX.replace('b8', 'c9')}";`,
      `const PRIVATE_KEY_SHA256 = "${KEY}";`,
      `const WATCHED = ["${ADDRESS}"];`,
      `const WALLET_KEY = "${ADDRESS}";`,
      'const signer = new ethers.Wallet(process.env.PRIVATE_KEY, provider);',
      `const receipt = await provider.getTransactionReceipt("${TX}");`,
      '',
    ].join('\n');
    expect(values(js, 'src/chain.js')).toEqual([]);
  });
});

describe('BIP-32 extended keys', () => {
  const body = 'DqrBwkTsm7VpHfaR3cXJ8nQzLe4uWgYt6KdPbs2MhNoE9ixjAFyUC5vGrZ1kTqnWwLp8RaYfVe3sDbHcJmx7NgKuQ6z2tBhPvEyioUeLdW4';
  it('reports an xprv and leaves its xpub twin, which only watches', () => {
    const md = `Watch-only: \`xpub${body}\`\nThe signing root: \`xprv${body}\`\n`;
    expect(values(md, 'docs/wallets.md')).toEqual([`xprv${body}`]);
    expect(values(`XPUB = "zpub${body}"\n`, 'settings.py')).toEqual([]);
  });
});

describe('hosted blockchain node URLs', () => {
  it('reports the key in the path of Alchemy, Infura and QuickNode URLs, also across a + join', () => {
    const js = [
      'const eth = "https://eth-mainnet.g.alchemy.com/v2/Hq7vRt2LmX9pWz4KcN8bYs3dFg6JkA1e";',
      'const polygon = "https://polygon-mainnet.g.alchemy.com/v2/" + "Tb5nQ2wXe8rLk4MzJ7cVy1pHs9dGf3Ua";',
      'const infura = new JsonRpcProvider("https://sepolia.infura.io/v3/" + "3fa1c9e07b2d48e6a5c41f8d9b0e27c3");',
      'const qn = "https://wandering-quiet-lake.quiknode.pro/8d2e4f1a9c7b03e5d6f8a2c4b1e9d7f30a5c6e8b/";',
      '',
    ].join('\n');
    expect(values(js, 'src/rpc.js')).toEqual([
      'Hq7vRt2LmX9pWz4KcN8bYs3dFg6JkA1e',
      'Tb5nQ2wXe8rLk4MzJ7cVy1pHs9dGf3Ua',
      '3fa1c9e07b2d48e6a5c41f8d9b0e27c3',
      '8d2e4f1a9c7b03e5d6f8a2c4b1e9d7f30a5c6e8b',
    ]);
  });

  it('leaves the demo key, placeholders and keys filled in from the environment', () => {
    const js = [
      'const eth = "https://eth-mainnet.g.alchemy.com/v2/demo";',
      'const url = `https://eth-mainnet.g.alchemy.com/v2/${process.env.ALCHEMY_KEY}`;',
      'const infura = "https://mainnet.infura.io/v3/" + INFURA_PROJECT_ID;',
      'const docs = "https://mainnet.infura.io/v3/YOUR-PROJECT-ID";',
      '',
    ].join('\n');
    expect(values(js, 'src/rpc.js')).toEqual([]);
  });
});

describe('BIP-39 seed phrases', () => {
  const phrase = 'glove unfold harvest copper lottery amazing planet nephew dinosaur ticket wire spoon';
  it('reports twelve listed words after "seed phrase", "mnemonic" or "recovery phrase"', () => {
    expect(values(`The seed phrase of the staging faucet is:\n\`${phrase}\`\n`, 'README.md')).toEqual([phrase]);
    expect(values(`MNEMONIC="${phrase}"\n`, '.env')).toEqual([phrase]);
    const long = `${phrase} glove unfold harvest copper lottery amazing planet nephew dinosaur ticket wire spoon`;
    expect(values(`recovery phrase: ${long}\n`, 'notes.txt')).toEqual([long]);
  });

  it('leaves prose, phrases of another length, and words outside the list', () => {
    const prose = 'The seed phrase must be written down on paper and kept in a safe place away from any computer you use daily.';
    expect(values(prose, 'SECURITY.md')).toEqual([]);
    expect(values(`MNEMONIC="${phrase} extra"\n`, '.env')).toEqual([]);
    expect(values(`MNEMONIC="${phrase.replace('glove', 'gloves')}"\n`, '.env')).toEqual([]);
    expect(values(`seed words below are an example\nmnemonic: ${phrase.split(' ').slice(0, 11).join(' ')}\n`, 'notes.md')).toEqual([]);
    // The same twelve words with no seed-phrase wording near them.
    expect(values(`words = "${phrase}"\n`, 'game.py')).toEqual([]);
  });
});

describe("mosquitto's MQTT clients", () => {
  it('reports the broker password after -P and leaves the port after -p and a variable', () => {
    const sh = [
      "mosquitto_pub -h $BROKER -p 8883 -u gateway -P 'Vr4_tQmLeX9wz' -t ovens/1 -m up",
      'mosquitto_sub -h "$BROKER" -u gateway -P "$MQTT_PASSWORD" -t ovens/#',
      '',
    ].join('\n');
    expect(values(sh, 'scripts/provision.sh')).toEqual(['Vr4_tQmLeX9wz']);
  });
});

describe("mosquitto's password flags", () => {
  it('reads a quoted -P value that starts with a dash, and --pw, and leaves an unquoted next flag', () => {
    const sh = [
      "mosquitto_sub -h $BROKER -u hb-reader -P '-Qm8vTz2pLw4x' -t 'site/+/hb' -C 1",
      'mosquitto_pub -h "$BROKER" -u hb-writer --pw Kt9-wLq2Zr7v -t site/1 -m up',
      'mosquitto_sub -h "$BROKER" -u hb-reader -P -t site/#',
      '',
    ].join('\n');
    expect(values(sh, 'docs/runbook.md')).toEqual(['-Qm8vTz2pLw4x', 'Kt9-wLq2Zr7v']);
  });
});
