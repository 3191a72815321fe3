import type { CreateClientRequest, PublicResource } from '../../../shared/api';
import type { RecordsRepository } from '../repositories/records';

/** The demo records behind the public API; rights were checked by the access guard before. */
export class RecordService {
  constructor(
    private readonly records: RecordsRepository,
    private readonly clock: () => Date,
  ) {}

  list(resource: PublicResource, limit: number, offset: number): Promise<{ items: unknown[]; total: number }> {
    return this.records.list(resource, limit, offset);
  }

  createClient(body: CreateClientRequest): Promise<Record<string, unknown>> {
    const at = this.clock().toISOString();
    return this.records.insert('clients', (id) => ({ id, ...body, status: 'new', createdAt: at }));
  }
}
