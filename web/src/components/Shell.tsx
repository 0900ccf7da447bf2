import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, useLocation } from "react-router";
import { allows } from "../api/permissions.ts";
import { useSession } from "../session.tsx";
import { LanguageSwitcher } from "./LanguageSwitcher.tsx";

const sections = [
  ["/", "nav.overview"],
  ["/countries", "nav.countries"],
  ["/warning/watchlist", "nav.watchlist"],
  ["/warning/backtest", "nav.backtest"],
  ["/alerts", "nav.alerts"],
  ["/reviews", "nav.reviews"],
  ["/reports", "nav.reports"],
  ["/analyses", "nav.analyses"],
  ["/data", "nav.data"],
] as const;

export const Shell = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  const acting = me.user.memberships.find((m) => m.orgId === me.acting.orgId);
  const isAdmin = allows(me, "member.manage");
  // On a narrow screen the navigation folds behind a button; choosing a page folds it again.
  const [menuOpen, setMenuOpen] = useState(false);
  const main = useRef<HTMLElement>(null);
  // Choosing a page folds the menu, hiding the link that had the focus: the content takes it, even when the link
  // was to the page already shown (no page change would move it).
  const close = () => {
    if (menuOpen) main.current?.focus({ preventScroll: true });
    setMenuOpen(false);
  };
  const toggle = useRef<HTMLButtonElement>(null);
  // A new page takes the focus to its content, as a page load would, so a screen reader reads it from its heading
  // (the first page is left alone unless sign-in opened it). A change of the query string only is the same page:
  // a slider or a select writing its value into the address keeps the focus, and so does the sign-in's mark
  // leaving the history entry when the page's first choice replaces it.
  const { pathname, state } = useLocation();
  const shownPath = useRef<string | null>(null);
  const openedBySignIn = (state as { focusContent?: boolean } | null)?.focusContent === true;
  useEffect(() => {
    const previous = shownPath.current;
    shownPath.current = pathname;
    if (previous === pathname || (previous === null && !openedBySignIn)) return;
    main.current?.focus({ preventScroll: true });
  }, [pathname, openedBySignIn]);
  // Every page names itself in its heading; the browser tab and history take that name too.
  useEffect(() => {
    const page = main.current;
    if (!page) return;
    const nameTab = () => {
      // A heading's badges (clearance, status) describe the record, not the page.
      const h1 = page.querySelector("h1")?.cloneNode(true) as HTMLElement | undefined;
      for (const badge of h1?.querySelectorAll(".badge") ?? []) badge.remove();
      const heading = h1?.textContent?.replace(/\s+/g, " ").trim();
      const title = heading ? `${heading} · ${t("app.name")}` : t("app.name");
      if (document.title !== title) document.title = title;
    };
    nameTab();
    const observer = new MutationObserver(nameTab);
    observer.observe(page, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [t]);
  // Escape folds the open menu and gives the focus back to its button, as for any disclosure.
  useEffect(() => {
    if (!menuOpen) return;
    const foldOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setMenuOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener("keydown", foldOnEscape);
    return () => document.removeEventListener("keydown", foldOnEscape);
  }, [menuOpen]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <header className="topbar" data-menu={menuOpen ? "open" : "closed"}>
        <span className="brand">{t("app.name")}</span>
        <button
          ref={toggle}
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="topbar-menu"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          <span aria-hidden="true">☰</span> {t("nav.menu")}
        </button>
        <div id="topbar-menu" className="topbar-menu">
          <nav aria-label={t("nav.label")}>
            <ul>
              {sections.map(([to, key]) => (
                <li key={to}>
                  <NavLink to={to} end={to === "/"} onClick={close}>
                    {t(key)}
                  </NavLink>
                </li>
              ))}
              {isAdmin && (
                <li>
                  <NavLink to="/admin" onClick={close}>
                    {t("nav.admin")}
                  </NavLink>
                </li>
              )}
            </ul>
          </nav>
          <div className="who">
            <LanguageSwitcher />
            <NavLink to="/account" title={`${t("auth.actingFor")} ${acting?.orgName ?? ""}`} onClick={close}>
              {me.user.name} · {acting?.orgName}
            </NavLink>
            <button type="button" onClick={() => void signOut()}>
              {t("nav.signOut")}
            </button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        {children}
      </main>
    </div>
  );
};
