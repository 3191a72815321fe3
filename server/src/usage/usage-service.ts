import { USAGE_CHART_DAYS, type TokenUsage, type UsageTotals } from '../../../shared/api';
import { addDays, todayIn } from '../../../shared/domain';
import { adminHas, requireRight, type AdminContext } from '../auth/admin-context';
import type { UsageCounters } from '../public/usage-counters';
import type { UsageRepository } from '../repositories/usage';
import type { TokenService } from '../tokens/token-service';

const MAX_ADDRESSES = 100;

/** Reading the usage counters: who may see which token's is the token service's rule. */
export class UsageService {
  constructor(
    private readonly usage: UsageRepository,
    private readonly counters: UsageCounters,
    private readonly tokens: TokenService,
    private readonly options: { clock: () => Date; timeZone: string },
  ) {}

  async forToken(admin: AdminContext, tokenId: number): Promise<TokenUsage> {
    // Answers 403/404 exactly as reading the token does.
    await this.tokens.get(admin, tokenId);
    // This node's unwritten counts go first, so an admin's read sees them.
    await this.counters.flush();
    const { from, to } = this.period();
    const [days, addresses] = await Promise.all([this.usage.days(tokenId, from), this.usage.addresses(tokenId, from, MAX_ADDRESSES)]);
    return { tokenId, from, to, days, addresses, asOf: this.options.clock().toISOString() };
  }

  async totals(admin: AdminContext): Promise<UsageTotals> {
    requireRight(admin, { module: 'security', right: 'view_own' }, 'view identification tokens');
    await this.counters.flush();
    const { from, to } = this.period();
    const all = adminHas(admin, { module: 'security', right: 'view_all' });
    return { from, to, items: await this.usage.totals(from, all ? undefined : admin.employee.id) };
  }

  private period(): { from: string; to: string } {
    const to = todayIn(this.options.timeZone, this.options.clock());
    return { from: addDays(to, 1 - USAGE_CHART_DAYS), to };
  }
}
