import { Link } from "react-router";

/** A link back to the list a page belongs to; its arrow points the way the page reads (mirrored in RTL). */
export const BackLink = ({ to, label }: { to: string; label: string }) => (
  <Link to={to}>
    <span className="back-arrow" aria-hidden="true">
      ←
    </span>{" "}
    {label}
  </Link>
);
