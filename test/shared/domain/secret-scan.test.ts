import { describe, expect, it } from 'vitest';
import { findSecrets, formatSecret, secretHint } from '../../../shared/domain';

const live = formatSecret('abcdEFGH0123456789abcdEFGH012345');
const other = formatSecret('ZYXWvuts9876543210ZYXWvuts987654');
// The checksum's last character changed: the right shape, a wrong checksum.
const forged = `${live.slice(0, -1)}${live.endsWith('0') ? '1' : '0'}`;

describe('finding wfx_ secrets in a pasted text', () => {
  it('finds each secret once, in order, and tells well-formed from malformed by checksum and length', () => {
    const text = `deploy.env: WIFOX_TOKEN=${live}\n> ${forged} (old)\nsee "${other}", and again ${live}; truncated wfx_abcd1234`;
    expect(findSecrets(text)).toEqual([
      { secret: live, wellFormed: true, hint: secretHint(live) },
      { secret: forged, wellFormed: false, hint: secretHint(forged) },
      { secret: other, wellFormed: true, hint: secretHint(other) },
      { secret: 'wfx_abcd1234', wellFormed: false, hint: 'wfx_abcd' },
    ]);
  });

  it('ignores a prefix inside a longer word and finds none in plain text', () => {
    expect(findSecrets(`mywfx_${live.slice(4)} and xwfx_abc`)).toEqual([]);
    expect(findSecrets('no secrets here')).toEqual([]);
  });
});
