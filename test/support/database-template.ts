import pg from "pg";

/**
 * PostgreSQL: the migrated template database each test file copies, and the same with the bundled conflict
 * data imported. Named per run, so that two runs on one server do not drop each other's.
 */
type PostgresTemplates = { empty: string; withData: string };

export const postgresTemplates = (run: string): PostgresTemplates => ({
  empty: `continuum_test_template_${run}`,
  withData: `continuum_test_template_data_${run}`,
});

export const withDatabaseName = (url: string, name: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

declare module "vitest" {
  export interface ProvidedContext {
    /** Embedded engine: path of the migrated data-directory tarball every test file loads. */
    embeddedTemplate: string;
    /** Embedded engine: the same, with the bundled conflict data imported. */
    embeddedDataTemplate: string;
    /** PostgreSQL (with DATABASE_URL): this run's template databases. */
    postgresTemplates: PostgresTemplates | null;
  }
}

/** One statement on the server's maintenance connection (creating and dropping databases). */
export const adminQuery = async (url: string, statement: string): Promise<void> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
};
