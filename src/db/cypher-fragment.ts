import { Cypher, hole, param, variable, type Piece } from './cypher';

/**
 * A file of cypher/ as a part of a composed statement (src/db/cypher.ts): its `$name` parameters, its
 * template holes `$($name)` and `{{fragments/…}}` inclusions, and the `variables` it declares (a projection
 * fragment's `parent` and `node`) become slots, the rest stays text as it is sent. Read once, from the
 * project's own file, when it is first asked for: the composer then binds names without reading text back.
 *
 * String literals and backquoted names are copied whole, and a declared name after a dot is a property
 * (`x.node`), so neither is ever taken for a slot. A declared variable the text never names fails here,
 * at once, rather than as a statement Neo4j refuses.
 */
export function parseFragment(name: string, text: string, variables: readonly string[] = []): Cypher {
  const pieces: Piece[] = [];
  const found = new Set<string>();
  let plain = '';
  let at = 0;
  const slot = (piece: Piece, length: number): void => {
    pieces.push(plain, piece);
    plain = '';
    at += length;
  };
  while (at < text.length) {
    const token = tokenAt(text, at);
    if (token.kind === 'param') slot(param(token.name), token.length);
    else if (token.kind === 'hole') slot(hole(token.name), token.length);
    else if (token.kind === 'name' && variables.includes(token.name) && text[at - 1] !== '.') {
      found.add(token.name);
      slot(variable(token.name), token.length);
    } else {
      plain += text.slice(at, at + token.length);
      at += token.length;
    }
  }
  const missing = variables.filter((declared) => !found.has(declared));
  if (missing.length > 0) throw new Error(`cypher/${name}.cypher declares ${missing.join(', ')} but never names it`);
  pieces.push(plain);
  return Cypher.of(pieces.filter((piece) => piece !== ''));
}

type Token =
  | { readonly kind: 'param' | 'hole' | 'name'; readonly name: string; readonly length: number }
  | { readonly kind: 'text'; readonly length: number };

/** The token starting at `at`: a slot, a name, a quoted run (string or backquoted name), or one character. */
function tokenAt(text: string, at: number): Token {
  const rest = text.slice(at);
  const template = /^\$\(\$([A-Za-z_]\w*)\)/.exec(rest) ?? /^\{\{(fragments\/[a-z0-9/-]+)\}\}/.exec(rest);
  if (template?.[1] !== undefined) return { kind: 'hole', name: template[1], length: template[0].length };
  const parameter = /^\$([A-Za-z_]\w*)/.exec(rest);
  if (parameter?.[1] !== undefined) return { kind: 'param', name: parameter[1], length: parameter[0].length };
  const name = /^[A-Za-z_]\w*/.exec(rest);
  if (name) return { kind: 'name', name: name[0], length: name[0].length };
  const quote = rest[0];
  if (quote === "'" || quote === '"' || quote === '`') return { kind: 'text', length: quotedLength(rest, quote) };
  return { kind: 'text', length: 1 };
}

/** The length of the quoted run at the start of `text`, its closing quote included (backslash escapes). */
function quotedLength(text: string, quote: string): number {
  for (let at = 1; at < text.length; at += 1) {
    if (text[at] === '\\' && quote !== '`') at += 1;
    else if (text[at] === quote) return at + 1;
  }
  return text.length;
}
