/**
 * Compose amounts → Kubernetes quantities, the inverse of composeQuantityCpu/composeQuantityMemory:
 * cpus is a decimal number of cores ('0.5' → '500m', '2' → '2'); memory and sizes are docker
 * byte sizes with binary units ('256m', '256M' and '256mb' are all 256 MiB → '256Mi').
 * Exact integer arithmetic; undefined when the text is not such an amount.
 */
export function cpuQuantity(text: string | number): string | undefined {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(String(text).trim());
  if (!match) return undefined;
  const whole = BigInt(match[1]!);
  const fraction = match[2] ?? '';
  if (/^0*$/.test(fraction)) return whole.toString();
  // Kubernetes CPU resolution is 1m; finer amounts round up, as the API server does.
  const digits = fraction.padEnd(3, '0');
  let milli = whole * 1000n + BigInt(digits.slice(0, 3));
  if (/[1-9]/.test(digits.slice(3))) milli += 1n;
  return milli % 1000n === 0n ? (milli / 1000n).toString() : `${milli}m`;
}

const UNIT_POWER: Record<string, bigint> = { '': 0n, b: 0n, k: 1n, m: 2n, g: 3n, t: 4n, p: 5n };

/** Bytes of a docker size ("512m", "1.5g", "1024", "64MiB"); undefined when it is not one. */
export function dockerBytes(text: string | number): bigint | undefined {
  const match = /^(\d+)(?:\.(\d+))?\s*([kmgtpb]?)(?:i?b)?$/i.exec(String(text).trim());
  if (!match) return undefined;
  const power = UNIT_POWER[match[3]!.toLowerCase()];
  if (power === undefined) return undefined;
  const scale = 1024n ** power;
  const fraction = match[2] ?? '';
  const numerator = BigInt(match[1]! + fraction) * scale;
  const denominator = 10n ** BigInt(fraction.length);
  return (numerator + denominator - 1n) / denominator;
}

const BINARY_UNITS: Array<[string, bigint]> = [
  ['Ti', 1n << 40n],
  ['Gi', 1n << 30n],
  ['Mi', 1n << 20n],
  ['Ki', 1n << 10n],
];

/** A byte count in the largest binary unit that divides it exactly ('268435456' → '256Mi'). */
export function bytesQuantity(bytes: bigint): string {
  if (bytes === 0n) return '0';
  for (const [unit, size] of BINARY_UNITS) {
    if (bytes % size === 0n) return `${bytes / size}${unit}`;
  }
  return bytes.toString();
}

export function memoryQuantity(text: string | number): string | undefined {
  const bytes = dockerBytes(text);
  return bytes === undefined ? undefined : bytesQuantity(bytes);
}
