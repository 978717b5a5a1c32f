/**
 * A node's code (`5-1-3`): found by search as a substring only, since the full-text index's cjk analyzer would
 * split it into meaningless tokens (searchable-fields.ts). Each kind adds its description.
 */
export const CODE = { type: 'String', search: 'substring' } as const;
