import { Alert } from 'antd';
import type { SignatureState } from '../../../shared/inventory/signature';
import { signatureText } from '../../common/signing/signatureText';

/** Who vouches for an opened inventory file: checked by main when the file was opened. */
export function SignatureBanner({ state, timeZone }: { state: SignatureState; timeZone: string }) {
  const text = signatureText(state, timeZone);
  return <Alert type={text.tone} showIcon role="status" aria-label="Signature" title={text.title} description={text.detail} />;
}
