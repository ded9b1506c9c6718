"use client";
/**
 * The interactive part of the county map: the server hands over finished SVG paths and a
 * details block per county; this shows the block of the county hovered or focused. A
 * click opens the county page; on a touch screen the first tap shows the details and a
 * second tap on the same county opens it.
 */
import { useRef, useState, type MouseEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";

export interface CanvasShape {
  code: string;
  d: string;
  /** label position and text (the short name, and the figure's state when not approved) */
  x: number;
  y: number;
  name: string;
  mark: string | null;
  /** the fill class of the county's status */
  fill: string;
  /** everything the colour and label say, for screen readers */
  ariaLabel: string;
  href: string | null;
}

export function MapCanvas({
  width,
  height,
  title,
  shapes,
  details,
  hint,
}: {
  width: number;
  height: number;
  title: string;
  shapes: CanvasShape[];
  details: Record<string, ReactNode>;
  hint: string;
}) {
  const router = useRouter();
  const [active, setActive] = useState<string | null>(null);
  // the county shown, read when a tap starts: the tap's own focus and mouse events show it too
  const shown = useRef<string | null>(null);
  const firstTap = useRef(false);
  const show = (code: string | null) => {
    shown.current = code;
    setActive(code);
  };

  function open(event: MouseEvent<Element>, shape: CanvasShape) {
    event.preventDefault();
    const tapToShow = firstTap.current;
    firstTap.current = false;
    if (tapToShow) show(shape.code);
    else if (shape.href) router.push(shape.href);
  }

  return (
    <div className="grid grid-cols-1 gap-3" data-testid="county-map-canvas">
      <svg viewBox={`0 0 ${width} ${height}`} role="group" aria-label={title} className="mx-auto h-auto w-full max-w-[28rem] touch-manipulation" onMouseLeave={() => show(null)}>
        {shapes.map((s) => {
          const path = <path d={s.d} className={`${s.fill} stroke-white transition-[stroke] [stroke-width:1.5] group-hover:stroke-slate-900 group-focus-visible:stroke-slate-900 group-focus-visible:[stroke-width:3]`} />;
          return s.href ? (
            <a
              key={s.code}
              href={s.href}
              aria-label={s.ariaLabel}
              className="group outline-none"
              data-code={s.code}
              onPointerDown={(e) => (firstTap.current = e.pointerType === "touch" && shown.current !== s.code)}
              onMouseEnter={() => show(s.code)}
              onFocus={() => show(s.code)}
              onClick={(e) => open(e, s)}
            >
              {path}
            </a>
          ) : (
            <g key={s.code} role="img" aria-label={s.ariaLabel} tabIndex={0} className="group outline-none" data-code={s.code} onMouseEnter={() => show(s.code)} onFocus={() => show(s.code)}>
              {path}
            </g>
          );
        })}
        <g aria-hidden="true" className="pointer-events-none fill-slate-900 text-[15px]" textAnchor="middle">
          {shapes.map((s) => (
            <text key={s.code} x={s.x} y={s.y}>
              {s.name}
              {s.mark ? (
                <tspan x={s.x} dy="1.1em" className="text-[12px]">
                  {s.mark}
                </tspan>
              ) : null}
            </text>
          ))}
        </g>
      </svg>
      <div aria-live="polite" className="min-h-24 rounded-md border border-slate-200 bg-white p-3 text-sm" data-testid="county-map-details">
        {active && details[active] ? details[active] : <p className="text-slate-600">{hint}</p>}
      </div>
    </div>
  );
}
