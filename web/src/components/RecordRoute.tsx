import type { ReactNode } from "react";
import { useParams } from "react-router";
import { NotFound } from "./NotFound.tsx";

const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A record's page, for an address whose last part can name a record: any other word (`/alerts/rules`) is a
 * page that does not exist, not a record to fetch and draw from whatever the server answers.
 */
export const RecordRoute = ({ children }: { children: ReactNode }) => {
  const { id = "" } = useParams();
  return RECORD_ID.test(id) ? children : <NotFound />;
};
