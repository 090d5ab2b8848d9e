import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BlockList } from 'node:net';
import type { GraphQLError } from 'graphql';
import { authenticate } from '../../caller/authenticate';
import type { Services } from '../../core/module';
import { AppError, badUserInput, fail, type FieldProblems } from '../../graphql/errors';
import { isWellFormedId } from '../../graphql/input-layer';
import { clientAddress } from '../../http/client-address';
import { cleanText } from '../../lib/text';
import type { OrganizationAccess } from '../organization/access';
import type { AuditEventEntity } from './audit-event.entity';
import { csvRows, exportHeader, type ExportEntry } from './audit-export-format';
import { checkFilter } from './audit-log.service';
import {
  isAuditEventType,
  type AuditEventType,
  type AuditFilter,
  type Changes,
} from './audit-types';

export const AUDIT_EXPORT_PATH = '/audit-export';

const PARAMETERS = [
  'organizationId',
  'format',
  'actorAccountId',
  'apiKeyId',
  'types',
  'since',
  'until',
] as const;
type Parameter = (typeof PARAMETERS)[number];

const FORMATS = {
  jsonl: { contentType: 'application/x-ndjson; charset=utf-8', extension: 'jsonl' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
} as const;
type Format = keyof typeof FORMATS;

interface ExportRequest {
  organizationId: string;
  format: Format;
  filter: AuditFilter;
}

const STATUS_BY_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
};

/**
 * `GET /audit-export?organizationId=…&format=csv|jsonl&actorAccountId=…&apiKeyId=…&types=A,B
 * &since=…&until=…`: the organization's audit log with the filter of the screen, oldest first,
 * written as it is read from the database a batch at a time. For the OWNER and ADMINs (session
 * cookie or bearer session token) and keys with AUDIT_READ. A GET that changes nothing, so a
 * cross-site link can at most download a file to the browser that followed it.
 */
export async function handleAuditExportRoute(
  services: Services,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  search: string,
  trustedProxies: BlockList,
): Promise<boolean> {
  if (pathname !== AUDIT_EXPORT_PATH) return false;
  if (request.method !== 'GET') {
    writeError(response, 405, fail('HTTP_METHOD_NOT_ALLOWED', { params: { method: 'GET' } }));
    return true;
  }
  try {
    const exportRequest = parseRequest(search);
    const { caller } = await authenticate(
      services,
      {
        authorization: request.headers.authorization ?? null,
        cookieHeader: request.headers.cookie ?? null,
      },
      {
        ip: clientAddress(request, trustedProxies),
        userAgent: request.headers['user-agent'] ?? null,
      },
    );
    if (caller.kind === 'ANONYMOUS') throw fail('SIGN_IN_REQUIRED');
    const access = await services.auditLog.access(caller, exportRequest.organizationId);
    await writeExport(services, response, access, exportRequest);
  } catch (error) {
    if (!(error instanceof AppError) || response.headersSent) throw error;
    writeError(response, STATUS_BY_CODE[error.extensions.code as string] ?? 400, error);
  }
  return true;
}

async function writeExport(
  services: Services,
  response: ServerResponse,
  access: OrganizationAccess,
  { organizationId, format, filter }: ExportRequest,
): Promise<void> {
  const log = services.auditLog;
  const ends = await log.chainEnds(access);
  const header = exportHeader(organizationId, filter, ends);
  const day = header.exportedAt.slice(0, 10);
  response.writeHead(200, {
    'content-type': FORMATS[format].contentType,
    'content-disposition': `attachment; filename="audit-log-${organizationId}-${day}.${FORMATS[format].extension}"`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
    'cross-origin-resource-policy': 'same-origin',
  });
  let first = true;
  if (format === 'jsonl') await send(response, `${JSON.stringify(header)}\n`);
  for await (const batch of log.entries(access, filter, ends.head.sequence)) {
    if (response.destroyed) return;
    const names = log.actorNamesOf(batch);
    const entries = await Promise.all(
      batch.map(async (event) => toExportEntry(event, await names(event))),
    );
    const text =
      format === 'jsonl'
        ? entries.map((entry) => `${JSON.stringify(entry)}\n`).join('')
        : csvRows(entries, first);
    first = false;
    await send(response, text);
  }
  if (format === 'csv' && first) await send(response, csvRows([], true));
  response.end();
}

/** Writes a chunk, waiting while the client's buffer is full (or until it goes away). */
function send(response: ServerResponse, text: string): Promise<void> {
  if (response.write(text)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

/** The parameters, each checked as the GraphQL input layer checks text; BAD_USER_INPUT otherwise. */
function parseRequest(search: string): ExportRequest {
  const params = new URLSearchParams(search);
  const problems: FieldProblems = {};
  const values = new Map<Parameter, string>();
  for (const name of new Set(params.keys())) {
    if (!(PARAMETERS as readonly string[]).includes(name)) {
      const shown = cleanText(name).ok ? name.slice(0, 40) : 'parameter';
      problems[shown] = { reason: 'AUDIT_EXPORT_PARAMETER_UNKNOWN', params: { name: shown } };
      continue;
    }
    const all = params.getAll(name);
    if (all.length > 1) {
      problems[name] = { reason: 'AUDIT_EXPORT_PARAMETER_REPEATED', params: { name } };
      continue;
    }
    const cleaned = cleanText(all[0]);
    if (!cleaned.ok) problems[name] = cleaned.problem;
    else values.set(name as Parameter, cleaned.text);
  }
  if (Object.keys(problems).length > 0) throw badUserInput(problems);

  const id = (name: 'organizationId' | 'actorAccountId' | 'apiKeyId'): string | null => {
    const value = values.get(name) || null;
    if (value !== null && !isWellFormedId(value)) problems[name] = 'INVALID_ID';
    return value;
  };
  const date = (name: 'since' | 'until'): Date | null => {
    const value = values.get(name) || null;
    if (value === null) return null;
    const parsed = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value)
      ? new Date(value)
      : null;
    if (!parsed || Number.isNaN(parsed.getTime())) {
      problems[name] = 'AUDIT_DATE_INVALID';
      return null;
    }
    return parsed;
  };
  const organizationId = id('organizationId');
  if (organizationId === null) problems.organizationId = 'INVALID_ID';
  const format = values.get('format') ?? 'jsonl';
  if (!Object.hasOwn(FORMATS, format)) problems.format = 'AUDIT_EXPORT_FORMAT_INVALID';
  const types: AuditEventType[] = [];
  for (const type of (values.get('types') ?? '').split(',').filter(Boolean)) {
    if (isAuditEventType(type)) types.push(type);
    else {
      problems.types = { reason: 'AUDIT_EVENT_TYPE_UNKNOWN', params: { type: type.slice(0, 40) } };
    }
  }
  const filter: AuditFilter = {
    actorAccountId: id('actorAccountId'),
    apiKeyId: id('apiKeyId'),
    types: types.length > 0 ? types : null,
    since: date('since'),
    until: date('until'),
  };
  if (Object.keys(problems).length > 0) throw badUserInput(problems);
  checkFilter(filter);
  return { organizationId: organizationId as string, format: format as Format, filter };
}

function writeError(response: ServerResponse, status: number, error: GraphQLError): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(
    JSON.stringify({ errors: [{ message: error.message, extensions: error.extensions }] }),
  );
}

export function toExportEntry(event: AuditEventEntity, actorName: string | null): ExportEntry {
  const details = event.details ?? null;
  return {
    organizationId: event.organizationId,
    sequence: event.sequence,
    id: event.id,
    createdAt: event.createdAt.toISOString(),
    type: event.type,
    actorType: event.actorType,
    actorAccountId: details?.actorAccountId ?? null,
    actorName,
    apiKeyId: event.apiKeyId,
    ipAddress: details?.ipAddress ?? null,
    userAgent: details?.userAgent ?? null,
    targetType: event.targetType,
    targetId: event.targetId,
    targetLabel: event.targetLabel,
    changes: JSON.parse(event.changes) as Changes,
    personalLabel: details?.personalLabel ?? null,
    personalChanges: details ? (JSON.parse(details.personalChanges) as Changes) : null,
    detailsErased: details === null,
    salt: details?.salt ?? null,
    detailsDigest: event.detailsDigest,
    previousHash: event.previousHash,
    hash: event.entryHash,
  };
}
