import { createReadStream } from 'node:fs';
import type { Page } from 'playwright-core';
import { readExport } from '../../server/src/modules/audit/audit-export-reader';
import { verifyExport } from '../../server/src/modules/audit/audit-verify';
import { aPerson, collectPageErrors, uniqueEmail, withServerAndBrowser } from './browser';
import { blockingAxeViolations, documentWidth, screenshotPage, settled } from './pageChecks';

const PASSWORD = 'Violet-Harbor-Lamp-42!';

const running = withServerAndBrowser();

/** A GraphQL call from the signed-in page, as the SPA makes them (the session cookie). */
async function graphql(page: Page, query: string, variables: Record<string, unknown> = {}) {
  const answer = await page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    },
    { query, variables },
  );
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data as Record<string, unknown>;
}

/**
 * An owner makes a few changes, opens Organization → Audit log, filters it to one type, opens
 * an entry to see its fields before and after, and downloads the export of that filter, which
 * the verify-audit-export check accepts.
 */
it('filters the audit log, shows a change before and after, and exports it', async () => {
  const { server, browser } = running();
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const owner = aPerson(page, uniqueEmail(), PASSWORD);
  await owner.signUp('Grace Hopper');
  await owner.heading('Profile');

  const { myOrganizations } = (await graphql(page, '{ myOrganizations { id } }')) as {
    myOrganizations: { id: string }[];
  };
  const organizationId = myOrganizations[0].id;
  await graphql(
    page,
    'mutation ($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id } }',
    {
      id: organizationId,
      input: { name: 'Compilers Inc', website: 'https://compilers.example' },
    },
  );
  const { addDomain } = (await graphql(
    page,
    'mutation ($organizationId: ID!, $domain: String!) { addDomain(organizationId: $organizationId, domain: $domain) { id } }',
    { organizationId, domain: 'compilers.example' },
  )) as { addDomain: { id: string } };
  await graphql(page, 'mutation ($id: ID!) { removeDomain(id: $id) }', { id: addDomain.id });
  await graphql(
    page,
    'mutation ($input: InviteTeamMemberInput!) { inviteTeamMember(input: $input) { id } }',
    { input: { organizationId, email: uniqueEmail(), role: 'MEMBER' } },
  );

  await page
    .getByRole('navigation', { name: 'Settings' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Audit log of Compilers Inc' }).waitFor();
  const entries = page.getByRole('list', { name: 'Entries' });
  await entries.getByText('Member invited').waitFor();
  expect(await entries.getByRole('listitem').count()).toBe(4);

  const filters = page.getByRole('form', { name: 'Filters' });
  await filters.getByLabel('Type').selectOption({ label: 'Organization settings changed' });
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await entries.getByText('Member invited').waitFor({ state: 'detached' });
  expect(await entries.getByRole('listitem').count()).toBe(1);
  const entry = entries.getByRole('listitem');
  await entry.getByText('Grace Hopper', { exact: false }).first().waitFor();
  await entry
    .getByRole('button', { name: 'Details of entry 1: Organization settings changed' })
    .click();
  const changes = entry.getByRole('table', { name: 'Changes of entry 1' });
  const name = changes.getByRole('row', { name: /^Name/ });
  expect(await name.getByRole('cell').allInnerTexts()).toEqual(['Grace Hopper', 'Compilers Inc']);
  const website = changes.getByRole('row', { name: /^Website/ });
  expect(await website.getByRole('cell').allInnerTexts()).toEqual([
    '(none)',
    'https://compilers.example',
  ]);

  await settled(page);
  await screenshotPage(page, 'audit-log-details', '1280-light');
  expect(await blockingAxeViolations(page)).toEqual([]);

  // The export of the same filter, as JSON lines: a file the offline check accepts.
  const exportCard = page.getByRole('region', { name: 'Export' });
  await exportCard
    .getByLabel('Format')
    .selectOption({ label: 'JSON lines (tools, and checking the chain)' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exportCard.getByRole('link', { name: 'Download export' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^audit-log-.+\.jsonl$/);
  const file = await readExport(createReadStream(await download.path()));
  const exported = [];
  for await (const line of file.entries) exported.push(line);
  expect(file.header?.filter.types).toEqual(['ORGANIZATION_UPDATED']);
  expect(exported.map((line) => [line.sequence, line.type])).toEqual([[1, 'ORGANIZATION_UPDATED']]);
  const verification = await verifyExport(file.header, exported);
  expect(verification).toMatchObject({ ok: true, entries: 1, gaps: [{ from: 2, to: 4 }] });

  // On a phone, the opened entry and its table fit the width.
  await page.setViewportSize({ width: 375, height: 800 });
  await settled(page);
  const width = await documentWidth(page);
  expect(width.scrollWidth).toBeLessThanOrEqual(width.clientWidth);
  expect(errors).toEqual([]);
  await context.close();
});
