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
  const pointer = useRef<string>("mouse");

  function open(event: MouseEvent<Element>, shape: CanvasShape) {
    event.preventDefault();
    if (pointer.current === "touch" && active !== shape.code) {
      setActive(shape.code);
      return;
    }
    if (shape.href) router.push(shape.href);
  }

  return (
    <div className="grid grid-cols-1 gap-3" data-testid="county-map-canvas">
      <svg viewBox={`0 0 ${width} ${height}`} role="group" aria-label={title} className="mx-auto h-auto w-full max-w-[28rem] touch-manipulation" onMouseLeave={() => setActive(null)}>
        {shapes.map((s) => {
          const path = <path d={s.d} className={`${s.fill} stroke-white transition-[stroke] [stroke-width:1.5] group-hover:stroke-slate-900 group-focus-visible:stroke-slate-900 group-focus-visible:[stroke-width:3]`} />;
          return s.href ? (
            <a
              key={s.code}
              href={s.href}
              aria-label={s.ariaLabel}
              className="group outline-none"
              data-code={s.code}
              onPointerDown={(e) => (pointer.current = e.pointerType)}
              onMouseEnter={() => setActive(s.code)}
              onFocus={() => setActive(s.code)}
              onClick={(e) => open(e, s)}
            >
              {path}
            </a>
          ) : (
            <g key={s.code} role="img" aria-label={s.ariaLabel} tabIndex={0} className="group outline-none" data-code={s.code} onMouseEnter={() => setActive(s.code)} onFocus={() => setActive(s.code)}>
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
