import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
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
  const isAdmin = me.acting.role === "administrator" || me.user.platformAdmin;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <header className="topbar">
        <span className="brand">{t("app.name")}</span>
        <nav aria-label={t("nav.label")}>
          <ul>
            {sections.map(([to, key]) => (
              <li key={to}>
                <NavLink to={to} end={to === "/"}>
                  {t(key)}
                </NavLink>
              </li>
            ))}
            {isAdmin && (
              <li>
                <NavLink to="/admin">{t("nav.admin")}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="who">
          <LanguageSwitcher />
          <NavLink to="/account" title={`${t("auth.actingFor")} ${acting?.orgName ?? ""}`}>
            {me.user.name} · {acting?.orgName}
          </NavLink>
          <button type="button" onClick={() => void signOut()}>
            {t("nav.signOut")}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
};
