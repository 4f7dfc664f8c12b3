import {
  DeleteQueryNode,
  InsertQueryNode,
  type KyselyPlugin,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  SelectQueryNode,
  type UnknownRow,
  UpdateQueryNode,
  ValueNode,
} from 'kysely';
import { isBooleanColumn, isJsonColumn } from './column-conventions.js';

/** better-sqlite3 binds only numbers, strings, bigints, buffers and null. */
function toSqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value;
}

/**
 * The parameters of a query as better-sqlite3 binds them: booleans as 0/1, Dates as ISO text.
 * Applied where statements run (connection.ts), which costs one pass over the parameters instead
 * of a copy of every query's tree.
 */
export function toSqliteParameters(parameters: readonly unknown[]): readonly unknown[] {
  for (let i = 0; i < parameters.length; i++) {
    const value = parameters[i];
    if (typeof value === 'boolean' || value instanceof Date) return parameters.map(toSqliteValue);
  }
  return parameters;
}

class SqliteValueTransformer extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    const value = toSqliteValue(node.value);
    if (value === node.value) return node;
    // Immediate values are inlined into the SQL text (DDL defaults): keep them inline.
    return node.immediate ? ValueNode.createImmediate(value) : ValueNode.create(value);
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return PrimitiveValueListNode.create(node.values.map(toSqliteValue));
  }
}

const isDml = (node: RootOperationNode) =>
  SelectQueryNode.is(node) ||
  InsertQueryNode.is(node) ||
  UpdateQueryNode.is(node) ||
  DeleteQueryNode.is(node);

/** Column name → how SQLite results decode it; a few hundred distinct names in all. */
const decoders = new Map<string, 'boolean' | 'json' | null>();
function decoderOf(key: string) {
  let decoder = decoders.get(key);
  if (decoder === undefined) {
    decoder = isBooleanColumn(key) ? 'boolean' : isJsonColumn(key) ? 'json' : null;
    decoders.set(key, decoder);
  }
  return decoder;
}

/**
 * Makes SQLite speak like PostgreSQL: booleans and Dates in, booleans and parsed JSON out.
 * Query parameters are converted as they are bound (toSqliteParameters); the tree is rewritten
 * only for DDL, whose defaults are inlined into the SQL text. Inline literals in queries
 * (`eb.lit(false)`) compile to SQLite's TRUE/FALSE keywords.
 */
export class SqliteValuesPlugin implements KyselyPlugin {
  readonly #transformer = new SqliteValueTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return isDml(args.node) ? args.node : this.#transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    for (const row of args.result.rows) {
      for (const key in row) {
        const decoder = decoderOf(key);
        if (decoder === null) continue;
        const value = row[key];
        if (decoder === 'boolean' && typeof value === 'number') row[key] = value !== 0;
        else if (decoder === 'json' && typeof value === 'string') row[key] = JSON.parse(value);
      }
    }
    return args.result;
  }
}
