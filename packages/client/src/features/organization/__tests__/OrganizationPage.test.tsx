import { screen, within } from '@testing-library/react';
import {
  AddDomainDocument,
  OrganizationDomainsDocument,
  OrganizationGeneralDocument,
  UpdateOrganizationDocument,
  VerifyDomainDocument,
  type DomainFieldsFragment,
  type Role,
} from '../../../generated/graphql';
import { anAccount, errorResult, meMock, myOrganizationsMock } from '../../../test/mocks';
import { findToast, openSection } from '../../../test/actions';
import { renderApp } from '../../../test/renderApp';

const ORG_ID = 'org_1';
const acme = {
  __typename: 'Organization' as const,
  id: ORG_ID,
  name: 'Acme',
  industry: 'SOFTWARE',
  website: 'https://acme.example',
};

function aDomain(overrides: Partial<DomainFieldsFragment> = {}): DomainFieldsFragment {
  return {
    __typename: 'Domain',
    id: 'dom_1',
    domain: 'acme.example',
    verifiedAt: null,
    verificationRecord: {
      __typename: 'DnsRecord',
      name: '_atrium.acme.example',
      type: 'TXT',
      value: 'atrium-verification=abc123',
    },
    ...overrides,
  };
}

function renderOrganization(
  myRole: Role,
  domains: DomainFieldsFragment[],
  ...mocks: Parameters<typeof renderApp>[1]
) {
  return renderApp(`/settings/organization/${ORG_ID}`, [
    meMock(anAccount()),
    myOrganizationsMock([{ id: ORG_ID, name: 'Acme', myRole }]),
    {
      request: { query: OrganizationGeneralDocument, variables: { id: ORG_ID } },
      result: {
        data: { organization: { ...acme, myRole }, industries: ['DENTAL', 'SOFTWARE', 'OTHER'] },
      },
    },
    {
      request: { query: OrganizationDomainsDocument, variables: { id: ORG_ID } },
      result: {
        data: { organization: { __typename: 'Organization', id: ORG_ID, myRole, domains } },
      },
    },
    ...mocks,
  ]);
}

function general() {
  return screen.findByRole('region', { name: 'General' });
}

function domainsSection() {
  return screen.findByRole('region', { name: 'Domains' });
}

describe('Organization → General', () => {
  it('shows a member the details read-only, with no way to save', async () => {
    renderOrganization('MEMBER', []);

    const section = await general();
    expect(await within(section).findByText('Acme')).toBeInTheDocument();
    expect(within(section).getByText('Software')).toBeInTheDocument();
    expect(within(section).getByText('https://acme.example')).toBeInTheDocument();
    expect(within(section).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Save changes' })).not.toBeInTheDocument();
    const domains = await domainsSection();
    expect(within(domains).queryByRole('button')).not.toBeInTheDocument();
    expect(within(domains).queryByLabelText('Domain')).not.toBeInTheDocument();
  });

  it('lets an admin save the changed details', async () => {
    const input = { name: 'Acme Dental', industry: 'DENTAL' };
    const { user } = renderOrganization('ADMIN', [], {
      request: { query: UpdateOrganizationDocument, variables: { id: ORG_ID, input } },
      result: { data: { updateOrganization: { ...acme, ...input, myRole: 'ADMIN' } } },
    });

    await openSection(user, 'General');
    const name = await within(await general()).findByLabelText('Organization name');
    expect(screen.getByLabelText('Industry')).toHaveDisplayValue('Software');
    await user.clear(name);
    await user.type(name, 'Acme Dental');
    await user.selectOptions(screen.getByLabelText('Industry'), 'Dental');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await findToast('Organization saved')).toBeInTheDocument();
    expect(within(await general()).getByText(/Acme Dental · Dental/)).toBeInTheDocument();
    // The switcher shows the same organization, so it follows the new name.
    expect(screen.getByRole('combobox', { name: 'Organization' })).toHaveDisplayValue(
      'Acme Dental (Admin)',
    );
  });

  it('shows a website problem next to the website field', async () => {
    const { user } = renderOrganization('OWNER', [], {
      request: {
        query: UpdateOrganizationDocument,
        variables: { id: ORG_ID, input: { website: 'acme' } },
      },
      result: errorResult('Invalid input', {
        code: 'BAD_USER_INPUT',
        fields: { website: 'Enter a web address starting with http:// or https://' },
        reasons: { website: 'WEBSITE_INVALID' },
      }),
    });

    await openSection(user, 'General');
    const website = await within(await general()).findByLabelText('Website');
    await user.clear(website);
    await user.type(website, 'acme{Enter}');

    await screen.findByText('Enter a web address starting with http:// or https://.');
    expect(website).toHaveAttribute('aria-invalid', 'true');
    expect(website).toHaveAccessibleDescription(/Enter a web address starting with http/);
    expect(website).toHaveFocus();
    expect(within(await general()).getByRole('alert')).toHaveTextContent(
      'Please correct the highlighted fields.',
    );
  });
});

describe('Organization → Domains', () => {
  it('adds a domain and shows the TXT record to publish', async () => {
    const added = aDomain();
    const { user } = renderOrganization('ADMIN', [], {
      request: {
        query: AddDomainDocument,
        variables: { organizationId: ORG_ID, domain: 'acme.example' },
      },
      result: { data: { addDomain: added } },
    });

    const section = await domainsSection();
    expect(within(section).getByText('No domains yet.')).toBeInTheDocument();
    await user.type(within(section).getByLabelText('Domain'), 'Acme.example{Enter}');

    const item = await within(section).findByRole('listitem');
    expect(within(item).getByRole('heading', { name: 'acme.example' })).toBeInTheDocument();
    expect(within(item).getByText('Not verified')).toBeInTheDocument();
    expect(within(item).getByText('TXT')).toBeInTheDocument();
    expect(within(item).getByText('_atrium.acme.example')).toBeInTheDocument();
    expect(within(item).getByText('atrium-verification=abc123')).toBeInTheDocument();
    expect(
      within(item).getByRole('button', { name: 'Copy the record value for acme.example' }),
    ).toBeInTheDocument();
    expect(
      within(section).getByText('acme.example was added. Publish its TXT record, then verify it.'),
    ).toBeInTheDocument();
    expect(within(section).getByLabelText('Domain')).toHaveValue('');
  });

  it('puts problems of its one field next to that field, with no summary above the form', async () => {
    const { user } = renderOrganization('OWNER', [], {
      request: {
        query: AddDomainDocument,
        variables: { organizationId: ORG_ID, domain: 'acme' },
      },
      result: errorResult('Invalid input: domain', {
        code: 'BAD_USER_INPUT',
        fields: { domain: 'Enter a domain name' },
        reasons: { domain: 'DOMAIN_INVALID' },
      }),
    });
    const section = within(await domainsSection());
    const add = () => user.click(section.getByRole('button', { name: 'Add domain' }));

    await add();
    expect(await section.findByText('This field is required.')).toBeInTheDocument();
    expect(section.getByLabelText('Domain')).toHaveAttribute('aria-invalid', 'true');
    const alerts = () => section.getAllByRole('alert').map((alert) => alert.textContent);
    expect(alerts()).toEqual(['', '']);

    await user.type(section.getByLabelText('Domain'), 'acme');
    await add();
    expect(await section.findByText('Enter a domain name such as example.com.')).toBeVisible();
    expect(alerts()).toEqual(['', '']);
    expect(section.queryByText('Please correct the highlighted fields.')).not.toBeInTheDocument();
  });

  it('says when the record is not found yet, and when the domain is verified', async () => {
    const domain = aDomain();
    const verifyMock = (verifiedAt: string | null) => ({
      request: { query: VerifyDomainDocument, variables: { id: domain.id } },
      result: { data: { verifyDomain: { ...domain, verifiedAt } } },
    });
    const { user } = renderOrganization(
      'OWNER',
      [domain],
      verifyMock(null),
      verifyMock('2025-03-10T14:05:00.000Z'),
    );

    const section = await domainsSection();
    await user.click(within(section).getByRole('button', { name: 'Verify now: acme.example' }));
    // Not found yet is a wait, shown in the warning tone (never as a success).
    const notYet = await findToast(/The TXT record for acme.example was not found yet/);
    expect(notYet.closest('.toast')).toHaveClass('toast-warning');

    await user.click(within(section).getByRole('button', { name: 'Verify now: acme.example' }));
    expect(await findToast('acme.example is verified.')).toBeInTheDocument();
    const item = within(section).getByRole('listitem');
    expect(within(item).getByText('Verified')).toBeInTheDocument();
    expect(within(item).queryByText('_atrium.acme.example')).not.toBeInTheDocument();
    expect(within(item).queryByRole('button', { name: /Verify/ })).not.toBeInTheDocument();
  });
});
