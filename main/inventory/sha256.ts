import { createHash } from 'node:crypto';
import type { Sha256Hashing, Sha256Hex } from '../../shared/inventory/snapshot';

export const nodeSha256Hex: Sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Incremental: a big snapshot is hashed as it is written out, never as one string. */
export const nodeSha256: Sha256Hashing = {
  stream() {
    const hash = createHash('sha256');
    return { update: (text) => void hash.update(text, 'utf8'), hex: () => hash.digest('hex') };
  },
};
