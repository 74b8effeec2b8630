/**
 * `node dist/dev/graph-simulator/main.js`: the Graph simulator with the demo department, for the local stack.
 * Port from GRAPH_SIMULATOR_PORT (default 5099); 127.0.0.1 only.
 */
import { GraphSimulator } from './simulator';

async function main(): Promise<void> {
  const port = Number(process.env.GRAPH_SIMULATOR_PORT ?? 5099);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`GRAPH_SIMULATOR_PORT must be a port number, got '${process.env.GRAPH_SIMULATOR_PORT}'`);
  const simulator = GraphSimulator.fromDemo();
  const { url } = await simulator.start(port);
  process.stdout.write(`Graph simulator on ${url} (Graph base ${url}/v1.0, what it received: ${url}/)\n`);
  const shutdown = () => {
    simulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((e: unknown) => {
  process.stderr.write(`Graph simulator: ${(e as Error).message}\n`);
  process.exit(1);
});
