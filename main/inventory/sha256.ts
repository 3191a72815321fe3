import { createHash } from 'node:crypto';
import type { Sha256Hex } from '../../shared/inventory/snapshot';

export const nodeSha256Hex: Sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
