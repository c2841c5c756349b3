import { afterAll, afterEach, beforeAll } from 'vitest';
import { createProxy, type Proxy, type ProxyOptions } from '../index.js';
import { CANARY_KNOWN_SECRETS } from './canaries.js';
import { type FakeOptions, type FakeProvider, startFakeProvider } from './fake-provider.js';

export interface ProxiesInFrontOfFakeProvider {
  /** The test file's fake provider. It starts in `beforeAll`, so read it inside tests and hooks. */
  readonly fake: FakeProvider;
  /**
   * Starts a proxy on an ephemeral loopback port whose upstreams are the fake provider and which
   * knows the canary secrets; `options` override the file's defaults. Resolves to its base URL.
   */
  startProxy(options?: ProxyOptions): Promise<string>;
}

/**
 * Registers the hooks a proxy test file needs around one fake provider: the provider lives for
 * the whole file and goes back to its default answers after each test, and every proxy a test
 * starts is closed after that test, so no server outlives the test that needed it.
 */
export function useProxiesInFrontOfFakeProvider(
  fakeOptions: FakeOptions,
  proxyDefaults: ProxyOptions = {},
): ProxiesInFrontOfFakeProvider {
  let fake: FakeProvider | undefined;
  const proxies: Proxy[] = [];
  const started = (): FakeProvider => {
    if (!fake) throw new Error('the fake provider starts in beforeAll: use it inside tests and hooks');
    return fake;
  };

  beforeAll(async () => {
    fake = await startFakeProvider(fakeOptions);
  });
  afterEach(async () => {
    started().handle(undefined);
    await Promise.all(proxies.splice(0).map((p) => p.close()));
  });
  afterAll(async () => {
    await started().close();
  });

  return {
    get fake() {
      return started();
    },
    async startProxy(options: ProxyOptions = {}): Promise<string> {
      const upstream = started().url;
      const proxy = createProxy({
        anthropicUpstream: upstream,
        openaiUpstream: upstream,
        knownSecrets: CANARY_KNOWN_SECRETS,
        ...proxyDefaults,
        ...options,
      });
      proxies.push(proxy);
      return (await proxy.listen(0, '127.0.0.1')).url;
    },
  };
}
