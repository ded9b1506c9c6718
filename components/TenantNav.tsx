"use client";
/**
 * Tenant navigation: a left sidebar on wide screens, a collapsible menu under the
 * header on phones. Items (href + already translated label) come from the server.
 */
import { useState } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavItem {
  href: string;
  label: string;
}

export function TenantNav({ items, label, menuLabel }: { items: NavItem[]; label: string; menuLabel: string }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const current = items.find((i) => pathname === i.href || pathname.startsWith(`${i.href}/`));

  return (
    <nav aria-label={label} className="px-3 py-2 md:px-3 md:py-5">
      <button
        type="button"
        className="flex w-full items-center justify-between rounded-md px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 md:hidden"
        aria-expanded={open}
        aria-controls="tenant-nav-list"
        onClick={() => setOpen((o) => !o)}
      >
        <span>
          {menuLabel}
          {current ? <span className="ml-2 font-normal text-slate-500">· {current.label}</span> : null}
        </span>
        <svg
          viewBox="0 0 20 20"
          className={`h-4 w-4 transition-transform ${open ? "rotate-180" : ""}`}
          fill="currentColor"
          aria-hidden="true"
          focusable="false"
        >
          <path
            fillRule="evenodd"
            d="M5.23 7.21a.75.75 0 0 1 1.06.02L10 11.17l3.71-3.94a.75.75 0 1 1 1.08 1.04l-4.25 4.5a.75.75 0 0 1-1.08 0l-4.25-4.5a.75.75 0 0 1 .02-1.06Z"
            clipRule="evenodd"
          />
        </svg>
      </button>
      <ul id="tenant-nav-list" className={`${open ? "block" : "hidden"} mt-1 space-y-0.5 md:mt-0 md:block`}>
        {items.map((item) => {
          const active = item === current;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                onClick={() => setOpen(false)}
                className={`block rounded-md border-l-4 px-3 py-2 text-sm ${
                  active
                    ? "border-brand-700 bg-brand-50 font-semibold text-brand-800"
                    : "border-transparent text-slate-700 hover:bg-slate-100 hover:text-slate-900"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
