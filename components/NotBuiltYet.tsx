/**
 * The one honest placeholder for every page that is not built yet: it says so plainly
 * and shows no numbers.
 */
import { getTranslations } from "next-intl/server";

export async function NotBuiltYet({ feature }: { feature: string }) {
  const t = await getTranslations("NotBuilt");
  return (
    <section
      aria-labelledby="not-built-title"
      className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center"
    >
      <svg
        viewBox="0 0 24 24"
        className="mx-auto h-10 w-10 text-slate-400"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        aria-hidden="true"
        focusable="false"
      >
        <path strokeLinecap="round" strokeLinejoin="round" d="M11.42 15.17 17.25 21A2.652 2.652 0 0 0 21 17.25l-5.877-5.877M11.42 15.17l2.496-3.03c.317-.384.74-.626 1.208-.766M11.42 15.17l-4.655 5.653a2.548 2.548 0 1 1-3.586-3.586l6.837-5.63m5.108-.233c.55-.164 1.163-.188 1.743-.14a4.5 4.5 0 0 0 4.486-6.336l-3.276 3.277a3.004 3.004 0 0 1-2.25-2.25l3.276-3.276a4.5 4.5 0 0 0-6.336 4.486c.091 1.076-.071 2.264-.904 2.95l-.102.085m-1.745 1.437L5.909 7.5H4.5L2.25 3.75l1.5-1.5L7.5 4.5v1.409l4.26 4.26m-1.745 1.437 1.745-1.437m6.615 8.206L15.75 15.75M4.867 19.125h.008v.008h-.008v-.008Z" />
      </svg>
      <h2 id="not-built-title" className="mt-4 text-base font-semibold text-slate-800">
        {t("title")}
      </h2>
      <p className="mx-auto mt-2 max-w-md text-sm text-slate-600">{t("body", { feature })}</p>
    </section>
  );
}
