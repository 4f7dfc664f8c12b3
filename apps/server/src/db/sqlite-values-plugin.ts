import {
  type KyselyPlugin,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  ValueNode,
} from 'kysely';
import { isBooleanColumn, isJsonColumn } from './column-conventions.js';

/** better-sqlite3 binds only numbers, strings, bigints, buffers and null. */
function toSqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value;
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

/** Makes SQLite speak like PostgreSQL: booleans and Dates in, booleans and parsed JSON out. */
export class SqliteValuesPlugin implements KyselyPlugin {
  readonly #transformer = new SqliteValueTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    for (const row of args.result.rows) {
      for (const key of Object.keys(row)) {
        const value = row[key];
        if (typeof value === 'number' && isBooleanColumn(key)) row[key] = value !== 0;
        else if (typeof value === 'string' && isJsonColumn(key)) row[key] = JSON.parse(value);
      }
    }
    return args.result;
  }
}
