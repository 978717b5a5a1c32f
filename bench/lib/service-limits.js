'use strict';
const { join } = require('node:path');
// graphql-js from the project, not bench/'s own copy: the rules run with the service's own (compiled) build.
const { parse, specifiedRules, validate } = require(
  require.resolve('graphql', { paths: [join(__dirname, '..', '..')] }),
);

/**
 * Whether the service, run with its default settings, lets an operation through validation: graphql-js's rules
 * and the service's own limits (tokens, depth, aliases, root fields, cost), run here on the compiled build.
 * List sizes are the unmeasured ones (larger than any list of the seed graph), so what passes here passes the
 * service's measured cost rule too.
 */
function serviceAccepts(root, schema) {
  const dist = (path) => require(join(root, 'dist', 'src', ...path.split('/')));
  const { queryLimitRules, queryParseOptions } = dist('platform/graphql/query-limits.js');
  const { GraphStatistics } = dist('platform/graphql/limits/graph-statistics.js');
  const { loadConfig } = dist('core/config.js');
  const limits = loadConfig({}).queryLimits;
  const rules = [...specifiedRules, ...queryLimitRules(limits, new GraphStatistics())];
  return (text) => {
    try {
      return validate(schema, parse(text, queryParseOptions(limits)), rules).length === 0;
    } catch {
      return false;
    }
  };
}

module.exports = { serviceAccepts };
