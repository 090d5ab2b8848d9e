import type { AddressInfo } from 'node:net';
import DNS from 'dns2';

/**
 * A real DNS server on a free UDP port answering TXT, A and AAAA questions from what tests
 * publish.
 */
export class LocalDns {
  private constructor(
    private readonly server: DNS.UDPServer,
    readonly port: number,
    private readonly records: Map<string, string[]>,
  ) {}

  static async start(): Promise<LocalDns> {
    const records = new Map<string, string[]>();
    const server = DNS.createUDPServer((request, send) => {
      const response = DNS.Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      const kind = {
        [DNS.Packet.TYPE.TXT]: 'TXT',
        [DNS.Packet.TYPE.A]: 'A',
        [DNS.Packet.TYPE.AAAA]: 'AAAA',
      }[question?.type ?? -1];
      const values = kind ? records.get(`${kind} ${question.name.toLowerCase()}`) : undefined;
      const named = [...records.keys()].some((key) =>
        key.endsWith(` ${question?.name.toLowerCase()}`),
      );
      if (!named) response.header.rcode = DNS.Packet.RCODE.NXDOMAIN;
      for (const value of values ?? []) {
        response.answers.push(
          DNS.Packet.createResourceFromQuestion(question, {
            type: question.type,
            class: DNS.Packet.CLASS.IN,
            ttl: 1,
            ...(kind === 'TXT' ? { data: value } : { address: value }),
          }),
        );
      }
      void send(response);
    });
    await server.listen(0, '127.0.0.1');
    return new LocalDns(server, (server.address() as AddressInfo).port, records);
  }

  /** For DNS_SERVERS. */
  get servers(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** A TXT record. */
  publish(name: string, value: string): void {
    this.add('TXT', name, value);
  }

  /** An A or AAAA record, by the address's family. */
  publishAddress(name: string, address: string): void {
    this.add(address.includes(':') ? 'AAAA' : 'A', name, address);
  }

  private add(kind: string, name: string, value: string): void {
    const key = `${kind} ${name.toLowerCase()}`;
    this.records.set(key, [...(this.records.get(key) ?? []), value]);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
