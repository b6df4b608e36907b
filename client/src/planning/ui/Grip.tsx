/** Six dots: the handle people recognise as "drag me". */
export function GripIcon() {
  return (
    <svg className="icon grip-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {[7, 12, 17].map((y) => (
        <g key={y}>
          <circle cx="9" cy={y} r="1.6" />
          <circle cx="15" cy={y} r="1.6" />
        </g>
      ))}
    </svg>
  );
}
