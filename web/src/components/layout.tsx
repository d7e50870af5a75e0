import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect } from "react";
import type { DemoAccounts } from "../../../src/demo/replies";
import type { SessionUser } from "../../../src/modules/identity/replies";
import { get } from "../api";
import { ROLE_LABELS } from "../format";
import { Link } from "../router";

export function Layout({
  user,
  onSignOut,
  children,
}: {
  user: SessionUser | null;
  onSignOut: () => void;
  children: ReactNode;
}) {
  return (
    <>
      <nav className="ds_skip-links" aria-label="Skip links">
        <ul className="ds_skip-links__list">
          <li className="ds_skip-links__item">
            <a className="ds_skip-links__link" href="#main">
              Skip to main content
            </a>
          </li>
        </ul>
      </nav>
      <DemoBanner />
      <header className="ds_site-header cairn-header">
        <div className="ds_wrapper cairn-header__inner">
          <Link className="cairn-brand" href="/">
            Cairn
          </Link>
          {user && (
            <div className="cairn-user">
              <Link href="/account">
                {user.displayName} <span className="cairn-role">({ROLE_LABELS[user.role]})</span>
                <span className="visually-hidden">: your account</span>
              </Link>
              <button
                type="button"
                className="ds_button ds_button--secondary ds_button--small"
                onClick={onSignOut}
              >
                Sign out
              </button>
            </div>
          )}
        </div>
      </header>
      <main id="main" className="ds_wrapper cairn-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="ds_site-footer">
        <div className="ds_wrapper">
          <p>
            Cairn: open-source Self-directed Support. Your data is only seen by people working with
            you, and every look is recorded.
          </p>
        </div>
      </footer>
    </>
  );
}

/**
 * On the demo council only (its /api/demo/accounts exists), a banner on every page: a region
 * screen readers list and reach, in the page's flow (it hides nothing).
 */
function DemoBanner() {
  const demo = useQuery({
    queryKey: ["demo-accounts"],
    queryFn: () => get<DemoAccounts>("/api/demo/accounts").catch(() => null),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!demo.data) return null;
  return (
    <section className="ds_phase-banner cairn-demo-banner" aria-label="Demonstration">
      <div className="ds_wrapper">
        <p className="ds_phase-banner__content">
          <strong className="ds_tag ds_phase-banner__tag">Demo</strong>
          <span className="ds_phase-banner__text">
            This is a demonstration of Cairn with made-up people, providers and money. Do not enter
            anyone's real details.
          </span>
        </p>
      </div>
    </section>
  );
}

/** The page's one h1, and the document title to match. */
export function PageHeader({ title, label }: { title: string; label?: string }) {
  useEffect(() => {
    document.title = `${title} - Cairn`;
  }, [title]);
  return (
    <header className="ds_page-header">
      {label && <span className="ds_page-header__label ds_content-label">{label}</span>}
      <h1 className="ds_page-header__title">{title}</h1>
    </header>
  );
}

export function Tag({ children }: { children: ReactNode }) {
  return <span className="ds_tag">{children}</span>;
}

export function SummaryList({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="ds_summary-list">
      {rows.map(([key, value]) => (
        <div className="ds_summary-list__item" key={key}>
          <dt className="ds_summary-list__key">{key}</dt>
          <dd className="ds_summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Loading() {
  return <p aria-live="polite">Loading…</p>;
}
