import net from 'node:net';

/**
 * A TCP proxy on loopback that slows what the client sends (uploads) to `bytesPerSecond` and
 * counts it, so a test can act in the middle of an upload (stop the service worker, restart the
 * browser). Answers flow back unthrottled. `dropAll()` cuts every open connection.
 */
export interface ThrottleProxy {
  url: string;
  /** Bytes the clients have sent through so far. */
  readonly bytesUp: number;
  bytesPerSecond: number;
  dropAll(): void;
  close(): Promise<void>;
}

export async function startThrottleProxy(
  target: { host: string; port: number },
  bytesPerSecond: number,
): Promise<ThrottleProxy> {
  const sockets = new Set<net.Socket>();
  let bytesUp = 0;
  const state = { bytesPerSecond };
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    upstream.pipe(client);
    // Forward the client's bytes at most bytesPerSecond, in slices of a tenth of a second.
    client.on('data', (chunk: Buffer) => {
      client.pause();
      void (async () => {
        for (let at = 0; at < chunk.length;) {
          const slice = Math.max(1, Math.floor(state.bytesPerSecond / 10));
          const part = chunk.subarray(at, at + slice);
          if (upstream.destroyed) return;
          upstream.write(part);
          bytesUp += part.length;
          at += part.length;
          await new Promise((r) => setTimeout(r, 100));
        }
        if (!client.destroyed) client.resume();
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get bytesUp() {
      return bytesUp;
    },
    get bytesPerSecond() {
      return state.bytesPerSecond;
    },
    set bytesPerSecond(value: number) {
      state.bytesPerSecond = value;
    },
    dropAll: () => sockets.forEach((s) => s.destroy()),
    close: async () => {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
