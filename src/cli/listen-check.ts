import { createServer } from "node:net";
import { invalid } from "../core/shared/errors.ts";

/** Binds the address for a moment and lets it go: refused with the address named when it is taken or not ours. */
export const assertCanListen = (host: string, port: number): Promise<void> =>
  new Promise((resolve, reject) => {
    if (!Number.isInteger(port) || port < 1 || port > 65_535)
      return reject(
        invalid(`The port must be a whole number from 1 to 65535, got ${port}.`, [
          { field: "port", message: "from 1 to 65535 (--port or CONTINUUM_PORT)" },
        ]),
      );
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      const inUse = error.code === "EADDRINUSE";
      reject(
        invalid(
          inUse
            ? `Cannot listen on ${host}:${port}: another process uses it. Choose another with --port or CONTINUUM_PORT.`
            : `Cannot listen on ${host}:${port}: ${error.message}. Check the address (--host or CONTINUUM_HOST).`,
          [inUse ? { field: "port", message: "in use" } : { field: "host", message: "cannot listen there" }],
        ),
      );
    });
    probe.listen({ port, host }, () => probe.close(() => resolve()));
  });
