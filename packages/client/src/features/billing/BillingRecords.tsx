import { useState } from 'react';
import { FileText, Wallet } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { SectionCard } from '../../components/SectionCard';
import { Skeleton } from '../../components/Skeleton';
import { StatusBadge, type StatusTone } from '../../components/StatusBadge';
import {
  OrganizationBillingDocument,
  useOrganizationBillingQuery,
  type InvoiceFieldsFragment,
  type InvoiceStatus,
} from '../../generated/graphql';
import { refreshPageSize, useKeepFresh } from '../../lib/useKeepFresh';
import { lastMomentBefore } from './metrics';
import { useMoneyFormat } from './useNumberFormat';

export const INVOICES_PAGE_SIZE = 12;

const STATUS_TONES: Record<InvoiceStatus, StatusTone> = {
  DRAFT: 'neutral',
  OPEN: 'warning',
  PAID: 'success',
  VOID: 'neutral',
  UNCOLLECTIBLE: 'danger',
};

interface BillingRecordsProps {
  organizationId: string;
  formatDay: (iso: string) => string;
  formatDateTime: (iso: string) => string;
}

/**
 * The wallet balance and the invoices, as the billing service reported them (OWNER and ADMIN):
 * read-only here; each invoice links to its PDF where the billing service gave one.
 */
export function BillingRecords({ organizationId, formatDay, formatDateTime }: BillingRecordsProps) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState(false);
  const { data, error, refetch, fetchMore } = useOrganizationBillingQuery({
    variables: { id: organizationId, first: INVOICES_PAGE_SIZE },
  });
  const organization = data?.organization;
  const shown = organization?.invoices.edges.length ?? 0;
  // The billing service reports balances and invoices at any time: ask again now and then.
  useKeepFresh(
    OrganizationBillingDocument,
    () => ({ id: organizationId, first: refreshPageSize(shown, INVOICES_PAGE_SIZE) }),
    { afterMutations: [] },
  );

  if (!organization) {
    return error ? (
      <SectionCard titleId="wallet-title" title={t('billing.wallet.title')}>
        <p>{t('billing.loadFailed')}</p>
        <button type="button" onClick={() => void refetch().catch(() => null)}>
          {t('app.retry')}
        </button>
      </SectionCard>
    ) : (
      <Skeleton lines={4} />
    );
  }

  async function showMore(after: string | null) {
    setLoadingMore(true);
    setMoreFailed(false);
    try {
      await fetchMore({ variables: { after } });
    } catch {
      setMoreFailed(true);
    } finally {
      setLoadingMore(false);
    }
  }

  const wallet = organization.walletBalance;
  const invoices = organization.invoices;
  return (
    <>
      <SectionCard
        titleId="wallet-title"
        title={t('billing.wallet.title')}
        description={t('billing.wallet.intro')}
        summary={
          wallet && (
            <p className={wallet.amount < 0 ? 'wallet-balance wallet-negative' : 'wallet-balance'}>
              {money(wallet.amount, wallet.currency)}
            </p>
          )
        }
      >
        {wallet ? (
          <p className="field-hint">
            {t('billing.wallet.asOf', { time: formatDateTime(wallet.asOf) })}
          </p>
        ) : (
          <EmptyState icon={Wallet} title={t('billing.wallet.none')} />
        )}
      </SectionCard>
      <SectionCard
        titleId="invoices-title"
        title={t('billing.invoices.title')}
        description={t('billing.invoices.intro')}
      >
        {invoices.edges.length === 0 ? (
          <EmptyState icon={FileText} title={t('billing.invoices.none')} />
        ) : (
          <ResponsiveTable
            labelledBy="invoices-title"
            cardsBelow={680}
            columns={[
              { key: 'number', label: t('billing.invoices.columns.number') },
              { key: 'period', label: t('billing.invoices.columns.period') },
              { key: 'amount', label: t('billing.invoices.columns.amount') },
              { key: 'status', label: t('billing.invoices.columns.status') },
              { key: 'actions', label: t('billing.invoices.columns.actions'), actions: true },
            ]}
          >
            {invoices.edges.map(({ node }) => (
              <InvoiceRow
                key={node.id}
                invoice={node}
                period={t('billing.invoices.period', {
                  start: formatDay(node.periodStart),
                  end: formatDay(lastMomentBefore(node.periodEnd)),
                })}
                amount={money(node.amount, node.currency)}
              />
            ))}
          </ResponsiveTable>
        )}
        {invoices.pageInfo.hasNextPage && (
          <button
            type="button"
            disabled={loadingMore}
            onClick={() => void showMore(invoices.pageInfo.endCursor)}
          >
            {loadingMore ? t('app.loading') : t('billing.invoices.showMore')}
          </button>
        )}
        {moreFailed && <p role="alert">{t('billing.invoices.loadMoreFailed')}</p>}
      </SectionCard>
    </>
  );
}

interface InvoiceRowProps {
  invoice: InvoiceFieldsFragment;
  period: string;
  amount: string;
}

function InvoiceRow({ invoice, period, amount }: InvoiceRowProps) {
  const { t } = useTranslation();
  return (
    <TableRow>
      <TableCell column="number" primary>
        {invoice.number}
      </TableCell>
      <TableCell column="period">{period}</TableCell>
      <TableCell column="amount">{amount}</TableCell>
      <TableCell column="status">
        <StatusBadge tone={STATUS_TONES[invoice.status]}>
          {t(`billing.invoices.statuses.${invoice.status}`)}
        </StatusBadge>
      </TableCell>
      <TableCell column="actions">
        {invoice.pdfUrl ? (
          <a
            className="button"
            href={invoice.pdfUrl}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={t('billing.invoices.downloadInvoice', { number: invoice.number })}
          >
            {t('billing.invoices.download')}
          </a>
        ) : (
          <span className="cell-note">{t('billing.invoices.noPdf')}</span>
        )}
      </TableCell>
    </TableRow>
  );
}
