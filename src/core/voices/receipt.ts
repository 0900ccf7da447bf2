/**
 * Receipt codes: 12 symbols of Crockford's base-32 alphabet (60 bits from a CSPRNG), shown in groups of
 * four. The alphabet has no I, L, O or U, so a code read over the phone or typed on a keypad survives
 * the usual confusions, which `normaliseReceipt` undoes.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RECEIPT_SYMBOLS = 12;
export const RECEIPT_RANDOM_BYTES = 8;

/** Formats random bytes (at least 8) as a receipt code; callers pass bytes from a CSPRNG. */
export const formatReceipt = (random: Uint8Array): string => {
  if (random.length < RECEIPT_RANDOM_BYTES) throw new RangeError("a receipt needs 8 random bytes");
  let bits = 0n;
  for (const byte of random.subarray(0, RECEIPT_RANDOM_BYTES)) bits = (bits << 8n) | BigInt(byte);
  let code = "";
  for (let i = 0; i < RECEIPT_SYMBOLS; i += 1) {
    code += ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return groupReceipt(code);
};

/** A code in the groups of four it was given out in: `ZE4Z-W506-M58W`. */
export const groupReceipt = (code: string): string =>
  `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;

/** The canonical form of what a reporter typed: upper case, no separators, look-alikes mapped. */
export const normaliseReceipt = (typed: string): string | undefined => {
  const code = typed
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1")
    .replace(/U/g, "V");
  if (code.length !== RECEIPT_SYMBOLS) return undefined;
  for (const symbol of code) if (!ALPHABET.includes(symbol)) return undefined;
  return code;
};
