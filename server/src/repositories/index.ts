import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema';
import type { StoreKind } from '../db/store';
import { AuditRepository } from './audit';
import { ChangesRepository } from './changes';
import { CountersRepository } from './counters';
import { EmployeesRepository } from './employees';
import { MetaRepository } from './meta';
import { RecordsRepository } from './records';
import { RetiredSecretsRepository } from './retired-secrets';
import { RolesRepository } from './roles';
import { SessionsRepository } from './sessions';
import { TokenPolicyRepository } from './token-policy';
import { SigningKeysRepository } from './signing-keys';
import { TokensRepository } from './tokens';
import { UsageRepository } from './usage';

/** Every repository over one connection or transaction. */
export interface Repositories {
  meta: MetaRepository;
  employees: EmployeesRepository;
  roles: RolesRepository;
  tokens: TokensRepository;
  sessions: SessionsRepository;
  audit: AuditRepository;
  records: RecordsRepository;
  counters: CountersRepository;
  changes: ChangesRepository;
  retiredSecrets: RetiredSecretsRepository;
  tokenPolicy: TokenPolicyRepository;
  usage: UsageRepository;
  signingKeys: SigningKeysRepository;
}

export function createRepositories(db: Kysely<Schema>, kind: StoreKind): Repositories {
  return {
    meta: new MetaRepository(db),
    employees: new EmployeesRepository(db),
    roles: new RolesRepository(db),
    tokens: new TokensRepository(db, kind),
    sessions: new SessionsRepository(db),
    audit: new AuditRepository(db),
    records: new RecordsRepository(db),
    counters: new CountersRepository(db),
    changes: new ChangesRepository(db, kind),
    retiredSecrets: new RetiredSecretsRepository(db),
    tokenPolicy: new TokenPolicyRepository(db),
    usage: new UsageRepository(db),
    signingKeys: new SigningKeysRepository(db),
  };
}
