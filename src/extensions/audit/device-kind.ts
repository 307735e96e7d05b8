/**
 * What kind of MFA device a serial number names. ListMFADevices returns only a serial and a
 * date, so the kind is read from the serial's shape, as IAM writes it:
 * - `arn:PARTITION:iam::ACCOUNT:mfa/PATH/NAME`   a virtual (authenticator app) TOTP device;
 * - `arn:PARTITION:iam::ACCOUNT:u2f/user/NAME/LABEL-ID` (or `u2f/root/…`)   a FIDO authenticator:
 *   a security key or a passkey (IAM registers both through WebAuthn and names both `u2f/`;
 *   GetMFADevice accepts only these ARNs);
 * - `arn:PARTITION:iam::ACCOUNT:sms-mfa/…`   the SMS text-message MFA IAM retired in 2019;
 * - a bare serial printed on the token (`GAHT12345678`, `GAKT…`)   a hardware TOTP token;
 * - any other ARN: a kind this audit does not know (counted as MFA, not as phishing-resistant).
 */
export type MfaDeviceType = 'virtual' | 'fido' | 'hardware-totp' | 'sms' | 'unknown';

const IAM_ARN = /^arn:[^:]+:iam::[^:]*:([a-z0-9-]+)\//;

export function deviceType(serialNumber: string): MfaDeviceType {
  if (!serialNumber.startsWith('arn:')) return 'hardware-totp';
  switch (IAM_ARN.exec(serialNumber)?.[1]) {
    case 'mfa':
      return 'virtual';
    case 'u2f':
      return 'fido';
    case 'sms-mfa':
      return 'sms';
    default:
      return 'unknown';
  }
}

/**
 * Phishing-resistant in the sense of NIST SP 800-63B and CISA: the authenticator checks the
 * site it signs in to (FIDO/WebAuthn). A TOTP code, from an app or a hardware token, or an SMS
 * code can be typed into a look-alike page, so those are not.
 */
export const isPhishingResistant = (type: MfaDeviceType): boolean => type === 'fido';
