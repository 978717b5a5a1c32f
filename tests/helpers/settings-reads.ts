import ts from 'typescript';

/**
 * The settings a module reads: on every parameter typed `Settings` (the parsed settings, src/core/settings.ts),
 * the names read as `s.NAME` or `s['NAME']` in the function that takes it, and those taken apart as
 * `{ NAME }` or `{ NAME: alias }`. A name read from anything else (the raw `env`) does not count: only what
 * the parsed settings give reaches the configuration.
 */
export function settingsReadIn(source: string, typeName = 'Settings'): Set<string> {
  const file = ts.createSourceFile('module.ts', source, ts.ScriptTarget.ES2022, true);
  const read = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) {
      for (const parameter of node.parameters) {
        if (!isTyped(parameter, typeName)) continue;
        if (ts.isIdentifier(parameter.name)) readsOf(node, parameter.name.text, read);
        else if (ts.isObjectBindingPattern(parameter.name)) bindingNames(parameter.name, read);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return read;
}

function isTyped(parameter: ts.ParameterDeclaration, typeName: string): boolean {
  const type = parameter.type;
  return (
    type !== undefined &&
    ts.isTypeReferenceNode(type) &&
    ts.isIdentifier(type.typeName) &&
    type.typeName.text === typeName
  );
}

/** `name.X` and `name['X']` anywhere in the function's body. */
function readsOf(scope: ts.Node, name: string, read: Set<string>): void {
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name) {
      read.add(node.name.text);
    } else if (
      ts.isElementAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === name &&
      ts.isStringLiteralLike(node.argumentExpression)
    ) {
      read.add(node.argumentExpression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
}

function bindingNames(pattern: ts.ObjectBindingPattern, read: Set<string>): void {
  for (const element of pattern.elements) {
    const key = element.propertyName ?? element.name;
    if (ts.isIdentifier(key) || ts.isStringLiteralLike(key)) read.add(key.text);
  }
}
