import { describe, expect, it } from 'vitest';
import { resolveRoute, upstreamUrl } from './routes.js';

const route = (url: string, headers: Record<string, string> = {}) => {
  const r = resolveRoute(url, headers);
  return { dialect: r.dialect, adapter: r.adapter.name, upstreamPath: r.upstreamPath, label: r.label };
};

describe('resolveRoute', () => {
  it('chooses the provider by prefix and strips it', () => {
    expect(route('/anthropic/v1/messages?beta=true')).toEqual({ dialect: 'anthropic', adapter: 'anthropic-messages', upstreamPath: '/v1/messages?beta=true', label: '/v1/messages' });
    expect(route('/openai/v1/responses')).toMatchObject({ dialect: 'openai', adapter: 'openai-responses', upstreamPath: '/v1/responses' });
    expect(route('/openai/v1/models', { 'anthropic-version': '2023-06-01' })).toMatchObject({ dialect: 'openai', adapter: 'openai-passthrough' });
  });

  it('routes unprefixed paths by protocol, shared ones by Anthropic-only headers', () => {
    expect(route('/v1/messages/count_tokens')).toMatchObject({ dialect: 'anthropic', adapter: 'anthropic-messages' });
    expect(route('/v1/chat/completions')).toMatchObject({ dialect: 'openai', adapter: 'openai-chat' });
    expect(route('/v1/models', { 'x-api-key': 'k' })).toMatchObject({ dialect: 'anthropic', adapter: 'anthropic-passthrough' });
    expect(route('/v1/models')).toMatchObject({ dialect: 'openai' });
  });

  it('adds /v1 for OpenAI clients whose base URL lacks it, and keeps Anthropic paths outside /v1', () => {
    expect(route('/openai/chat/completions')).toMatchObject({ adapter: 'openai-chat', upstreamPath: '/v1/chat/completions' });
    expect(route('/anthropic/api/event_logging/batch')).toMatchObject({ dialect: 'anthropic', upstreamPath: '/api/event_logging/batch' });
  });

  it('never puts the query string (which can hold keys) in the log label', () => {
    expect(route('/v1/models?key=secret-value').label).toBe('/v1/models');
  });
});

describe('upstreamUrl', () => {
  it('joins base and path without doubling /v1, keeping the query', () => {
    expect(upstreamUrl('https://api.openai.com', '/v1/chat/completions').href).toBe('https://api.openai.com/v1/chat/completions');
    expect(upstreamUrl('https://openrouter.ai/api/v1/', '/v1/chat/completions?x=1').href).toBe('https://openrouter.ai/api/v1/chat/completions?x=1');
    expect(upstreamUrl('http://127.0.0.1:9/gateway', '/v1/messages').href).toBe('http://127.0.0.1:9/gateway/v1/messages');
  });
});
