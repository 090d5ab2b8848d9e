import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

/** Column types both drivers hand over as they are (no conversion, no transformer here). */
const AS_READ = new Set<unknown>(['varchar', 'char', 'text', 'int']);

interface ColumnPlan {
  /** The column's name in the result set. */
  key: string;
  property: string;
  /** Set when the driver converts the value (dates, booleans …); null when it is kept as read. */
  column: ColumnMetadata | null;
}

/**
 * The select list and row hydration of one entity under one alias, computed once: all its
 * columns, or only `properties`. For the per-request session lookup, TypeORM's query builder
 * costs about five times the CPU of the query itself; this keeps TypeORM's column metadata and
 * per-driver value conversion, calling the driver only for the columns it converts.
 */
export class PrecompiledSelect<T extends ObjectLiteral> {
  readonly columns: string;
  private readonly metadata: EntityMetadata;
  private readonly plan: ColumnPlan[];

  constructor(
    private readonly dataSource: DataSource,
    entity: EntityTarget<T>,
    private readonly alias: string,
    properties?: ReadonlyArray<keyof T & string>,
  ) {
    this.metadata = dataSource.getMetadata(entity);
    const selected = properties
      ? this.metadata.columns.filter((column) => properties.includes(column.propertyName))
      : this.metadata.columns;
    const escape = (name: string) => dataSource.driver.escape(name);
    this.columns = selected
      .map(
        (column) =>
          `${escape(alias)}.${escape(column.databaseName)} AS ${escape(this.keyOf(column.databaseName))}`,
      )
      .join(', ');
    this.plan = selected.map((column) => ({
      key: this.keyOf(column.databaseName),
      property: column.propertyName,
      column: AS_READ.has(column.type) && !column.transformer ? null : column,
    }));
  }

  get table(): string {
    return `${this.dataSource.driver.escape(this.metadata.tableName)} ${this.dataSource.driver.escape(this.alias)}`;
  }

  hydrate(row: Record<string, unknown>): T {
    const entity = this.metadata.create() as Record<string, unknown>;
    const driver = this.dataSource.driver;
    for (const { key, property, column } of this.plan) {
      entity[property] = column ? driver.prepareHydratedValue(row[key], column) : row[key];
    }
    return entity as T;
  }

  /** The result-set name of a column of this entity. */
  keyOf(columnName: string): string {
    return `${this.alias}_${columnName}`;
  }
}
