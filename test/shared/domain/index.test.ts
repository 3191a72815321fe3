import { describe, expect, it } from 'vitest';
import * as domain from '../../../shared/domain';

describe('shared/domain index', () => {
  it('re-exports the API other processes build on', () => {
    const names = [
      'MODULE_KEYS', 'MODULES', 'moduleKeySchema', 'moduleByKey', 'childModules', 'MODULE_GROUP_NAMES',
      'viewRightSchema', 'manageRightSchema', 'moduleRightsSchema', 'roleRightsSchema', 'neededRightSchema', 'RIGHT_LABELS',
      'roleSchema', 'effectiveRights', 'reachableModules', 'reachableModuleNames', 'grants', 'canAssignRole', 'hasPrivilegedManageRights', 'ROLE_TEMPLATES',
      'validateTokenName', 'tokenNameKey', 'findNameClash', 'tokenNameSchema',
      'parseWhitelistEntry', 'validateWhitelist', 'whitelistEntrySchema', 'whitelistSchema', 'compileWhitelist',
      'normalizeClientAddress', 'allowsEveryAddress', 'isWideRange', 'MAX_WHITELIST_ENTRIES',
      'isoDateSchema', 'timeZoneSchema', 'expiryEnd', 'tokenStatus', 'todayIn', 'addDays', 'formatDisplayDate', 'formatDisplayDateTime',
      'parseDisplayDate', 'validateNewExpiry', 'EXPIRING_SOON_DAYS',
      'decideAccess', 'DENY_REASONS',
      'REVIEW_FLAGS', 'reviewFlagCountText', 'reviewFlags',
      'SECRET_PREFIX', 'BASE62_ALPHABET', 'crc32', 'secretChecksum', 'formatSecret', 'isWellFormedSecret', 'secretHint', 'SECRET_PATTERN',
    ];
    for (const name of names) expect(domain, name).toHaveProperty(name);
  });
});
