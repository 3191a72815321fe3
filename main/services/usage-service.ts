import type { TokenUsage, UsageTotals } from '../../shared/api/usage';
import type { SessionService } from './session-service';

/** Token usage counted by the server: one token's last 30 days, and every token's total. */
export class UsageService {
  constructor(private readonly session: SessionService) {}

  token(id: number): Promise<TokenUsage> {
    return this.session.client().tokenUsage(id);
  }

  totals(): Promise<UsageTotals> {
    return this.session.client().usageTotals();
  }
}
