import { Injectable } from '@nestjs/common';
import { Db } from '@eiso/database';
import { NOT_OBJECT_KEY_COLUMNS, OBJECT_KEY_COLUMNS, QualifiedColumn } from './object-key-columns';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Which object keys the database still names; the columns come from OBJECT_KEY_COLUMNS. */
@Injectable()
export class ObjectReferenceRepository {
  private readonly unreferencedSql = unreferencedSql(OBJECT_KEY_COLUMNS);

  /** The keys among `keys` that no row names. */
  async unreferenced(db: Db, keys: string[]): Promise<string[]> {
    if (!keys.length) return [];
    const rows = await db.query<{ object_key: string }[]>(this.unreferencedSql, [keys]);
    return rows.map((r) => r.object_key);
  }

  /**
   * Text columns of tables named `*key` that neither OBJECT_KEY_COLUMNS nor NOT_OBJECT_KEY_COLUMNS
   * lists. Views hold no rows of their own: what they show is named by their tables' columns.
   */
  async unclassifiedKeyColumns(db: Db): Promise<string[]> {
    const rows = await db.query<{ name: string }[]>(
      `SELECT c.table_name || '.' || c.column_name AS name
         FROM information_schema.columns c
         JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = current_schema()
          AND t.table_type = 'BASE TABLE'
          AND c.column_name LIKE '%key'
          AND c.udt_name IN ('text', 'varchar', 'bpchar')
        ORDER BY 1`,
    );
    const classified = new Set<string>([...OBJECT_KEY_COLUMNS, ...NOT_OBJECT_KEY_COLUMNS]);
    return rows.map((r) => r.name).filter((name) => !classified.has(name));
  }
}

/** One anti-join per column: each table is scanned (or its index probed) once per batch of keys. */
function unreferencedSql(columns: readonly QualifiedColumn[]): string {
  const conditions = columns.map((qualified) => {
    const [table, column, ...rest] = qualified.split('.');
    if (rest.length || !IDENTIFIER.test(table) || !IDENTIFIER.test(column)) {
      throw new Error(`Invalid object key column: ${qualified}`);
    }
    return `NOT EXISTS (SELECT 1 FROM ${table} ref WHERE ref.${column} = k.object_key)`;
  });
  return `SELECT k.object_key FROM unnest($1::text[]) AS k(object_key) WHERE ${conditions.join(' AND ')}`;
}
