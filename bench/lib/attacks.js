'use strict';
/**
 * The hostile requests `npm run bench:load` sends beside the ordinary ones (issue: front door). Each is small
 * and valid GraphQL; what makes it hostile is what naive limits let it cost.
 */

/** `n` fragments, each spreading the previous one twice: linear to send, exponential to walk naively. */
function fragmentChain(n) {
  const fragments = ['fragment F0 on Department { name }'];
  for (let i = 1; i < n; i++) fragments.push(`fragment F${i} on Department { ...F${i - 1} ...F${i - 1} }`);
  return `{ departments { ...F${n - 1} } }\n${fragments.join('\n')}`;
}

/** `n` aliases of the coverage matrix, each an expensive statement of its own. */
function aliasFlood(n) {
  const aliases = Array.from({ length: n }, (_, i) => `a${i}: sdgCoverage { cells { measureCount } }`);
  return `{ ${aliases.join(' ')} }`;
}

/**
 * Plain lists nested five deep (departments ↔ SDGs), twice: inside a cost rule that prices an unbounded list
 * at 10 items, it returns megabytes, because there are 46 departments and each SDG has dozens of them.
 */
const MEGABYTES = `{
  a: departments { sdgs { departments { sdgs { departments { nameEn } } } } }
  b: sdgs { departments { sdgs { departments { sdgs { nameEn } } } } }
}`;

module.exports = { fragmentChain, aliasFlood, MEGABYTES };
