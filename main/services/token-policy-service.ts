import type { TokenPolicy, UpdateTokenPolicyRequest } from '../../shared/api/token-policy';
import { AppError, isAppError } from '../errors';
import type { SessionService } from './session-service';

const POLICY_CONFLICT = 'Someone else changed the token policy since you opened it. Reload it to see their changes.';

/** Settings → Token policy on the server the admin is signed in to. */
export class TokenPolicyService {
  constructor(private readonly session: SessionService) {}

  get(): Promise<TokenPolicy> {
    return this.session.client().tokenPolicy();
  }

  async update(version: number, rules: UpdateTokenPolicyRequest): Promise<TokenPolicy> {
    try {
      return await this.session.client().updateTokenPolicy(version, rules);
    } catch (error) {
      // The HTTP layer words a 412 for tokens; here it is the policy that moved on.
      if (isAppError(error, 'conflict')) throw new AppError('conflict', POLICY_CONFLICT);
      throw error;
    }
  }
}
