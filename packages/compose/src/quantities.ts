/**
 * Kubernetes quantities ('250m', '1.5', '256Mi', '1G', '12e6') converted to what compose-go accepts.
 *
 * Compose parses memory with docker/go-units RAMInBytes, where every unit is binary ('256M' and
 * '256Mi' are both 256 * 2^20 bytes), while Kubernetes 'M' is decimal (10^6). So memory goes through
 * an exact byte count and is written in the largest binary unit that divides it exactly (or in plain
 * bytes): '256Mi' -> '256M', '1Gi' -> '1G', '256M' (256 * 10^6 bytes) -> '250000K', '1G' -> '1000000000'. CPU is written as a
 * decimal number of cores ('250m' -> '0.25'), which compose-go parses as a float.
 * Arithmetic is exact (BigInt), so no value is rounded by floating point.
 */

interface ExactQuantity {
  /** value = numerator / 10^scale * multiplier */
  numerator: bigint;
  scale: number;
  multiplier: bigint;
  /** Divide by 10^divisorExponent (milli, micro, nano suffixes). */
  divisorExponent: number;
}

const QUANTITY = /^([+]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

const BINARY_SUFFIX: Record<string, bigint> = {
  Ki: 1n << 10n,
  Mi: 1n << 20n,
  Gi: 1n << 30n,
  Ti: 1n << 40n,
  Pi: 1n << 50n,
  Ei: 1n << 60n,
};
const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

function parseQuantity(input: string | number): ExactQuantity | undefined {
  const text = typeof input === 'number' ? numberToPlainString(input) : input.trim();
  if (text === undefined) return undefined;
  const match = QUANTITY.exec(text);
  if (!match) return undefined;
  const [, , number = '', suffix = ''] = match;
  const [whole = '', fraction = ''] = number.split('.');
  const quantity: ExactQuantity = {
    numerator: BigInt((whole || '0') + fraction),
    scale: fraction.length,
    multiplier: 1n,
    divisorExponent: 0,
  };
  const binary = BINARY_SUFFIX[suffix];
  let exponent = 0;
  if (binary !== undefined) quantity.multiplier = binary;
  else if (suffix in DECIMAL_SUFFIX) exponent = DECIMAL_SUFFIX[suffix] as number;
  else exponent = Number(suffix.slice(1));
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 30) return undefined;
  if (exponent >= 0) quantity.multiplier *= 10n ** BigInt(exponent);
  else quantity.divisorExponent = -exponent;
  return quantity;
}

function numberToPlainString(value: number): string | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  // toString gives '1e-7' for tiny numbers; the quantity grammar accepts that exponent form too.
  return String(value).replace(/e\+?/, 'e');
}

/** ceil(value * 10^extraDigits) as an integer: Kubernetes rounds quantities up, never down. */
function scaledCeiling(quantity: ExactQuantity, extraDigits: number): bigint {
  const numerator = quantity.numerator * quantity.multiplier * 10n ** BigInt(extraDigits);
  const denominator = 10n ** BigInt(quantity.scale + quantity.divisorExponent);
  return (numerator + denominator - 1n) / denominator;
}

const NANO_DIGITS = 9;

/** '250m' -> '0.25', '2' -> '2', 1.5 -> '1.5'; undefined when the value is not a Kubernetes quantity. */
export function composeQuantityCpu(quantity: string | number): string | undefined {
  const parsed = parseQuantity(quantity);
  if (!parsed) return undefined;
  const nanoCores = scaledCeiling(parsed, NANO_DIGITS)
    .toString()
    .padStart(NANO_DIGITS + 1, '0');
  const whole = nanoCores.slice(0, -NANO_DIGITS);
  const fraction = nanoCores.slice(-NANO_DIGITS).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

const BYTE_UNITS: Array<[string, bigint]> = [
  ['T', 1n << 40n],
  ['G', 1n << 30n],
  ['M', 1n << 20n],
  ['K', 1n << 10n],
];

/** '256Mi' -> '256M', '1Gi' -> '1G', '1000' -> '1000'; undefined when the value is not a Kubernetes quantity. */
export function composeQuantityMemory(quantity: string | number): string | undefined {
  const parsed = parseQuantity(quantity);
  if (!parsed) return undefined;
  const bytes = scaledCeiling(parsed, 0);
  if (bytes === 0n) return '0';
  for (const [unit, size] of BYTE_UNITS) {
    if (bytes % size === 0n) return `${bytes / size}${unit}`;
  }
  return bytes.toString();
}
