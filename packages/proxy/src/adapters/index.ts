export type { ProtocolAdapter, StreamRewriter } from './adapter.js';
export { anthropicMessages } from './anthropic-messages.js';
export { openaiChat } from './openai-chat.js';
export { openaiResponses } from './openai-responses.js';
export { passthrough } from './passthrough.js';
