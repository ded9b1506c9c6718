"use client";
/** A small form that deactivates or re-activates a row (indicator or region) through its action. */
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { Button } from "@/components/ui";

export function ToggleActiveButton({
  action,
  id,
  active,
  label,
  confirmText,
}: {
  action: (prev: ActionResult<undefined> | null, input: FormData) => Promise<ActionResult<undefined>>;
  id: string;
  /** the state to set */
  active: boolean;
  label: string;
  confirmText?: string;
}) {
  const [result, formAction, pending] = useActionState(action, null);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (confirmText && !window.confirm(confirmText)) e.preventDefault();
      }}
      className="inline"
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={active ? "true" : "false"} />
      <Button pending={pending}>
        {label}
      </Button>
      {result && !result.ok ? (
        <span role="status" className="ml-2 text-xs text-red-700">
          {result.message}
        </span>
      ) : null}
    </form>
  );
}
