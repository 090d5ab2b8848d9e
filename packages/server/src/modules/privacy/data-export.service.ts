import { createHash } from 'node:crypto';
import { In, LessThan, type DataSource, type EntityManager } from 'typeorm';
import { ZipFile } from 'yazl';
import type { Caller, PersonCaller } from '../../caller/caller';
import { newId } from '../../db/columns';
import type { DomainEvents } from '../../events/domain-events';
import { fail } from '../../graphql/errors';
import type { JobDefinition } from '../../jobs/define-job';
import type { JobQueue } from '../../jobs/job-queue';
import type { Delivery } from '../../messaging/delivery';
import { AccountEntity } from '../account/account.entity';
import type { RecentAuthentication } from '../auth/recent-auth';
import { DataExportEntity, DataExportPartEntity } from './data-export.entity';
import { accountReferences, SECRET_COLUMN } from './personal-tables';

/** Bumped when the layout of the archive changes, so a reader can tell versions apart. */
export const EXPORT_FORMAT_VERSION = 1;
/** Under MySQL's 64 KB BLOB. */
const PART_BYTES = 60 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ManifestFile {
  name: string;
  /** The table the rows come from. */
  table: string;
  rows: number;
  sha256: string;
}

export interface Manifest {
  formatVersion: number;
  createdAt: string;
  accountId: string;
  files: ManifestFile[];
}

/** Builds, lists, serves and forgets a person's exports of their own data. */
export class DataExportService {
  buildJob: JobDefinition<{ exportId: string }> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly events: DomainEvents,
    private readonly recentAuth: RecentAuthentication,
    private readonly delivery: Delivery,
    private readonly linkDays: number,
  ) {}

  /** Sudo mode; one export at a time: another one while one is being built is a CONFLICT. */
  async request(person: PersonCaller): Promise<DataExportEntity> {
    this.recentAuth.require(person.session);
    const accountId = person.account.id;
    return this.dataSource.transaction(async (manager) => {
      // Serializes two requests of one account (MySQL); SQLite transactions already take turns.
      if (manager.connection.options.type !== 'better-sqlite3') {
        await manager.query('SELECT `id` FROM `accounts` WHERE `id` = ? FOR UPDATE', [accountId]);
      }
      if (await manager.exists(DataExportEntity, { where: { accountId, status: 'PENDING' } })) {
        throw fail('DATA_EXPORT_IN_PROGRESS');
      }
      const dataExport = manager.create(DataExportEntity, {
        id: newId(),
        accountId,
        status: 'PENDING',
        sizeBytes: null,
        sha256: null,
        createdAt: new Date(),
        readyAt: null,
        expiresAt: null,
      });
      await manager.insert(DataExportEntity, dataExport);
      await this.jobs.enqueue(manager, this.requireBuildJob(), { exportId: dataExport.id });
      await this.events.emit(manager, {
        type: 'data_export.requested',
        caller: person,
        accountId,
        data: { dataExport },
      });
      return dataExport;
    });
  }

  /** The person's exports, newest first; a READY one past its date reads EXPIRED. */
  async listMine(accountId: string): Promise<DataExportEntity[]> {
    const exports = await this.dataSource.getRepository(DataExportEntity).find({
      where: { accountId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 20,
    });
    return exports.map((dataExport) => withCurrentStatus(dataExport));
  }

  downloadUrl(dataExport: DataExportEntity): string | null {
    return dataExport.status === 'READY'
      ? this.delivery.page(`/exports/${dataExport.id}.zip`)
      : null;
  }

  /** Deletes one of the person's exports early; anyone else's id is NOT_FOUND. */
  async deleteOwn(person: PersonCaller, id: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(DataExportEntity)
      .delete({ id, accountId: person.account.id });
    if ((result.affected ?? 0) === 0) throw fail('DATA_EXPORT_NOT_FOUND');
    return true;
  }

  /**
   * The archive for its signed-in owner, and the download on their timeline. Someone else's
   * export is NOT_FOUND, as one that does not exist.
   */
  async download(person: PersonCaller, id: string): Promise<Buffer> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(DataExportEntity, { id, accountId: person.account.id });
      if (!found) throw fail('DATA_EXPORT_NOT_FOUND');
      const dataExport = withCurrentStatus(found);
      if (dataExport.status === 'EXPIRED') throw fail('DATA_EXPORT_EXPIRED');
      if (dataExport.status !== 'READY') throw fail('DATA_EXPORT_NOT_READY');
      const parts = await manager.find(DataExportPartEntity, {
        where: { exportId: id },
        order: { part: 'ASC' },
      });
      await this.events.emit(manager, {
        type: 'data_export.downloaded',
        caller: person,
        accountId: person.account.id,
        data: { dataExport },
      });
      return Buffer.concat(parts.map((part) => part.data));
    });
  }

  /** The job's work: every row that refers to the account, one JSON file per table, zipped. */
  async build(exportId: string, caller: Caller): Promise<void> {
    const repository = this.dataSource.getRepository(DataExportEntity);
    const dataExport = await repository.findOneBy({ id: exportId });
    if (!dataExport || dataExport.status !== 'PENDING') return;
    const zip = await this.archive(dataExport.accountId);
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(DataExportPartEntity, { exportId });
      for (let offset = 0, part = 0; offset < zip.length; offset += PART_BYTES, part += 1) {
        await manager.insert(DataExportPartEntity, {
          exportId,
          part,
          data: zip.subarray(offset, offset + PART_BYTES),
        });
      }
      const ready = Object.assign(dataExport, {
        status: 'READY' as const,
        sizeBytes: zip.length,
        sha256: createHash('sha256').update(zip).digest('hex'),
        readyAt: now,
        expiresAt: new Date(now.getTime() + this.linkDays * DAY_MS),
      });
      await manager.save(DataExportEntity, ready);
      const account = await manager.findOneByOrFail(AccountEntity, { id: dataExport.accountId });
      await this.events.emit(manager, {
        type: 'data_export.ready',
        caller,
        accountId: account.id,
        data: { account, dataExport: ready, link: this.delivery.page('/settings/privacy') },
      });
    });
  }

  async markFailed(exportId: string): Promise<void> {
    await this.dataSource
      .getRepository(DataExportEntity)
      .update({ id: exportId, status: 'PENDING' }, { status: 'FAILED' });
  }

  /** Drops the archives past their date (the rows stay, EXPIRED); returns how many. */
  async expireStale(now = new Date()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const stale = await manager.find(DataExportEntity, {
        where: { status: 'READY', expiresAt: LessThan(now) },
        select: { id: true },
      });
      if (stale.length === 0) return 0;
      const ids = stale.map((row) => row.id);
      await manager.delete(DataExportPartEntity, { exportId: In(ids) });
      await manager.update(DataExportEntity, { id: In(ids) }, { status: 'EXPIRED' });
      return ids.length;
    });
  }

  /** The ZIP: manifest.json first, then one file per table that refers to the account. */
  async archive(accountId: string): Promise<Buffer> {
    const files = await this.collect(this.dataSource.manager, accountId);
    const zip = new ZipFile();
    const manifest: Manifest = {
      formatVersion: EXPORT_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      accountId,
      files: [],
    };
    const contents: Array<[string, Buffer]> = [];
    for (const file of files) {
      const content = Buffer.from(JSON.stringify(file.rows, null, 2));
      contents.push([file.name, content]);
      manifest.files.push({
        name: file.name,
        table: file.table,
        rows: file.rows.length,
        sha256: createHash('sha256').update(content).digest('hex'),
      });
    }
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json');
    for (const [name, content] of contents) zip.addBuffer(content, name);
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  private async collect(
    manager: EntityManager,
    accountId: string,
  ): Promise<Array<{ name: string; table: string; rows: Array<Record<string, unknown>> }>> {
    const q = (name: string) => manager.connection.driver.escape(name);
    const byTable = new Map<string, string[]>();
    for (const reference of await accountReferences(this.dataSource)) {
      byTable.set(reference.table, [...(byTable.get(reference.table) ?? []), reference.column]);
    }
    const files = [
      {
        name: 'account.json',
        table: 'accounts',
        rows: await this.rowsOf(manager, `SELECT * FROM ${q('accounts')} WHERE ${q('id')} = ?`, [
          accountId,
        ]),
      },
    ];
    for (const [table, columns] of [...byTable].sort(([a], [b]) => a.localeCompare(b))) {
      const where = columns.map((column) => `${q(column)} = ?`).join(' OR ');
      const rows = await this.rowsOf(
        manager,
        `SELECT * FROM ${q(table)} WHERE ${where}`,
        columns.map(() => accountId),
      );
      files.push({ name: `${table}.json`, table, rows });
    }
    return files;
  }

  private async rowsOf(
    manager: EntityManager,
    sql: string,
    parameters: unknown[],
  ): Promise<Array<Record<string, unknown>>> {
    const rows = (await manager.query(sql, parameters)) as Array<Record<string, unknown>>;
    return rows.map((row) =>
      Object.fromEntries(
        Object.entries(row)
          .filter(([column]) => !SECRET_COLUMN.test(column))
          .map(([column, value]) => [
            column,
            Buffer.isBuffer(value) ? value.toString('base64') : value,
          ]),
      ),
    );
  }

  private requireBuildJob(): JobDefinition<{ exportId: string }> {
    if (!this.buildJob) throw new Error('the data export job is not registered');
    return this.buildJob;
  }
}

function withCurrentStatus(dataExport: DataExportEntity, now = new Date()): DataExportEntity {
  if (dataExport.status === 'READY' && dataExport.expiresAt && dataExport.expiresAt <= now) {
    return Object.assign(new DataExportEntity(), dataExport, { status: 'EXPIRED' });
  }
  return dataExport;
}
