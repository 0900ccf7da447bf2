import { createServer } from "node:net";
import { invalid } from "../core/shared/errors.ts";

/** Binds the address for a moment and lets it go: refused with the address named when it is taken or not ours. */
export const assertCanListen = (host: string, port: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        invalid(
          `Cannot listen on ${host}:${port}: ${error.code === "EADDRINUSE" ? "another process uses it" : error.message}. Choose another with --port or CONTINUUM_PORT.`,
          [{ field: "port", message: error.code === "EADDRINUSE" ? "in use" : "cannot listen" }],
        ),
      ),
    );
    probe.listen({ port, host }, () => probe.close(() => resolve()));
  });
