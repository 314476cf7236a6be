/**
 * A spec quantity as a Kubernetes quantity string. The spec allows CPU as a number (0.5 = half a
 * core); Kubernetes prefers milli-units for fractions, so 0.5 becomes '500m' and 2 becomes '2'.
 */
export function kubernetesQuantity(value: string | number): string {
  if (typeof value === 'string') return value.trim();
  if (Number.isInteger(value)) return String(value);
  return `${Math.round(value * 1000)}m`;
}
