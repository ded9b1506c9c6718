"use client";
/**
 * The entry form's state and actions: only what the user changed is kept; everything else
 * shows the saved fill, so a refresh after someone else's save shows their value and only
 * touched cells are sent. Save (draft) and submit go through the server actions; keys and
 * paste move through the editable value fields.
 */
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useRef, useState, useTransition, type ClipboardEvent, type KeyboardEvent } from "react";
import { saveFills } from "@/lib/actions/save-fills";
import { submitFills } from "@/lib/actions/submit-fills";
import type { FieldErrors } from "@/lib/actions/result";
import type { EntryRow, EntrySheet } from "@/lib/data/fills";
import type { FormResult } from "@/components/ui";
import { Decimal } from "@/lib/decimal";
import { formatInput } from "@/lib/format";
import { parseValues, type Parsed } from "./rules";

type Texts = Record<string, string>;
interface SaveCell {
  indicatorId: string;
  value: string;
  note: string;
  version: number;
  confirmed: boolean;
}

/** The lines of a column pasted from a spreadsheet (first cell of each line, trailing blanks dropped). */
function pastedLines(text: string): string[] {
  const lines = text.replace(/\r/g, "").split("\n").map((l) => l.split("\t")[0]!.trim());
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

function useFieldKeys() {
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  function move(index: number, delta: number) {
    const next = inputs.current[index + delta];
    if (next) {
      next.focus();
      next.select();
    }
  }
  return {
    register: (index: number) => (el: HTMLInputElement | null) => {
      inputs.current[index] = el;
    },
    onKeyDown(e: KeyboardEvent<HTMLInputElement>, index: number) {
      if (e.key === "Enter" || e.key === "ArrowDown") {
        e.preventDefault();
        move(index, 1);
      } else if (e.key === "ArrowUp") {
        e.preventDefault();
        move(index, -1);
      }
    },
  };
}

function useSave(sheet: EntrySheet, reset: () => void) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<FormResult>(null);
  const show = (ok: boolean, message: string, errs: FieldErrors = {}) => {
    setErrors(errs);
    setResult(ok ? { ok, message, data: undefined } : { ok, message, errors: errs });
    router.refresh();
  };
  function run(cells: SaveCell[], submit: boolean, reason: string) {
    setResult(null);
    startTransition(async () => {
      const base = { regionId: sheet.region.id, year: sheet.year, month: sheet.month };
      if (cells.length > 0) {
        const saved = await saveFills(null, { ...base, cells, reason });
        if (!saved.ok) return show(false, saved.message, saved.errors);
        reset();
        if (!submit) return show(true, saved.message);
      }
      if (submit) {
        const res = await submitFills(null, base);
        show(res.ok, res.message, res.ok ? {} : res.errors);
      }
    });
  }
  return { pending, errors, result, setResult, run };
}

export function useEntrySheet(sheet: EntrySheet, canWrite: boolean) {
  const t = useTranslations("Entry");
  const [values, setValues] = useState<Texts>({});
  const [notes, setNotes] = useState<Texts>({});
  const [confirmed, setConfirmed] = useState<Record<string, boolean>>({});
  // why an administrator enters on the region's behalf (kept after a save: it usually covers the next one too)
  const [reason, setReason] = useState("");
  const keys = useFieldKeys();
  const save = useSave(sheet, () => {
    setValues({});
    setNotes({});
    setConfirmed({});
  });

  // a saved value is shown at the indicator's precision (0.60 stays 0.60)
  const valueText = (r: EntryRow) => values[r.indicatorId] ?? formatInput(r.fill?.value, r.precision);
  const noteText = (r: EntryRow) => notes[r.indicatorId] ?? r.fill?.note ?? "";
  const editable = (r: EntryRow) => canWrite && r.kind !== "RATIO" && !r.lock.locked;
  const editableRows = sheet.rows.filter(editable);
  const parsed: Record<string, Parsed> = useMemo(
    () => parseValues(sheet.rows, (r) => values[r.indicatorId] ?? formatInput(r.fill?.value, r.precision)),
    [values, sheet.rows],
  );
  const valueOf = (id: string | null): Decimal | null => {
    const v = id ? parsed[id] : null;
    return v instanceof Decimal ? v : null;
  };

  function onPaste(e: ClipboardEvent<HTMLInputElement>, index: number) {
    const lines = pastedLines(e.clipboardData.getData("text"));
    if (lines.length < 2) return; // a single value: the browser pastes it
    e.preventDefault();
    setValues((old) => {
      const next = { ...old };
      lines.forEach((line, k) => {
        const row = editableRows[index + k];
        if (row) next[row.indicatorId] = line;
      });
      return next;
    });
    save.setResult({ ok: true, message: t("pasted", { count: Math.min(lines.length, editableRows.length - index) }), data: undefined });
  }

  /** The touched cells, as the save action takes them. */
  const cells = (): SaveCell[] =>
    editableRows
      .filter((r) => r.indicatorId in values || r.indicatorId in notes)
      .filter((r) => valueText(r).trim() !== "" || r.fill !== null)
      .map((r) => ({ indicatorId: r.indicatorId, value: valueText(r), note: noteText(r), version: r.fill?.version ?? 0, confirmed: !!confirmed[r.indicatorId] }));

  return {
    pending: save.pending,
    errors: save.errors,
    result: save.result,
    parsed,
    valueOf,
    valueText,
    noteText,
    editable,
    editableRows,
    isConfirmed: (id: string) => !!confirmed[id],
    setValue: (id: string, text: string) => setValues((old) => ({ ...old, [id]: text })),
    setNote: (id: string, text: string) => setNotes((old) => ({ ...old, [id]: text })),
    setConfirmed: (id: string, on: boolean) => setConfirmed((old) => ({ ...old, [id]: on })),
    register: keys.register,
    onKeyDown: keys.onKeyDown,
    onPaste,
    reason,
    setReason,
    run: (submit: boolean) => save.run(cells(), submit, reason),
  };
}

export type EntrySheetState = ReturnType<typeof useEntrySheet>;
