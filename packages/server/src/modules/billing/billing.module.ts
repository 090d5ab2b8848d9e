import { defineModule } from '../../core/module';
import { WalletEntity } from './wallet.entity';
import { WalletService } from './wallet.service';

declare module '../../core/module' {
  interface Services {
    /** Wallet balances as the billing service reports them. */
    wallets: WalletService;
  }
}

/** Billing records reported by the billing service: for now the wallet balance. */
export const billingModule = defineModule({
  name: 'billing',
  entities: [WalletEntity],
  services: ({ dataSource, events }) => ({ wallets: new WalletService(dataSource, events) }),
});
