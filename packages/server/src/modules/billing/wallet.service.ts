import type { DataSource, EntityManager } from 'typeorm';
import { anonymous, requireApiKey, type Caller } from '../../caller/caller';
import type { DomainEvents } from '../../events/domain-events';
import { badUserInput, fail, type FieldProblems } from '../../graphql/errors';
import {
  authorize,
  inOrganization,
  lockOrganization,
  type OrganizationAccess,
} from '../organization/access';
import { OrganizationEntity } from '../organization/organization.entity';
import { isCurrency, MAX_AMOUNT, toCents } from './money';
import { WalletEntity } from './wallet.entity';
import './wallet.events';

/** A balance as the billing service reports it. */
export interface BalanceReport {
  balanceCents: number;
  currency: string;
  /** When the billing service computed it; now when it does not say. */
  asOf?: Date;
}

/** What setWalletBalance sends: an amount in currency units. */
export interface SetBalanceRequest {
  amount: number;
  currency: string;
  asOf?: Date | null;
}

const SYSTEM = anonymous({ ip: null, userAgent: null });
/** How far ahead of ours the billing service's clock may run. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Organizations' wallet balances. The billing service reports them (`setWalletBalance`, an API
 * key with BILLING_WRITE); a report older than the one recorded changes nothing, and the same
 * report again says nothing. Whatever reacts to a balance, such as the low-balance alert,
 * listens to `wallet.balance_changed`, said in the same transaction.
 */
export class WalletService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  /** The wallet, or null before the first report (OWNER, ADMIN, keys with BILLING_READ). */
  async walletOf(access: OrganizationAccess): Promise<WalletEntity | null> {
    authorize(access, 'billing.view');
    return this.dataSource.manager.findOneBy(WalletEntity, {
      organizationId: access.organization.id,
    });
  }

  /** `setWalletBalance`: the key's organization's balance, in the key's name. */
  setBalance(anyCaller: Caller, request: SetBalanceRequest): Promise<WalletEntity> {
    const caller = requireApiKey(anyCaller);
    const problems: FieldProblems = {};
    const balanceCents = toCents(request.amount);
    if (balanceCents === null) {
      problems.amount = { reason: 'AMOUNT_INVALID', params: { min: -MAX_AMOUNT, max: MAX_AMOUNT } };
    }
    if (!isCurrency(request.currency)) problems.currency = 'CURRENCY_INVALID';
    if (request.asOf && request.asOf.getTime() > Date.now() + CLOCK_SKEW_MS) {
      problems.asOf = 'BALANCE_AS_OF_IN_FUTURE';
    }
    if (Object.keys(problems).length > 0 || balanceCents === null) throw badUserInput(problems);
    return inOrganization(
      this.dataSource,
      { caller, organizationId: caller.apiKey.organizationId, operation: 'billing.record' },
      (manager) =>
        this.record(manager, caller.apiKey.organizationId, caller, {
          balanceCents,
          currency: request.currency,
          asOf: request.asOf ?? undefined,
        }),
    );
  }

  /** Records a reported balance for an organization (the billing service's, or a test's). */
  recordBalance(
    organizationId: string,
    report: BalanceReport,
    caller: Caller = SYSTEM,
  ): Promise<WalletEntity> {
    if (!Number.isSafeInteger(report.balanceCents)) throw new Error('balance must be whole cents');
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(OrganizationEntity, { id: organizationId }))) {
        throw fail('ORGANIZATION_NOT_FOUND');
      }
      await lockOrganization(manager, organizationId);
      return this.record(manager, organizationId, caller, report);
    });
  }

  /** Under the organization's lock, so reports of one wallet take turns and see each other. */
  private async record(
    manager: EntityManager,
    organizationId: string,
    caller: Caller,
    report: BalanceReport,
  ): Promise<WalletEntity> {
    const now = new Date();
    const asOf = report.asOf ?? now;
    const before = await manager.findOneBy(WalletEntity, { organizationId });
    if (before && asOf.getTime() < before.asOf.getTime()) return before;
    const same =
      before &&
      asOf.getTime() === before.asOf.getTime() &&
      before.balanceCents === report.balanceCents &&
      before.currency === report.currency;
    if (same) return before;
    const wallet: WalletEntity = {
      organizationId,
      balanceCents: report.balanceCents,
      currency: report.currency,
      asOf,
      updatedAt: now,
    };
    await manager.upsert(WalletEntity, wallet, ['organizationId']);
    await this.events.emit(manager, {
      type: 'wallet.balance_changed',
      caller,
      organizationId,
      data: {
        previousCents: before?.balanceCents ?? null,
        balanceCents: report.balanceCents,
        currency: report.currency,
        asOf: asOf.toISOString(),
      },
    });
    return wallet;
  }
}
