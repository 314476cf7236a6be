import { isIanaServiceName } from '@twinform/spec';

/**
 * Compose ports have no names, spec ports must have one (probes, ingress routes and references
 * find ports by name). Well-known ports get their usual service name, others `p<number>`, so the
 * same compose file always imports to the same names.
 */
const WELL_KNOWN: Record<number, string> = {
  21: 'ftp',
  22: 'ssh',
  25: 'smtp',
  53: 'dns',
  80: 'http',
  389: 'ldap',
  443: 'https',
  587: 'submission',
  636: 'ldaps',
  1433: 'mssql',
  1521: 'oracle',
  1883: 'mqtt',
  2181: 'zookeeper',
  3000: 'http',
  3306: 'mysql',
  4317: 'otlp-grpc',
  4318: 'otlp-http',
  5000: 'http',
  5432: 'postgres',
  5601: 'kibana',
  5672: 'amqp',
  6379: 'redis',
  8000: 'http',
  8080: 'http',
  8443: 'https',
  8883: 'mqtts',
  9042: 'cql',
  9090: 'prometheus',
  9092: 'kafka',
  9200: 'elasticsearch',
  9300: 'es-transport',
  9411: 'zipkin',
  11211: 'memcached',
  15672: 'amqp-admin',
  27017: 'mongodb',
  50051: 'grpc',
};

export interface PortToName {
  port: number;
  protocol: 'tcp' | 'udp';
  /** A name written in the compose file (long-syntax `name:`), used when valid. */
  requested?: string;
}

/** Names for the ports of one service, in order; unique, valid IANA service names. */
export function portNames(ports: readonly PortToName[]): string[] {
  const taken = new Set<string>();
  return ports.map((port) => {
    const udp = port.protocol === 'udp';
    const requested = port.requested?.toLowerCase();
    const candidates = [
      ...(requested !== undefined && isIanaServiceName(requested) ? [requested] : []),
      ...(WELL_KNOWN[port.port] ? [udp ? `${WELL_KNOWN[port.port]}-udp` : WELL_KNOWN[port.port]!] : []),
      ...(WELL_KNOWN[port.port] ? [`${WELL_KNOWN[port.port]}-${port.port}${udp ? 'u' : ''}`] : []),
      udp ? `p${port.port}-udp` : `p${port.port}`,
      udp ? `u${port.port}` : `t${port.port}`,
    ];
    const name =
      candidates.find((candidate) => isIanaServiceName(candidate) && !taken.has(candidate)) ??
      uniqueFallback(port.port, taken);
    taken.add(name);
    return name;
  });
}

function uniqueFallback(port: number, taken: Set<string>): string {
  for (let index = 2; ; index += 1) {
    const name = `p${port}-${index}`;
    if (!taken.has(name)) return name;
  }
}
