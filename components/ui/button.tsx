/** The one button: primary (the form's main action), secondary, or danger. */
import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary: "border-transparent bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  danger: "border-red-300 bg-white text-red-700 hover:bg-red-50",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

function buttonClass(variant: ButtonVariant = "secondary", extra = ""): string {
  return `inline-flex items-center justify-center rounded-md border px-3 py-1.5 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700 focus-visible:ring-offset-1 disabled:cursor-not-allowed disabled:opacity-60 ${VARIANTS[variant]} ${extra}`.trim();
}

export function Button({
  variant = "secondary",
  pending = false,
  className = "",
  type = "submit",
  disabled,
  children,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; pending?: boolean }) {
  return (
    <button type={type} disabled={disabled || pending} aria-busy={pending || undefined} className={buttonClass(variant, className)} {...rest}>
      {children}
    </button>
  );
}
