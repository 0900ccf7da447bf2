/** PostgreSQL: the migrated template database each test file copies. */
export const TEMPLATE_DATABASE = "continuum_test_template";

export const withDatabaseName = (url: string, name: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

declare module "vitest" {
  export interface ProvidedContext {
    /** Embedded engine: path of the migrated data-directory tarball every test file loads. */
    embeddedTemplate: string;
  }
}
