import type { Locator } from 'playwright-core';

/**
 * The text a Monaco editor shows (GraphiQL 5's result pane) without any white space, to compare JSON answers
 * with `"key":"value"`: Monaco draws each space as a no-break space and wraps a long line (a data version's
 * 64-digit hash) over several view lines, so the DOM's text has breaks that the answer does not. Only the lines
 * in view are in the DOM; a result pane shows a short answer whole.
 */
export async function editorTextWithoutSpaces(editor: Locator): Promise<string> {
  return (await editor.innerText()).replace(/[\s\u00a0]+/g, '');
}
