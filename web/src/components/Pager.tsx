import { useTranslation } from "react-i18next";
import { BusyButton } from "./BusyButton.tsx";

/** How many pages `total` rows fill, `size` to a page; an empty list is one (empty) page. */
export const pageCount = (total: number, size: number): number => Math.max(1, Math.ceil(total / size));

type PagerProps = {
  /** The page shown, from 1; it may lie past the last when rows have gone since the address was written. */
  page: number;
  size: number;
  total: number;
  onPage: (page: number) => void;
  /** What the pages are of, for a screen reader's list of landmarks. */
  label: string;
};

/** Previous and next page of a long list; nothing when the list fits on its first page. */
export const Pager = ({ page, size, total, onPage, label }: PagerProps) => {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const last = pageCount(total, size);
  if (last === 1 && page === 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      <span>{t("pager.page", { page: number.format(page), pages: number.format(last) })}</span>
      {/* The two buttons stay side by side when a phone wraps the line. */}
      <span className="pager-buttons">
        {/* From past the end, Previous lands on the last page that has rows. */}
        <BusyButton busy={page <= 1} onClick={() => onPage(Math.min(page - 1, last))}>
          {t("pager.previous")}
        </BusyButton>
        <BusyButton busy={page >= last} onClick={() => onPage(page + 1)}>
          {t("pager.next")}
        </BusyButton>
      </span>
    </nav>
  );
};
