import { Readable } from 'node:stream';
import { readExport } from '../../src/modules/audit/audit-export-reader';
import type { ExportEntry, ExportHeader } from '../../src/modules/audit/audit-export-format';
import type { Actor } from './graphql';
import { typed } from './graphql';

export interface AuditEventFields {
  id: string;
  sequence: number;
  type: string;
  actorType: 'PERSON' | 'API_KEY' | 'SYSTEM';
  actorAccountId: string | null;
  actorName: string | null;
  apiKeyId: string | null;
  targetType: string;
  targetId: string | null;
  targetLabel: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: string;
  changes: Record<string, { before?: unknown; after?: unknown }>;
  detailsErased: boolean;
  hash: string;
  previousHash: string;
}

export interface AuditFilterInput {
  actorAccountId?: string | null;
  apiKeyId?: string | null;
  types?: string[] | null;
  since?: string | null;
  until?: string | null;
}

const AUDIT_EVENT =
  'id sequence type actorType actorAccountId actorName apiKeyId targetType targetId targetLabel ipAddress userAgent createdAt changes detailsErased hash previousHash';

export const OrganizationAuditEvents = typed<
  {
    organization: {
      auditEvents: {
        edges: Array<{ cursor: string; node: AuditEventFields }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } | null;
  },
  { id: string; first?: number; after?: string | null; filter?: AuditFilterInput | null }
>(
  `query OrganizationAuditEvents($id: ID!, $first: Int, $after: String, $filter: AuditEventFilter) {
    organization(id: $id) {
      auditEvents(first: $first, after: $after, filter: $filter) {
        edges { cursor node { ${AUDIT_EVENT} } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`,
);

/** Every entry of an organization (up to 100), oldest first, as the owner sees them. */
export async function auditEntries(
  actor: Actor,
  organizationId: string,
  filter: AuditFilterInput | null = null,
): Promise<AuditEventFields[]> {
  const { organization } = await actor.run(OrganizationAuditEvents, {
    id: organizationId,
    first: 100,
    filter,
  });
  return (organization?.auditEvents.edges ?? []).map((edge) => edge.node).reverse();
}

export interface ExportResponse {
  status: number;
  contentType: string | null;
  text: string;
}

/** `GET /audit-export?…` with the actor's credentials (bearer token or cookies). */
export async function fetchAuditExport(
  actor: Actor,
  params: Record<string, string>,
): Promise<ExportResponse> {
  const headers: Record<string, string> = { ...actor.headers };
  if (actor.token) headers.authorization = `Bearer ${actor.token}`;
  if (actor.cookies.size > 0) {
    headers.cookie = [...actor.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  const response = await fetch(
    `${actor.baseUrl}/audit-export?${new URLSearchParams(params).toString()}`,
    { headers },
  );
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    text: await response.text(),
  };
}

/** An export's text read back as the verify script reads a file. */
export async function parseExport(
  text: string,
): Promise<{ header: ExportHeader | null; entries: ExportEntry[] }> {
  const file = await readExport(Readable.from([text]));
  const entries: ExportEntry[] = [];
  for await (const entry of file.entries) entries.push(entry);
  return { header: file.header, entries };
}
