"use client";
/** Signs out through next-auth and goes to /signin with a full page load (drops all client state). */
import { useState } from "react";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("Header");
  const [pending, setPending] = useState(false);

  async function onClick() {
    setPending(true);
    try {
      await signOut({ redirect: false });
    } finally {
      window.location.replace("/signin");
    }
  }

  return (
    <button
      type="button"
      onClick={onClick}
      disabled={pending}
      className="rounded-md border border-white/40 px-3 py-1.5 text-sm font-medium text-white hover:bg-white/15 disabled:opacity-60"
    >
      {pending ? t("signingOut") : t("signOut")}
    </button>
  );
}
