import { generateSecret, generateURI, verify } from "otplib";

// Two-step sign-in with a time-based code (TOTP, RFC 6238: 6 digits, 30 seconds, SHA-1, as
// every authenticator app reads it), through otplib. The secret never leaves this module but
// at setup, to its owner.

export const newTwoStepSecret = () => generateSecret();

/** What an authenticator app is given at setup (as text: the otpauth URI, or the secret). */
export const otpauthUri = (secret: string, email: string) =>
  generateURI({ issuer: "Cairn", label: email, secret });

/**
 * The time step of a right code, or null. A code is good for its 30 seconds and the one before
 * and after (clocks drift); never one at or before `afterStep` (the last accepted: used once).
 */
export async function acceptedStep(
  secret: string,
  code: string,
  afterStep: number | null,
  epoch?: number,
): Promise<number | null> {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = await verify({
      secret,
      token,
      epochTolerance: 30,
      ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
      ...(epoch === undefined ? {} : { epoch }),
    });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    return null;
  }
}
