/**
 * The way down from the root to the region whose children a dashboard shows (`?region=`):
 * each step links to the same dashboard one level up; the root's needs no parameter.
 */
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function ScopeBreadcrumbs({ path, href }: { path: { code: string; name: string }[]; href: string }) {
  if (path.length < 2) return null;
  const t = await getTranslations("Overview");
  return (
    <nav aria-label={t("scopeBreadcrumbs")} className="mb-4 text-sm" data-testid="scope-breadcrumbs">
      <ol className="flex flex-wrap items-center gap-1 text-slate-600">
        {path.map((step, k) => (
          <li key={step.code} className="flex items-center gap-1">
            {k > 0 ? <span aria-hidden="true">›</span> : null}
            {k === path.length - 1 ? (
              <span aria-current="page" className="font-medium text-slate-900">{t("scopeOf", { name: step.name })}</span>
            ) : (
              <Link href={k === 0 ? href : `${href}?region=${step.code}`} className="text-brand-700 underline-offset-2 hover:underline">
                {step.name}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
