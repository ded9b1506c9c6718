"use client";
/**
 * The chosen submission under review and the outcome of the last action. Once the
 * submission (one region's month) has nothing left to review (all approved or returned),
 * the desk moves on to the next submission of the queue, on the queue's page where the
 * reviewer is, and puts the focus on its heading (on a phone, the desk scrolls into view
 * below the queue); the outcome stays shown, since the desk itself is not remounted.
 */
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { EntrySheet, FillHistory } from "@/lib/data/fills";
import { FormMessage, type FormResult } from "@/components/ui";
import { ReviewTable } from "./ReviewTable";

export function ReviewDesk({
  title,
  sheet,
  histories,
  next,
}: {
  title: string;
  sheet: EntrySheet;
  histories: Record<string, FillHistory["entries"]>;
  /** the next submission of the queue (or the queue itself when this was the last) */
  next: { href: string; label: string | null };
}) {
  const t = useTranslations("Review");
  const router = useRouter();
  const [result, setResult] = useState<FormResult>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const movedOn = useRef(false);
  useEffect(() => {
    if (!movedOn.current) return;
    movedOn.current = false;
    heading.current?.focus();
  }, [title]);
  const onResult = (res: FormResult, done: boolean) => {
    if (res && done) {
      setResult({ ...res, message: `${res.message} ${next.label ? t("movedOn", { next: next.label }) : t("queueDone")}` });
      movedOn.current = true;
      // not to the top of the page: the focus on the next submission's heading brings it into view
      router.push(next.href, { scroll: false });
    } else {
      setResult(res);
      router.refresh();
    }
  };
  return (
    <div>
      <h2 ref={heading} tabIndex={-1} className="mb-2 scroll-mt-4 text-lg font-semibold text-slate-900 focus:outline-none" data-testid="review-desk-title">{title}</h2>
      <div aria-live="polite" className="mb-2 min-h-5">
        <FormMessage result={result} />
      </div>
      <ReviewTable key={`${sheet.region.id}-${sheet.year}-${sheet.month}`} sheet={sheet} histories={histories} onResult={onResult} />
    </div>
  );
}
