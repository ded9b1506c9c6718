/** The product's mark: three rising bars. Decorative. */
export function BrandMark({ className = "h-8 w-8" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" fill="#ffffff" fillOpacity="0.12" />
      <rect x="7" y="17" width="4" height="8" rx="1" fill="#b3cbeb" />
      <rect x="14" y="12" width="4" height="13" rx="1" fill="#d8e5f5" />
      <rect x="21" y="7" width="4" height="18" rx="1" fill="#ffffff" />
    </svg>
  );
}
