/**
 * A node's number within its parent (a policy item's within its field, a measure's within its policy item, a
 * reform sheet's within its area): an integer from 1, the second part of the code, exported as 番号. Each
 * kind's declaration adds its own unit, description, optionality and uses.
 */
export const POSITION = { type: 'Int', min: 1, export: { ja: '番号', en: 'Number' } } as const;
