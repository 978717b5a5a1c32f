import type { Locator } from 'playwright-core';

/**
 * The text a Monaco editor shows (GraphiQL 5's result pane), as a person reads it: Monaco draws each space of a
 * line as a no-break space, so `"version": "3"` on screen is `"version":\u00a0"3"` in the DOM. Only the lines in
 * view are in the DOM; a result pane shows a short answer whole.
 */
export async function editorText(editor: Locator): Promise<string> {
  return (await editor.innerText()).replace(/\u00a0/g, ' ');
}
