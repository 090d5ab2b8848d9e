import type { DataSource } from 'typeorm';
import { anonymous, type Caller } from '../../caller/caller';
import type { DomainEvents } from '../../events/domain-events';
import { fail } from '../../graphql/errors';
import { lockOrganization } from '../organization/access';
import { OrganizationEntity } from '../organization/organization.entity';
import { WalletEntity } from './wallet.entity';
import './wallet.events';

/**
 * Organizations' wallet balances. The billing service reports them (its API-key-only mutation
 * calls `recordBalance`); whatever reacts to a balance, such as the low-balance alert, listens
 * to `wallet.balance_changed`, said in the same transaction.
 */
export class WalletService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  /** The balance in cents, or null before the first report. */
  async balanceOf(organizationId: string): Promise<number | null> {
    const wallet = await this.dataSource.manager.findOneBy(WalletEntity, { organizationId });
    return wallet?.balanceCents ?? null;
  }

  /** Records a reported balance (cents) and says so in the same transaction. */
  async recordBalance(
    organizationId: string,
    balanceCents: number,
    caller: Caller = anonymous({ ip: null, userAgent: null }),
  ): Promise<void> {
    if (!Number.isSafeInteger(balanceCents)) throw new Error('balance must be whole cents');
    await this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(OrganizationEntity, { id: organizationId }))) {
        throw fail('ORGANIZATION_NOT_FOUND');
      }
      // Reports of one wallet take turns, so each sees the balance the one before left.
      await lockOrganization(manager, organizationId);
      const before = await manager.findOneBy(WalletEntity, { organizationId });
      await manager.upsert(WalletEntity, { organizationId, balanceCents, updatedAt: new Date() }, [
        'organizationId',
      ]);
      await this.events.emit(manager, {
        type: 'wallet.balance_changed',
        caller,
        organizationId,
        data: { previousCents: before?.balanceCents ?? null, balanceCents },
      });
    });
  }
}
