/**
 * Kubernetes resource quantities ('250m', '1', '256Mi', '10Gi'), parsed into plain numbers so
 * requests can be compared with limits. Compose needs the same numbers in its own units.
 */

const QUANTITY = /^(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

const MULTIPLIERS: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

export type QuantityResult = { ok: true; value: number } | { ok: false; problem: string; hint: string };

/** The amount a quantity stands for (cores for cpu, bytes for memory), or undefined when it is not a quantity. */
export function quantityValue(text: string): number | undefined {
  const match = QUANTITY.exec(text);
  if (!match) return undefined;
  const [, digits, suffix] = match as unknown as [string, string, string | undefined];
  const number = Number(digits);
  if (suffix === undefined) return number;
  if (suffix[0] === 'e' || suffix[0] === 'E') return number * 10 ** Number(suffix.slice(1));
  return number * (MULTIPLIERS[suffix] as number);
}

const DECIMAL_PREFIX: Record<string, string> = { k: 'k', m: 'M', g: 'G', t: 'T', p: 'P', e: 'E' };

/** What the user probably meant by a byte amount written the way operating systems print it ('512MB', '1g'). */
function byteHint(text: string): string {
  const compact = text.replace(/\s+/g, '');
  const unit = /^(\d+(?:\.\d+)?)([kmgtpe])(i?)(b?)$/i.exec(compact);
  if (unit) {
    const [, number, prefix, binary] = unit as unknown as [string, string, string, string];
    const decimal = DECIMAL_PREFIX[prefix.toLowerCase()] as string;
    const binaryPrefix = `${decimal.toUpperCase()}i`;
    if (binary) return `use ${number}${binaryPrefix}`;
    return `use ${number}${decimal} or ${number}${binaryPrefix}`;
  }
  if (compact !== text && quantityValue(compact) !== undefined) return `remove the space: ${compact}`;
  return 'write a Kubernetes quantity such as 256Mi, 1Gi or 500M';
}

/** A memory amount or a volume size: bytes, with an optional decimal (k, M, G) or binary (Ki, Mi, Gi) suffix. */
export function parseBytes(text: string): QuantityResult {
  const value = quantityValue(text);
  if (value === undefined)
    return { ok: false, problem: `'${text}' is not a Kubernetes quantity`, hint: byteHint(text) };
  if (/m$/.test(text)) {
    const number = text.slice(0, -1);
    return {
      ok: false,
      problem: `'${text}' means ${number} thousandths of a byte (the suffix m is milli)`,
      hint: `use ${number}Mi (mebibytes) or ${number}M (megabytes)`,
    };
  }
  return { ok: true, value };
}

/** CPU: cores as a number (0.5) or a quantity ('250m', '1'). */
export function parseCpu(input: string | number): QuantityResult {
  if (typeof input === 'number') {
    if (Number.isFinite(input) && input >= 0) return { ok: true, value: input };
    return { ok: false, problem: `${input} is not a CPU amount`, hint: "write cores, e.g. 0.5 or '250m'" };
  }
  const value = quantityValue(input);
  if (value !== undefined) return { ok: true, value };
  const compact = input.replace(/\s+/g, '');
  const hint =
    compact !== input && quantityValue(compact) !== undefined
      ? `remove the space: ${compact}`
      : "write cores as '250m' (a quarter core), '1' or 0.5";
  return { ok: false, problem: `'${input}' is not a CPU amount`, hint };
}
