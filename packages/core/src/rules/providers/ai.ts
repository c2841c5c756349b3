import type { Rule } from '../../types.js';
import { shannonEntropy } from '../../entropy.js';
import { hasShuffledCountingRun } from '../../secret-value.js';
import { fake } from './fake.js';
import { ALNUM, HEX, UUID, contextRule, findShapeAfterWords, keyNoun, looksRandom, mixesClasses, notPlaceholder, tokenRule, type ShapeAfterWords } from './shape.js';

/** "T3BlbkFJ" is base64 for "OpenAI": every OpenAI secret key carries it in the middle. */
const OPENAI_MARKER = 'T3BlbkFJ';

/** camelCase or PascalCase words, numbers among them (`downloadShards2FromCache`): an identifier's body, not a token's. */
const CAMEL_IDENTIFIER = /^[A-Za-z][a-z]{1,24}(?:[A-Z][a-z]{1,24}|\d{1,4}(?!\d)){1,16}$/;

/**
 * Cohere named in chat or prose and its key (40 letters and digits) a few words after a key's noun (a chat's "also Cohere key
 * for the hint experiment … pls don't share"): a drawn key mixes both cases and digits, so a commit or a word is no match.
 */
const COHERE_KEY_AFTER_WORDS: ShapeAfterWords = {
  words: /[Cc]ohere|COHERE/y,
  shape: /(?<![A-Za-z0-9_\-+/])([A-Za-z0-9]{40})(?![A-Za-z0-9_\-+/])/g,
  reach: 300,
  lines: 2,
  accept: (v) => mixesClasses(v, 3) && shannonEntropy(v) >= 4 && notPlaceholder(v),
  // "cohere one for the embeddings", "also cohere for the embeddings POC: …": the provider's name with a chat's `one`
  // after it, or with what it is for, stands for its key, as the noun would ("Cohere eval notes …" names no key).
  namedBy: keyNoun('(?:api[ -]?|trial[ -]?|production[ -]?)?(?:key|token)|cohere(?:[ -]one|(?=[ \\t]for[ \\t]))'),
};

/**
 * The body of an OpenAI project, service-account or admin key that lacks the marker: keys issued before it (`sk-proj-` and
 * 48 letters and digits) and keys cut or copied without it. The prefix alone is OpenAI's; 40 characters of all three kinds
 * with a drawn key's entropy keep out names (`sk-proj-settings-panel`), stand-ins and a format shown with letters counted
 * up where the marker would be (`…abcdefgh…`, `…abdcefgh…`, as scanners' suites show a key that must not match): the body
 * is drawn from 64 symbols, so six counted places in a row, in any order, are already made by hand.
 */
const OPENAI_UNMARKED_BODY_MIN = 40;
const OPENAI_BODY_COUNTING_RUN = 6;
function isDrawnOpenAiBody(secret: string): boolean {
  const body = secret.slice(secret.indexOf('-', 3) + 1);
  return (
    body.length >= OPENAI_UNMARKED_BODY_MIN &&
    mixesClasses(body, 3) &&
    !CAMEL_IDENTIFIER.test(body) &&
    !hasShuffledCountingRun(body, OPENAI_BODY_COUNTING_RUN) &&
    notPlaceholder(secret)
  );
}

/** AI model providers and ML platforms. */
export const aiRules: Rule[] = [
  {
    id: 'openai-api-key',
    category: 'KEY',
    description: 'OpenAI API key: project, service-account, admin or legacy user key (all carry the T3BlbkFJ marker)',
    keywords: ['t3blbkfj'],
    pattern: new RegExp(
      `(?<![\\w-])(sk-(?:(?:proj|svcacct|admin|None)-[\\w-]{20,160}${OPENAI_MARKER}[\\w-]{20,160}|[A-Za-z0-9]{20}${OPENAI_MARKER}[A-Za-z0-9]{20}))(?![\\w-])`,
    ),
    secretGroup: 1,
    minEntropy: 3,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [
        `OPENAI_API_KEY=sk-proj-${fake('b64url', 74, 400)}${OPENAI_MARKER}${fake('b64url', 74, 401)}`,
        `sk-admin-${fake('b64url', 58, 402)}${OPENAI_MARKER}${fake('b64url', 58, 403)}`,
        `sk-${fake('alnum', 20, 404)}${OPENAI_MARKER}${fake('alnum', 20, 405)}`,
      ],
      noMatch: [`sk-${fake('alnum', 20, 404)}abcdefgh${fake('alnum', 20, 405)}`, 'sk-openai-123456'],
    },
  },
  tokenRule('openai-project-key-unmarked', 'OpenAI project, service-account or admin key (sk-proj-/sk-svcacct-/sk-admin- and a long body) without the T3BlbkFJ marker', 'sk-(?:proj|svcacct|admin)-', `[\\w-]{${OPENAI_UNMARKED_BODY_MIN},250}`, {
    match: [
      `the quote assistant's key: sk-proj-${fake('b64url', 156, 4001)}`,
      `OPENAI_ADMIN_KEY=sk-admin-${fake('alnum', 48, 4002)}`,
      `"sk-svcacct-${fake('b64url', 120, 4003)}"`,
    ],
    noMatch: [
      'sk-proj-settings-panel-component-for-the-dashboard-view',
      `sk-proj-${'x'.repeat(48)}`,
      `sk-proj-${fake('alnum', 30, 4004)}abcdefgh${fake('alnum', 30, 4005)}`,
      `sk-admin-${fake('alnum', 30, 4007)}abdcefgh${fake('alnum', 30, 4008)}`,
      `sk-proj-${fake('alnum', 30, 4006)}`,
      'sk-proj-loadProjectSettingsFromCache2ForTheDashboard',
    ],
  }, { keywords: ['sk-proj-', 'sk-svcacct-', 'sk-admin-'], minEntropy: 4, validate: isDrawnOpenAiBody }),
  contextRule('openai-api-key-assigned', 'OpenAI-style secret key (sk-…) assigned to an OpenAI name, for formats without the marker', ['openai'], 'sk-[A-Za-z0-9_-]{32,200}', {
    match: [`OPENAI_API_KEY="sk-${fake('alnum', 48, 406)}"`],
    noMatch: ['OPENAI_API_KEY="sk-..."', 'OPENAI_API_KEY="sk-your-key-here"'],
  }, { confidence: 'high', minEntropy: 3.5 }),
  tokenRule('anthropic-api-key', 'Anthropic API key (sk-ant-api03-…)', 'sk-ant-api\\d\\d-', '[\\w-]{93}AA', {
    match: [`ANTHROPIC_API_KEY=sk-ant-api03-${fake('b64url', 93, 407)}AA`],
    noMatch: ['sk-ant-api02-notarealkey', `sk-ant-api03-${fake('b64url', 93, 407)}BB`, 'ssk-ant-api04-NotARealKeyButLooksLikeOne'],
  }, { keywords: ['sk-ant-api'], literal: 'sk-ant-api' }),
  tokenRule('anthropic-admin-api-key', 'Anthropic Admin API key (sk-ant-admin01-…)', 'sk-ant-admin\\d\\d-', '[\\w-]{93}AA', {
    match: [`sk-ant-admin01-${fake('b64url', 93, 408)}AA`],
    noMatch: ['sk-ant-admin01-abc123xyz-456de-klMnopqrstuvwx-3456yza789bcde-1234fghijklmnopAA'],
  }, { keywords: ['sk-ant-admin'] }),
  tokenRule('anthropic-oauth-token', 'Anthropic OAuth access/refresh token, e.g. Claude Code (sk-ant-oat01-/sk-ant-ort01-)', 'sk-ant-o[ar]t\\d\\d-', '[\\w-]{80,120}', {
    match: [`CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-${fake('b64url', 95, 409)}AA`],
    noMatch: ['sk-ant-oat01-short'],
  }, { category: 'TOKEN', keywords: ['sk-ant-oat', 'sk-ant-ort'], minEntropy: 4 }),
  tokenRule('anthropic-session-key', 'Claude.ai session key (sk-ant-sid01-)', 'sk-ant-sid\\d\\d-', '[\\w-]{80,120}', {
    match: [`sessionKey=sk-ant-sid01-${fake('b64url', 93, 410)}AA`],
    noMatch: ['sk-ant-sid01-short'],
  }, { category: 'TOKEN', keywords: ['sk-ant-sid'], minEntropy: 4 }),
  // Most tokens are letters only, but the body is any 34 alphanumerics (`hf_` + 34 is specific enough); a body of
  // camelCase words and numbers is an identifier (`hf_loadShards2FromCache…`).
  tokenRule('huggingface-access-token', 'Hugging Face user access token (hf_ + 34 letters and digits)', 'hf_', '[A-Za-z0-9]{34}', {
    match: [`HF_TOKEN=hf_${fake('alpha', 34, 411)}`, `huggingface-cli login --token hf_${fake('alpha', 34, 412)}`, `HF_TOKEN = "hf_${fake('alnum', 34, 419)}"`],
    noMatch: [
      'hf_FakeFakeFake1FakeFakeFakeFakeFakeFa',
      '- (id)hf_requiredCharacteristicTypesForDisplayMetadata;',
      'hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'def hf_downloadModelWeights2FromHubCaches():',
      'from huggingface_hub import hf_hub_download',
    ],
  }, { minEntropy: 3, validate: (s) => looksRandom(s.slice(3)) && !CAMEL_IDENTIFIER.test(s.slice(3)) }),
  tokenRule('huggingface-organization-api-token', 'Hugging Face organization API token (api_org_ + 34 letters)', 'api_org_', '[A-Za-z]{34}', {
    match: [`api_org_${fake('alpha', 34, 413)}`],
    noMatch: ['api_org_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'const api_org_controller = require("x")'],
  }, { minEntropy: 3, validate: (s) => looksRandom(s.slice(8)) }),
  contextRule('cohere-api-token', 'Cohere API key next to a Cohere name', ['cohere', 'co_api_key'], ALNUM(40), {
    match: [`CO_API_KEY=${fake('alnum', 40, 414)}`],
    noMatch: [`CO_API_KEY=${'x'.repeat(40)}`],
  }, { minEntropy: 4, confidence: 'high' }),
  {
    id: 'cohere-key-near-words',
    category: 'KEY',
    description: 'Cohere API key (40 letters and digits of both cases) in chat or prose a few words after a key\'s or token\'s noun, within two lines after Cohere is named ("also Cohere key for the hint experiment …")',
    keywords: ['cohere'],
    pattern: COHERE_KEY_AFTER_WORDS.shape,
    secretGroup: 1,
    find: (text, _options, offsets = []) => findShapeAfterWords(text, offsets, COHERE_KEY_AFTER_WORDS),
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        `[10:02] sam: the Cohere trial key for the reranker demo ${fake('alnum', 40, 4141)} - do not commit it`,
        `[10:04] sam: and the cohere one for the search index: ${fake('alnum', 40, 4144)}`,
        `[10:05] sam: plus cohere for the rerank spike: ${fake('alnum', 40, 4145)} (trial tier)`,
      ],
      noMatch: [`[10:02] sam: the Cohere key rotated, see build ${fake('hex', 40, 4142)}`, `Cohere reranker demo notes: trace ${fake('alnum', 40, 4143)}`],
    },
  },
  tokenRule('replicate-api-token', 'Replicate API token (r8_)', 'r8_', ALNUM(37), {
    match: [`REPLICATE_API_TOKEN=r8_${fake('alnum', 37, 415)}`],
    noMatch: ['r8_short'],
  }, { minEntropy: 3.5 }),
  tokenRule('groq-api-key', 'Groq API key (gsk_)', 'gsk_', ALNUM(52), {
    match: [`GROQ_API_KEY=gsk_${fake('alnum', 52, 416)}`],
    noMatch: ['gsk_abc123', `sk_${fake('alnum', 52, 416)}`],
  }, { minEntropy: 3, lead: '(?<![A-Za-z0-9])', tail: '(?![A-Za-z0-9-])' }),
  tokenRule('perplexity-api-key', 'Perplexity API key (pplx-)', 'pplx-', ALNUM(48), {
    match: [`PERPLEXITY_API_KEY=pplx-${fake('alnum', 48, 417)}`],
    noMatch: [`PERPLEXITY_API_KEY=pplx-${'x'.repeat(48)}`],
  }, { minEntropy: 4 }),
  tokenRule('xai-api-key', 'xAI (Grok) API key (xai-)', 'xai-', ALNUM(80), {
    match: [`XAI_API_KEY=xai-${fake('alnum', 80, 418)}`],
    noMatch: ['xai-short'],
  }, { minEntropy: 4 }),
  tokenRule('openrouter-api-key', 'OpenRouter API key (sk-or-v1-)', 'sk-or-v1-', HEX(64), {
    match: [`OPENROUTER_API_KEY=sk-or-v1-${fake('hex', 64, 419)}`],
    noMatch: ['sk-or-v1-short'],
  }, { minEntropy: 3 }),
  contextRule('mistral-api-key', 'Mistral AI API key next to a Mistral name', ['mistral'], ALNUM(32), {
    match: [`MISTRAL_API_KEY=${fake('alnum', 32, 420)}`],
    noMatch: ['MISTRAL_MODEL=mistral-large-latest'],
  }, { minEntropy: 4, confidence: 'high' }),
  contextRule('deepseek-api-key', 'DeepSeek API key (sk- + 32 hex) next to a DeepSeek name', ['deepseek'], 'sk-[a-f0-9]{32}', {
    match: [`DEEPSEEK_API_KEY=sk-${fake('hex', 32, 421)}`],
    noMatch: ['DEEPSEEK_API_KEY=sk-short'],
  }, { confidence: 'high', validate: notPlaceholder }),
  contextRule('together-api-key', 'Together AI API key next to a Together name', ['together'], '(?:tgp_v1_[\\w-]{43}|[a-f0-9]{64})', {
    match: [`TOGETHER_API_KEY=${fake('hex', 64, 422)}`],
    noMatch: ['TOGETHER_API_KEY=short'],
  }, { minEntropy: 3.5, validate: notPlaceholder }),
  tokenRule('together-api-key-v1', 'Together AI API key (tgp_v1_)', 'tgp_v1_', '[\\w-]{43}', {
    match: [`tgp_v1_${fake('b64url', 43, 423)}`],
    noMatch: ['tgp_v1_short'],
  }, { minEntropy: 3.5 }),
  tokenRule('fireworks-api-key', 'Fireworks AI API key (fw_)', 'fw_', ALNUM(24), {
    match: [`FIREWORKS_API_KEY=fw_${fake('alnum', 24, 424)}`],
    noMatch: ['fw_short'],
  }, { minEntropy: 3.5, validate: looksRandom }),
  tokenRule('langsmith-api-key', 'LangSmith personal or service key (lsv2_pt_/lsv2_sk_)', 'lsv2_(?:pt|sk)_', `${HEX(32)}_${HEX(10)}`, {
    match: [`LANGCHAIN_API_KEY=lsv2_pt_${fake('hex', 32, 425)}_${fake('hex', 10, 426)}`],
    noMatch: ['lsv2_pt_short'],
  }, { keywords: ['lsv2_'] }),
  tokenRule('langfuse-secret-key', 'Langfuse secret key (sk-lf-<uuid>)', 'sk-lf-', UUID, {
    match: ['LANGFUSE_SECRET_KEY=sk-lf-4ea38b7b-f563-4709-8bae-87aeaf14f0c1'],
    noMatch: ['LANGFUSE_PUBLIC_KEY=pk-lf-4ea38b7b-f563-4709-8bae-87aeaf14f0c1'],
  }),
  tokenRule('pinecone-api-key', 'Pinecone API key (pcsk_)', 'pcsk_', '[A-Za-z0-9]{4,8}_[A-Za-z0-9]{50,80}', {
    match: [`PINECONE_API_KEY=pcsk_${fake('alnum', 6, 427)}_${fake('alnum', 64, 428)}`],
    noMatch: ['pcsk_short'],
  }, { minEntropy: 4 }),
  contextRule('pinecone-api-key-legacy', 'Pinecone legacy API key (a UUID) next to a Pinecone name', ['pinecone'], UUID, {
    match: ['PINECONE_API_KEY=4ea38b7b-f563-4709-8bae-87aeaf14f0c1'],
    noMatch: ['PINECONE_ENV=us-east-1'],
  }, { validate: notPlaceholder }),
  tokenRule('nvidia-api-key', 'NVIDIA NGC / build.nvidia.com API key (nvapi-)', 'nvapi-', '[\\w-]{64}', {
    match: [`NVIDIA_API_KEY=nvapi-${fake('b64url', 64, 429)}`],
    noMatch: ['nvapi-short'],
  }, { minEntropy: 4 }),
  tokenRule('cerebras-api-key', 'Cerebras API key (csk-)', 'csk-', '[a-z0-9]{48}', {
    match: [`CEREBRAS_API_KEY=csk-${fake('lowernum', 48, 430)}`],
    noMatch: ['csk-short'],
  }, { minEntropy: 3.5 }),
  contextRule('elevenlabs-api-key', 'ElevenLabs API key next to an ElevenLabs name', ['eleven[_.\\-]?labs', 'xi-api-key'], '(?:sk_)?[a-f0-9]{32,48}', {
    match: [`ELEVENLABS_API_KEY=sk_${fake('hex', 48, 431)}`],
    noMatch: ['ELEVENLABS_VOICE=rachel'],
  }, { keywords: ['elevenlabs', 'eleven_labs', 'xi-api-key'], minEntropy: 3, validate: notPlaceholder }),
  contextRule('assemblyai-api-key', 'AssemblyAI API key next to an AssemblyAI name', ['assembly[_.\\-]?ai'], HEX(32), {
    match: [`ASSEMBLYAI_API_KEY=${fake('hex', 32, 432)}`],
    noMatch: ['ASSEMBLYAI_API_KEY=short'],
  }, { keywords: ['assemblyai', 'assembly_ai', 'assembly-ai'], minEntropy: 3, validate: notPlaceholder }),
  contextRule('deepgram-api-key', 'Deepgram API key next to a Deepgram name', ['deepgram'], HEX(40), {
    match: [`DEEPGRAM_API_KEY=${fake('hex', 40, 433)}`],
    noMatch: ['DEEPGRAM_API_KEY=short'],
  }, { minEntropy: 3, validate: notPlaceholder }),
  contextRule('wandb-api-key', 'Weights & Biases API key next to a wandb name', ['wandb'], HEX(40), {
    match: [`WANDB_API_KEY=${fake('hex', 40, 434)}`],
    noMatch: ['WANDB_PROJECT=demo'],
  }, { minEntropy: 3, validate: notPlaceholder }),
  contextRule('privateai-api-token', 'Private AI API key next to a Private AI name', ['private[_\\-]?ai'], '[a-z0-9]{32}', {
    match: [`PRIVATEAI_API_KEY=${fake('lowernum', 32, 435)}`],
    noMatch: ['const privateaiToken = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";'],
  }, { keywords: ['privateai', 'private_ai', 'private-ai'], minEntropy: 3, validate: notPlaceholder }),
  contextRule('stability-api-key', 'Stability AI API key (sk- + 48) next to a Stability name', ['stability'], 'sk-[A-Za-z0-9]{48}', {
    match: [`STABILITY_API_KEY=sk-${fake('alnum', 48, 436)}`],
    noMatch: ['STABILITY_API_KEY=sk-short'],
  }, { confidence: 'high' }),
  contextRule('clarifai-pat', 'Clarifai personal access token next to a Clarifai name', ['clarifai'], HEX(32), {
    match: [`CLARIFAI_PAT=${fake('hex', 32, 437)}`],
    noMatch: ['CLARIFAI_PAT=short'],
  }, { minEntropy: 3, validate: notPlaceholder }),
  contextRule('ai21-api-key', 'AI21 Labs API key next to an AI21 name', ['ai21'], ALNUM(32), {
    match: [`AI21_API_KEY=${fake('alnum', 32, 438)}`],
    noMatch: ['AI21_API_KEY=short'],
  }, { minEntropy: 3.5 }),
  contextRule('voyage-api-key', 'Voyage AI API key (pa-…) next to a Voyage name', ['voyage'], 'pa-[\\w-]{40,48}', {
    match: [`VOYAGE_API_KEY=pa-${fake('b64url', 43, 439)}`],
    noMatch: ['VOYAGE_API_KEY=pa-short'],
  }, { minEntropy: 3.5, validate: (s) => notPlaceholder(s) && mixesClasses(s, 2) }),
  contextRule('google-gemini-api-key', 'Gemini / Generative Language API key next to a Gemini name', ['gemini', 'google[_.\\-]?ai', 'genai'], 'AIza[\\w-]{35}', {
    match: [`GEMINI_API_KEY=AIza${fake('b64url', 35, 440)}`],
    noMatch: ['GEMINI_API_KEY=AIzashort'],
  }, { minEntropy: 4, confidence: 'high' }),
  tokenRule('llamacloud-api-key', 'LlamaCloud / LlamaIndex API key (llx-)', 'llx-', '[\\w-]{48}', {
    match: [`LLAMA_CLOUD_API_KEY=llx-${fake('b64url', 48, 441)}`],
    noMatch: ['llx-short'],
  }, { minEntropy: 4 }),
  tokenRule('tavily-api-key', 'Tavily search API key (tvly-, tvly-dev-)', 'tvly-(?:dev-|prod-)?', ALNUM(32), {
    match: [`TAVILY_API_KEY=tvly-${fake('alnum', 32, 442)}`],
    noMatch: ['tvly-short'],
  }, { keywords: ['tvly-'], minEntropy: 3.5 }),
  // Modal (serverless GPUs) issues a token as a pair: an id (`ak-` + 22) and a secret (`as-` + 22), set as
  // MODAL_TOKEN_ID / MODAL_TOKEN_SECRET, in ~/.modal.toml or by `modal token set --token-id`. Like an AWS access key
  // id, the id half is reported with the pair; the secret half is read next to a Modal name or a token secret's.
  // (A generic reading asks a key without digits to switch case often, and 22 random letters now and then do not.)
  // Both cases of letters are required: a random 22 characters all but always hold both, a slug or a word joined to
  // `ak-` does not.
  tokenRule('modal-token-id', 'Modal token id (ak- + 22 letters and digits), the id half of a Modal token pair', 'ak-', ALNUM(22), {
    match: [`MODAL_TOKEN_ID=ak-${fake('alnum', 22, 461)}`, `token_id = "ak-${fake('alnum', 22, 462)}"`, `modal token set --token-id ak-${fake('alnum', 22, 463)} --token-secret "$MODAL_SECRET"`],
    noMatch: [`peak-${fake('alnum', 22, 464)}`, 'ak-shortvalue', 'ak-abcdefghijklmnopqrstuv', `ak-${fake('alnum', 22, 465)}x`, 'ak-XXXXXXXXXXXXXXXXXXXXXX'],
  }, { minEntropy: 3.5, validate: (s) => notPlaceholder(s) && /[a-z]/.test(s) && /[A-Z]/.test(s) }),
  contextRule('modal-token-secret', 'Modal token secret (as- + 22 letters and digits) next to a Modal name or a token secret\'s', ['modal', 'token_secret', 'token-secret', 'token\\.secret', 'tokensecret'], `as-${ALNUM(22)}`, {
    match: [
      `MODAL_TOKEN_SECRET=as-${fake('alnum', 22, 466)}`,
      `token_secret = "as-${fake('alnum', 22, 467)}"`,
      `modal token set --token-id ak-${fake('alnum', 22, 468)} --token-secret as-${fake('alnum', 22, 469)}`,
      'MODAL_TOKEN_SECRET=as-qWmdRtxLpaZkeHvbNcyuJs',
    ],
    noMatch: [`MODAL_TOKEN_SECRET=as-abcdefghijklmnopqrstuv`, 'MODAL_TOKEN_SECRET=as-XXXXXXXXXXXXXXXXXXXXXX', `modal_app = "as-${fake('alnum', 22, 470)}x"`, 'MODAL_TOKEN_SECRET=$MODAL_SECRET'],
  }, { keywords: ['modal', 'token_secret', 'token-secret', 'token.secret', 'tokensecret'], minEntropy: 3.5, validate: (s) => notPlaceholder(s) && /[a-z]/.test(s) && /[A-Z]/.test(s) }),
];
