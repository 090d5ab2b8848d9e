import type { AddressInfo } from 'node:net';
import DNS from 'dns2';

/** A real DNS server on a free UDP port answering TXT questions from what tests publish. */
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
      const values =
        question?.type === DNS.Packet.TYPE.TXT
          ? records.get(question.name.toLowerCase())
          : undefined;
      if (!values) response.header.rcode = DNS.Packet.RCODE.NXDOMAIN;
      for (const value of values ?? []) {
        response.answers.push(
          DNS.Packet.createResourceFromQuestion(question, {
            type: DNS.Packet.TYPE.TXT,
            class: DNS.Packet.CLASS.IN,
            ttl: 1,
            data: value,
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

  publish(name: string, value: string): void {
    const key = name.toLowerCase();
    this.records.set(key, [...(this.records.get(key) ?? []), value]);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
