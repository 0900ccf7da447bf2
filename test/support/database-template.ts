/** PostgreSQL: the migrated template database each test file copies. */
export const TEMPLATE_DATABASE = "continuum_test_template";
/** PostgreSQL: the same, with the bundled conflict data imported. */
export const DATA_TEMPLATE_DATABASE = "continuum_test_template_data";

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
  }
}
