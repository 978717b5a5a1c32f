// Preloaded (`node -r`) into the service under test by bench/data-version.js, to time the other ways of
// keeping the data version in step that were weighed against the poll (DATA_VERSION_VARIANT):
//   lazy         no poll: the version is re-read in the background once 30 s old (the service before polling);
//   per-request  no poll: every GraphQL request reads the version before the response cache is consulted;
//   poll         unchanged (the service as shipped).
// Patches the compiled modules' exports before the service's entry point uses them.
'use strict';
const { join } = require('node:path');

const variant = process.env.DATA_VERSION_VARIANT ?? 'poll';
const DIST = join(__dirname, '..', '..', 'dist', 'src');
if (variant === 'lazy' || variant === 'per-request') {
  const { DataVersion } = require(join(DIST, 'service', 'data-version.js'));
  DataVersion.prototype.startPolling = function noPoll() {};
}
if (variant === 'per-request') {
  const plugin = require(join(DIST, 'graphql', 'response-cache.plugin.js'));
  const responseCache = plugin.responseCache;
  plugin.responseCache = (dataVersion, maxBytes) => {
    const inner = responseCache(dataVersion, maxBytes);
    return {
      ...inner,
      async requestDidStart(context) {
        const hooks = (await inner.requestDidStart?.(context)) ?? {};
        return {
          ...hooks,
          async didResolveOperation(requestContext) {
            // A read that starts after this request arrived (concurrent requests share one), as a version
            // check per request must do to see another instance's write at once.
            await dataVersion.refresh();
            await hooks.didResolveOperation?.(requestContext);
          },
        };
      },
    };
  };
} else if (variant !== 'lazy' && variant !== 'poll') {
  throw new Error(`DATA_VERSION_VARIANT must be lazy, per-request or poll, got '${variant}'`);
}
