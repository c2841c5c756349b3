/** The `takumo` library: everything a script needs, re-exported from the workspace packages. */
export * from '@takumo/core';
export * from '@takumo/sentinel';
export { createProxy, type Proxy, type ProxyEvent, type ProxyOptions, type ProxyStats, type RequestRecord } from '@takumo/proxy';
