import { defineModule } from '../../core/module';
import { BillingResolver } from './billing.resolver';
import { InvoiceEntity } from './invoice.entity';
import { InvoiceService } from './invoice.service';
import { WalletEntity } from './wallet.entity';
import { WalletService } from './wallet.service';

declare module '../../core/module' {
  interface Services {
    /** Wallet balances as the billing service reports them. */
    wallets: WalletService;
    /** Invoices as the billing service reports them. */
    invoices: InvoiceService;
  }
}

/** Billing records the billing service reports: the wallet balance and invoices. */
export const billingModule = defineModule({
  name: 'billing',
  entities: [WalletEntity, InvoiceEntity],
  resolvers: [BillingResolver],
  services: ({ dataSource, events }) => ({
    wallets: new WalletService(dataSource, events),
    invoices: new InvoiceService(dataSource, events),
  }),
});
