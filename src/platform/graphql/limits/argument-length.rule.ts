import {
  GraphQLID,
  GraphQLString,
  Kind,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
  type ValidationContext,
  type VariableNode,
} from 'graphql';
import { declaredMaxLength } from '../../../core/argument-length';
import { tooLongString, type TooLongString } from './too-long';

/** Where a variable stands: the argument or input field it gives, and the type expected there. */
export interface VariablePosition {
  readonly variable: string;
  /** Its path below the field's arguments, `filter.department`. */
  readonly argument: string;
  readonly type: GraphQLInputType;
  readonly definition: GraphQLArgument | GraphQLInputField;
}

/**
 * The positions of the variables each operation of a document uses (its fragments' included), by operation
 * name ('' for an anonymous one): recorded while the document is validated, read for every request that runs
 * it, whose variables differ from request to request (argumentLengthPlugin).
 */
const positionsByDocument = new WeakMap<DocumentNode, ReadonlyMap<string, readonly VariablePosition[]>>();

/** The variable positions validation recorded for this document (undefined when it was not validated here). */
export function recordedVariablePositions(
  document: DocumentNode,
): ReadonlyMap<string, readonly VariablePosition[]> | undefined {
  return positionsByDocument.get(document);
}

/**
 * Refuses, while the document is validated (before anything runs, in time linear in the document), every
 * string literal longer than its argument or input field declares (`@MaxChars`), and records where each
 * variable stands so that the request's variables are checked the same way before execution. Each refusal
 * is BAD_USER_INPUT naming the argument and its maximum.
 */
export function argumentLengthRule(context: ValidationContext): ASTVisitor {
  const positions: { readonly definition?: GraphQLArgument | GraphQLInputField; readonly name: string }[] = [];
  const variableAt = new Map<VariableNode, VariablePosition>();
  const here = () => positions.map((p) => p.name).join('.');
  const leave = () => void positions.pop();
  return {
    Argument: {
      enter(node) {
        positions.push({ definition: context.getArgument() ?? undefined, name: node.name.value });
      },
      leave,
    },
    ObjectField: {
      enter(node) {
        const parent = getNamedType(context.getParentInputType());
        const definition = isInputObjectType(parent) ? parent.getFields()[node.name.value] : undefined;
        positions.push({ definition, name: node.name.value });
      },
      leave,
    },
    StringValue(node) {
      const definition = positions.at(-1)?.definition;
      if (definition === undefined || !isText(context.getInputType())) return;
      const max = declaredMaxLength(definition);
      if (max !== null && node.value.length > max) {
        context.reportError(tooLongString({ argument: here(), max, value: node.value }, [node]));
      }
    },
    Variable(node) {
      const definition = positions.at(-1)?.definition;
      const type = context.getInputType();
      if (definition === undefined || type === null || type === undefined) return;
      variableAt.set(node, { variable: node.name.value, argument: here(), type, definition });
    },
    Document: {
      leave(document) {
        const byOperation = new Map<string, VariablePosition[]>();
        for (const definition of document.definitions) {
          if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
          const used = context
            .getRecursiveVariableUsages(definition)
            .flatMap((usage) => variableAt.get(usage.node) ?? []);
          byOperation.set(definition.name?.value ?? '', used);
        }
        positionsByDocument.set(document, byOperation);
      },
    },
  };
}

/** The first string of a variable's value longer than its position declares, or undefined. */
export function tooLongIn(value: unknown, position: VariablePosition): TooLongString | undefined {
  const found = firstTooLong(value, position.type, declaredMaxLength(position.definition), position.argument);
  return found === undefined ? undefined : { ...found, variable: position.variable };
}

function firstTooLong(
  value: unknown,
  type: GraphQLInputType,
  max: number | null,
  argument: string,
): TooLongString | undefined {
  if (value === null || value === undefined) return undefined;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    // A single value where a list is expected is coerced to a list of one (GraphQL's input coercion).
    const items: readonly unknown[] = Array.isArray(value) ? value : [value];
    for (const item of items) {
      const found = firstTooLong(item, nullable.ofType, max, argument);
      if (found) return found;
    }
    return undefined;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== 'object' || Array.isArray(value)) return undefined;
    const fields = value as Readonly<Record<string, unknown>>;
    // The type's fields, not the value's keys: an unknown key is graphql-js's to refuse.
    for (const field of Object.values(nullable.getFields())) {
      const found = firstTooLong(fields[field.name], field.type, declaredMaxLength(field), `${argument}.${field.name}`);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'string' && max !== null && value.length > max) return { argument, max, value };
  return undefined;
}

/** String and ID positions, where a string literal is a value and not an enum's or a number's mistake. */
function isText(type: GraphQLInputType | null | undefined): boolean {
  const named = getNamedType(type);
  return named === GraphQLString || named === GraphQLID;
}
