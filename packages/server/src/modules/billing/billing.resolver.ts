import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { encodeCursor, pageRequest } from '../../graphql/connection';
import type { AppContext } from '../../graphql/context';
import { Organization } from '../organization/organization.type';
import { SetWalletBalanceInput, UpsertInvoiceInput } from './billing.inputs';
import {
  Invoice,
  InvoiceConnection,
  toInvoice,
  toWalletBalance,
  WalletBalance,
} from './billing.types';
import { invoiceCursorKey } from './invoice.service';

@Resolver(() => Organization)
export class BillingResolver {
  @FieldResolver(() => WalletBalance, {
    nullable: true,
    description: 'The wallet balance; null before the billing service reports one (OWNER, ADMIN)',
  })
  async walletBalance(
    @Root() organization: Organization,
    @Ctx() ctx: AppContext,
  ): Promise<WalletBalance | null> {
    const wallet = await ctx.services.wallets.walletOf(organization.access);
    return wallet && toWalletBalance(wallet);
  }

  @FieldResolver(() => InvoiceConnection, {
    description: 'Invoices, newest period first (OWNER, ADMIN)',
  })
  async invoices(
    @Root() organization: Organization,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, { nullable: true, description: '1–100, default 20' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<InvoiceConnection> {
    const page = await ctx.services.invoices.list(organization.access, pageRequest(first, after));
    const edges = page.nodes.map((invoice) => ({
      node: toInvoice(invoice),
      cursor: encodeCursor(invoiceCursorKey(invoice)),
    }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @Authorized()
  @Mutation(() => WalletBalance, {
    description:
      "API keys only (BILLING_WRITE): the billing service reports the key's organization's wallet balance",
  })
  async setWalletBalance(
    @Arg('input') input: SetWalletBalanceInput,
    @Ctx() ctx: AppContext,
  ): Promise<WalletBalance> {
    return toWalletBalance(await ctx.services.wallets.setBalance(ctx.caller, input));
  }

  @Authorized()
  @Mutation(() => Invoice, {
    description:
      'API keys only (BILLING_WRITE): records an invoice by its number, or updates it; the same report again changes nothing',
  })
  async upsertInvoice(
    @Arg('input') input: UpsertInvoiceInput,
    @Ctx() ctx: AppContext,
  ): Promise<Invoice> {
    return toInvoice(await ctx.services.invoices.upsert(ctx.caller, input));
  }
}
