import { Column, ColumnOptions, PrimaryColumn } from 'typeorm';
import { uuidv7 } from '../lib/ids';

/** UUIDv7 primary key, assigned in code so both drivers store the same 36-character string. */
export function IdColumn(): PropertyDecorator {
  return PrimaryColumn({ type: 'varchar', length: 36 });
}

export function newId(): string {
  return uuidv7();
}

/** Millisecond date-time; `datetime(3)` on MySQL, text on SQLite. */
export function DateColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'datetime', precision: 3, ...options });
}
