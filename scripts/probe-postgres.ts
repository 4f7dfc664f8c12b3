import { connect } from 'node:net';

export type PostgresProbe =
  | { available: true; url: string }
  | { available: false; url: string; reason: string };

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Is the test PostgreSQL server reachable? ITSM_TEST_PG_URL wins, else the local default. */
export async function probePostgres(env = process.env): Promise<PostgresProbe> {
  const url = env.ITSM_TEST_PG_URL || DEFAULT_URL;
  const { hostname, port } = new URL(url);
  const reason = await new Promise<string | null>((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 5432), timeout: 1500 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(null);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(`no answer from ${hostname}:${port} within 1.5 s`);
    });
    socket.once('error', (err) => resolve(err.message));
  });
  return reason === null ? { available: true, url } : { available: false, url, reason };
}
