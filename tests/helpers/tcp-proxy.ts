/**
 * A TCP proxy in front of PostgreSQL that can do to its clients what a
 * database restart does: drop every connection at once and refuse new ones
 * until the database is back. The shared PostgreSQL itself is never touched.
 */
import net from 'node:net';

export class TcpProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private portNumber = 0;
  /** Client bytes that cut their connection instead of reaching PostgreSQL (once each). */
  private readonly traps: Buffer[] = [];

  constructor(private readonly upstream: { host: string; port: number }) {}

  get port(): number {
    return this.portNumber;
  }

  /** `url` with its host and port replaced by the proxy's. */
  urlFor(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.portNumber);
    return u.toString();
  }

  async start(): Promise<void> {
    await this.listen(0);
  }

  /** Every connection drops and new ones are refused (ECONNREFUSED), as while PostgreSQL restarts. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Accepts connections again, on the same port. */
  async up(): Promise<void> {
    if (!this.server) await this.listen(this.portNumber);
  }

  /** The next connection to send `text` (e.g. a `begin`) dies at that moment, as if the database went away just then. */
  dropWhenSent(text: string): void {
    this.traps.push(Buffer.from(text));
  }

  async close(): Promise<void> {
    await this.down();
  }

  private listen(port: number): Promise<void> {
    const server = net.createServer((client) => this.pipe(client));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        if (address && typeof address === 'object') this.portNumber = address.port;
        resolve();
      });
    });
  }

  private pipe(client: net.Socket): void {
    const upstream = net.connect(this.upstream.port, this.upstream.host);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        this.sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => {
      const trap = this.traps.findIndex((t) => chunk.includes(t));
      if (trap >= 0) {
        this.traps.splice(trap, 1);
        client.destroy();
        upstream.destroy();
        return;
      }
      upstream.write(chunk);
    });
    upstream.pipe(client);
  }
}
